// A table row, its cells placed on the table's grid, rendered as one TSV line in the form the engine reads best.
//
// The engine finds a row by its label cells and takes the value cells after the last label, in order; empty
// cells before the values are skipped, an empty cell between two values is a blank value. So:
//  - a label merged across columns keeps its width (label + empty cells), as the seed reports write it;
//  - a label merged down from a row above leaves an empty cell in its place (its text is on its first row only);
//  - a value merged across columns is ONE cell: the 2021 平潭 page puts every 商业企业 number in a 2-column cell on
//    an 11-column grid, and its empty continuation would shift every later number of the row by one column.

import type { TextBuilder } from './builder';
import { isValueText, normalizeSpaces } from './common';
import type { SourcePlace } from './types';

/** Widest merge honoured (HTML allows 1000): keeps a hostile colspan from writing thousands of tabs. */
export const MAX_SPAN = 64;

/** One cell on a row of the grid. */
export interface PlacedCell {
  /** First grid column (0-based). */
  readonly column: number;
  /** Grid columns covered (≥ 1). */
  readonly span: number;
  /** The cell's text (space-normalised by the caller or here); ignored for covered cells. */
  readonly text: string;
  /** Where the cell is in the source (a covered cell's own place; not written to the map). */
  readonly source: SourcePlace;
  /**
   * Set for a cell covered by a vertical merge from a row above (rowspan, vMerge continue): whether the merged
   * cell's text is a label decides whether it keeps its width.
   */
  readonly covered?: { readonly labelLike: boolean };
}

/**
 * Writes one table row as a TSV line. Cells must be sorted by column. Returns false (and writes nothing) when
 * the row holds no text at all: spacer rows add nothing a reader of the text could use.
 */
export function renderRow(builder: TextBuilder, cells: readonly PlacedCell[]): boolean {
  const out: ({ text: string; source: SourcePlace } | undefined)[] = [];
  let any = false;
  let column = 0;
  for (const cell of cells) {
    const span = Math.min(Math.max(1, cell.span | 0), MAX_SPAN);
    // A hole in the grid (gridBefore, a row with fewer cells): empty cells, at most MAX_SPAN of them.
    const gap = Math.min(cell.column - column, MAX_SPAN);
    for (let k = 0; k < gap; k++) out.push(undefined);
    if (cell.covered) {
      const width = cell.covered.labelLike ? span : 1;
      for (let k = 0; k < width; k++) out.push(undefined);
    } else {
      const text = normalizeSpaces(cell.text);
      if (text !== '') any = true;
      out.push({ text, source: cell.source });
      if (!isValueText(text)) for (let k = 1; k < span; k++) out.push(undefined);
    }
    column = Math.max(column, cell.column + span);
  }
  if (!any) return false;
  builder.row(out);
  return true;
}

/** Whether a cell's text, once normalised, is a label (keeps its merged width). */
export function isLabelText(text: string): boolean {
  return !isValueText(normalizeSpaces(text));
}
