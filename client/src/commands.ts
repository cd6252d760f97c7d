// Commands: validate the workspace (and quietly again after a reload), insert a standard table, create a new
// report from the template, open the preview, restart the server.

import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, ValidateWorkspaceRequest, type ValidateWorkspaceResult } from '../../server/src/shared/protocol';
import tsvSnippets from '../../snippets/gov-report.json';
import markdownSnippets from '../../snippets/gov-report.md.json';
import { displayPath, includeGlob } from './files';
import { messages } from './i18n';
import type { PreviewManager } from './preview';

/** workspaceState: Validate All has run in this workspace (its results are computed again after a reload). */
export const VALIDATED_KEY = 'govReport.validatedAll';

type SnippetName = keyof typeof tsvSnippets;

const TABLE_SNIPPETS: Record<string, SnippetName> = {
  [COMMANDS.insertTable2]: '表二 主动公开政府信息情况',
  [COMMANDS.insertTable3]: '表三 收到和处理政府信息公开申请情况',
  [COMMANDS.insertTable4]: '表四 政府信息公开行政复议、行政诉讼情况',
};

const SKELETON: SnippetName = '年度报告框架（六个部分）';

/** The snippets for a document: Markdown tables in Markdown, TSV elsewhere. */
function snippetsFor(languageId: string): Record<SnippetName, { body: string[] }> {
  return languageId === 'markdown' ? markdownSnippets : tsvSnippets;
}

export interface ValidateOptions {
  /** No notification: progress in the status bar, no summary (the run after a reload). */
  readonly quiet?: boolean;
}

export async function validateWorkspace(
  start: () => Promise<LanguageClient>, context: vscode.ExtensionContext, output: vscode.LogOutputChannel, options: ValidateOptions = {},
): Promise<ValidateWorkspaceResult | undefined> {
  const msg = messages().client;
  if (!vscode.workspace.workspaceFolders?.length) {
    if (!options.quiet) void vscode.window.showWarningMessage(msg.noWorkspace());
    return undefined;
  }
  const location = options.quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
  const result = await vscode.window.withProgress({ location, title: msg.checking(), cancellable: !options.quiet }, async (progress, token) => {
    // The server reports progress against a token the client makes, so that this one notification shows it (from
    // the moment of the command: the server may have to start first).
    const workDoneToken = `govReport-validate-${Date.now()}`;
    let last = 0;
    let listener: vscode.Disposable | undefined;
    // Until the server counts files, the message says how long the editor has been listing them (4,000 files take
    // a moment): the notification never stands still.
    const listingStarted = Date.now();
    progress.report({ message: msg.listing() });
    const ticking = setInterval(() => progress.report({ message: `${msg.listing()} ${((Date.now() - listingStarted) / 1000).toFixed(1)} s` }), 100);
    try {
      const client = await start();
      let checked = 0;
      listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        clearInterval(ticking);
        const percentage = value.percentage ?? last;
        progress.report({ increment: percentage - last, message: value.message });
        last = percentage;
        checked = Number(/(\d+)\//.exec(value.message ?? '')?.[1] ?? checked);
      });
      // Listed through the editor: exactly the files the user sees (files.exclude), no walk of our own.
      const uris = await vscode.workspace.findFiles(includeGlob(), undefined, undefined, token);
      const cancelled = (files: number): ValidateWorkspaceResult => ({
        files, reports: 0, reportsWithErrors: 0, errors: 0, warnings: 0, notReports: 0, unreadable: [], cancelled: true, elapsedMs: 0,
      });
      if (token.isCancellationRequested) return cancelled(0);
      const request = client.sendRequest(ValidateWorkspaceRequest, { workDoneToken, files: uris.map((u) => u.toString()) }, token);
      // Cancel takes effect at once: the server stops at its next file, and its answer (behind the diagnostics it has
      // sent) is not waited for.
      const stopped = new Promise<ValidateWorkspaceResult>((resolve) => token.onCancellationRequested(() => resolve(cancelled(checked))));
      request.then((r) => r.cancelled && output.info(`validation stopped by the server after ${r.files} files`), () => undefined);
      return await Promise.race([request, stopped]);
    } catch (e) {
      output.error(`validate workspace: ${e instanceof Error ? e.message : String(e)}`);
      if (!options.quiet) void vscode.window.showErrorMessage(msg.failed(e instanceof Error ? e.message : String(e)));
      return undefined;
    } finally {
      clearInterval(ticking);
      listener?.dispose();
    }
  });
  if (!result) return undefined;
  for (const u of result.unreadable) output.warn(`${u.path}: ${u.reason}`);
  if (!result.cancelled) await context.workspaceState.update(VALIDATED_KEY, true);
  output.info(`validated workspace: ${result.files} files, ${result.reports} reports, ${result.reportsWithErrors} with errors${result.cancelled ? ' (cancelled)' : ''}`);
  if (options.quiet) return result;
  const message = result.cancelled
    ? msg.cancelled(result.files)
    : msg.summary(result.files, result.reports, result.reportsWithErrors, result.errors, result.warnings, (result.elapsedMs / 1000).toFixed(1));
  const names = result.unreadable.slice(0, 3).map((u) => `“${displayPath(u.uri)}”`).join('、') + (result.unreadable.length > 3 ? '…' : '');
  const extra = result.unreadable.length > 0 ? `\n${msg.unreadable(result.unreadable.length, names)}` : '';
  const show = result.errors > 0 || result.unreadable.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const buttons = result.unreadable.length > 0 ? [msg.openProblems(), msg.showLog()] : [msg.openProblems()];
  void show(message + extra, ...buttons).then((choice) => {
    if (choice === msg.openProblems()) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice === msg.showLog()) output.show(true);
  });
  return result;
}

