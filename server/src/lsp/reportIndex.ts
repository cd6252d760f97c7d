// The workspace index of reports: every report the server knows of — checked from disk by Validate All and kept
// current by file events (lsp/workspace.ts), and every open report as it is edited — as its facts (report/facts.ts),
// its summary figures, its own diagnostics and its tables' numbers; never its text or model. The rules across
// reports read it: an open report whose unit's report of the year before is in the index gets carry-over-mismatch
// and in-force-count-chain as it is typed (late-publication where .govreport.json dates it), and a change to any
// report re-diagnoses the reports whose findings across reports it changes, open (re-checked) or closed
// (re-published). The summary view, its export, the aggregate tables and a unit's problems are answered from it.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { messagesFor, type Messages } from '../l10n';
import { factsOf, packFacts, pairReports, reportDiagnostics, tableValuesOf, unpackFacts, type CrossYearOptions, type PackedFacts, type ReportFacts, type ReportModel, type TableValues } from '../report';
import { withRuleLinks } from '../features/diagnostics';
import { figuresOf, formatCsv, formatJson, formatMarkdown, summarize, type Figures, type Summary, type SummaryEntry } from '../features/summary';
import { loadGovReportConfig, mergeConfigs, type GovReportConfig } from '../node/govreportConfig';
import type { SummaryFormat, SummaryViewModel } from '../shared/protocol';
import { reportTextUriOf } from '../shared/constants';

/** What the index needs of the rest of the server. */
export interface IndexHost {
  workspaceFolders(): readonly string[];
  /** A closed file's diagnostics changed (its findings across reports): publish them as its workspace result. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** An open document's findings across reports changed: check it again (its analysis asks the index). */
  rediagnose(uri: string): void;
  /** The index changed: the summary view asks again. */
  changed(): void;
  log(message: string): void;
}

/** One report of the index. */
export interface IndexedReport {
  readonly uri: string;
  /** The file as the user knows it: its path relative to its workspace folder. */
  readonly file: string;
  /** Who and when it is (what pairing and the view need), kept as objects. */
  readonly key: SummaryEntry['key'];
  /**
   * Its facts, packed (report/facts.ts): a report's facts as objects are ~10 KB, packed ~4 KB, and only the reports
   * paired with last year's, and a summary's pairs, read them (factsOfReport).
   */
  readonly packed: PackedFacts;
  readonly figures: Figures;
  /** The report's own diagnostics (the check of its text, as published without the rules across reports). */
  readonly own: readonly Diagnostic[];
  readonly values: TableValues;
  /** Options the rules across reports apply to it with (its settings' locale and severities). */
  readonly options: CrossYearOptions;
}

interface Slot {
  report: IndexedReport;
  /** The findings across reports last computed for it, and their signature. */
  across: Diagnostic[];
  signature: string;
  /** The generation of the pairing they were computed with. */
  generation: number;
}

interface OpenSlot extends Slot {
  /** The own diagnostics array the report was made from (the analysis's): a new one means a new version. */
  source: readonly Diagnostic[];
  merged: Diagnostic[] | undefined;
  mergedAcross: Diagnostic[] | undefined;
}

const EMPTY: Diagnostic[] = [];

/** How long the index waits after a change before it re-pairs reports and tells the view (ms): a burst is one change. */
const SETTLE_MS = 150;

export class ReportIndex {
  private readonly disk = new Map<string, Slot>();
  private readonly open = new Map<string, OpenSlot>();
  private readonly configs = new Map<string, GovReportConfig | undefined>();
  /** Reports paired by unit and year: group key → year → URIs (in the index's order); rebuilt when reports change. */
  private pairing: { groups: Map<string, string>; byUnitYear: Map<string, Map<number, string[]>> } | undefined;
  private generation = 0;
  /** Whether something the summary view shows changed since it was last told. */
  private viewDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the index last changed (ms): it settles SETTLE_MS after the last change of a burst. */
  private lastChange = 0;

