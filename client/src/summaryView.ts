// The summary view (年度报告汇总, in the Explorer): the server's index of the workspace's reports as year → unit →
// report, each report with its errors and warnings (✓ when clean), units and years with their roll-ups, the
// missing reports as entries of their own; clicking a report opens it. Filters (errors only, a year, a unit's name)
// from the view's title; the `govReport.summaryFiltered` context key says one is on. Commands: export the summary
// (CSV with a BOM, JSON, Markdown — the CLI's formats, made by the server), open a year's aggregate tables as an
// untitled report, copy a unit's problems. The data comes from the server (SummaryRequest), asked again when it
// says the index changed; nothing here judges a report.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_LANGUAGE_ID, reportTextUriOf } from '../../server/src/shared/constants';
import {
  AggregateRequest, COMMANDS, SummaryChangedNotification, SummaryExportRequest, SummaryRequest, UnitProblemsRequest,
  type SummaryFormat, type SummaryViewMissing, type SummaryViewModel, type SummaryViewReport,
} from '../../server/src/shared/protocol';
import { messages } from './i18n';

export const SUMMARY_VIEW = 'govReport.summary';
const FILTERED_KEY = 'govReport.summaryFiltered';
const ERRORS_ONLY_KEY = 'govReport.summaryErrorsOnly';

interface Rollup {
  reports: SummaryViewReport[];
  missing: SummaryViewMissing[];
}

export type SummaryNode =
  | { kind: 'year'; year: number | null } & Rollup
  | { kind: 'unit'; year: number | null; unitKey: string | null; name: string } & Rollup
  | { kind: 'report'; report: SummaryViewReport }
  | { kind: 'missing'; missing: SummaryViewMissing }
  | { kind: 'none' };

export interface SummaryFilter {
  errorsOnly: boolean;
  year: number | undefined;
  unit: string | undefined;
}

