// Output formats of the `check` command: text lines that editors and CI parse, the JSON of docs/rules.md (Diagnostics as data), and SARIF 2.1.0.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import type { PublishedFormat, PublishedMeta } from '../readers';
import type { SourceLocation } from '../readers/location';
import { RULES, RULE_CODES, SOURCE, type RuleCode } from '../report';
import { RULES_DOC_URL } from '../shared/constants';

export interface FileResult {
  readonly path: string;
  readonly report: boolean;
  /** Ranges in the text the engine checked: the file's text, or the published file's rendered text. */
  readonly diagnostics: readonly Diagnostic[];
  /** Published files (web pages, Word, PDF) only: what was read and where each diagnostic is in the file. */
  readonly published?: PublishedResult;
  /** With --show-text: the text that was checked. */
  readonly text?: string;
}

export interface PublishedResult {
  readonly format: PublishedFormat;
  readonly meta: PublishedMeta;
  /** What could not be read of the file, in the user's language (it was checked all the same). */
  readonly notes: readonly string[];
  /** Per diagnostic, its place in the file (undefined where the reader's map has none). */
  readonly locations: readonly (SourceLocation | undefined)[];
  /** Per diagnostic, per related information entry, its place in the file. */
  readonly related: readonly (readonly (SourceLocation | undefined)[])[];
}

export interface Summary {
  files: number;
  reports: number;
  errors: number;
  warnings: number;
}

export function emptySummary(): Summary {
  return { files: 0, reports: 0, errors: 0, warnings: 0 };
}

/** Counts one more file into `s`. */
export function addToSummary(s: Summary, r: FileResult): void {
  s.files++;
  if (r.report) s.reports++;
  for (const d of r.diagnostics) {
    if (d.severity === 1) s.errors++;
    else if (d.severity === 2) s.warnings++;
  }
}

/**
 * An output format built a file at a time, in the files' order: the CLI formats each chunk of results as it
 * comes back from the threads, while they check the rest, instead of formatting everything once they are done.
 * The pieces, concatenated (begin, file for each, end), are the whole output.
 */
export interface Formatter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: Summary): string;
}

const SEVERITY_WORDS = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export interface FormatOptions {
  /** --show-text: the text format prints each file's checked text instead of its problems; JSON adds `text`. */
  readonly showText?: boolean;
  /** More than one file is given: --show-text heads each text with its file's name. */
  readonly multiple?: boolean;
}

/**
 * One line per problem. A text file or a web page: `file:line:col severity code message` (1-based; for a web page
 * the line and column in its HTML source). A Word or PDF file: `file: place severity code message`, the place as
 * a reader names it ("第3页 表三 （七）总计·自然人", "表三 第28行第4列 （七）总计·自然人", "第5段"): after the first
 * ": " the place runs up to the severity word, which the place never holds.
 */
export function textFormatter(msg: Messages, options: FormatOptions = {}): Formatter {
  let notReports = 0;
  return {
    begin: () => '',
    file(r) {
      if (!r.report) notReports++;
      if (options.showText) {
        const text = r.text ?? '';
        const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
        return options.multiple ? `==> ${r.path} <==\n${body}` : body;
      }
      let out = '';
      for (let k = 0; k < r.diagnostics.length; k++) {
        const d = r.diagnostics[k]!;
        const sev = SEVERITY_WORDS[(d.severity ?? 1) as 1 | 2 | 3 | 4];
        out += `${r.path}${position(d, r.published?.locations[k], r.published !== undefined)} ${sev} ${String(d.code)} ${d.message}\n`;
      }
      return out;
    },
    end: (summary) => (options.showText ? '' : `${msg.cliSummary(summary.files, summary.reports, summary.errors, summary.warnings, notReports)}\n`),
  };
}

