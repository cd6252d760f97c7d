// The arithmetic identities of 表三 and 表四 (totals.ts computes them; the hovers read the same list). A fault is
// reported once, on the cell whose correction makes every failing identity hold (blame.ts), with the value fix on
// that cell only and the identities it breaks as related information; when no cell can be told, once, without a
// value fix.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { IdentityKind } from '../../l10n';
import { explainFailures, type Correction } from '../blame';
import type { Collector, DiagnosticData } from '../check';
import type { Cell, Table } from '../model';
import { cellName, formatSum } from '../names';
import type { RuleCode } from '../rules';
import { anyIdentityFails, computations, type Computation } from '../totals';

/** Which rules a blamed cell may be reported under, by preference after the identity it is the result of. */
const KIND_ORDER: readonly IdentityKind[] = ['column-total', 'row-sum', 'balance'];

/**
 * The rule a blamed cell is reported under: the identity it is the result of, else the first it breaks — among
 * the rules that are on, so that turning one off does not hide a fault another identity shows.
 */
function codeFor(c: Collector, correction: Correction): RuleCode | undefined {
  const kinds: IdentityKind[] = [];
  const own = correction.mends.find((m) => m.result === correction.cell);
  if (own) kinds.push(own.kind);
  for (const kind of KIND_ORDER) if (correction.mends.some((m) => m.kind === kind) && !kinds.includes(kind)) kinds.push(kind);
  return kinds.find((k) => c.isOn(k));
}

function related(c: Collector, comps: readonly Computation[]): Diagnostic['relatedInformation'] {
  const uri = c.uri;
  if (uri === undefined) return undefined;
  return comps.map((comp) => ({
    location: { uri, range: c.model.lines.rangeOf(comp.result.span) },
    message: c.msg.relatedIdentity(comp.kind, cellName(comp.result, c.msg), formatSum(comp.operands), comp.expected!, comp.actual!),
  }));
}

/** The table a computation belongs to. */
function tableOf(c: Collector, cell: Cell): Table | undefined {
  const t = c.model.tables;
  return cell.table === 'applications' ? t.applications : cell.table === 'reviewsAndLawsuits' ? t.reviewsAndLawsuits : t.activeDisclosure;
}

export function checkArithmetic(c: Collector): void {
  // Nearly every report balances: nothing to explain, and the identities are not even made.
  if (!anyIdentityFails(c.model)) return;
  const all = computations(c.model);
  // Each table's identities are explained on their own: 表三's cells take part in no identity of 表四.
  for (const table of ['applications', 'reviewsAndLawsuits'] as const) {
    const mine = all.filter((comp) => comp.result.table === table);
    const explanation = explainFailures(mine);
    if (!explanation) continue;
    if (explanation.kind === 'cells') {
      for (const correction of explanation.corrections) reportCorrection(c, correction);
    } else {
      reportUnexplained(c, explanation.failing);
    }
  }
}

function reportCorrection(c: Collector, correction: Correction): void {
  const { cell, value, mends } = correction;
  const data: DiagnosticData = { kind: 'replace', expected: value, actual: cell.value!, cell: `${cell.row}/${cell.column}` };
  const kinds = mends.map((m) => m.kind);
  const message = c.msg.blamedCell(cellName(cell, c.msg), value, cell.value!, kinds.filter((k, i) => kinds.indexOf(k) === i));
  const code = codeFor(c, correction);
  if (code) c.add(code, cell.span, message, data, related(c, mends));
}

function reportUnexplained(c: Collector, all: readonly Computation[]): void {
  const failing = all.filter((f) => c.isOn(f.kind));
  const first = failing[0];
  if (!first) return;
  if (failing.length === 1) {
    // One identity, any of whose cells could be the wrong one: said on the identity's cells, with no value fix.
    const span = { start: Math.min(first.result.span.start, ...first.cells.map((x) => x.span.start)), end: Math.max(first.result.span.end, ...first.cells.map((x) => x.span.end)) };
    const message = c.msg.identityFails(first.kind, cellName(first.result, c.msg), formatSum(first.operands), first.expected!, first.actual!);
    c.add(first.kind, first.kind === 'balance' ? first.result.span : span, message, { kind: 'info', identity: first.kind, cell: `${first.result.row}/${first.result.column}` }, related(c, failing));
    return;
  }
  const table = tableOf(c, first.result);
  if (!table) return;
  c.add(first.kind, table.firstLine, c.msg.identitiesFail(table.id, failing.length), { kind: 'info', failing: failing.length }, related(c, failing));
}
