// What the client and the server say to each other beyond LSP: the settings, the custom requests with their
// parameter and result types (declared once, as RequestTypes, used on both sides), and the command ids.

import { NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { REPORT_FILES_GLOB } from './constants';

export const SETTINGS_SECTION = 'govReport';

export type SeverityLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';
const SEVERITY_LEVELS: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The `govReport.*` settings, read per resource. */
export interface Settings {
  readonly enable: boolean;
  /** Per-rule severity overrides, by rule code. */
  readonly severity: Readonly<Record<string, SeverityLevel>>;
  /** Globs of files that workspace validation checks (when the server lists files itself). */
  readonly include: readonly string[];
  /** "auto" follows the editor's display language. */
  readonly locale: 'auto' | 'zh-CN' | 'en';
  /** Documents larger than this (in MB) are not checked. */
  readonly maxDocumentSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  severity: {},
  include: [REPORT_FILES_GLOB],
  locale: 'auto',
  maxDocumentSizeMB: 5,
};

/**
 * Settings as they arrive from the client, made safe: a value of the wrong type (a string where a list belongs, a
 * severity that is not a level, a negative size) falls back to the default instead of throwing later.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity: Record<string, SeverityLevel> = {};
  if (r.severity !== null && typeof r.severity === 'object' && !Array.isArray(r.severity)) {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && SEVERITY_LEVELS.includes(level)) severity[code] = level as SeverityLevel;
    }
  }
  const include = Array.isArray(r.include) ? r.include.filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    : typeof r.include === 'string' && r.include.trim() !== '' ? [r.include] : DEFAULT_SETTINGS.include;
  const size = typeof r.maxDocumentSizeMB === 'number' && Number.isFinite(r.maxDocumentSizeMB) && r.maxDocumentSizeMB > 0
    ? r.maxDocumentSizeMB : DEFAULT_SETTINGS.maxDocumentSizeMB;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    severity,
    include,
    locale: r.locale === 'zh-CN' || r.locale === 'en' || r.locale === 'auto' ? r.locale : DEFAULT_SETTINGS.locale,
    maxDocumentSizeMB: size,
  };
}

export interface ValidateWorkspaceParams {
  /** The files to check, as URIs (the client lists them with the user's excludes); when absent the server walks the folders. */
  files?: string[];
  /** Folder URIs to walk when `files` is absent; defaults to the workspace folders. */
  folders?: string[];
  /** Progress token created by the client (window/workDoneProgress/create), if any. */
  workDoneToken?: string | number;
}

export interface ValidateWorkspaceResult {
  files: number;
  reports: number;
  /** Reports with at least one Error-severity problem. */
  reportsWithErrors: number;
  errors: number;
  warnings: number;
  notReports: number;
  /** Files that could not be read: their path (decoded, as the user knows it) and why. */
  unreadable: { uri: string; path: string; reason: string }[];
  cancelled: boolean;
  elapsedMs: number;
}

export const ValidateWorkspaceRequest = new RequestType<ValidateWorkspaceParams, ValidateWorkspaceResult, void>('govReport/validateWorkspace');

/** The rule codes, so a client can build its settings UI or check a name. */
export const RuleCodesRequest = new RequestType0<string[], void>('govReport/ruleCodes');

export interface ServerInfo {
  pid: number;
  version: string;
  node: string;
}

/** Which process serves: for logs, and for the tests that kill the server and expect the client to restart it. */
export const ServerInfoRequest = new RequestType0<ServerInfo, void>('govReport/serverInfo');

/** Diagnostic code for a document the server will not check because of its size. */
export const TOO_LARGE_CODE = 'document-too-large';

