// 表二, 主动公开政府信息情况: four sub-tables (第二十条第（一）（五）（六）（八）项), rows by exact label
// (docs/format.md §3). The format year — the 2021 columns or the 2019 trial format's (§6) — is decided by the table's
// column headings, not by one label: "规范性文件" under the 2021 columns is 行政规范性文件.

import { cellLabel, type RawCell } from './cells';
import type { ActiveDisclosureTable, OldFormatSignature, TableRow } from './model';
import { normalizeLabel, stripOrdinals } from './normalize';
import { DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, type DisclosureRowSpec } from './schema';
import { MAX_LABEL_LENGTH, RegionScan, RowAssembler, UNREADABLE, buildRow, containsLoosely, reading, type RowVocabulary } from './tables';
import { BoundedMemo, type LineIndex, type Span } from './text';

const LABELS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const r of [...DISCLOSURE_ROWS_2019, ...DISCLOSURE_ROWS_2021]) for (const l of r.labels) m.set(l, r.id);
  return m;
})();

/** The 表二 row a label names, keyed by the label as written (memoised like 表三's candidates). */
const ids = new BoundedMemo<string | null>(MAX_LABEL_LENGTH);
const idOfText = (raw: string) => LABELS.get(stripOrdinals(normalizeLabel(raw))) ?? null;

function idOf(cell: RawCell): string | undefined {
  return ids.get(cell.text, idOfText) ?? undefined;
}

const NO_NAMES: readonly string[] = [];
/** Each format's rows' column counts by id (the assembler asks for every row it fills). */
const COLUMN_COUNTS: ReadonlyMap<readonly DisclosureRowSpec[], ReadonlyMap<string, number>> = new Map(
  [DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021].map((specs) => [specs, new Map(specs.map((s) => [s.id, s.columns.length]))]),
);
/** Each row's id as the one row a label names: made once, not an array per label asked about. */
const NAMES: ReadonlyMap<string, readonly string[]> = new Map([...new Set(LABELS.values())].map((id) => [id, [id]]));

function vocabulary(specs: () => readonly DisclosureRowSpec[]): RowVocabulary {
  return {
    match(fragments, consumed) {
      for (let i = fragments.length - 1; i >= 0; i--) {
        const id = idOf(fragments[i]!);
        if (id && !consumed.has(id)) return { id, cell: fragments[i]! };
      }
      return undefined;
    },
    names(cell) {
      const id = cell.text.length > MAX_LABEL_LENGTH ? undefined : idOf(cell);
      return id ? NAMES.get(id) ?? [id] : NO_NAMES;
    },
    expected: (id) => COLUMN_COUNTS.get(specs())?.get(id) ?? 1,
    rowCount: () => specs().length,
    // 表二's labels are short words (规章, 行政许可): a close match would be a guess.
    misprint: () => undefined,
    isGroupLabel: (cell) => /第二十条|信息内容/.test(cellLabel(cell)),
    namedIn: (chinese) => [...LABELS].filter(([label]) => containsLoosely(chinese, label)).map(([, id]) => id),
  };
}

const GLUE_LABELS: readonly string[] = [...new Set([...DISCLOSURE_ROWS_2021, ...DISCLOSURE_ROWS_2019].flatMap((r) => r.labels)), '数量']
  .filter((l) => l.length >= 2);

export function parseActiveDisclosureTable(text: string, lines: LineIndex, region: Span): {
  table: ActiveDisclosureTable | undefined; signatures: OldFormatSignature[];
} {
  const scan = new RegionScan(text, lines, region, GLUE_LABELS, true);
  // The columns come before the rows they head: decide the format from what has been seen so far.
  const format = (): 2019 | 2021 => (scan.signatures.length > scan.newFormatHits ? 2019 : 2021);
  const specsNow = () => (format() === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021);
  const assembler = new RowAssembler(vocabulary(specsNow));
  scan.each((row) => assembler.push(row));
  if (!scan.first) return { table: undefined, signatures: [] };
  const year = format();
  // Old-format labels count as the old template only when the table is in the old format.
  const signatures = year === 2019 ? scan.signatures : [];
  const specs = specsNow();
  const base = { id: 'activeDisclosure' as const, layout: scan.layout, firstLine: scan.firstLine, span: region, format: year };
  const glued = scan.glued(2);
  if (glued) return { table: { ...base, layout: 'flattened', rows: new Map(), unparseable: { reason: 'glued-digits', span: glued.span }, reading: UNREADABLE }, signatures };
  const { rows: assembled, unread, strays } = assembler.finish();
  const rows = new Map<string, TableRow>();
  let certain = 0;
  for (const a of assembled) {
    const spec = specs.find((s) => s.id === a.id);
    if (!spec) continue;
    const row = buildRow(a, spec.columns, 'activeDisclosure');
    rows.set(a.id, row);
    if (!row.problem) certain++;
  }
  if (rows.size === 0 && unread.length === 0 && scan.placeholder) {
    return { table: { ...base, rows, unparseable: { reason: 'placeholder', span: scan.placeholder }, reading: UNREADABLE }, signatures };
  }
  if (rows.size === 0 && unread.length === 0 && !scan.hasWords(['第二十条', '信息内容', '规章', '行政许可'])) return { table: undefined, signatures };
  // Its header with nothing under it, or rows of "-": a table that holds no numbers (as 表三 and 表四 say it).
  const empty = rows.size === 0 ? unread.length === 0 && strays.length === 0 : [...rows.values()].every((r) => r.cellList.every((c) => c.kind !== 'number'));
  if (empty) {
    return { table: { ...base, rows, unparseable: { reason: 'no-numbers', span: scan.firstLine }, reading: UNREADABLE }, signatures };
  }
  const expected = unread.filter((u) => specs.some((s) => s.id === u.row));
  // Numbers of no row may be a row's whose label could not be recognised: then no row is said to be missing.
  if (strays.length > 0) {
    for (const spec of specs) if (!rows.has(spec.id) && !expected.some((u) => u.row === spec.id)) expected.push({ row: spec.id, reason: 'label-not-found', span: strays[0]! });
  }
  // Written out rather than spread from `base` (as 表三's): the path every report takes.
  const table: ActiveDisclosureTable = {
    id: base.id, layout: base.layout, firstLine: base.firstLine, span: base.span, format: base.format, rows, reading: reading(certain, expected, strays),
  };
  return { table, signatures };
}
