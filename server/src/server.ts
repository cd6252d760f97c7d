// The language server: wires the engine and the pure features to LSP. No rule logic here; the per-document
// analysis is lsp/analysis.ts, settings lsp/settings.ts, workspace results lsp/workspace.ts.
// Runs over IPC (from the VS Code extension) or stdio (`node dist/server.js --stdio`, any LSP client).

import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, ProposedFeatures, ResponseError,
  TextDocumentSyncKind, TextDocuments, createConnection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_CODES } from './report';
import { hover } from './features/hover';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { documentSymbols, foldingRanges } from './features/outline';
import { codeLenses } from './features/codeLens';
import { cellAt } from './features/cellAt';
import { preview } from './features/preview';
import { warmUp } from './warmUp';
import { Analyses, type Analysis } from './lsp/analysis';
import { SettingsStore } from './lsp/settings';
import { WorkspaceResults } from './lsp/workspace';
import { PublishedDocs } from './lsp/publishedDocs';
import { PUBLISHED_SCHEME } from './shared/constants';
import { ReportIndex } from './lsp/reportIndex';
import { registerSummaryRequests } from './lsp/summaryRequests';
import {
  CellAtRequest, DEFAULT_SETTINGS, PreviewRequest, PublishedTextRequest, SummaryChangedNotification, RuleCodesRequest, ServerInfoRequest, SETTINGS_SECTION, ValidateWorkspaceRequest,
  type InitializationOptions, type PreviewParams, type Settings, type TextDocumentPositionParams,
} from './shared/protocol';

const VERSION = '0.1.0';
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
/** Word/WPS/PDF files as their rendered text, web pages checked in place (lsp/publishedDocs.ts). */
const publishedDocs = new PublishedDocs((what, uri, e) => logError(what, uri, e));
const analyses = new Analyses((uri, model, options) => (uri.startsWith(`${PUBLISHED_SCHEME}:`) ? publishedDocs.extraDiagnostics(uri, model, options) : []));
/** The settings each open document was last checked with (requests between edits reuse them). */
const lastSettings = new Map<string, Settings>();

let workDoneProgress = false;
/** The client's command that selects a range, when it has one (initializationOptions.revealCommand). */
let revealCommand: string | undefined;
let workspaceFolders: string[] = [];

function log(message: string): void {
  connection.console.info(message);
}