/** After a reload: the workspace's results computed again, with no notification. */
export async function revalidateQuietly(start: () => Promise<LanguageClient>, context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  try {
    await validateWorkspace(start, context, output, { quiet: true });
  } catch (e) {
    output.error(`revalidate: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A table inserted where the cursor is, on lines of its own with a blank line before and after it (a table glued to
 * the text around it is read as part of that text).
 */
async function insertTable(editor: vscode.TextEditor, body: readonly string[]): Promise<void> {
  const doc = editor.document;
  const cursor = editor.selection.active;
  const line = doc.lineAt(cursor.line);
  const blank = (l: number) => l < 0 || l >= doc.lineCount || doc.lineAt(l).isEmptyOrWhitespace;
  let at: vscode.Position;
  let before: string;
  let nextLine: number;
  if (line.isEmptyOrWhitespace) {
    at = line.range.start;
    before = blank(cursor.line - 1) ? '' : '\n';
    nextLine = cursor.line + 1;
  } else {
    at = line.range.end;
    before = '\n\n';
    nextLine = cursor.line + 1;
  }
  const last = nextLine >= doc.lineCount;
  const after = last ? '\n' : blank(nextLine) ? '' : '\n';
  const snippet = new vscode.SnippetString(before + body.join('\n') + after);
  await editor.insertSnippet(snippet, at);
}

/** The six-part skeleton with the unit and year written in (the snippet's tab stops taken out). */
function reportText(languageId: string, unit: string, year: string): string {
  const body = snippetsFor(languageId)[SKELETON].body.join('\n');
  return body
    .replace(/\$\{1:[^}]*\}/g, () => unit)
    .replace(/\$\{2:[^}]*\}/g, () => year)
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\\([$}\\])/g, '$1') + '\n';
}

async function newReport(): Promise<void> {
  const msg = messages().client;
  const unit = await vscode.window.showInputBox({
    title: msg.newReportUnit(), prompt: msg.newReportUnit(), placeHolder: msg.newReportUnitPlaceholder(), ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || /[\\/:*?"<>|]/.test(v) ? msg.newReportUnit() : undefined),
  });
  if (!unit) return;
  const lastYear = String(new Date().getFullYear() - 1);
  const year = await vscode.window.showInputBox({
    title: msg.newReportYear(), prompt: msg.newReportYear(), value: lastYear, ignoreFocusOut: true,
    validateInput: (v) => (/^(19|20)\d{2}$/.test(v.trim()) ? undefined : msg.newReportYearInvalid()),
  });
  if (!year) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${unit.trim()}${year.trim()}年政府信息公开工作年度报告.txt`;
  const target = await vscode.window.showSaveDialog({
    title: msg.newReportSave(), saveLabel: msg.newReportSave(),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [msg.fileTypeText()]: ['txt'], [msg.fileTypeMarkdown()]: ['md'] },
  });
  if (!target) return;
  const markdown = /\.(md|markdown)$/i.test(target.path);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(reportText(markdown ? 'markdown' : 'plaintext', unit.trim(), year.trim())));
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc);
  // The cursor on the first thing to write: the first "（文字描述…）" of the template.
  const at = doc.getText().search(/（文字描述[^）\n]*）/);
  if (at >= 0) {
    const m = /（文字描述[^）\n]*）/.exec(doc.getText().slice(at))!;
    const selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + m[0].length));
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export function registerCommands(
  context: vscode.ExtensionContext, start: () => Promise<LanguageClient>, output: vscode.LogOutputChannel, previews: PreviewManager,
): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(COMMANDS.validateWorkspace, () => validateWorkspace(start, context, output));
  for (const [id, name] of Object.entries(TABLE_SNIPPETS)) {
    reg(id, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage(messages().client.noEditor());
        return;
      }
      await insertTable(editor, snippetsFor(editor.document.languageId)[name].body);
    });
  }
  reg(COMMANDS.newReport, newReport);
  reg(COMMANDS.showProblems, () => vscode.commands.executeCommand('workbench.actions.view.problems'));
  reg(COMMANDS.restartServer, async () => (await start()).restart());
  reg(COMMANDS.showPreview, (uri?: unknown) => previews.show(false, uri instanceof vscode.Uri ? uri : undefined));
  reg(COMMANDS.showPreviewToSide, (uri?: unknown) => previews.show(true, uri instanceof vscode.Uri ? uri : undefined));
}
