// The VS Code extension. It activates cheaply (plain text, Markdown, or at start-up to restore the workspace's
// results) and starts the language server only when the first report is opened, a command needs it, or Validate All
// had been run in this workspace (then it quietly runs again, so that the results survive a window reload).
// No rule logic here: everything a user sees about a report comes from the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CHECKED_LANGUAGES, PUBLISHED_SCHEME, REPORT_LANGUAGE_ID, SOURCE } from '../../server/src/shared/constants';
import { COMMANDS, type InitializationOptions } from '../../server/src/shared/protocol';
import { hasReportWordsInMojibake, looksGarbled, looksLikeReport, nameSuggestsReport } from '../../server/src/shared/sniff';
import { registerCommands, revalidateQuietly, VALIDATED_KEY } from './commands';
import { messages } from './i18n';
import { PreviewManager } from './preview';
import { StatusBar } from './statusBar';
import { watchedFiles } from './files';
import { DiagnosticsBatch } from './diagnosticsBatch';
import { registerPublished } from './published';
import { SummaryView } from './summaryView';

const NAME = '政府信息公开年度报告 (Gov Report)';
/** How much of a document the client's sniff reads: enough for a report's title and headings, never a whole log. */
const SNIFF_CHARS = 200_000;

/** What the extension gives other extensions and its tests. */
export interface Api {
  /** The language client once the server has been started, else undefined. */
  readonly client: LanguageClient | undefined;
  /** Starts the server if it is not running; resolves with the client once it is. */
  start(): Promise<LanguageClient>;
  /** The summary view (年度报告汇总). */
  readonly summary: SummaryView;
}

let running: Promise<LanguageClient> | undefined;
let current: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const output = vscode.window.createOutputChannel(NAME, { log: true });
  context.subscriptions.push(output);
  const statusBar = new StatusBar(() => current);
  const previews = new PreviewManager(context, () => start());
  context.subscriptions.push(statusBar, previews);
  const summary = new SummaryView(() => start());
  context.subscriptions.push(summary);

  const start = (): Promise<LanguageClient> => {
    running ??= startClient(context, output).then((client) => {
      current = client;
      statusBar.clientReady();
      previews.clientReady(client);
      summary.clientReady(client);
      return client;
    });
    return running;
  };

  registerCommands(context, start, output, previews);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.revealPlaceholder, revealRange));
  registerPublished(context, start);

  // Reports are told by their content. A plain-text report is given the report language (its colouring, snippets
  // and editor defaults; the user's own choice of language is never undone); Markdown stays Markdown. The first
  // report opened starts the server.
  const decided = new Set<string>();
  const consider = (doc: vscode.TextDocument) => {
    // A web page that names itself a report is checked in place (the server decides whether it is one).
    if (doc.languageId === 'html' && doc.uri.scheme === 'file' && /政府信息公开/.test(doc.getText().slice(0, SNIFF_CHARS * 5))) void start();
    if (!(CHECKED_LANGUAGES as readonly string[]).includes(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return;
    const head = doc.getText().slice(0, SNIFF_CHARS);
    const report = doc.languageId === REPORT_LANGUAGE_ID || looksLikeReport(head);
    const garbled = !report && looksGarbled(head) && (nameSuggestsReport(doc.uri.path) || hasReportWordsInMojibake(head));
    if (report || garbled) void start();
    const key = doc.uri.toString();
    if (doc.languageId !== 'plaintext' || decided.has(key)) return;
    // Untitled text is sniffed again as it is typed or pasted; a file once, when it opens.
    if (report || doc.uri.scheme === 'file') decided.add(key);
    if (report) void vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE_ID).then(undefined, () => undefined);
  };
  let pendingSniff: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== 'untitled' || e.document.languageId !== 'plaintext') return;
      clearTimeout(pendingSniff);
      pendingSniff = setTimeout(() => consider(e.document), 300);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === 'untitled') decided.delete(doc.uri.toString());
    }),
    { dispose: () => clearTimeout(pendingSniff) },
  );
  for (const doc of vscode.workspace.textDocuments) consider(doc);

  // Validate All ran here before: its results come back after a reload, checked again without a word.
  if (context.workspaceState.get<boolean>(VALIDATED_KEY) && vscode.workspace.workspaceFolders?.length) {
    void revalidateQuietly(start, context, output);
  }

  return {
    get client() {
      return current;
    },
    start,
    summary,
  };
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { locale: vscode.env.language, revealCommand: COMMANDS.revealPlaceholder };
  // (The closure reads `client` once it exists: the first diagnostics arrive after start.)
  const batch = new DiagnosticsBatch(() => client.diagnostics);
  context.subscriptions.push(batch);
  const clientOptions: LanguageClientOptions = {
    // Reports as text; a published file's rendered text (read-only, client/src/published.ts); web pages, checked in
    // place when they are reports.
    documentSelector: [
      ...CHECKED_LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      { scheme: PUBLISHED_SCHEME },
      { scheme: 'file', language: 'html' },
    ],
    outputChannel: output,
    initializationOptions,
    // Files changed, created or deleted on disk: the server re-checks or drops their workspace results. A deleted
    // folder is one event for the folder, whatever its name: deletions of anything are passed on.
    synchronize: { fileEvents: watchedFiles() },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => batch.handle(uri, diagnostics, next),
      // A garbled report: the light bulb offers VS Code's own Reopen with Encoding.
      async provideCodeActions(document, range, ctx, token, next) {
        const actions = (await next(document, range, ctx, token)) ?? [];
        const garbled = ctx.diagnostics.find((d) => d.source === SOURCE && codeOf(d) === 'encoding-garbled');
        if (garbled) {
          const reopen = new vscode.CodeAction(messages().client.reopenWithEncoding(), vscode.CodeActionKind.QuickFix);
          reopen.command = { title: reopen.title, command: 'workbench.action.editor.changeEncoding' };
          reopen.diagnostics = [garbled];
          reopen.isPreferred = true;
          actions.push(reopen);
        }
        return actions;
      },
    },
  };
  const client = new LanguageClient('govReport', NAME, serverOptions, clientOptions);
  // The client restarts a server that dies (up to 4 times in 3 minutes) and logs each restart to the channel.
  await client.start();
  context.subscriptions.push({ dispose: () => void client.stop() });
  return client;
}

/** A diagnostic's code as a string (VS Code gives `{ value, target }` when the code links to its rule). */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

/** Selects a range of a document in its editor (after a fix inserted template text: its first placeholder). */
async function revealRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString())
    ?? await vscode.window.showTextDocument(target);
  const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function deactivate(): Promise<void> {
  const client = current;
  current = undefined;
  running = undefined;
  await client?.stop();
}
