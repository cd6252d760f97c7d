// The language server: wires the engine and the pure features to LSP. No rule logic here.
// Runs over IPC (from the VS Code extension) or stdio (`node dist/server.js --stdio`, any LSP client).

import {
  CodeActionKind, DidChangeConfigurationNotification, ErrorCodes, ProposedFeatures, ResponseError, TextDocumentSyncKind,
  TextDocuments, createConnection, type CancellationToken, type Diagnostic, type InitializeParams, type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check, normalizeLocale, parse, RULE_CODES, SOURCE, type Locale, type ReportModel } from './report';
import { hover } from './features/hover';
import { warmUp } from './warmUp';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { documentSymbols, foldingRanges } from './features/outline';
import { codeLenses } from './features/codeLens';
import { mayBeReport, shouldCheck } from './features/detect';
import { matcher } from './node/glob';
import { readFailureMessage, readReportFile, walk, errnoMessage, type WalkFailure } from './node/files';
import {
  DEFAULT_SETTINGS, SETTINGS_SECTION, TOO_LARGE_CODE, VALIDATE_WORKSPACE_REQUEST,
  type Settings, type ValidateWorkspaceParams, type ValidateWorkspaceResult,
} from './shared/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let hasConfiguration = false;
let hasWorkDoneProgress = false;
let clientLocale: string | undefined;
let workspaceFolders: string[] = [];

// ---------------------------------------------------------------------------------------------
// Settings, per resource, never cached across a configuration change.

const settingsCache = new Map<string, Promise<Settings>>();

function getSettings(uri: string): Promise<Settings> {
  if (!hasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let s = settingsCache.get(uri);
  if (!s) {
    s = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
      .then((raw: Partial<Settings> | null) => ({ ...DEFAULT_SETTINGS, ...(raw ?? {}) }))
      .catch(() => DEFAULT_SETTINGS);
    settingsCache.set(uri, s);
  }
  return s;
}

function localeOf(settings: Settings): Locale {
  return normalizeLocale(settings.locale === 'auto' ? clientLocale : settings.locale);
}

// ---------------------------------------------------------------------------------------------
// Analysis: one parse per document version, shared by diagnostics, hovers, actions, symbols and lenses.

interface Analysis {
  readonly version: number;
  readonly settings: Settings;
  readonly model: ReportModel | undefined;
  readonly diagnostics: Diagnostic[];
}

const analyses = new Map<string, Analysis>();
const lastSettings = new Map<string, Settings>();

function analyze(doc: TextDocument, settings: Settings): Analysis {
  const cached = analyses.get(doc.uri);
  if (cached && cached.version === doc.version && cached.settings === settings) return cached;
  const locale = localeOf(settings);
  let result: Analysis;
  const text = doc.getText();
  if (!settings.enable || !mayBeReport(doc.languageId, text)) {
    result = { version: doc.version, settings, model: undefined, diagnostics: [] };
  } else if (text.length > settings.maxDocumentSizeMB * 1024 * 1024) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    result = {
      version: doc.version, settings, model: undefined,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: TOO_LARGE_CODE, source: SOURCE,
        message: locale === 'en'
          ? `Document is ${mb} MB, over the ${settings.maxDocumentSizeMB} MB limit (govReport.maxDocumentSizeMB): not checked`
          : `文档大小 ${mb} MB，超过 ${settings.maxDocumentSizeMB} MB 上限（govReport.maxDocumentSizeMB），未检查`,
      }],
    };
  } else {
    const model = parse(text);
    const checked = shouldCheck(doc.languageId, model);
    result = {
      version: doc.version, settings, model: checked ? model : undefined,
      diagnostics: checked ? check(model, { locale, severities: settings.severity }) : [],
    };
  }
  analyses.set(doc.uri, result);
  return result;
}