/** ":line:col" in the text or the HTML source, or ": place" in a Word or PDF file. */
function position(d: Diagnostic, loc: SourceLocation | undefined, published: boolean): string {
  if (loc?.kind === 'html') return `:${loc.line}:${loc.column}`;
  if (loc) return `: ${loc.place}`;
  // A published file whose map has nothing for the range (it has no text: such files are not checked).
  if (published) return ': -';
  return `:${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/**
 * JSON.stringify({ version: 1, files, summary }, null, 2) a file at a time: each file's entry is stringified on
 * its own and indented to its depth (JSON strings hold no raw line breaks, so every "\n" is a line of the
 * layout). test/unit/cli.test.ts holds the two to the same bytes.
 */
export function jsonFormatter(options: FormatOptions = {}): Formatter {
  let files = 0;
  return {
    begin: () => '{\n  "version": 1,\n  "files": [',
    file(r) {
      const pub = r.published;
      const entry: Record<string, unknown> = {
        path: r.path,
        report: r.report,
        diagnostics: r.diagnostics.map((d, k) => {
          const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message, source: d.source, range: d.range };
          if (d.data !== undefined) out.data = d.data;
          // The other places a diagnostic speaks of (the identities a wrong cell breaks), as LSP has them.
          if (d.relatedInformation !== undefined) {
            out.relatedInformation = pub
              ? d.relatedInformation.map((ri, j) => {
                const loc = pub.related[k]?.[j];
                return loc ? { ...ri, sourceLocation: loc } : ri;
              })
              : d.relatedInformation;
          }
          // Published files: where the range of the rendered text lies in the file.
          const loc = pub?.locations[k];
          if (loc) out.sourceLocation = loc;
          return out;
        }),
      };
      if (pub) {
        entry.format = pub.format;
        if (Object.keys(pub.meta).length > 0) entry.meta = pub.meta;
        if (pub.notes.length > 0) entry.notes = pub.notes;
      }
      if (options.showText && r.text !== undefined) entry.text = r.text;
      return `${files++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
    },
    end: (summary) => `${files === 0 ? ']' : '\n  ]'},\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`,
  };
}

const SARIF_LEVEL = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;


/** SARIF nests the results inside one document with the rule table: it is built whole, at the end. */
export function sarifFormatter(version: string): Formatter {
  const results: FileResult[] = [];
  return {
    begin: () => '',
    file(r) {
      results.push(r);
      return '';
    },
    end: () => formatSarif(results, version),
  };
}

function formatSarif(results: readonly FileResult[], version: string): string {
  // Rule metadata from the rule table: English for the short description (what code-scanning tools show
  // beside the id), Chinese in the full description, the rule's section of docs/rules.md as help.
  const rules = RULES.map((r) => ({
    id: r.code,
    name: r.en.title,
    shortDescription: { text: r.en.description },
    fullDescription: { text: r.zh.description },
    helpUri: `${RULES_DOC_URL}#${r.code}`,
    defaultConfiguration: { level: SARIF_LEVEL[r.severity as 1 | 2 | 3 | 4] },
  }));
  const sarifResults = results.flatMap((res) =>
    res.diagnostics.map((d, k) => ({
      ruleId: String(d.code),
      ruleIndex: RULE_CODES.indexOf(d.code as RuleCode),
      level: SARIF_LEVEL[(d.severity ?? 1) as 1 | 2 | 3 | 4],
      message: { text: d.message },
      locations: [sarifLocation(res, d.range, res.published?.locations[k])],
      ...(d.relatedInformation ? {
        relatedLocations: d.relatedInformation.map((r, id) => ({
          id,
          message: { text: r.message },
          // Related places are in the same report (the engine speaks of one document).
          ...sarifLocation(res, r.location.range, res.published?.related[k]?.[id]),
        })),
      } : {}),
      ...(d.data !== undefined ? { properties: { data: d.data } } : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: SOURCE, version, informationUri: 'https://github.com/gov-report-tools/gov-disclosure-report', rules } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * Where a result is. A text file: a region of it. A web page: a region of its HTML source. A Word or PDF file: the
 * file, with a logical location whose fullyQualifiedName is the readable place ("第3页 表三 （七）总计·自然人"), and
 * the page and box (or paragraph, table, row and column) in the location's properties.
 */
function sarifLocation(res: FileResult, range: Diagnostic['range'], loc: SourceLocation | undefined) {
  const artifactLocation = { uri: toUri(res.path) };
  if (!res.published) return { physicalLocation: { artifactLocation, region: region(range) } };
  if (loc?.kind === 'html') {
    return {
      physicalLocation: { artifactLocation, region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn } },
      ...(loc.place ? { logicalLocations: [{ fullyQualifiedName: loc.place, kind: 'element' }] } : {}),
    };
  }
  if (!loc) return { physicalLocation: { artifactLocation } };
  return {
    physicalLocation: { artifactLocation },
    logicalLocations: [{ fullyQualifiedName: loc.place, kind: 'element' }],
    properties: { sourceLocation: loc },
  };
}

/** A SARIF region: 1-based lines and columns (UTF-16 code units, as the run's columnKind says). */
function region(range: Diagnostic['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const encoded = p.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}