  constructor(private readonly host: IndexHost) {}

  // ---- what goes in ------------------------------------------------------------------------------

  /** A file checked from disk: indexed; returns its diagnostics with its findings across reports. */
  fromDisk(uri: string, model: ReportModel, own: Diagnostic[], options: CrossYearOptions): Diagnostic[] {
    const report = this.make(uri, model, own, options);
    const before = this.disk.get(uri);
    // Its findings across reports are published once the burst of checks is over (settle): pairing the whole index
    // for every file Validate All reads would be quadratic. Until then the file shows what it showed.
    const slot: Slot = { report, across: before?.across ?? EMPTY, signature: before?.signature ?? '', generation: -1 };
    this.disk.set(uri, slot);
    if (!before || viewKey(before.report) !== viewKey(report)) this.viewDirty = true;
    this.touched(!sameIdentity(before?.report, report));
    return this.open.has(uri) ? own : merge(own, slot.across);
  }

  /**
   * An open document's analysis (lsp/analysis.ts): indexed when it is a report in a file (dropped when it is none), and its
   * diagnostics with the findings across reports. The same array is returned while nothing changed.
   */
  openAnalysis(uri: string, model: ReportModel | undefined, own: Diagnostic[], options: CrossYearOptions): Diagnostic[] {
    // Only the workspace's files are its reports: an untitled document (a draft, the aggregate tables opened from
    // the view) is no unit's report of a year, and the aggregate would count itself.
    if (!model || !uri.startsWith('file:')) {
      if (this.open.delete(uri)) this.touched(true);
      return own;
    }
    let slot = this.open.get(uri);
    if (!slot || slot.source !== own) {
      const report = this.make(uri, model, own, options);
      const before: Slot | undefined = slot ?? this.disk.get(uri);
      // (Its findings and their signature go together: computeAcross replaces both when the signature changes.)
      slot = { report, across: before?.across ?? EMPTY, signature: before?.signature ?? '', generation: -1, source: own, merged: undefined, mergedAcross: undefined };
      this.open.set(uri, slot);
      // A keystroke that leaves the unit and year as they were pairs nothing anew; one that leaves the report's
      // counts as they were does not ask the view to redraw.
      this.touched(!sameIdentity(before?.report, report));
      this.computeAcross(slot);
      if (!before || viewKey(before.report) !== viewKey(report) || before.signature !== slot.signature) this.viewDirty = true;
    }
    if (slot.generation !== this.generation) this.computeAcross(slot);
    if (slot.merged === undefined || slot.mergedAcross !== slot.across) {
      slot.merged = slot.across.length === 0 ? own : merge(own, slot.across);
      slot.mergedAcross = slot.across;
    }
    return slot.merged;
  }

  /** A document was closed: its disk entry, if any, stands again (workspace.ts re-checks it from disk). */
  closed(uri: string): void {
    if (this.open.delete(uri)) this.touched(true);
  }

  /** Files gone (deleted, no longer listed, not reports any more): a folder's URI drops everything under it. */
  forget(uri: string): void {
    const under = uri.endsWith('/') ? uri : `${uri}/`;
    let changed = false;
    for (const known of [...this.disk.keys()]) {
      if (known === uri || known.startsWith(under)) changed = this.disk.delete(known) || changed;
    }
    if (changed) this.touched(true);
  }

  /** After Validate All: the disk entries not among the files it checked go. */
  retain(checked: ReadonlySet<string>): void {
    let changed = false;
    for (const known of [...this.disk.keys()]) if (!checked.has(known)) changed = this.disk.delete(known) || changed;
    if (changed) this.touched(true);
  }

  /** A .govreport.json changed: mappings and dates are read again, and every report is taken again on its next check. */
  configChanged(): void {
    this.configs.clear();
  }

  // ---- what comes out ----------------------------------------------------------------------------

