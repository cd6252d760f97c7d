// Commands: validate the workspace, insert a standard table, create a new report from the template.

import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, ValidateWorkspaceRequest, type ValidateWorkspaceResult } from '../../server/src/shared/protocol';
import { REPORT_LANGUAGE_ID } from '../../server/src/shared/constants';
import snippets from '../../snippets/gov-report.json';
import { messages } from './i18n';

const TABLE_SNIPPETS: Record<string, keyof typeof snippets> = {
  [COMMANDS.insertTable2]: '表二 主动公开政府信息情况',
  [COMMANDS.insertTable3]: '表三 收到和处理政府信息公开申请情况',
  [COMMANDS.insertTable4]: '表四 政府信息公开行政复议、行政诉讼情况',
};

/** The files Validate All checks: what the editor lists, with the user's files.exclude applied. */
const REPORT_FILES = '**/*.{txt,md}';

export async function validateWorkspace(client: LanguageClient, output: vscode.LogOutputChannel): Promise<ValidateWorkspaceResult | undefined> {
  const msg = messages().client;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(msg.noWorkspace());
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: msg.checking(), cancellable: true },
    async (progress, token) => {
      // The server reports progress against a token we create, so the one notification shows it.
      const workDoneToken = `govReport-validate-${Date.now()}`;
      let last = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'report' && value.percentage !== undefined) {
          progress.report({ increment: value.percentage - last, message: value.message });
          last = value.percentage;
        }
      });
      try {
        // Listed through the editor: exactly the files the user sees (files.exclude), no walk of our own.
        const uris = await vscode.workspace.findFiles(REPORT_FILES, undefined, undefined, token);
        if (token.isCancellationRequested) return undefined;
        return await client.sendRequest(ValidateWorkspaceRequest, { workDoneToken, files: uris.map((u) => u.toString()) }, token);
      } catch (e) {
        output.error(`validate workspace: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage(msg.failed(e instanceof Error ? e.message : String(e)));
        return undefined;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) return undefined;
  for (const u of result.unreadable) output.warn(`${u.path}: ${u.reason}`);
  const message = result.cancelled
    ? msg.cancelled(result.files)
    : msg.summary(result.files, result.reports, result.reportsWithErrors, result.errors, result.warnings, (result.elapsedMs / 1000).toFixed(1));
  const extra = result.unreadable.length > 0 ? ` ${msg.unreadable(result.unreadable.length, result.unreadable.slice(0, 3).map((u) => u.path).join('、'))}` : '';
  const show = result.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message + extra, msg.openProblems()).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(COMMANDS.validateWorkspace, () => validateWorkspace(client, output));
  for (const [id, name] of Object.entries(TABLE_SNIPPETS)) {
    reg(id, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage(messages().client.noEditor());
        return;
      }
      await editor.insertSnippet(new vscode.SnippetString(snippets[name].body.join('\n') + '\n'));
    });
  }
  reg(COMMANDS.newReport, async () => {
    const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(new vscode.SnippetString(snippets['年度报告框架（六个部分）'].body.join('\n')));
  });
  reg(COMMANDS.showProblems, () => vscode.commands.executeCommand('workbench.actions.view.problems'));
  reg(COMMANDS.restartServer, () => client.restart());
}