/** Command ids contributed by the extension (package.json). The code lens uses showProblems. */
export const COMMANDS = {
  validateWorkspace: 'govReport.validateWorkspace',
  insertTable2: 'govReport.insertTable2',
  insertTable3: 'govReport.insertTable3',
  insertTable4: 'govReport.insertTable4',
  newReport: 'govReport.newReport',
  showProblems: 'govReport.showProblems',
  restartServer: 'govReport.restartServer',
  showPreview: 'govReport.showPreview',
  showPreviewToSide: 'govReport.showPreviewToSide',
  /** Selects a range of a document and reveals it (after a fix inserts template text: its first placeholder). */
  revealPlaceholder: 'govReport.revealPlaceholder',
  /** Opens a Word/WPS/PDF (or web page) report as the read-only text of the report, checked. */
  openPublished: 'govReport.openPublished',
  exportSummary: 'govReport.exportSummary',
  openAggregate: 'govReport.openAggregate',
  copyUnitProblems: 'govReport.copyUnitProblems',
  refreshSummary: 'govReport.refreshSummary',
  filterSummaryErrors: 'govReport.filterSummaryErrors',
  filterSummaryYear: 'govReport.filterSummaryYear',
  filterSummaryUnit: 'govReport.filterSummaryUnit',
  clearSummaryFilter: 'govReport.clearSummaryFilter',
} as const;

/** What the VS Code extension tells the server at initialize (initializationOptions). */
export interface InitializationOptions {
  /** VS Code's display language, for the "auto" locale. */
  locale?: string;
  /** The client's command that selects a range (COMMANDS.revealPlaceholder): fixes that insert template text carry it. */
  revealCommand?: string;
}

// ---------------------------------------------------------------------------------------------
// The report preview and the cell under the cursor (custom requests; the server builds both from the engine's model
// and the diagnostics it publishes, features/preview.ts and features/cellAt.ts).

export interface TextDocumentPositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** What the status bar shows about the document and the cursor. */
export interface CellAtResult {
  /** Whether the server checks the document as a report. */
  report: boolean;
  /** The table cell under the cursor: "表三 · （七）总计 · 自然人". */
  cell?: string;
  /** The cell's row was not read with certainty. */
  uncertain?: boolean;
}

export const CellAtRequest = new RequestType<TextDocumentPositionParams, CellAtResult, void>('govReport/cellAt');

export interface PreviewParams {
  textDocument: { uri: string };
}

export type PreviewSeverity = 'error' | 'warning' | 'info' | 'hint';

/** A problem published on a piece of the report, as the preview shows it. */
export interface PreviewProblem {
  severity: PreviewSeverity;
  message: string;
}

/** One cell of a preview grid: a header (th) or a value cell (td). */
export interface PreviewCell {
  text: string;
  header?: boolean;
  colspan?: number;
  rowspan?: number;
  /** A value cell: where its text is in the document (clicking it puts the cursor there). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The cell's name ("表三 · （七）总计 · 自然人"), for its tooltip. */
  name?: string;
  /** The worst problem published on the cell; 'uncertain' when its row was not read with certainty; 'missing' when there is no such cell. */
  status?: PreviewSeverity | 'uncertain' | 'missing';
  /** The value the identities require ("应为 27"), from the published diagnostic's fix data. */
  expected?: string;
  problems?: PreviewProblem[];
  /** Why the cell's row was not read with certainty. */
  note?: string;
}

/** A run of text with the problems published on it (a number in the prose that contradicts a table). */
export interface PreviewSegment {
  text: string;
  problems?: PreviewProblem[];
}

export type PreviewBlock =
  | { kind: 'title'; line: number; text: string; problems?: PreviewProblem[] }
  | { kind: 'heading'; line: number; text: string; level: 2 | 3; problems?: PreviewProblem[] }
  | { kind: 'paragraph'; line: number; segments: PreviewSegment[] }
  /** A problem with no text of its own to sit on: a missing part, a missing table. */
  | { kind: 'notice'; line: number; severity: PreviewSeverity; text: string }
  | {
    kind: 'table'; line: number; endLine: number; title: string; rows: PreviewCell[][];
    /** The table could not be read (its cells greyed, nothing checked) or was partly read. */
    reading: 'read' | 'partly-read' | 'unreadable';
    note?: string;
    problems?: PreviewProblem[];
    /** The line each row of `rows` starts on, for scrolling with the editor (-1 for header rows). */
    rowLines: number[];
  };