  /** Every report of the index (an open document's version in place of its disk's), ordered by file. */
  reports(): IndexedReport[] {
    const all = new Map<string, IndexedReport>();
    for (const [uri, s] of this.disk) all.set(uri, s.report);
    for (const [uri, s] of this.open) all.set(uri, s.report);
    return [...all.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  get size(): number {
    return this.reports().length;
  }

  /** The report's diagnostics as they stand: its own with its findings across reports. */
  diagnosticsOf(uri: string): Diagnostic[] {
    const slot = this.open.get(uri) ?? this.disk.get(uri);
    if (!slot) return [];
    if (slot.generation !== this.generation) this.computeAcross(slot);
    return merge(slot.report.own, slot.across);
  }

  /** The summary of the index, as the CLI's `summary` makes it (features/summary.ts), with each row's URI. */
  summary(msg: Messages, options: { aggregate: boolean; severities?: CrossYearOptions['severities'] }): { summary: Summary; uris: string[] } {
    const reports = this.reports();
    const entries = reports.map((r): SummaryEntry => {
      const { errors, warnings, codes } = countsOf(r.own);
      return { path: r.file, key: r.key, facts: () => factsOfReport(r), figures: r.figures, errors, warnings, codes: [...codes], values: r.values };
    });
    const summary = summarize(entries, { locale: msg.locale, aggregate: options.aggregate, severities: options.severities }, msg);
    return { summary, uris: reports.map((r) => r.uri) };
  }

  /** The summary view's model. */
  view(msg: Messages, severities?: CrossYearOptions['severities']): SummaryViewModel {
    const { summary, uris } = this.summary(msg, { aggregate: false, severities });
    return {
      reports: summary.reports.map((r, i) => ({
        uri: uris[i]!, file: r.file, unit: r.unit, unitKey: r.unitKey, year: r.year, errors: r.errors, warnings: r.warnings, codes: r.codes,
      })),
      missing: summary.missing.map((m) => ({ unit: m.unit, unitKey: m.unitKey, year: m.year, lastYear: m.lastYear, lastFile: m.lastFile, message: m.message })),
    };
  }

  /** The summary as the CLI writes it. */
  export(format: SummaryFormat, aggregate: boolean, msg: Messages, severities?: CrossYearOptions['severities']): string {
    const { summary } = this.summary(msg, { aggregate, severities });
    return format === 'csv' ? formatCsv(summary, msg) : format === 'json' ? formatJson(summary) : formatMarkdown(summary, msg);
  }

  /** The year's aggregate tables as a report text, or undefined when no report of the year gives a table whole. */
  aggregate(year: number, msg: Messages): string | undefined {
    const { summary } = this.summary(msg, { aggregate: true });
    const row = summary.aggregates.find((a) => a.year === year);
    if (!row || row.reports === 0 || (row.tables.activeDisclosure.summed + row.tables.applications.summed + row.tables.reviewsAndLawsuits.summed) === 0) return undefined;
    return row.text;
  }

  /** A unit's problems (of one year, or every year) as plain text, one line each: file:line:column, severity, code, message. */
  unitProblems(unitKey: string, year: number | undefined, msg: Messages, severities?: CrossYearOptions['severities']): { text: string; problems: number } {
    const { summary, uris } = this.summary(msg, { aggregate: false, severities });
    const lines: string[] = [];
    let problems = 0;
    summary.reports.forEach((r, i) => {
      if (r.unitKey !== unitKey || (year !== undefined && r.year !== year)) return;
      const diagnostics = this.diagnosticsOf(uris[i]!);
      if (lines.length > 0) lines.push('');
      lines.push(msg.unitProblemsHeading(r.file, r.unit ?? '', r.year ?? undefined, r.errors, r.warnings));
      for (const d of diagnostics) {
        problems++;
        const text = typeof d.message === 'string' ? d.message : d.message.value;
        lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${msg.severityName((d.severity ?? 1) as 1 | 2 | 3 | 4)} ${String(d.code)} ${text}`);
      }
    });
    if (year !== undefined) {
      for (const m of summary.missing) if (m.unitKey === unitKey && m.year === year) lines.push('', m.message);
    }
    return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', problems };
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  // ---- inside ------------------------------------------------------------------------------------

  private make(uri: string, model: ReportModel, own: readonly Diagnostic[], options: CrossYearOptions): IndexedReport {
    const folder = this.folderOf(uri);
    const file = displayPath(uri, folder);
    const path = pathOf(uri);
    const config = this.configFor(path, folder);
    // A Word/PDF report is indexed by its file, and its cells are in its rendered text: related information points there.
    const at = reportTextUriOf(uri);
    const facts = factsOf(model, file, { uri: at, mapping: config?.mapping, published: path === undefined ? undefined : config?.published.get(path) });
    const key: SummaryEntry['key'] = { file: facts.file, isReport: facts.isReport, identity: facts.identity, formatYear: facts.formatYear, published: facts.published };
    return { uri, file, key, packed: packFacts(facts), figures: figuresOf(facts), own, values: tableValuesOf(model), options };
  }

  /** Something changed: pair again and tell the view, once the burst is over. */
  private touched(repair: boolean): void {
    if (repair) {
      this.pairing = undefined;
      this.generation++;
      this.viewDirty = true;
    }
    // One timer for the burst, not one per change (Validate All changes the index 10,000 times in a few seconds):
    // when it fires before the burst is over, it waits out the rest.
    this.lastChange = Date.now();
    this.timer ??= setTimeout(() => this.settleWhenQuiet(), SETTLE_MS);
  }

  private settleWhenQuiet(): void {
    const wait = this.lastChange + SETTLE_MS - Date.now();
    if (wait > 0) this.timer = setTimeout(() => this.settleWhenQuiet(), wait);
    else this.settle();
  }

  /** Every report's findings across reports computed again; those that changed are re-published or re-checked. */
  private settle(): void {
    this.timer = undefined;
    try {
      for (const [uri, slot] of this.disk) {
        if (this.open.has(uri)) continue;
        const before = slot.signature;
        this.computeAcross(slot);
        if (slot.signature === before) continue;
        this.viewDirty = true;
        this.host.publish(uri, merge(slot.report.own, slot.across));
      }
      for (const [uri, slot] of this.open) {
        const before = slot.signature;
        this.computeAcross(slot);
        if (slot.signature === before) continue;
        this.viewDirty = true;
        this.host.rediagnose(uri);
      }
    } catch (e) {
      // A timer's exception would end the server: logged instead, and the next change tries again.
      this.host.log(`report index: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      if (this.viewDirty) {
        this.viewDirty = false;
        this.host.changed();
      }
    }
  }

  private computeAcross(slot: Slot): void {
    const { key } = slot.report;
    const last = this.lastYearOf(slot.report);
    const found = key.identity.year === undefined || (last === undefined && key.published === undefined)
      ? EMPTY : withRuleLinks(reportDiagnostics(factsOfReport(slot.report), last && factsOfReport(last), slot.report.options));
    const signature = found.length === 0 ? '' : JSON.stringify(found);
    if (signature !== slot.signature) {
      slot.across = found.length === 0 ? EMPTY : found;
      slot.signature = signature;
    }
    slot.generation = this.generation;
  }

  /** Last year's report of the report's unit in the index, if any (the first by file, as the summary pairs them). */
  private lastYearOf(report: IndexedReport): IndexedReport | undefined {
    const { key, year } = report.key.identity;
    if (key === undefined || year === undefined) return undefined;
    const pairing = this.pairingNow();
    const group = pairing.groups.get(key) ?? key;
    const uris = pairing.byUnitYear.get(group)?.get(year - 1);
    const uri = uris?.find((u) => u !== report.uri);
    return uri === undefined ? undefined : (this.open.get(uri) ?? this.disk.get(uri))?.report;
  }

  private pairingNow(): NonNullable<ReportIndex['pairing']> {
    if (this.pairing) return this.pairing;
    const reports = this.reports();
    const paired = pairReports(reports.map((r) => r.key), { severities: { 'report-missing': 'off' } });
    const groups = new Map<string, string>();
    const byUnitYear = new Map<string, Map<number, string[]>>();
    reports.forEach((r, i) => {
      const group = paired.groups[i];
      const { key, year } = r.key.identity;
      if (group === undefined || key === undefined) return;
      groups.set(key, group);
      if (year === undefined) return;
      const years = byUnitYear.get(group) ?? byUnitYear.set(group, new Map()).get(group)!;
      (years.get(year) ?? years.set(year, []).get(year)!).push(r.uri);
    });
    this.pairing = { groups, byUnitYear };
    return this.pairing;
  }

  /** The .govreport.json of the file's workspace folder and of its own folder (the nearer wins), read once. */
  private configFor(path: string | undefined, root: string | undefined): GovReportConfig | undefined {
    if (path === undefined) return undefined;
    const rootPath = root === undefined ? undefined : pathOf(root);
    const own = dirname(path);
    const found: GovReportConfig[] = [];
    for (const folder of rootPath === undefined || rootPath === own ? [own] : [rootPath, own]) {
      if (!this.configs.has(folder)) {
        // The problems of a config are the user's to see in the JSON editor (its schema); the server only logs them.
        const loaded = loadGovReportConfig(folder, messagesFor('en'));
        for (const p of loaded.problems) this.host.log(`${join(folder, '.govreport.json')}: ${p}`);
        this.configs.set(folder, loaded.config);
      }
      const c = this.configs.get(folder);
      if (c) found.push(c);
    }
    return found.length === 0 ? undefined : mergeConfigs(found);
  }

  private folderOf(uri: string): string | undefined {
    return this.host.workspaceFolders().filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }

}

/** The file as the user knows it: relative to its workspace folder, else its path. */
function displayPath(uri: string, folder: string | undefined): string {
  if (folder !== undefined) return safeDecode(uri.slice((folder.endsWith('/') ? folder : `${folder}/`).length));
  return pathOf(uri) ?? safeDecode(uri);
}

/** A report's own errors and warnings, and the rule codes it hits. */
function countsOf(own: readonly Diagnostic[]): { errors: number; warnings: number; codes: Set<string> } {
  let errors = 0;
  let warnings = 0;
  const codes = new Set<string>();
  for (const d of own) {
    if (d.severity === 1) errors++;
    else if (d.severity === 2) warnings++;
    codes.add(String(d.code));
  }
  return { errors, warnings, codes };
}

/** What the summary view shows of a report but its findings across reports: who and when it is, its own problems. */
function viewKey(r: IndexedReport): string {
  const { errors, warnings, codes } = countsOf(r.own);
  const id = r.key.identity;
  return `${id.key}|${id.unit}|${id.year}|${errors}|${warnings}|${[...codes].sort().join(' ')}`;
}

/** Whether two versions of a report are the same unit and year (the pairing of reports stands). */
function sameIdentity(a: IndexedReport | undefined, b: IndexedReport): boolean {
  return a !== undefined && a.key.identity.key === b.key.identity.key && a.key.identity.year === b.key.identity.year;
}

/** A report's facts, unpacked (objects made anew each time: callers hold them no longer than a rule's run). */
function factsOfReport(r: IndexedReport): ReportFacts {
  return unpackFacts(r.packed);
}

/** A report's own diagnostics with its findings across reports, in the order of the text. */
function merge(own: readonly Diagnostic[], across: readonly Diagnostic[]): Diagnostic[] {
  if (across.length === 0) return [...own];
  return [...own, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
