// 表三, 收到和处理政府信息公开申请情况: 25 rows (2021 format) by label, 7 columns each (docs/format.md §4).

import { cellLabel, type RawCell } from './cells';
import type { ApplicationsTable, OldFormatSignature, TableRow, UnreadRow } from './model';
import { misprintOf } from './misprints';
import { normalizeLabel, stripOrdinals } from './normalize';
import { APPLICANT_COLUMNS, APPLICANT_COLUMN_IDS, APPLICATION_ROWS, type ApplicantColumn, type ApplicationRowSpec } from './schema';
import { MAX_LABEL_LENGTH, RegionScan, RowAssembler, UNREADABLE, buildRow, chineseOf, containsLoosely, reading, type RowVocabulary } from './tables';
import { BoundedMemo, type LineIndex, type Span } from './text';

function matchSpec(label: string, spec: ApplicationRowSpec): boolean {
  if (spec.exact !== undefined) return stripOrdinals(label) === spec.exact;
  return spec.keys.some((k) => label.includes(k));
}

/**
 * The rows a label could be, in schema order. Memoised: every report repeats the same few dozen labels,
 * and matching one against every row's keys was a tenth of the parse. Bounded in count and label length, so odd
 * labels cannot pile up. Keyed by the cell's text as written: a hit needs neither normalising nor a second lookup.
 */
const candidates = new BoundedMemo<readonly ApplicationRowSpec[]>(MAX_LABEL_LENGTH);
const candidatesOfText = (raw: string): readonly ApplicationRowSpec[] => {
  const label = normalizeLabel(raw);
  return APPLICATION_ROWS.filter((spec) => matchSpec(label, spec));
};

function candidatesOf(cell: RawCell): readonly ApplicationRowSpec[] {
  return candidates.get(cell.text, candidatesOfText);
}

/**
 * Column headings that are also a row's wording ("其他" is both a column and 3.其他, "总计" a column and （七）总计):
 * as a cell of their own they head a column and name no row.
 */
const COLUMN_WORDS: ReadonlySet<string> = new Set([...APPLICANT_COLUMNS.map((c) => c.label), '法人或其他组织', '申请人情况']);

/** Group labels ((三)不予公开…, 三、本年度办理结果): they head rows, and a line of theirs with numbers is a subtotal. */
const GROUP_WORDS = ['不予公开', '无法提供', '不予处理', '其他处理', '本年度办理结果', '办理结果'];

function isColumnWord(cell: RawCell): boolean {
  return cell.text.length <= 8 && COLUMN_WORDS.has(normalizeLabel(cell.text));
}

function isGroup(cell: RawCell): boolean {
  const label = normalizeLabel(cell.text);
  return GROUP_WORDS.some((w) => label.includes(w)) && !APPLICATION_ROWS.some((r) => !r.format2019Only && matchSpec(label, r));
}

const NO_NAMES: readonly string[] = [];
const names = new BoundedMemo<readonly string[]>(MAX_LABEL_LENGTH);
const namesOfText = (raw: string): readonly string[] => {
  const label = normalizeLabel(raw);
  if (COLUMN_WORDS.has(label)) return NO_NAMES;
  // （六）其他处理 is a row of the 2019 format only; in a 2021 table it heads the group: it names no row alone.
  const ids = APPLICATION_ROWS.filter((spec) => matchSpec(label, spec) && !spec.format2019Only).map((s) => s.id);
  return ids.length > 0 ? ids : NO_NAMES;
};

