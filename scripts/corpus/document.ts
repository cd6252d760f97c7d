// A seed report as a document: its title, headings and paragraphs in order, and its three tables as values on
// the template's rows and columns. The .docx and .html writers render this; the planted fault is a change of one
// value here, before any rendering, so every converter sees the same faulty document.

import { parse, schema, type Cell } from '../../server/src/report';

export type ApplicantColumn = schema.ApplicantColumn;
export type ReviewGroup = schema.ReviewGroup;
export type ReviewColumn = schema.ReviewColumn;

/** 表二: each 2021 row's values as written (counts; the fee in 万元 may be a decimal). */
export type Table2 = Record<string, string[]>;
/** 表三: the 25 rows of the 2021 format, seven columns each. */
export type Table3 = Record<string, Record<ApplicantColumn, number>>;
/** 表四: three groups of five. */
export type Table4 = Record<ReviewGroup, Record<ReviewColumn, number>>;

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table2'; readonly values: Table2 }
  | { readonly kind: 'table3'; readonly values: Table3 }
  | { readonly kind: 'table4'; readonly values: Table4 };

export interface ReportDocument {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export const TABLE3_ROWS = schema.APPLICATION_ROWS.filter((r) => !r.format2019Only);
export const TABLE2_ROWS = schema.DISCLOSURE_ROWS_2021;
export const APPLICANT_COLUMNS = schema.APPLICANT_COLUMN_IDS;
export const REVIEW_GROUPS = schema.REVIEW_GROUPS.map((g) => g.id);
export const REVIEW_COLUMNS = schema.REVIEW_COLUMN_IDS;

function num(cell: Cell | undefined, where: string): number {
  if (!cell || cell.kind !== 'number' || cell.value === undefined) throw new Error(`corpus: ${where} is not a number (${cell?.kind ?? 'no cell'})`);
  return cell.value;
}

/**
 * Reads a seed (or a varied seed) report with the engine and lays it out as a document. The seeds are the
 * project's own reports, which the engine reads completely; anything it cannot read is an error here.
 */
export function documentOf(text: string, name: string): ReportDocument {
  const model = parse(text);
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications;
  const t4 = model.tables.reviewsAndLawsuits;
  if (!model.title || !t2 || !t3 || !t4 || !t4.groups) throw new Error(`corpus: ${name}: the engine did not read the title and all three tables`);

  const table2: Table2 = {};
  for (const spec of TABLE2_ROWS) {
    const row = t2.rows.get(spec.id);
    if (!row) throw new Error(`corpus: ${name}: 表二 row ${spec.id} missing`);
    table2[spec.id] = spec.columns.map((c) => {
      const cell = row.cells[c];
      num(cell, `${name} 表二 ${spec.id}/${c}`);
      return cell!.text;
    });
  }
  const table3: Table3 = {};
  for (const spec of TABLE3_ROWS) {
    const row = t3.rows.get(spec.id);
    if (!row) throw new Error(`corpus: ${name}: 表三 row ${spec.id} missing`);
    const values = {} as Record<ApplicantColumn, number>;
    for (const c of APPLICANT_COLUMNS) values[c] = num(row.cells[c], `${name} 表三 ${spec.id}/${c}`);
    table3[spec.id] = values;
  }
  const table4 = {} as Table4;
  for (const g of REVIEW_GROUPS) {
    const group = t4.groups.get(g);
    if (!group) throw new Error(`corpus: ${name}: 表四 group ${g} missing`);
    const values = {} as Record<ReviewColumn, number>;
    for (const c of REVIEW_COLUMNS) values[c] = num(group[c], `${name} 表四 ${g}/${c}`);
    table4[g] = values;
  }

  // Walk the lines: the title, the part headings, paragraphs; a table's region becomes the table.
  const tables = [
    { span: t2.span, block: { kind: 'table2', values: table2 } as Block },
    { span: t3.span, block: { kind: 'table3', values: table3 } as Block },
    { span: t4.span, block: { kind: 'table4', values: table4 } as Block },
  ];
  const headingStarts = new Set(model.parts.map((p) => model.lines.positionAt(p.heading.span.start).line));
  const titleLine = model.lines.positionAt(model.title.span.start).line;
  const blocks: Block[] = [];
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = offset;
    offset += lines[i]!.length + 1;
    const table = tables.find((t) => start >= t.span.start && start < t.span.end);
    if (table) {
      if (!blocks.includes(table.block)) blocks.push(table.block);
      continue;
    }
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (i === titleLine) blocks.push({ kind: 'title', text: line });
    else if (headingStarts.has(i)) blocks.push({ kind: 'heading', text: line });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  for (const t of tables) if (!blocks.includes(t.block)) throw new Error(`corpus: ${name}: a table was not placed`);
  return { title: model.title.text, blocks };
}

/** The place of the planted fault: always a （七）总计 cell of 表三. */
export interface PlantedCell {
  readonly table: 'applications';
  readonly row: 'total';
  readonly column: ApplicantColumn;
  /** For people: "表三 （七）总计 · 自然人". */
  readonly label: string;
  readonly right: number;
  readonly wrong: number;
}

/** A wrong value of the same number of digits (so a converter lays the page out exactly as for the right one). */
export function wrongValue(right: number): number {
  const up = right + 1;
  return String(up).length === String(right).length ? up : right - 1;
}

/** The same document with 表三 （七）总计 of `column` changed. */
export function plant(doc: ReportDocument, column: ApplicantColumn): { doc: ReportDocument; planted: PlantedCell } {
  let planted: PlantedCell | undefined;
  const blocks = doc.blocks.map((b): Block => {
    if (b.kind !== 'table3') return b;
    const right = b.values['total']![column];
    const wrong = wrongValue(right);
    const columnLabel = schema.APPLICANT_COLUMNS.find((c) => c.id === column)!.label;
    planted = { table: 'applications', row: 'total', column, label: `表三 （七）总计 · ${columnLabel}`, right, wrong };
    return { kind: 'table3', values: { ...b.values, total: { ...b.values['total']!, [column]: wrong } } };
  });
  if (!planted) throw new Error('corpus: no 表三 to plant a fault in');
  return { doc: { title: doc.title, blocks }, planted };
}
