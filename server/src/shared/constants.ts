// Names that the engine, the server and the extension must agree on. Plain constants, imported by all three: the
// extension must not import the engine to learn them.

/** The diagnostics' source: the checker's name, as editors show it next to each problem. */
export const SOURCE = 'gov-report';

/** The language id of reports (files named *.gkbg or opened with it, and documents the editor has marked so). */
export const REPORT_LANGUAGE_ID = 'gov-report';

/** Where each rule's documentation lives (docs/rules.md in the repository; the code is the anchor). */
export const RULES_DOC_URL = 'https://github.com/gov-report-tools/gov-disclosure-report/blob/main/docs/rules.md';

/**
 * The extensions of the documents the editor checks (plain text and Markdown, as VS Code names their files): what
 * Validate All lists, what the file watcher reports, the default of govReport.include.
 */
export const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn', 'mdtxt', 'mdtext'] as const;

/** Every file with one of REPORT_EXTENSIONS, as one glob. */
export const REPORT_FILES_GLOB = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;

/** The language ids the extension hands to the server (which checks those whose text is a report). */
export const CHECKED_LANGUAGES = [REPORT_LANGUAGE_ID, 'plaintext', 'markdown'] as const;
