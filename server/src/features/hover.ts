// Hover: on a table number, what it is, the problems published on it, and every total it takes part in, computed;
// on a part heading, what the format requires that part to contain; on a missing part's diagnostic, the part that
// is missing (not the heading the diagnostic sits on).
//
// The ✓ and ✗ follow what is published: an identity is ✗ only when it fails and a published diagnostic says so (a
// rule that is off marks nothing), and the problems shown are the published diagnostics themselves, severity
// settings included. The sums are the engine's computations, the same list the rules read.

import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import {
  cellName, inspect, partName, resolveSeverity, type Cell, type Computation, type DiagnosticData, type ReportModel, type RowProblem,
  type SeveritySetting,
} from '../report';
import type { PartId } from '../report/schema';

export interface HoverContext {
  /** The diagnostics published for this version of the document (severity settings applied). */
  readonly diagnostics: readonly Diagnostic[];
  /** The per-rule severity settings they were made with: a failing identity whose rule is off is not marked ✗. */
  readonly severities?: Readonly<Partial<Record<string, SeveritySetting>>>;
}

const IDENTITY_CODES = new Set(['row-sum', 'column-total', 'balance']);

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** Whether `range` holds `p` (its end included, as a cursor right after a word is on it). */
function holds(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p);
}

/**
 * A missing part's diagnostic is an empty range where the part belongs (the start of the next part's heading line);
 * the editor draws it over the word there and shows it on hover anywhere on that word, so the hover must answer
 * from anywhere on that line after it too, not only at the one position.
 */
function onEmptyRangesLine(range: Range, p: Position): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character && p.line === range.start.line && p.character >= range.start.character;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sumText(c: Computation, mark: string): string {
  // Zero operands are left out, as a person would write the sum ("4 + 1 + 1 + 21 = 27").
  const nonZero = c.operands.filter((o) => o.cell.value !== 0);
  const shown = nonZero.length > 0 ? nonZero : c.operands.slice(0, 1);
  const parts = shown.map((o, i) => `${i === 0 ? (o.sign < 0 ? '−' : '') : o.sign < 0 ? ' − ' : ' + '}${o.cell.value}`).join('');
  return `${parts} = ${c.expected} ${mark}`;
}

/**
 * Whether a published diagnostic speaks of this failing identity: one of the identity rules, on one of its cells,
 * or naming its result cell among its related information (the identities a blamed cell breaks).
 */
function reported(c: Computation, model: ReportModel, published: readonly Diagnostic[]): boolean {
  const resultRange = model.lines.rangeOf(c.result.span);
  const cells = [c.result, ...c.cells].map((cell) => model.lines.rangeOf(cell.span));
  return published.some((d) => IDENTITY_CODES.has(String(d.code)) && (
    cells.some((r) => holds(d.range, r.start)) || (d.relatedInformation ?? []).some((ri) => sameRange(ri.location.range, resultRange))
  ));
}

function describe(c: Computation, model: ReportModel, msg: Messages, ctx: HoverContext): string {
  const result = cellName(c.result, msg);
  if (c.expected === undefined) return `${result}：${msg.notComputed()}`;
  let mark: string;
  if (c.ok) mark = '✓';
  else if (resolveSeverity(c.kind, { severities: ctx.severities }) !== undefined && reported(c, model, ctx.diagnostics)) mark = msg.tableSays(c.actual!);
  else mark = msg.identityNotReported();
  // 一 + 二 − （七） = 四
  if (c.kind === 'balance') return `${result} = ${msg.balanceFormula()} = ${sumText(c, mark)}`;
  return `${result} = ${sumText(c, mark)}`;
}

/** Why the cell's row was not read with certainty, when it was not. */
function uncertainty(model: ReportModel, cell: Cell): RowProblem | undefined {
  if (cell.certain) return undefined;
  const table = cell.table === 'applications' ? model.tables.applications : cell.table === 'activeDisclosure' ? model.tables.activeDisclosure : undefined;
  const row = table?.rows.get(cell.row);
  return row?.problem ?? table?.reading.unread.find((u) => u.row === cell.row)?.reason ?? 'label-away-from-numbers';
}

function severityOf(d: Diagnostic): 1 | 2 | 3 | 4 {
  return (d.severity ?? 1) as 1 | 2 | 3 | 4;
}

/** The hover of a missing part's diagnostic: the part that is missing, where it belongs, what it must contain. */
function missingParts(model: ReportModel, position: Position, msg: Messages, published: readonly Diagnostic[]): Hover | undefined {
  const here = published.filter((d) => d.code === 'section-missing' && (holds(d.range, position) || onEmptyRangesLine(d.range, position)) && (d.data as DiagnosticData | undefined)?.kind === 'insert');
  if (here.length === 0) return undefined;
  const blocks: string[] = [];
  for (const d of here) {
    const part = (d.data as { part?: PartId }).part;
    if (part === undefined) continue;
    const next = model.parts.find((p) => p.id > part && !p.duplicate);
    const nextHeading = next ? model.text.slice(next.heading.span.start, next.heading.span.end).trim() : undefined;
    blocks.push(`**${msg.missingPart(partName(part, msg))}**\n\n${msg.missingPartPlace(nextHeading)}\n\n${msg.partRequirements(part)}`);
  }
  if (blocks.length === 0) return undefined;
  return { contents: { kind: 'markdown', value: blocks.join('\n\n---\n\n') }, range: here[0]!.range };
}

export function hover(model: ReportModel, position: Position, msg: Messages, ctx: HoverContext = { diagnostics: [] }): Hover | undefined {
  const missing = missingParts(model, position, msg, ctx.diagnostics);
  if (missing) return missing;
  const info = inspect(model, position);
  if (!info) return undefined;
  if (info.kind === 'heading') {
    return {
      contents: { kind: 'markdown', value: `**${partName(info.part.id, msg)}**\n\n${msg.partRequirements(info.part.id)}` },
      range: model.lines.rangeOf(info.part.heading.span),
    };
  }
  const { cell, computations } = info;
  const range = model.lines.rangeOf(cell.span);
  const lines = [`**${cellName(cell, msg)}**`, ''];
  // The problems published on this very cell, as the Problems panel shows them.
  for (const d of ctx.diagnostics) {
    if (holds(d.range, range.start) && (before(range.start, d.range.end) || sameRange(d.range, range))) {
      lines.push(msg.hoverDiagnostic(severityOf(d), typeof d.message === 'string' ? d.message : d.message.value), '');
    }
  }
  lines.push(msg.hoverValue(cell.kind === 'number' ? String(cell.value) : cell.text || msg.blankValue()));
  const unsure = uncertainty(model, cell);
  if (unsure) lines.push('', msg.hoverUncertain(unsure));
  for (const c of computations) lines.push('', `- ${msg.identityLabel(c.kind)}：${describe(c, model, msg, ctx)}`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}
