// A code lens over each table: the problems published on it, or what was checked when there are none. It counts
// the diagnostics the editor shows (severity settings included); it never judges a cell itself.

import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { computations, ruleSpec, type ReportModel, type Table } from '../report';
import { COMMANDS } from '../shared/protocol';
import { tableExtent } from './outline';

function inside(d: Diagnostic, model: ReportModel, span: { start: number; end: number }): boolean {
  const start = model.lines.offsetAt(d.range.start);
  return start >= span.start && start <= span.end;
}

/** The rows and stray values table-partly-read names as not read. */
function unreadPlaces(d: Diagnostic): number {
  const data = d.data as { unread?: readonly string[]; strays?: number } | undefined;
  return (data?.unread?.length ?? 0) + (data?.strays ?? 0);
}

export function codeLenses(model: ReportModel, diagnostics: readonly Diagnostic[], msg: Messages): CodeLens[] {
  const lenses: CodeLens[] = [];
  const tables = [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits].filter((t): t is Table => t !== undefined);
  if (tables.length === 0) return lenses;
  const all = computations(model);
  for (const t of tables) {
    const range = model.lines.rangeOf({ start: t.firstLine.start, end: t.firstLine.start });
    let title: string;
    if (t.unparseable) {
      title = msg.lensUnparseable();
    } else {
      const extent = tableExtent(t);
      const mine = diagnostics.filter((d) => ruleSpec(String(d.code))?.category === 'tables' && inside(d, model, extent));
      const errors = mine.filter((d) => d.severity === 1).length;
      const warnings = mine.filter((d) => d.severity === 2).length;
      // A table read only in part says so first: its ✓ or its count covers only what was read.
      const partly = mine.find((d) => d.code === 'table-partly-read');
      const unread = partly ? unreadPlaces(partly) : 0;
      if (partly && errors + warnings === 1) title = msg.lensPartlyRead(unread);
      else if (partly) title = `${msg.lensPartlyRead(unread)} · ${msg.lensProblems(errors - (partly.severity === 1 ? 1 : 0), warnings - (partly.severity === 2 ? 1 : 0))}`;
      else if (errors + warnings > 0) title = msg.lensProblems(errors, warnings);
      else {
        const identities = all.filter((c) => c.result.table === t.id && c.ok !== undefined).length;
        const cells = t.id === 'reviewsAndLawsuits' ? (t.groups ? 15 : 0) : [...t.rows.values()].reduce((n, r) => n + r.cellList.length, 0);
        title = msg.lensChecked(identities, cells);
      }
    }
    lenses.push({ range, command: { title, command: COMMANDS.showProblems } });
  }
  return lenses;
}
