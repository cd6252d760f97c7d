// Rules across reports (docs/format.md §8): what one report says against last year's report of the same unit, when
// publication was due, and which units have not published. Functions of facts (facts.ts), not of models, so that
// a summary over thousands of reports, or the server's index of a workspace, needs no report's text to apply them.
// Only figures read with certainty take part; when either side could not be read, nothing is said. Pure: no I/O.
//   crossYearDiagnostics(thisYear, lastYear)  carry-over-mismatch, in-force-count-chain (on this year's report)
//   publicationDiagnostics(facts)             late-publication
//   missingReports(facts[])                   report-missing (a line of the summary, not a diagnostic)
//   pairReports(keys[])                       units grouped, each report paired with last year's, missing reports
//   acrossReports(facts[])                    all of them over a set of reports

import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { messagesFor } from '../l10n';
import { SOURCE } from '../shared/constants';
import { resolveSeverity, type CheckOptions } from './check';
import { certainValue, type Fact, type ReportFacts } from './facts';
import { groupUnits, type ReportIdentity, type UnitKind } from './identity';
import type { RuleCode } from './rules';
import { APPLICANT_COLUMNS, DISCLOSURE_ROWS_2021, applicationRowSpec } from './schema';

/** Options of the rules across reports: the message language and the per-rule severities, as for check. */
export type CrossYearOptions = Pick<CheckOptions, 'locale' | 'severities'>;

/** What a cross-year diagnostic's `data` holds: last year's cell, for a hover or a link to it. */
export interface LastYearData {
  readonly kind: 'info';
  readonly lastYear: { readonly file: string; readonly uri: string | undefined; readonly year: number; readonly value: number; readonly range: Range };
  [key: string]: unknown;
}

/**
 * carry-over-mismatch and in-force-count-chain: this year's report against last year's report of the same unit
 * (the caller pairs them: same unit, `lastYear`'s year one before `thisYear`'s; otherwise nothing is said).
 * Diagnostics are on this year's report, with last year's cell as related information when its URI is known.
 */
export function crossYearDiagnostics(thisYear: ReportFacts, lastYear: ReportFacts, options: CrossYearOptions = {}): Diagnostic[] {
  const year = thisYear.identity.year;
  const before = lastYear.identity.year;
  if (!thisYear.isReport || !lastYear.isReport || year === undefined || before !== year - 1) return [];
  const msg = messagesFor(options.locale);
  const out: Diagnostic[] = [];
  const carrySeverity = resolveSeverity('carry-over-mismatch', options);
  if (carrySeverity !== undefined) {
    // 二、上年结转 (N) = 四、结转下年度继续办理 (N−1), column by column (§8.1).
    const overRow = applicationRowSpec('carriedOver')!;
    const forwardRow = applicationRowSpec('carriedForward')!;
    for (const column of APPLICANT_COLUMNS) {
      const now = thisYear.applications.carriedOver[column.id];
      const then = lastYear.applications.carriedForward[column.id];
      const a = certainValue(now);
      const b = certainValue(then);
      if (a === undefined || b === undefined || a === b) continue;
      const cell = msg.applicationCell(undefined, overRow, column);
      const lastCell = msg.applicationCell(undefined, forwardRow, column);
      out.push(diagnostic('carry-over-mismatch', carrySeverity, now!.range,
        msg.carryOverMismatch(cell, a, lastCell, b, before, lastYear.file),
        lastYearData(lastYear, then!, { column: column.id }),
        related(lastYear, then!, msg.lastYearCell(before, lastCell, b))));
    }
  }
  const chainSeverity = resolveSeverity('in-force-count-chain', options);
  if (chainSeverity !== undefined && thisYear.formatYear === 2021 && lastYear.formatYear === 2021) {
    // 现行有效 (N) = 现行有效 (N−1) + 本年制发 (N) − 本年废止 (N) (§8.2); a 文件清理 breaks it legitimately (§8.3).
    for (const spec of DISCLOSURE_ROWS_2021.slice(0, 2)) {
      const id = spec.id as 'regulations' | 'normativeDocuments';
      const now = thisYear.documents[id];
      const then = lastYear.documents[id]?.inForce;
      const inForce = certainValue(now?.inForce);
      const issued = certainValue(now?.issued);
      const repealed = certainValue(now?.repealed);
      const last = certainValue(then);
      if (inForce === undefined || issued === undefined || repealed === undefined || last === undefined) continue;
      const expected = last + issued - repealed;
      if (expected === inForce) continue;
      const cell = msg.inForceCell(spec);
      out.push(diagnostic('in-force-count-chain', chainSeverity, now!.inForce!.range,
        msg.inForceChain(cell, inForce, last, issued, repealed, expected, before, lastYear.file),
        lastYearData(lastYear, then!, { row: id, expected }),
        related(lastYear, then!, msg.lastYearCell(before, cell, last))));
    }
  }
  return out;
}

