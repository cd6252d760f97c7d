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

/**
 * Published files the editor checks as read by the readers: Word and WPS (opened as a read-only document of their
 * rendered text under PUBLISHED_SCHEME), PDF, and web pages (checked in place, in the HTML editor).
 */
export const PUBLISHED_EXTENSIONS = ['docx', 'doc', 'wps', 'pdf'] as const;
export const HTML_EXTENSIONS = ['html', 'htm', 'shtml'] as const;

/** Every file with one of REPORT_EXTENSIONS, PUBLISHED_EXTENSIONS or HTML_EXTENSIONS, as one glob. */
export const REPORT_FILES_GLOB = `**/*.{${[...REPORT_EXTENSIONS, ...PUBLISHED_EXTENSIONS, ...HTML_EXTENSIONS].join(',')}}`;

/** The URI scheme of a published file's rendered text, read-only: `gov-report-published:/path/to/report.docx`. */
export const PUBLISHED_SCHEME = 'gov-report-published';

const PUBLISHED_FILE = new RegExp(`\\.(?:${PUBLISHED_EXTENSIONS.join('|')})$`, 'i');
const HTML_FILE = new RegExp(`\\.(?:${HTML_EXTENSIONS.join('|')})$`, 'i');

/** A Word/WPS/PDF file, by its name: opened and checked as its rendered text. */
export function isPublishedDocument(uriOrPath: string): boolean {
  return PUBLISHED_FILE.test(uriOrPath.replace(/[?#].*$/, ''));
}

/** A web page, by its name: checked in place. */
export function isHtmlFile(uriOrPath: string): boolean {
  return HTML_FILE.test(uriOrPath.replace(/[?#].*$/, ''));
}

/** The rendered text's URI of a file: URI (`file:///a/b.docx` → `gov-report-published:/a/b.docx`). */
export function publishedUriOf(fileUri: string): string {
  return fileUri.startsWith('file:///') ? `${PUBLISHED_SCHEME}:${fileUri.slice('file://'.length)}` : fileUri.replace(/^file:/, `${PUBLISHED_SCHEME}:`);
}

/**
 * Where a file's report is checked and its problems are shown: a Word/WPS/PDF file's rendered text
 * (gov-report-published:), any other file itself (a web page is checked in place).
 */
export function reportTextUriOf(fileUri: string): string {
  return isPublishedDocument(fileUri) ? publishedUriOf(fileUri) : fileUri;
}

/** The file: URI of a rendered text's URI, or undefined when `uri` is not one. */
export function fileUriOfPublished(uri: string): string | undefined {
  if (!uri.startsWith(`${PUBLISHED_SCHEME}:`)) return undefined;
  const rest = uri.slice(PUBLISHED_SCHEME.length + 1);
  return rest.startsWith('//') ? `file:${rest}` : `file://${rest}`;
}

/** The language ids the extension hands to the server (which checks those whose text is a report). */
export const CHECKED_LANGUAGES = [REPORT_LANGUAGE_ID, 'plaintext', 'markdown'] as const;
