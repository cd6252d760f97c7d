// Published reports in VS Code: a Word/WPS/PDF file (or a web page) opened as the read-only document of its rendered
// text, under the extension's own URI scheme (`gov-report-published:/path/to/report.docx`), and checked like any
// report; the Explorer's badge on the file with its problems. The text comes from the server, which reads the file on
// its reader threads (PublishedTextRequest): the extension never reads a published file itself.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HTML_EXTENSIONS, PUBLISHED_EXTENSIONS, PUBLISHED_SCHEME, REPORT_LANGUAGE_ID, SOURCE } from '../../server/src/shared/constants';
import { COMMANDS, PublishedTextRequest } from '../../server/src/shared/protocol';
import { looksLikeReport } from '../../server/src/shared/sniff';
import { messages } from './i18n';

const EXTENSIONS: readonly string[] = [...PUBLISHED_EXTENSIONS, ...HTML_EXTENSIONS];

/** The rendered text's URI of a file. */
export function publishedUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: PUBLISHED_SCHEME });
}

/** The file of a rendered text's URI. */
export function fileOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: 'file' });
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** The rendered text of published files, from the server; a file that cannot be read says why, in its place. */
class PublishedTextProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Rendered texts that could not be read: their document holds the reason, which is no report. */
  readonly failed = new Set<string>();
  /** Texts the command has just read, for the document it opens next (read once, not twice). */
  private readonly primed = new Map<string, { ok: true; text: string; notes: string[] }>();

  constructor(private readonly start: () => Promise<LanguageClient>) {}

  prime(uri: vscode.Uri, result: { ok: true; text: string; notes: string[] }): void {
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.primed.set(uri.toString(), result);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const primed = this.primed.get(uri.toString());
    this.primed.delete(uri.toString());
    const result = primed ?? await read(this.start, uri, token);
    if (!result.ok) {
      this.failed.add(uri.toString());
      void vscode.window.showErrorMessage(result.message);
      return `${result.message}\n`;
    }
    this.failed.delete(uri.toString());
    if (result.notes.length > 0) void vscode.window.showWarningMessage(messages().client.publishedPartial(nameOf(uri), result.notes.join('；')));
    return result.text;
  }

  /** The file changed on disk: an open rendered text is read again. */
  fileChanged(file: vscode.Uri): void {
    const uri = publishedUri(file);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function read(start: () => Promise<LanguageClient>, uri: vscode.Uri, token?: vscode.CancellationToken) {
  try {
    const client = await start();
    return await client.sendRequest(PublishedTextRequest, { uri: fileOf(uri).toString() }, token);
  } catch (e) {
    return { ok: false as const, message: messages().client.publishedUnreadable(nameOf(uri), e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * The Explorer's badge on a published file: the errors (else the warnings) published on its rendered text, by
 * Validate All or while it is open. A web page's own problems are VS Code's to show (they are on the file itself).
 */
class PublishedDecorations implements vscode.FileDecorationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    const files = e.uris.filter((u) => u.scheme === PUBLISHED_SCHEME).map(fileOf);
    if (files.length > 0) this.changed.fire(files);
  });

  provideFileDecoration(file: vscode.Uri): vscode.FileDecoration | undefined {
    if (file.scheme !== 'file') return undefined;
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(publishedUri(file))) {
      if (d.source !== SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    if (errors + warnings === 0) return undefined;
    const count = errors > 0 ? errors : warnings;
    const decoration = new vscode.FileDecoration(count > 99 ? '99' : String(count), messages().client.publishedDecoration(errors, warnings),
      new vscode.ThemeColor(errors > 0 ? 'list.errorForeground' : 'list.warningForeground'));
    decoration.propagate = false;
    return decoration;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Opens a published file as the read-only, checked document of its report text. */
async function openPublished(start: () => Promise<LanguageClient>, provider: PublishedTextProvider, target?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  let file = target;
  if (!file) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && isPublishedName(active.path)) file = active.scheme === PUBLISHED_SCHEME ? fileOf(active) : active;
  }
  if (!file) {
    // The workspace's Word/WPS/PDF files and web pages to choose from (the system's dialog when there are none).
    const found = vscode.workspace.workspaceFolders?.length
      ? await vscode.workspace.findFiles(`**/*.{${EXTENSIONS.join(',')}}`, '**/node_modules/**', 5000) : [];
    if (found.length > 0) {
      const items = found.sort((a, b) => a.path.localeCompare(b.path)).map((uri) => ({ label: nameOf(uri), description: vscode.workspace.asRelativePath(uri, false), uri }));
      const chosen = await vscode.window.showQuickPick(items, { title: messages().client.publishedOpenLabel(), placeHolder: messages().client.publishedFileTypes(), matchOnDescription: true });
      if (!chosen) return undefined;
      file = chosen.uri;
    }
  }
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false, openLabel: messages().client.publishedOpenLabel(),
      filters: { [messages().client.publishedFileTypes()]: [...EXTENSIONS] },
    });
    file = picked?.[0];
  }
  if (!file) return undefined;
  if (file.scheme === PUBLISHED_SCHEME) file = fileOf(file);
  if (file.scheme !== 'file') {
    void vscode.window.showWarningMessage(messages().client.publishedNoFile());
    return undefined;
  }
  const uri = publishedUri(file);
  // Asked first, so that a file that cannot be read gives its message and no document.
  const result = await read(start, uri);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  provider.prime(uri, result);
  let doc = await vscode.workspace.openTextDocument(uri);
  // A file that is no report stays plain text (the server then checks it only if its text is one after all).
  if (doc.languageId !== REPORT_LANGUAGE_ID && looksLikeReport(doc.getText())) doc = await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE_ID);
  return vscode.window.showTextDocument(doc, { preview: false });
}

function isPublishedName(path: string): boolean {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && EXTENSIONS.includes(ext);
}

/** The provider, the command, the badges, and the report language for every rendered text however it was opened. */
export function registerPublished(context: vscode.ExtensionContext, start: () => Promise<LanguageClient>): void {
  const provider = new PublishedTextProvider(start);
  const decorations = new PublishedDecorations();
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{${EXTENSIONS.join(',')}}`, true, false, true);
  const setLanguage = (doc: vscode.TextDocument) => {
    // Opened from the Problems panel or restored after a reload: a rendered text is a report.
    if (doc.uri.scheme !== PUBLISHED_SCHEME) return;
    const report = !provider.failed.has(doc.uri.toString()) && looksLikeReport(doc.getText());
    // A reason why the file could not be read is no report: never checked as one (no false "missing part").
    const language = report ? REPORT_LANGUAGE_ID : doc.languageId === REPORT_LANGUAGE_ID ? 'plaintext' : undefined;
    if (language && doc.languageId !== language) void vscode.languages.setTextDocumentLanguage(doc, language).then(undefined, () => undefined);
  };
  context.subscriptions.push(
    provider, decorations, watcher,
    vscode.workspace.registerTextDocumentContentProvider(PUBLISHED_SCHEME, provider),
    vscode.window.registerFileDecorationProvider(decorations),
    watcher.onDidChange((file) => provider.fileChanged(file)),
    vscode.workspace.onDidOpenTextDocument(setLanguage),
    vscode.commands.registerCommand(COMMANDS.openPublished, (uri?: unknown) => openPublished(start, provider, uri instanceof vscode.Uri ? uri : undefined)),
  );
  for (const doc of vscode.workspace.textDocuments) setLanguage(doc);
}