/** The analysis for the document as it is now, for requests (hover, actions…) that arrive between edits. */
function current(uri: string): Analysis | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  return analyze(doc, lastSettings.get(uri) ?? DEFAULT_SETTINGS);
}

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
    const settings = await getSettings(uri);
    const doc = documents.get(uri);
    if (!doc || doc.version !== version || pending.get(uri) !== version) return;
    pending.delete(uri);
    lastSettings.set(uri, settings);
    const started = Date.now();
    const a = analyze(doc, settings);
    const ms = Date.now() - started;
    if (ms > 500) connection.console.info(`checked ${uri} v${version} in ${ms} ms`);
    void connection.sendDiagnostics({ uri, version, diagnostics: a.diagnostics });
  } catch (e) {
    logError('validate', uri, undefined, e);
  }
}

function logError(what: string, uri: string | undefined, position: unknown, e: unknown): void {
  const where = position !== undefined ? ` at ${JSON.stringify(position)}` : '';
  connection.console.error(`${what} failed for ${uri ?? '?'}${where}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
}

/** Runs a request handler; an exception is logged with the document and position and answered as an LSP error. */
function guard<P extends { textDocument?: { uri: string }; position?: unknown }, R>(name: string, handler: (params: P) => R) {
  return (params: P): R | ResponseError<void> => {
    try {
      return handler(params);
    } catch (e) {
      logError(name, params.textDocument?.uri, params.position, e);
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
  hasConfiguration = !!caps.workspace?.configuration;
  hasWorkDoneProgress = !!caps.window?.workDoneProgress;
  const init = params.initializationOptions as { locale?: string } | undefined;
  clientLocale = init?.locale ?? params.locale;
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
    serverInfo: { name: 'gov-report-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: [SETTINGS_SECTION, 'files'] });
  }
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => f.uri));
    workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
  });
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  analyses.clear();
  for (const doc of documents.all()) schedule(doc);
});

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  pending.delete(e.document.uri);
  analyses.delete(e.document.uri);
  lastSettings.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ---------------------------------------------------------------------------------------------
// Features

connection.onHover(guard('hover', (params) => {
  const a = current(params.textDocument.uri);
  if (!a?.model) return null;
  return hover(a.model, params.position, localeOf(a.settings)) ?? null;
}));

connection.onCodeAction(guard('codeAction', (params) => {
  const a = current(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  if (!a?.model || !doc) return [];
  return codeActions(a.model, a.diagnostics, {
    uri: doc.uri, version: doc.version, range: params.range, only: params.context.only, contextDiagnostics: params.context.diagnostics,
  }, localeOf(a.settings));
}));

connection.onDocumentSymbol(guard('documentSymbol', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? documentSymbols(a.model, localeOf(a.settings)) : [];
}));

connection.onFoldingRanges(guard('foldingRange', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? foldingRanges(a.model) : [];
}));

connection.onCodeLens(guard('codeLens', (params) => {
  const a = current(params.textDocument.uri);
  return a?.model ? codeLenses(a.model, localeOf(a.settings)) : [];
}));

// ---------------------------------------------------------------------------------------------
// Workspace validation: every report under the workspace folders, with progress and cancellation.

const workspacePublished = new Set<string>();

async function filesExclude(folder: string): Promise<string[]> {
  if (!hasConfiguration) return [];
  try {
    const files = (await connection.workspace.getConfiguration({ scopeUri: folder, section: 'files' })) as { exclude?: Record<string, boolean> } | null;
    return Object.entries(files?.exclude ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
  } catch {
    return [];
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function validateWorkspace(params: ValidateWorkspaceParams, token: CancellationToken): Promise<ValidateWorkspaceResult> {
  const started = Date.now();
  const result: ValidateWorkspaceResult = { files: 0, reports: 0, errors: 0, warnings: 0, notReports: 0, unreadable: [], cancelled: false, elapsedMs: 0 };
  let progress: WorkDoneProgressReporter | undefined;
  if (params.workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  else if (hasWorkDoneProgress) progress = await connection.window.createWorkDoneProgress();
  const folders = params.folders && params.folders.length > 0 ? params.folders : workspaceFolders;
  const firstSettings = await getSettings(folders[0] ?? '');
  const en = localeOf(firstSettings) === 'en';
  progress?.begin(en ? 'Checking reports' : '正在检查年度报告', 0, undefined, true);
  const cancelled = () => token.isCancellationRequested || (progress as { token?: CancellationToken } | undefined)?.token?.isCancellationRequested === true;

  // List first (cheap), then check, so progress has a denominator.
  const work: { path: string; settings: Settings }[] = [];
  for (const folderUri of folders) {
    let root: string;
    try {
      root = fileURLToPath(folderUri);
    } catch {
      continue; // not a file: URI (virtual workspace): nothing on disk to walk
    }
    const settings = await getSettings(folderUri);
    if (!settings.enable) continue;
    const exclude = matcher(['**/node_modules', '**/.git', ...(await filesExclude(folderUri))]);
    const failures: WalkFailure[] = [];
    for (const path of walk(root, { include: matcher(settings.include), exclude }, failures)) {
      work.push({ path, settings });
      if (work.length % 500 === 0) {
        await yieldToEventLoop();
        if (cancelled()) break;
      }
    }
    for (const f of failures) result.unreadable.push({ uri: pathToFileURL(f.path).toString(), reason: errnoMessage(f.error, en ? 'en' : 'zh-CN') });
  }

  const openUris = new Set(documents.all().map((d) => d.uri));
  let lastReport = Date.now();
  for (let i = 0; i < work.length; i++) {
    if (cancelled()) {
      result.cancelled = true;
      break;
    }
    const { path, settings } = work[i]!;
    const uri = pathToFileURL(path).toString();
    result.files++;
    const maxBytes = settings.maxDocumentSizeMB * 1024 * 1024;
    if (openUris.has(uri)) {
      // Open documents have live diagnostics; count them as they are now.
      const a = current(uri);
      if (a?.model) {
        result.reports++;
        for (const d of a.diagnostics) if (d.severity === 1) result.errors++; else if (d.severity === 2) result.warnings++;
      } else result.notReports++;
    } else {
      const read = readReportFile(path, maxBytes);
      if (!read.ok) {
        result.unreadable.push({ uri, reason: readFailureMessage(read, maxBytes, localeOf(settings)) });
      } else {
        try {
          const model = parse(read.text);
          if (model.isReport) {
            const diagnostics = check(model, { locale: localeOf(settings), severities: settings.severity });
            result.reports++;
            for (const d of diagnostics) if (d.severity === 1) result.errors++; else if (d.severity === 2) result.warnings++;
            void connection.sendDiagnostics({ uri, diagnostics });
            workspacePublished.add(uri);
          } else {
            result.notReports++;
            if (workspacePublished.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
          }
        } catch (e) {
          logError('validateWorkspace', uri, undefined, e);
          result.unreadable.push({ uri, reason: e instanceof Error ? e.message : String(e) });
        }
      }
    }
    // Yield often so hovers and edits are answered while a large workspace is checked.
    if (i % 20 === 19) await yieldToEventLoop();
    if (progress && Date.now() - lastReport > 100) {
      lastReport = Date.now();
      progress.report(Math.floor(((i + 1) / work.length) * 100), `${i + 1}/${work.length}`);
    }
  }
  progress?.done();
  result.elapsedMs = Date.now() - started;
  connection.console.info(`validated workspace: ${result.files} files, ${result.reports} reports, ${result.errors} errors, ${result.warnings} warnings in ${result.elapsedMs} ms${result.cancelled ? ' (cancelled)' : ''}`);
  return result;
}

connection.onRequest(VALIDATE_WORKSPACE_REQUEST, async (params: ValidateWorkspaceParams | undefined, token: CancellationToken) => {
  try {
    return await validateWorkspace(params ?? {}, token);
  } catch (e) {
    logError('validateWorkspace', undefined, undefined, e);
    return new ResponseError(ErrorCodes.InternalError, `validateWorkspace failed: ${e instanceof Error ? e.message : String(e)}`);
  }
});

// The rule codes, so a client can build its settings UI or check a name.
connection.onRequest('govReport/ruleCodes', () => [...RULE_CODES]);
// Which process serves: for logs, and for the tests that kill the server and expect the client to restart it.
connection.onRequest('govReport/serverInfo', () => ({ pid: process.pid, version: '0.1.0', node: process.version }));

documents.listen(connection);
connection.listen();