function logError(what: string, uri: string | undefined, e: unknown, position?: unknown): void {
  const where = position !== undefined ? ` at ${JSON.stringify(position)}` : '';
  connection.console.error(`${what} failed for ${uri ?? '?'}${where}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
}

function analyzeOpen(uri: string, s: Settings): Analysis | undefined {
  const doc = documents.get(uri);
  return doc ? analyses.analyze(doc, s, settings.messages(s), acrossReports) : undefined;
}

// The workspace index of reports (lsp/reportIndex.ts): the rules across reports in open documents read it.
const index = new ReportIndex({
  workspaceFolders: () => workspaceFolders,
  publish: (uri, diagnostics) => workspace.republish(uri, diagnostics),
  rediagnose(uri) {
    const doc = documents.get(uri);
    if (doc) schedule(doc);
  },
  changed: () => void connection.sendNotification(SummaryChangedNotification).catch(() => undefined),
  log,
});
const acrossReports = (uri: string, a: Analysis) => index.openAnalysis(uri, a.model, a.diagnostics, { locale: a.msg.locale, severities: a.settings.severity });

/** The analysis of the document as it is now, for requests (hover, actions…) that arrive between edits. */
function current(uri: string): Analysis | undefined {
  return analyzeOpen(uri, lastSettings.get(uri) ?? DEFAULT_SETTINGS);
}

const workspace = new WorkspaceResults({
  connection,
  settings,
  get workDoneProgress() {
    return workDoneProgress;
  },
  workspaceFolders: () => workspaceFolders,
  isOpen: (uri) => documents.get(uri) !== undefined,
  publishedDocs,
  openCounts(uri) {
    const html = publishedDocs.openHtmlCounts(uri);
    if (html) return html;
    const a = current(uri);
    if (!a?.model) return undefined;
    let errors = 0;
    let warnings = 0;
    for (const d of a.diagnostics) if (d.severity === 1) errors++; else if (d.severity === 2) warnings++;
    return { errors, warnings };
  },
  log,
  logError: (what, uri, e) => logError(what, uri, e),
  index,
});

// A newer edit supersedes older work: each change records the version to check; a run that finds a newer
// version pending (or the document gone) does nothing. The check waits two event-loop turns: vscode-jsonrpc
// handles one queued message per turn, so when edits arrive together (a paste, a replace-all, a client
// replaying changes) the next edit is applied before the older check runs, and only the newest is checked.
// A lone keystroke is checked at once: no timer, no debounce.
const pending = new Map<string, number>();

function schedule(doc: TextDocument): void {
  pending.set(doc.uri, doc.version);
  setImmediate(() => setImmediate(() => void validate(doc.uri, doc.version)));
}

async function validate(uri: string, version: number): Promise<void> {
  if (pending.get(uri) !== version) return;
  try {
    const s = await settings.get(uri);
    const doc = documents.get(uri);
    if (!doc || doc.version !== version || pending.get(uri) !== version) return;
    pending.delete(uri);
    lastSettings.set(uri, s);
    if (doc.languageId === 'html') {
      // A web page is checked in place, on a reader thread, when it is recognisably a report.
      publishedDocs.checkOpenHtml(uri, version, doc.getText(), s, settings.messages(s), (diagnostics) => {
        if (documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
      });
      return;
    }
    const started = Date.now();
    const a = analyzeOpen(uri, s)!;
    const ms = Date.now() - started;
    if (ms > 500) log(`checked ${uri} v${version} in ${ms} ms`);
    void connection.sendDiagnostics({ uri, version, diagnostics: a.diagnostics });
  } catch (e) {
    logError('validate', uri, e);
  }
}

/** Runs a request handler; an exception is logged with the document and position and answered as an LSP error. */
function guard<P extends { textDocument?: { uri: string }; position?: unknown }, R>(name: string, handler: (params: P) => R) {
  return (params: P): R | ResponseError<void> => {
    try {
      return handler(params);
    } catch (e) {
      logError(name, params.textDocument?.uri, e, params.position);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // Before any document can arrive, so that the first keystrokes are checked by optimised code (warmUp.ts).
  warmUp(300);
  const caps = params.capabilities;
  settings.supported = !!caps.workspace?.configuration;
  workDoneProgress = !!caps.window?.workDoneProgress;
  const init = params.initializationOptions as InitializationOptions | undefined;
  settings.clientLocale = init?.locale ?? params.locale;
  revealCommand = typeof init?.revealCommand === 'string' ? init.revealCommand : undefined;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'gov-report-language-server', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (settings.supported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: [SETTINGS_SECTION, 'files'] });
  }
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => f.uri));
    workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
  });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  analyses.clear();
  for (const doc of documents.all()) schedule(doc);
});

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const uri = e.document.uri;
  pending.delete(uri);
  analyses.forget(uri);
  lastSettings.delete(uri);
  settings.forget(uri);
  publishedDocs.forget(uri);
  index.closed(uri);
  // The editor's diagnostics go; the file's disk result (when the workspace was validated) comes back.
  workspace.documentClosed(uri);
});

connection.onNotification(DidChangeWatchedFilesNotification.type, (p) => {
  if (p.changes.some((c) => c.uri.endsWith('/.govreport.json'))) index.configChanged();
  void workspace.filesChanged(p.changes.map((c) => ({ uri: c.uri, type: c.type as 1 | 2 | 3 })));
});

// ---------------------------------------------------------------------------------------------
// Features

connection.onHover(guard('hover', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? hover(a.model, params.position, a.msg, { diagnostics: a.diagnostics, severities: a.settings.severity }) ?? null : null;
}));

connection.onCodeAction(guard('codeAction', (params) => {
  const a = current(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  if (!a?.model || !doc) return [];
  return codeActions(a.model, a.diagnostics, {
    uri: doc.uri, version: doc.version, range: params.range, only: params.context.only, contextDiagnostics: params.context.diagnostics, revealCommand,
  }, a.msg);
}));

connection.onDocumentSymbol(guard('documentSymbol', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? documentSymbols(a.model, a.msg) : [];
}));

connection.onFoldingRanges(guard('foldingRange', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? foldingRanges(a.model) : [];
}));

connection.onCodeLens(guard('codeLens', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? codeLenses(a.model, a.diagnostics, a.msg) : [];
}));

connection.onRequest(ValidateWorkspaceRequest, async (params, token) => {
  try {
    return await workspace.validate(params ?? {}, token);
  } catch (e) {
    logError('validateWorkspace', undefined, e);
    return new ResponseError(ErrorCodes.InternalError, `validateWorkspace failed: ${e instanceof Error ? e.message : String(e)}`);
  }
});

connection.onRequest(PreviewRequest, guard('preview', (params: PreviewParams) => {
  const uri = params.textDocument.uri;
  const doc = documents.get(uri);
  const a = current(uri);
  if (!doc || !a) return null;
  return preview(a.model, a.diagnostics, a.msg, uri, doc.version);
}));

connection.onRequest(CellAtRequest, guard('cellAt', (params: TextDocumentPositionParams) => {
  const a = current(params.textDocument.uri);
  return a ? cellAt(a.model, params.position, a.msg) : { report: false };
}));

connection.onRequest(PublishedTextRequest, async (params) => {
  try {
    const s = await settings.get(params.uri);
    return await publishedDocs.text(params.uri, settings.messages(s));
  } catch (e) {
    logError('publishedText', params.uri, e);
    return new ResponseError(ErrorCodes.InternalError, `publishedText failed: ${e instanceof Error ? e.message : String(e)}`);
  }
});
registerSummaryRequests(connection, index, settings, () => workspaceFolders, logError);

connection.onRequest(RuleCodesRequest, () => [...RULE_CODES]);
connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid, version: VERSION, node: process.version }));

documents.listen(connection);
connection.listen();