export interface PreviewModel {
  uri: string;
  version: number;
  report: boolean;
  /** The document's problems, counted ("错误 2 个，警告 1 个"). */
  summary: string;
  errors: number;
  warnings: number;
  blocks: PreviewBlock[];
  /** The webview's own words (legend, tooltips), in the user's language. */
  strings: { legendError: string; legendWarning: string; legendUncertain: string; goToCell: string; notReport: string };
}

export const PreviewRequest = new RequestType<PreviewParams, PreviewModel | null, void>('govReport/preview');

// ---------------------------------------------------------------------------------------------
// Published files (Word/WPS/PDF) opened as the read-only text of the report: the server reads the file on its reader
// threads (node/published.ts) and answers the rendered text the engine checks; the client shows it as a document under
// PUBLISHED_SCHEME (shared/constants.ts), which the server then checks like any report.

export interface PublishedTextParams {
  /** The published file, as a file: URI. */
  uri: string;
}

export type PublishedTextResult =
  | {
    ok: true;
    /** The report as the engine reads it: paragraphs one a line, table rows one a line of tab-separated cells. */
    text: string;
    /** The format read from the file's bytes ('docx', 'doc', 'pdf', 'html'…). */
    format: string;
    /** The file's own publication date, when it carries one (a web page's PubDate). */
    published?: string;
    /** What could not be read of a file that is still checked (pages without text…), in the user's language. */
    notes: string[];
  }
  | {
    ok: false;
    /** What, which file, why, in the user's language ("无法读取“a.pdf”：……"). */
    message: string;
  };

export const PublishedTextRequest = new RequestType<PublishedTextParams, PublishedTextResult, void>('govReport/publishedText');

// ---------------------------------------------------------------------------------------------
// The workspace's reports: the summary view, its export, the aggregate tables and a unit's problems (the server's
// index of the workspace, lsp/reportIndex.ts; the rows are features/summary.ts's).

/** One report in the summary view: who and when it is, and its problems (its own and those across reports). */
export interface SummaryViewReport {
  uri: string;
  /** The file as the user knows it (relative to its workspace folder). */
  file: string;
  unit: string | null;
  /** Reports with the same key are one unit's (after the user's mapping and the region prefixes matched). */
  unitKey: string | null;
  year: number | null;
  errors: number;
  warnings: number;
  codes: string[];
}

/** A unit with a report for an earlier year and none for `year` (report-missing). */
export interface SummaryViewMissing {
  unit: string;
  unitKey: string;
  year: number;
  lastYear: number;
  lastFile: string;
  message: string;
}

export interface SummaryViewModel {
  reports: SummaryViewReport[];
  missing: SummaryViewMissing[];
}

export const SummaryRequest = new RequestType0<SummaryViewModel, void>('govReport/summary');

/** Sent by the server when the index changed (a report checked, edited, added or removed): the view asks again. */
export const SummaryChangedNotification = new NotificationType0('govReport/summaryChanged');

export type SummaryFormat = 'csv' | 'json' | 'md';

export interface SummaryExportParams {
  format: SummaryFormat;
  /** Adds each year's aggregate tables, as `summary --aggregate` does. */
  aggregate?: boolean;
}

/** The summary as the CLI's `summary` writes it, in the format asked (CSV with its BOM). */
export const SummaryExportRequest = new RequestType<SummaryExportParams, { content: string }, void>('govReport/summaryExport');

/** The years of the index with their aggregate tables: the sum of every report of the year, as a report text. */
export const AggregateRequest = new RequestType<{ year: number }, { text: string } | null, void>('govReport/aggregate');

export interface UnitProblemsParams {
  unitKey: string;
  /** Only the unit's report(s) of this year; every year when absent. */
  year?: number;
}

/** A unit's problems as plain text (file:line:column, severity, code, message), to send back to the unit. */
export const UnitProblemsRequest = new RequestType<UnitProblemsParams, { text: string; problems: number }, void>('govReport/unitProblems');
