// What sits at a position: a table cell (with every total it takes part in) or a part heading. The hovers of
// the language server render this; the engine only answers the question.

import type { Position } from 'vscode-languageserver-types';
import type { Cell, Part, ReportModel } from './model';
import { computations, computationsOf, type Computation } from './totals';

export type PositionInfo =
  | { readonly kind: 'cell'; readonly cell: Cell; readonly computations: readonly Computation[] }
  | { readonly kind: 'heading'; readonly part: Part };

/** Every value cell of the model's tables, in document order. */
export function allCells(model: ReportModel): Cell[] {
  const cells: Cell[] = [];
  const t2 = model.tables.activeDisclosure;
  if (t2) for (const row of t2.rows.values()) cells.push(...Object.values(row.cells));
  const t3 = model.tables.applications;
  if (t3) for (const row of t3.rows.values()) cells.push(...Object.values(row.cells));
  const t4 = model.tables.reviewsAndLawsuits;
  if (t4?.groups) for (const g of t4.groups.values()) cells.push(...Object.values(g));
  return cells.sort((a, b) => a.span.start - b.span.start);
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && (offset < span.end || (span.start === span.end && offset === span.start));
}

export function inspect(model: ReportModel, position: Position | number): PositionInfo | undefined {
  const offset = typeof position === 'number' ? position : model.lines.offsetAt(position);
  // The end of a cell counts too: a cursor right after "27" is on it.
  const cell = allCells(model).find((c) => c.kind !== 'missing' && (contains(c.span, offset) || (c.span.end === offset && c.span.end > c.span.start)));
  if (cell) return { kind: 'cell', cell, computations: computationsOf(computations(model), cell) };
  const part = model.parts.find((p) => contains(p.heading.span, offset));
  if (part) return { kind: 'heading', part };
  return undefined;
}