export class SummaryView implements vscode.TreeDataProvider<SummaryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<SummaryNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private model: Promise<SummaryViewModel | undefined> | undefined;
  readonly filter: SummaryFilter = { errorsOnly: false, year: undefined, unit: undefined };

  constructor(private readonly start: () => Promise<LanguageClient>) {
    this.view = vscode.window.createTreeView(SUMMARY_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed);
    const command = (id: string, run: (...args: never[]) => unknown) => this.disposables.push(vscode.commands.registerCommand(id, run));
    command(COMMANDS.refreshSummary, () => this.refresh());
    command(COMMANDS.filterSummaryErrors, () => this.setFilter({ errorsOnly: !this.filter.errorsOnly }));
    command(COMMANDS.filterSummaryYear, (year?: number) => this.pickYear(year));
    command(COMMANDS.filterSummaryUnit, (unit?: string) => this.pickUnit(unit));
    command(COMMANDS.clearSummaryFilter, () => this.setFilter({ errorsOnly: false, year: undefined, unit: undefined }));
    command(COMMANDS.exportSummary, (format?: SummaryFormat, target?: vscode.Uri, aggregate?: boolean) => this.export(format, target, aggregate));
    command(COMMANDS.openAggregate, (arg?: SummaryNode | number) => this.openAggregate(typeof arg === 'number' ? arg : arg?.kind === 'year' && arg.year !== null ? arg.year : undefined));
    command(COMMANDS.copyUnitProblems, (node?: SummaryNode) => this.copyUnitProblems(node));
    void this.updateContext();
  }

  /** The server is up: its notifications refresh the view. */
  clientReady(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(client.onNotification(SummaryChangedNotification, () => this.refresh()));
    this.refresh();
  }

  refresh(): void {
    this.model = undefined;
    this.changed.fire();
  }

  /** The server's model (undefined while the server is not running: the welcome content shows). */
  private fetch(): Promise<SummaryViewModel | undefined> {
    const client = this.client;
    if (!client) return Promise.resolve(undefined);
    this.model ??= client.sendRequest(SummaryRequest).then((m) => m, () => undefined);
    return this.model;
  }

  async getChildren(node?: SummaryNode): Promise<SummaryNode[]> {
    if (node) {
      if (node.kind === 'year') return units(node);
      if (node.kind === 'unit') return [...node.reports.map((report): SummaryNode => ({ kind: 'report', report })), ...node.missing.map((missing): SummaryNode => ({ kind: 'missing', missing }))];
      return [];
    }
    const model = await this.fetch();
    if (!model || (model.reports.length === 0 && model.missing.length === 0)) return [];
    const years = this.years(model);
    return years.length > 0 ? years : [{ kind: 'none' }];
  }

  /** The model after the filter, by year (latest first; a year unknown last). */
  private years(model: SummaryViewModel): SummaryNode[] {
    const f = this.filter;
    const unitMatches = (name: string | null) => !f.unit || (name ?? '').includes(f.unit);
    const reports = model.reports.filter((r) => (!f.errorsOnly || r.errors > 0) && (f.year === undefined || r.year === f.year) && unitMatches(r.unit));
    const missing = f.errorsOnly ? [] : model.missing.filter((m) => (f.year === undefined || m.year === f.year) && unitMatches(m.unit));
    const byYear = new Map<number | null, Rollup>();
    const of = (year: number | null) => byYear.get(year) ?? byYear.set(year, { reports: [], missing: [] }).get(year)!;
    for (const r of reports) of(r.year).reports.push(r);
    for (const m of missing) of(m.year).missing.push(m);
    return [...byYear.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
      .map(([year, r]): SummaryNode => ({ kind: 'year', year, ...r }));
  }

  getTreeItem(node: SummaryNode): vscode.TreeItem {
    const msg = messages().client;
    switch (node.kind) {
      case 'year': {
        const item = new vscode.TreeItem(node.year === null ? msg.summaryUnknownYear() : String(node.year), vscode.TreeItemCollapsibleState.Expanded);
        item.description = rollup(node);
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = node.year === null ? 'govReport.summaryYearUnknown' : 'govReport.summaryYear';
        return item;
      }
      case 'unit': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = rollup(node);
        item.iconPath = statusIcon(node.reports.reduce((n, r) => n + r.errors, 0), node.reports.reduce((n, r) => n + r.warnings, 0) + node.missing.length, 'organization');
        item.contextValue = node.unitKey === null ? 'govReport.summaryUnitUnknown' : 'govReport.summaryUnit';
        item.id = `unit:${node.year ?? '?'}:${node.unitKey ?? '?'}`;
        return item;
      }
      case 'report': {
        const r = node.report;
        const item = new vscode.TreeItem(r.file.split('/').pop() ?? r.file, vscode.TreeItemCollapsibleState.None);
        item.description = msg.summaryCounts(r.errors, r.warnings);
        item.tooltip = new vscode.MarkdownString().appendText(`${r.file}\n${msg.summaryCounts(r.errors, r.warnings)}${r.codes.length > 0 ? `\n${r.codes.join(' ')}` : ''}`);
        item.iconPath = statusIcon(r.errors, r.warnings, 'pass');
        item.resourceUri = vscode.Uri.parse(r.uri);
        // A Word/WPS/PDF report opens as its report text (where its problems are), not as the file's bytes.
        item.command = { command: 'vscode.open', title: '', arguments: [vscode.Uri.parse(reportTextUriOf(r.uri))] };
        item.contextValue = 'govReport.summaryReport';
        item.id = `report:${r.uri}`;
        return item;
      }
      case 'missing': {
        const item = new vscode.TreeItem(msg.summaryMissing(node.missing.year), vscode.TreeItemCollapsibleState.None);
        item.description = node.missing.lastFile;
        item.tooltip = node.missing.message;
        item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'govReport.summaryMissing';
        return item;
      }
      case 'none':
        return new vscode.TreeItem(msg.summaryNoMatch(), vscode.TreeItemCollapsibleState.None);
    }
  }

  // ---- filters -------------------------------------------------------------------------------------

  setFilter(change: Partial<SummaryFilter>): void {
    Object.assign(this.filter, change);
    void this.updateContext();
    this.refresh();
  }

  private async updateContext(): Promise<void> {
    const f = this.filter;
    const on = f.errorsOnly || f.year !== undefined || !!f.unit;
    this.view.description = on ? messages().client.summaryFilterDescription(f.errorsOnly, f.year, f.unit) : undefined;
    await vscode.commands.executeCommand('setContext', FILTERED_KEY, on);
    await vscode.commands.executeCommand('setContext', ERRORS_ONLY_KEY, f.errorsOnly);
  }

  private async pickYear(year?: number): Promise<void> {
    if (typeof year === 'number' || year === null) return this.setFilter({ year: year ?? undefined });
    const msg = messages().client;
    const model = await this.fetch();
    const years = [...new Set([...(model?.reports ?? []).map((r) => r.year), ...(model?.missing ?? []).map((m) => m.year)])]
      .filter((y): y is number => y !== null).sort((a, b) => b - a);
    const all = msg.summaryAllYears();
    const picked = await vscode.window.showQuickPick([all, ...years.map(String)], { placeHolder: msg.summaryFilterYear() });
    if (picked === undefined) return;
    this.setFilter({ year: picked === all ? undefined : Number(picked) });
  }

  private async pickUnit(unit?: string): Promise<void> {
    if (typeof unit === 'string') return this.setFilter({ unit: unit.trim() || undefined });
    const msg = messages().client;
    const typed = await vscode.window.showInputBox({ prompt: msg.summaryFilterUnit(), placeHolder: msg.summaryFilterUnitPlaceholder(), value: this.filter.unit ?? '' });
    if (typed === undefined) return;
    this.setFilter({ unit: typed.trim() || undefined });
  }

  // ---- commands ------------------------------------------------------------------------------------

  /** Exports the summary; with a format and a target (tests, keybindings) it asks nothing. Resolves with the file written. */
  async export(format?: SummaryFormat, target?: vscode.Uri, aggregate = false): Promise<vscode.Uri | undefined> {
    const msg = messages().client;
    if (!format) {
      const items: (vscode.QuickPickItem & { format: SummaryFormat; aggregate: boolean })[] = [
        { label: 'CSV', description: 'UTF-8 (BOM)', format: 'csv', aggregate: false },
        { label: 'JSON', format: 'json', aggregate: false },
        { label: 'Markdown', format: 'md', aggregate: false },
        { label: 'Markdown', description: msg.summaryExportAggregate(), format: 'md', aggregate: true },
      ];
      const picked = await vscode.window.showQuickPick(items, { placeHolder: msg.summaryExportFormat() });
      if (!picked) return undefined;
      format = picked.format;
      aggregate = picked.aggregate;
    }
    const extension = format === 'md' ? 'md' : format;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `${messages().summaryTitle().replace(/[\\/:*?"<>|]/g, '')}.${extension}`;
      target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [format === 'md' ? 'Markdown' : format.toUpperCase()]: [extension] },
      });
      if (!target) return undefined;
    }
    const client = await this.start();
    const { content } = await client.sendRequest(SummaryExportRequest, { format, aggregate });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    void vscode.window.showInformationMessage(msg.summaryExported(target.scheme === 'file' ? target.fsPath : target.toString()));
    return target;
  }

  /** Opens a year's aggregate tables as an untitled report, checked like any report. */
  async openAggregate(year?: number): Promise<vscode.TextDocument | undefined> {
    const msg = messages().client;
    const client = await this.start();
    if (year === undefined) {
      const model = await this.fetch();
      const years = [...new Set((model?.reports ?? []).map((r) => r.year))].filter((y): y is number => y !== null).sort((a, b) => b - a);
      if (years.length === 0) {
        void vscode.window.showInformationMessage(msg.summaryEmpty());
        return undefined;
      }
      const picked = years.length === 1 ? String(years[0]) : await vscode.window.showQuickPick(years.map(String), { placeHolder: msg.aggregateYear() });
      if (picked === undefined) return undefined;
      year = Number(picked);
    }
    const result = await client.sendRequest(AggregateRequest, { year });
    if (!result) {
      void vscode.window.showInformationMessage(msg.aggregateNone(year));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE_ID, content: result.text });
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  /** Copies a unit's problems (of the year its node is under) as plain text. Resolves with the text copied. */
  async copyUnitProblems(node?: SummaryNode): Promise<string | undefined> {
    if (node?.kind !== 'unit' || node.unitKey === null) return undefined;
    const msg = messages().client;
    const client = await this.start();
    const { text, problems } = await client.sendRequest(UnitProblemsRequest, { unitKey: node.unitKey, year: node.year ?? undefined });
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(problems > 0 || node.missing.length > 0 ? msg.unitProblemsCopied(node.name, problems + node.missing.length) : msg.unitProblemsNone(node.name));
    return text;
  }

  /** The view's nodes as they are now (tests). */
  async snapshot(): Promise<{ label: string; description: string; children: { label: string; description: string; children: { label: string; description: string }[] }[] }[]> {
    const label = (n: SummaryNode) => {
      const item = this.getTreeItem(n);
      return { label: typeof item.label === 'string' ? item.label : item.label?.label ?? '', description: String(item.description ?? '') };
    };
    const out = [];
    for (const year of await this.getChildren()) {
      const units = [];
      for (const unit of await this.getChildren(year)) units.push({ ...label(unit), children: (await this.getChildren(unit)).map(label) });
      out.push({ ...label(year), children: units });
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A year's reports and missing reports by unit (by name). */
function units(year: { year: number | null } & Rollup): SummaryNode[] {
  const byUnit = new Map<string | null, { name: string } & Rollup>();
  const of = (key: string | null, name: string | null) =>
    byUnit.get(key) ?? byUnit.set(key, { name: name ?? messages().client.summaryUnknownUnit(), reports: [], missing: [] }).get(key)!;
  for (const r of year.reports) of(r.unitKey, r.unit).reports.push(r);
  for (const m of year.missing) of(m.unitKey, m.unit).missing.push(m);
  return [...byUnit.entries()]
    .sort(([a, x], [b, y]) => (a === null ? 1 : b === null ? -1 : x.name.localeCompare(y.name, 'zh-CN')))
    .map(([unitKey, u]): SummaryNode => ({ kind: 'unit', year: year.year, unitKey, ...u }));
}

function rollup(r: Rollup): string {
  const errors = r.reports.reduce((n, x) => n + x.errors, 0);
  const warnings = r.reports.reduce((n, x) => n + x.warnings, 0);
  return messages().client.summaryRollup(r.reports.length, errors, warnings, r.missing.length);
}

function statusIcon(errors: number, warnings: number, clean: string): vscode.ThemeIcon {
  if (errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon(clean, new vscode.ThemeColor('testing.iconPassed'));
}