/**
 * late-publication: a report published after the date of 《条例》第四十九条 — 31 January of the next year for a
 * department, 31 March for a 本级人民政府 report. Only when the publication date, the year and the unit's kind are
 * known; townships and other units are not held to a date (the article names none for them). On the title.
 */
export function publicationDiagnostics(facts: ReportFacts, options: CrossYearOptions = {}): Diagnostic[] {
  const { year, kind } = facts.identity;
  const published = /^(\d{4}-\d{2}-\d{2})/.exec(facts.published ?? '')?.[1];
  const deadline = year === undefined ? undefined : publicationDeadline(year, kind);
  const severity = resolveSeverity('late-publication', options);
  if (!facts.isReport || !published || !deadline || published <= deadline || severity === undefined) return [];
  const msg = messagesFor(options.locale);
  const range = facts.title ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [diagnostic('late-publication', severity, range, msg.latePublication(published, deadline, kind as 'government' | 'department'),
    { kind: 'info', published, deadline })];
}

/** The last day a report of `year` may be published (YYYY-MM-DD), for the kinds 第四十九条 names. */
export function publicationDeadline(year: number, kind: UnitKind): string | undefined {
  if (kind === 'department') return `${year + 1}-01-31`;
  if (kind === 'government') return `${year + 1}-03-31`;
  return undefined;
}

/** A year for which a unit has no report, though it has one for an earlier year. */
export interface MissingReport {
  /** The unit, as its latest report before `year` names it. */
  readonly unit: string;
  /** The unit's group key (groupUnits). */
  readonly key: string;
  readonly kind: UnitKind;
  readonly year: number;
  /** The unit's latest year before `year` with a report, and that report's file. */
  readonly lastYear: number;
  readonly lastFile: string;
  readonly message: string;
}

/**
 * report-missing: every unit with a report for some year and none for a later year up to the latest year of the
 * set (a unit with 2023 only, in a set whose latest reports are for 2024: 2024 is missing). A line of the summary,
 * not a diagnostic: "off" in the severities leaves it out.
 */
export function missingReports(all: readonly ReportKey[], options: CrossYearOptions = {}): readonly MissingReport[] {
  return pairReports(all, options).missing;
}

/** What pairing reports needs of each: who and when it is (ReportFacts has it; so can much less). */
export interface ReportKey {
  readonly file: string;
  readonly isReport: boolean;
  readonly identity: ReportIdentity;
}

export interface Pairing {
  /** For each report (same order as given), the index of last year's report of the same unit among those given, if any. */
  readonly previous: readonly (number | undefined)[];
  /** For each report, its unit's group key (undefined when the unit is not known). */
  readonly groups: readonly (string | undefined)[];
  readonly missing: readonly MissingReport[];
}

export interface AcrossReports extends Pairing {
  /** For each report, the diagnostics of the rules across reports. */
  readonly diagnostics: readonly Diagnostic[][];
}

