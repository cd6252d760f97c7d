// Types shared by the client and the server: settings and the custom requests. Typed once, used on both sides.

export const SETTINGS_SECTION = 'govReport';

export type SeverityLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** The `govReport.*` settings, read per resource. */
export interface Settings {
  enable: boolean;
  /** Per-rule severity overrides, by rule code. */
  severity: Record<string, SeverityLevel>;
  /** Globs of files that workspace validation checks. */
  include: string[];
  /** "auto" follows the editor's display language. */
  locale: 'auto' | 'zh-CN' | 'en';
  /** Documents larger than this (in MB) are not checked. */
  maxDocumentSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  severity: {},
  include: ['**/*.txt', '**/*.md'],
  locale: 'auto',
  maxDocumentSizeMB: 5,
};

export const VALIDATE_WORKSPACE_REQUEST = 'govReport/validateWorkspace';

export interface ValidateWorkspaceParams {
  /** Folder URIs to check; defaults to the workspace folders. */
  folders?: string[];
  /** Progress token created by the client (window/workDoneProgress/create), if any. */
  workDoneToken?: string | number;
}

export interface ValidateWorkspaceResult {
  files: number;
  reports: number;
  errors: number;
  warnings: number;
  notReports: number;
  unreadable: { uri: string; reason: string }[];
  cancelled: boolean;
  elapsedMs: number;
}

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
} as const;
