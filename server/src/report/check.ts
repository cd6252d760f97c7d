// check(model) applies every rule of the rule table (rules.ts) and returns LSP-shaped diagnostics. Pure: no I/O.
// Each concern is a file of checks/; this file holds what they share: the options, the collector, the data a fix
// needs.

import type { Diagnostic, DiagnosticSeverity, Position } from 'vscode-languageserver-types';
import { messagesFor, type Messages } from '../l10n';
import type { ReportModel } from './model';
import type { PartId } from './schema';
import { DEFAULT_SEVERITY, type RuleCode } from './rules';
import type { Span } from './text';
import { SOURCE } from '../shared/constants';
import { checkStructure } from './checks/structure';
import { checkYears } from './checks/years';
import { checkNumbering } from './checks/numbering';
import { checkTables } from './checks/tables';
import { checkArithmetic } from './checks/arithmetic';
import { checkStatements } from './checks/statements';
import { checkPlaceholders } from './checks/placeholders';

export { SOURCE };

export type SeveritySetting = 'off' | 'hint' | 'info' | 'information' | 'warning' | 'error' | DiagnosticSeverity;

export interface CheckOptions {
  /** Message language: "en…" for English, anything else Chinese. */
  readonly locale?: string;
  /** Per-rule severity: "off" silences a rule. */
  readonly severities?: Partial<Record<string, SeveritySetting>>;
  /**
   * The document's URI, for related information (the other places a diagnostic speaks of); none without it. A
   * getter is read only when a diagnostic has related information (the CLI's file URL took 30 µs a file to make).
   */
  readonly uri?: string;
}

/** Data a quick fix needs, per code. All positions are LSP positions in the checked text. */
export type DiagnosticData =
  | { kind: 'insert'; at: Position; text: string; part?: PartId; row?: string; subsection?: string }
  | { kind: 'replace'; expected: number | string; actual?: number | string; cell?: string }
  | { kind: 'info'; [key: string]: unknown };

/** The severity a rule has under these options; undefined when it is off. */
export function resolveSeverity(code: RuleCode, options: CheckOptions): DiagnosticSeverity | undefined {
  const s = options.severities?.[code];
  if (s === undefined) return DEFAULT_SEVERITY[code];
  if (typeof s === 'number') return s >= 1 && s <= 4 ? s : DEFAULT_SEVERITY[code];
  switch (s) {
    case 'off': return undefined;
    case 'hint': return 4;
    case 'info': case 'information': return 3;
    case 'warning': return 2;
    case 'error': return 1;
    default: return DEFAULT_SEVERITY[code];
  }
}

/** What every check receives: the model, the wording, and where to put what it finds. */
export class Collector {
  readonly out: Diagnostic[] = [];
  readonly msg: Messages;

  constructor(readonly model: ReportModel, private readonly options: CheckOptions) {
    this.msg = messagesFor(options.locale);
  }

  /** The document's URI (read from the options when asked: see CheckOptions.uri). */
  get uri(): string | undefined {
    return this.options.uri;
  }

  /** Whether the rule reports at all under these options. */
  isOn(code: RuleCode): boolean {
    return resolveSeverity(code, this.options) !== undefined;
  }

  add(code: RuleCode, span: Span, message: string, data?: DiagnosticData, related?: Diagnostic['relatedInformation']): void {
    const severity = resolveSeverity(code, this.options);
    if (severity === undefined) return;
    const d: Diagnostic = { range: this.model.lines.rangeOf(span), severity, code, source: SOURCE, message };
    if (data) d.data = data;
    if (related && related.length > 0) d.relatedInformation = related;
    this.out.push(d);
  }
}

export function check(model: ReportModel, options: CheckOptions = {}): Diagnostic[] {
  if (!model.isReport) return [];
  const c = new Collector(model, options);
  checkStructure(c);
  checkYears(c);
  checkNumbering(c);
  checkTables(c);
  checkArithmetic(c);
  checkStatements(c);
  checkPlaceholders(c);
  return c.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