/**
 * Units grouped (identity.ts groupUnits), each report paired with last year's report of its unit (the first in
 * the order given, when there are several), and the missing reports. Needs only who and when each report is: a
 * caller with thousands of reports keeps that, and reads a report's figures only for the pairs (summary.ts).
 */
export function pairReports(all: readonly ReportKey[], options: CrossYearOptions = {}): Pairing {
  const units = new Map<string, UnitKind>();
  for (const f of all) if (f.isReport && f.identity.key !== undefined) units.set(f.identity.key, f.identity.kind);
  const grouping = groupUnits([...units].map(([key, kind]) => ({ key, kind })));
  const groups = all.map((f) => (f.isReport && f.identity.key !== undefined ? grouping.get(f.identity.key) : undefined));
  // group → year → the reports of that unit and year, in the order given
  const byUnit = new Map<string, Map<number, number[]>>();
  let latest: number | undefined;
  all.forEach((f, i) => {
    const g = groups[i];
    const year = f.identity.year;
    if (year === undefined || !f.isReport) return;
    latest = latest === undefined ? year : Math.max(latest, year);
    if (g === undefined) return;
    const years = byUnit.get(g) ?? byUnit.set(g, new Map()).get(g)!;
    (years.get(year) ?? years.set(year, []).get(year)!).push(i);
  });
  const previous = all.map((f, i) => {
    const g = groups[i];
    const year = f.identity.year;
    return g === undefined || year === undefined ? undefined : byUnit.get(g)?.get(year - 1)?.[0];
  });
  const missing: MissingReport[] = [];
  if (latest !== undefined && resolveSeverity('report-missing', options) !== undefined) {
    const msg = messagesFor(options.locale);
    for (const [key, years] of byUnit) {
      const have = [...years.keys()].sort((a, b) => a - b);
      for (let year = have[0]! + 1; year <= latest; year++) {
        if (years.has(year)) continue;
        const lastYear = have.filter((y) => y < year).pop()!;
        const last = all[years.get(lastYear)![0]!]!;
        const unit = last.identity.unit ?? key;
        missing.push({ unit, key, kind: last.identity.kind, year, lastYear, lastFile: last.file, message: msg.reportMissing(unit, lastYear, year) });
      }
    }
    missing.sort((a, b) => a.year - b.year || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  }
  return { previous, groups, missing };
}

/** The rules across reports over a set of reports: pairReports, then each report's cross-year and publication diagnostics. */
export function acrossReports(all: readonly ReportFacts[], options: CrossYearOptions = {}): AcrossReports {
  const pairing = pairReports(all, options);
  const diagnostics = all.map((f, i) => reportDiagnostics(f, pairing.previous[i] === undefined ? undefined : all[pairing.previous[i]!], options));
  return { ...pairing, diagnostics };
}

/** One report's diagnostics across reports: against last year's report (when there is one), and its publication date. */
export function reportDiagnostics(facts: ReportFacts, lastYear: ReportFacts | undefined, options: CrossYearOptions = {}): Diagnostic[] {
  const across = lastYear === undefined ? [] : crossYearDiagnostics(facts, lastYear, options);
  return across.concat(publicationDiagnostics(facts, options));
}

function diagnostic(code: RuleCode, severity: DiagnosticSeverity, range: Range, message: string, data: unknown, relatedInformation?: Diagnostic['relatedInformation']): Diagnostic {
  const d: Diagnostic = { range, severity, code, source: SOURCE, message, data };
  if (relatedInformation) d.relatedInformation = relatedInformation;
  return d;
}

function lastYearData(lastYear: ReportFacts, cell: Fact, extra: Record<string, unknown>): LastYearData {
  return { kind: 'info', ...extra, lastYear: { file: lastYear.file, uri: lastYear.uri, year: lastYear.identity.year!, value: cell.value!, range: cell.range } };
}

function related(lastYear: ReportFacts, cell: Fact, message: string): Diagnostic['relatedInformation'] {
  return lastYear.uri === undefined ? undefined : [{ location: { uri: lastYear.uri, range: cell.range }, message }];
}

