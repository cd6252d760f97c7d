// 表四, 政府信息公开行政复议、行政诉讼情况: one data row of 15 cells, five for each of 行政复议, 未经复议直接起诉 and
// 复议后起诉 (docs/format.md §5). The header is fixed, so the 15 values map onto the groups and columns in order —
// when they stand together as one run. Some converters split the table into three five-column tables, each under
// its group's name: then each run of five goes to the group named before it.

import { countFilled, type RawCell } from './cells';
import type { Cell, ReviewsTable, UnreadRow } from './model';
import { normalizeLabel } from './normalize';
import { REVIEW_COLUMN_IDS, REVIEW_COLUMNS, REVIEW_GROUPS, type ReviewColumn, type ReviewGroup } from './schema';
import { MAX_LABEL_LENGTH, RegionScan, UNREADABLE, fitValues, hasProseLabel, reading, toCell } from './tables';
import { BoundedMemo, type LineIndex, type Span } from './text';

const CELLS_PER_GROUP = REVIEW_COLUMNS.length;
const CELL_COUNT = REVIEW_GROUPS.length * CELLS_PER_GROUP;

const GLUE_LABELS: readonly string[] = [...REVIEW_COLUMNS.map((c) => c.label), '数量'].filter((l) => l.length >= 2);

/** The group a heading names: 复议后起诉 before 行政复议 (it contains 复议), 行政诉讼 alone names none. */
function groupOfText(raw: string): ReviewGroup | null {
  const label = normalizeLabel(raw);
  if (label.includes('复议后起诉')) return 'suitAfterReview';
  if (label.includes('未经复议') || label.includes('直接起诉')) return 'directSuit';
  if (label.includes('行政复议')) return 'review';
  return null;
}

/** Remembered by the label as written: 表四's header is the same in every report. */
const groupsByLabel = new BoundedMemo<ReviewGroup | null>(MAX_LABEL_LENGTH);

function groupOf(cell: RawCell): ReviewGroup | undefined {
  return groupsByLabel.get(cell.text, groupOfText) ?? undefined;
}

/** A run of value cells, and the group named last before it (if any). */
interface Run {
  readonly group: ReviewGroup | undefined;
  readonly values: RawCell[];
}

export function parseReviewsTable(text: string, lines: LineIndex, region: Span): ReviewsTable | undefined {
  const scan = new RegionScan(text, lines, region, GLUE_LABELS);
  // Runs of values: a run continues over value-only lines and ends at a line with labels. The groups named since
  // the last run are the candidates for the next one.
  const runs: Run[] = [];
  let named: ReviewGroup[] = [];
  let run: Run | undefined;
  let seenValues = false;
  scan.each((row) => {
    if (hasProseLabel(row)) {
      // Prose after the table ends it; prose before it is the part's text.
      if (seenValues) return false;
      named = [];
      return true;
    }
    if (row.labels.length > 0) {
      run = undefined;
      for (const l of row.labels) {
        const g = groupOf(l);
        if (g && !named.includes(g)) named.push(g);
      }
    }
    if (row.filled === 0) return true;
    seenValues = true;
    if (!run) {
      // A run's group: the one group named before it, when exactly one was (three five-column tables).
      run = { group: named.length === 1 ? named[0] : undefined, values: [] };
      runs.push(run);
      named = [];
    }
    for (const v of row.values) run.values.push(v);
    return true;
  });
  if (!scan.first) return undefined;
  const base = { id: 'reviewsAndLawsuits' as const, layout: scan.layout, firstLine: scan.firstLine, span: region };
  // 表四 has a single data row: one glued run ("总计110024…") is enough to know.
  const glued = scan.glued(1);
  if (glued) return { ...base, layout: 'flattened', groups: undefined, unparseable: { reason: 'glued-digits', span: glued.span }, reading: UNREADABLE };
  if (runs.length === 0 && scan.placeholder) return { ...base, groups: undefined, unparseable: { reason: 'placeholder', span: scan.placeholder }, reading: UNREADABLE };
  if (runs.length === 0) {
    // The header is there and no number under it (a blank template, a table of "-"): a table that holds no numbers.
    return scan.hasWords(['行政复议', '行政诉讼', '结果维持', '尚未审结'])
      ? { ...base, groups: undefined, unparseable: { reason: 'no-numbers', span: scan.firstLine }, reading: UNREADABLE }
      : undefined;
  }
  const groups = readGroups(runs);
  if (!groups) {
    const all = runs.flatMap((r) => r.values);
    const present = countFilled(all, 0);
    const first = all.find((v) => v.kind !== 'empty') ?? all[0]!;
    const last = all[all.length - 1]!;
    return {
      ...base, groups: undefined, reading: UNREADABLE,
      unparseable: { reason: 'cell-count', span: { start: first.start, end: last.end }, detail: String(present), runs: runs.length },
    };
  }
  // A row of "-" under the header: a table that holds no numbers, said once (as 表二 and 表三 say it).
  let anyNumber = false;
  groups.forEach((cells) => {
    for (const column of REVIEW_COLUMN_IDS) if (cells[column].kind === 'number') anyNumber = true;
  });
  if (!anyNumber) return { ...base, groups: undefined, unparseable: { reason: 'no-numbers', span: scan.firstLine }, reading: UNREADABLE };
  const unread: UnreadRow[] = [];
  let certain = 0;
  groups.forEach((cells, id) => {
    if (cells.total.certain) certain++;
    else unread.push({ row: id, reason: 'fewer-values', span: cells.total.span });
  });
  // Written out rather than spread from `base` (as 表三's): the path every report takes.
  return { id: base.id, layout: base.layout, firstLine: base.firstLine, span: base.span, groups, reading: reading(certain, unread, []) };
}

