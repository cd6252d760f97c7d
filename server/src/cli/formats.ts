// Output formats of the `check` command: text lines that editors and CI parse, the JSON of docs/rules.md (Diagnostics as data), and SARIF 2.1.0.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { RULES, RULE_CODES, SOURCE, type RuleCode } from '../report';
import { RULES_DOC_URL } from '../shared/constants';

export interface FileResult {
  readonly path: string;
  readonly report: boolean;
  readonly diagnostics: readonly Diagnostic[];
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

export function textFormatter(msg: Messages): Formatter {
  let notReports = 0;
  return {
    begin: () => '',
    file(r) {
      if (!r.report) notReports++;
      let out = '';
      for (const d of r.diagnostics) {
        const sev = SEVERITY_WORDS[(d.severity ?? 1) as 1 | 2 | 3 | 4];
        out += `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${sev} ${String(d.code)} ${d.message}\n`;
      }
      return out;
    },
    end: (summary) => `${msg.cliSummary(summary.files, summary.reports, summary.errors, summary.warnings, notReports)}\n`,
  };
}

/**
 * JSON.stringify({ version: 1, files, summary }, null, 2) a file at a time: each file's entry is stringified on
 * its own and indented to its depth (JSON strings hold no raw line breaks, so every "\n" is a line of the
 * layout). test/unit/cli.test.ts holds the two to the same bytes.
 */
export function jsonFormatter(): Formatter {
  let files = 0;
  return {
    begin: () => '{\n  "version": 1,\n  "files": [',
    file(r) {
      const entry = {
        path: r.path,
        report: r.report,
        diagnostics: r.diagnostics.map((d) => {
          const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message, source: d.source, range: d.range };
          if (d.data !== undefined) out.data = d.data;
          // The other places a diagnostic speaks of (the identities a wrong cell breaks), as LSP has them.
          if (d.relatedInformation !== undefined) out.relatedInformation = d.relatedInformation;
          return out;
        }),
      };
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
    res.diagnostics.map((d) => ({
      ruleId: String(d.code),
      ruleIndex: RULE_CODES.indexOf(d.code as RuleCode),
      level: SARIF_LEVEL[(d.severity ?? 1) as 1 | 2 | 3 | 4],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: toUri(res.path) },
          region: region(d.range),
        },
      }],
      ...(d.relatedInformation ? {
        relatedLocations: d.relatedInformation.map((r, id) => ({
          id,
          message: { text: r.message },
          // Related places are in the same report (the engine speaks of one document).
          physicalLocation: { artifactLocation: { uri: toUri(res.path) }, region: region(r.location.range) },
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