/** Canonical wording of each row for misprint matching: normalised, ordinals and the 部分公开 remark stripped. */
const MISPRINT_WORDS = APPLICATION_ROWS.filter((r) => r.exact === undefined).map((r) => ({
  id: r.id, label: r.label, words: stripOrdinals(normalizeLabel(r.label)).replace(/\(区分处理的.*$/, ''),
}));

const ROWS_2021 = APPLICATION_ROWS.filter((r) => !r.format2019Only).length;

const vocabulary: RowVocabulary = {
  match(fragments, consumed) {
    // The fragment nearest the numbers carries the row's own wording; group labels ("（三）不予公开") and
    // wrapped pieces of other rows come before it.
    for (let i = fragments.length - 1; i >= 0; i--) {
      // A column's heading carried from the header ("其他", "总计") is not the label of numbers further down.
      if (i < fragments.length - 1 && isColumnWord(fragments[i]!)) continue;
      for (const spec of candidatesOf(fragments[i]!)) {
        // （六）其他处理 is the 2019 format's row only where it is the label nearest the numbers; before another
        // label it heads the 2021 format's group.
        if (spec.format2019Only && i < fragments.length - 1) continue;
        if (!consumed.has(spec.id)) return { id: spec.id, cell: fragments[i]! };
      }
    }
    if (fragments.length === 1) return undefined; // the joined label is the one label, already tried
    // A label split over lines, or around a group's label that sits on the same line ("（一）予以" / "三、本年度办理结果
    // 公开 4 0 …"): its pieces, each without its ordinal, joined; group labels left out.
    let joined = '';
    for (const f of fragments) if (!isGroup(f)) joined += stripOrdinals(cellLabel(f));
    for (const spec of APPLICATION_ROWS) {
      if (spec.exact === undefined && !consumed.has(spec.id) && matchSpec(joined, spec)) return { id: spec.id, cell: fragments[fragments.length - 1]! };
    }
    // A short label split over lines ("3.其" / "他"): the last pieces joined must be all of it.
    let tail = '';
    for (let i = fragments.length - 1; i >= 0 && tail.length < 8; i--) {
      tail = stripOrdinals(cellLabel(fragments[i]!)) + tail;
      for (const spec of APPLICATION_ROWS) {
        if (spec.exact !== undefined && tail === spec.exact && !consumed.has(spec.id) && i < fragments.length - 1) return { id: spec.id, cell: fragments[fragments.length - 1]! };
      }
    }
    return undefined;
  },
  names: (cell) => (cell.text.length > MAX_LABEL_LENGTH ? NO_NAMES : names.get(cell.text, namesOfText)),
  expected: () => APPLICANT_COLUMN_IDS.length,
  // The 2021 format's 25 (the 2019 format's 23 are fewer: such a table is named at the end, which costs little).
  rowCount: () => ROWS_2021,
  misprint(cell, consumed) {
    const words = stripOrdinals(normalizeLabel(cell.text));
    const m = misprintOf(words, MISPRINT_WORDS.filter((w) => !consumed.has(w.id)));
    return m && { id: m.id, canonical: m.label };
  },
  namedIn: (chinese) => APPLICATION_ROWS.filter((r) => r.keys.some((k) => containsLoosely(chinese, chineseOf(k)))).map((r) => r.id),
  isGroupLabel: isGroup,
};

const GLUE_LABELS: readonly string[] = [
  ...new Set([...APPLICATION_ROWS.map((r) => stripOrdinals(normalizeLabel(r.label))), ...APPLICANT_COLUMNS.map((c) => c.label), '数量']),
].filter((l) => l.length >= 2);

export function parseApplicationsTable(text: string, lines: LineIndex, region: Span): {
  table: ApplicationsTable | undefined; signatures: OldFormatSignature[];
} {
  const scan = new RegionScan(text, lines, region, GLUE_LABELS);
  const assembler = new RowAssembler(vocabulary);
  scan.each((row) => assembler.push(row));
  if (!scan.first) return { table: undefined, signatures: [] };
  const base = { id: 'applications' as const, layout: scan.layout, firstLine: scan.firstLine, span: region };
  const glued = scan.glued(2);
  if (glued) {
    return {
      table: { ...base, layout: 'flattened', format: 2021, rows: new Map(), unparseable: { reason: 'glued-digits', span: glued.span }, reading: UNREADABLE },
      signatures: [],
    };
  }
  const { rows: assembled, unread, strays } = assembler.finish();
  const rows = new Map<string, TableRow<ApplicantColumn>>();
  for (const a of assembled) rows.set(a.id, buildRow(a, APPLICANT_COLUMN_IDS, 'applications'));
  const signatures: OldFormatSignature[] = [];
  // The 2019 format has a single （六）其他处理 row; the 2021 format three sub-rows under it.
  const single = rows.get('otherHandling');
  const hasSubRows = rows.has('otherHandling.noCorrection') || rows.has('otherHandling.feeUnpaid');
  let format: 2019 | 2021 = 2021;
  if (single && !hasSubRows) {
    format = 2019;
    signatures.push({ label: single.label, span: single.labelSpan });
  } else if (single) {
    // A 2021 table: whatever numbers were read as the 2019 format's single row belong to a row not read.
    rows.delete('otherHandling');
    unread.push({ row: 'otherHandling.other', reason: 'ambiguous-label', span: single.labelSpan });
  }
  if (rows.size === 0 && unread.length === 0 && scan.placeholder) {
    return { table: { ...base, format, rows, unparseable: { reason: 'placeholder', span: scan.placeholder }, reading: UNREADABLE }, signatures };
  }
  if (rows.size === 0 && unread.length === 0 && !scan.hasWords(['勾稽关系', '申请人情况', '本年新收', '自然人'])) return { table: undefined, signatures };
  const expected = unread.length > 0 || strays.length > 0 ? unreadInFormat(unread, strays, rows, format) : unread;
  if (rows.size > 0 && holdsNoNumbers(rows)) {
    return { table: { ...base, format, rows, unparseable: { reason: 'no-numbers', span: scan.firstLine }, reading: UNREADABLE }, signatures };
  }
  // Written out rather than spread from `base`: every report's table is made here, and a spread and three stores
  // after it cost more than the rest of the table's ending.
  const table: ApplicationsTable = {
    id: base.id, layout: base.layout, firstLine: base.firstLine, span: base.span, format, rows, reading: reading(certainRows(rows), expected, strays),
  };
  return { table, signatures };
}

function inFormat(id: string, format: 2019 | 2021): boolean {
  const spec = APPLICATION_ROWS.find((r) => r.id === id);
  return spec !== undefined && (format === 2021 ? !spec.format2019Only : !spec.format2021Only);
}

/**
 * The rows of the table's format that were not read. Numbers that belong to no row may be a row's whose label could
 * not be recognised: no row is said to be missing then — each row not read is named as such.
 */
function unreadInFormat(unread: readonly UnreadRow[], strays: readonly Span[], rows: ReadonlyMap<string, TableRow>, format: 2019 | 2021): UnreadRow[] {
  const expected = unread.filter((u) => inFormat(u.row, format));
  if (strays.length > 0) {
    for (const spec of APPLICATION_ROWS) {
      if (inFormat(spec.id, format) && !rows.has(spec.id) && !expected.some((u) => u.row === spec.id)) expected.push({ row: spec.id, reason: 'label-not-found', span: strays[0]! });
    }
  }
  return expected;
}

/** Whether no cell of the table holds a number (a blank template, a table of "-"). */
function holdsNoNumbers(rows: ReadonlyMap<string, TableRow>): boolean {
  for (const r of rows.values()) for (const c of r.cellList) if (c.kind === 'number') return false;
  return true;
}

function certainRows(rows: ReadonlyMap<string, TableRow>): number {
  let n = 0;
  for (const r of rows.values()) if (!r.problem) n++;
  return n;
}