/**
 * The 15 cells by group, or undefined when the values cannot be placed: one run holding exactly 15 values, or
 * runs of five each under its own group's heading.
 */
function readGroups(runs: readonly Run[]): Map<ReviewGroup, Record<ReviewColumn, Cell>> | undefined {
  const groups = new Map<ReviewGroup, Record<ReviewColumn, Cell>>();
  // The usual table: the first run holds the 15 values, in the header's order.
  const first = runs[0]!;
  const fit = fitValues(first.values, CELL_COUNT);
  if (fit.hi - fit.lo === CELL_COUNT && countFilled(first.values, 0) <= CELL_COUNT) {
    for (let g = 0; g < REVIEW_GROUPS.length; g++) groups.set(REVIEW_GROUPS[g]!.id, groupCells(REVIEW_GROUPS[g]!.id, first.values, fit.lo + g * CELLS_PER_GROUP, fit.after));
    return groups;
  }
  return threeTables(runs, groups);
}

/** Three tables of five, each under its group: every run of five placed by the group named before it. */
function threeTables(runs: readonly Run[], groups: Map<ReviewGroup, Record<ReviewColumn, Cell>>): Map<ReviewGroup, Record<ReviewColumn, Cell>> | undefined {
  for (const r of runs) {
    if (!r.group || groups.has(r.group)) continue;
    const f = fitValues(r.values, CELLS_PER_GROUP);
    if (f.hi - f.lo !== CELLS_PER_GROUP || countFilled(r.values, 0) > CELLS_PER_GROUP) continue;
    groups.set(r.group, groupCells(r.group, r.values, f.lo, f.after));
  }
  return groups.size === REVIEW_GROUPS.length ? groups : undefined;
}

/** A group's five cells from values[lo…], in REVIEW_COLUMNS' order. */
function groupCells(group: ReviewGroup, values: readonly RawCell[], lo: number, after: number): Record<ReviewColumn, Cell> {
  const t = 'reviewsAndLawsuits';
  return {
    upheld: toCell(values[lo], after, t, group, 'upheld', true), corrected: toCell(values[lo + 1], after, t, group, 'corrected', true),
    other: toCell(values[lo + 2], after, t, group, 'other', true), pending: toCell(values[lo + 3], after, t, group, 'pending', true),
    total: toCell(values[lo + 4], after, t, group, 'total', true),
  };
}
