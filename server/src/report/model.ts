// The report model that `parse` produces. Every element keeps the exact span of text it came from.

import type { LineIndex, Span } from './text';
import type { ApplicantColumn, PartId, ReviewColumn, ReviewGroup, SubsectionId } from './schema';

export type CellKind = 'number' | 'blank' | 'invalid' | 'missing';

/** One value cell of a table. */
export interface Cell {
  readonly kind: CellKind;
  /** Parsed value when kind is 'number'. */
  readonly value?: number;
  /** Raw text of the cell, trimmed. Empty for blanks and missing cells. */
  readonly text: string;
  /** The cell's text; for an empty or missing cell, the place where the value should be (zero-length). */
  readonly span: Span;
  /** Where the cell sits in the canonical schema. */
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
  /**
   * Read with certainty: its row's label and numbers stood together, with the columns' count of values. Nothing is
   * computed from a cell that is not, and nothing is said about it (docs/format.md §10.12).
   */
  readonly certain: boolean;
}

export type TableId = 'activeDisclosure' | 'applications' | 'reviewsAndLawsuits';

export interface Heading {
  readonly span: Span;
  /** The heading's words after the ordinal, as written. */
  readonly text: string;
  readonly numeral: string | undefined;
  /** Span of the ordinal ("三、") if present. */
  readonly numeralSpan: Span | undefined;
}

export interface Part {
  readonly id: PartId;
  readonly heading: Heading;
  /** Whether the heading is the canonical one: its words (the title or the 条例's own words) and its ordinal. */
  readonly canonical: boolean;
  /** Whether its words are the title or the 条例's wording for the part (the ordinal aside). */
  readonly canonicalWords: boolean;
  /** The part's body: from the end of the heading to the next part's heading. */
  readonly body: Span;
  /** Second and later occurrences of the same part. */
  readonly duplicate: boolean;
  /** Heading found inside a line (flattened web text) rather than on its own line. */
  readonly inline: boolean;
}

export interface Subsection {
  readonly id: SubsectionId;
  readonly heading: Heading;
}

export interface TableRow<Col extends string = string> {
  readonly id: string;
  /** The label text as written (fragments joined). */
  readonly label: string;
  /** Span of the label (its last fragment, where the row's own wording is). */
  readonly labelSpan: Span;
  readonly cells: Readonly<Record<Col, Cell>>;
  /**
   * The same cells in the table's column order (the schema's), for code that visits every cell: reading
   * `cells[column]` with the column name changing from one read to the next is a slow, generic lookup.
   */
  readonly cellList: readonly Cell[];
  /** Span of the whole row, label through last cell. */
  readonly span: Span;
  /** Why the row was not read with certainty; undefined when it was. */
  readonly problem: RowProblem | undefined;
  /** The row's label is a misprint of the canonical one (a character or two lost or changed): the label as it should read. */
  readonly misprint: { readonly canonical: string; readonly span: Span } | undefined;
}

/** Why a row of a table could not be read with certainty. */
export type RowProblem =
  /** The row's label stands apart from its numbers (other text or other labels between them). */
  | 'label-away-from-numbers'
  /** Fewer values than the table has columns: which cell is missing cannot be known. */
  | 'fewer-values'
  /** More values than the table has columns. */
  | 'more-values'
  /** Numbers stood before the labels they may belong to. */
  | 'values-before-labels'
  /** Numbers that belong to no row stand next to this one. */
  | 'stray-values-near'
  /** Several rows' labels stand before one run of numbers. */
  | 'ambiguous-label'
  /** No label names the row, but numbers that belong to no row stand in the table: they may be its. */
  | 'label-not-found';

/** A row the table names (its label's words are in the table) but that could not be read with certainty. */
export interface UnreadRow {
  readonly row: string;
  readonly reason: RowProblem;
  /** Where its label (or its numbers) are. */
  readonly span: Span;
}

/**
 * How a table was read: `read` — every standard row found once, each with the columns' count of values, nothing
 * left over; `partly-read` — some rows could not be read with certainty (listed); `unreadable` — no row could be.
 */
export interface TableReading {
  readonly status: 'read' | 'partly-read' | 'unreadable';
  readonly unread: readonly UnreadRow[];
  /** Numbers between the table's rows that belong to no row read. */
  readonly strays: readonly Span[];
}

export type TableLayout = 'tsv' | 'pipe' | 'cell-per-line' | 'columns' | 'flattened' | 'none';

export interface TableBase {
  readonly id: TableId;
  readonly layout: TableLayout;
  /** The table's first line (its first cell through the end of that line). */
  readonly firstLine: Span;
  /** Whole region the table was read from. */
  readonly span: Span;
  /** Set when cells cannot be separated reliably: nothing is computed from such a table. */
  readonly unparseable?: { readonly reason: 'glued-digits' | 'cell-count' | 'no-numbers' | 'placeholder'; readonly span: Span; readonly detail?: string; readonly runs?: number };
  /** How much of the table was read with certainty. */
  readonly reading: TableReading;
}

export interface ActiveDisclosureTable extends TableBase {
  readonly id: 'activeDisclosure';
  readonly format: 2019 | 2021;
  readonly rows: ReadonlyMap<string, TableRow>;
}

export interface ApplicationsTable extends TableBase {
  readonly id: 'applications';
  readonly format: 2019 | 2021;
  readonly rows: ReadonlyMap<string, TableRow<ApplicantColumn>>;
}

export interface ReviewsTable extends TableBase {
  readonly id: 'reviewsAndLawsuits';
  readonly groups: ReadonlyMap<ReviewGroup, Readonly<Record<ReviewColumn, Cell>>> | undefined;
}

export type Table = ActiveDisclosureTable | ApplicationsTable | ReviewsTable;

/** What a number stated in the text claims, in terms of table cells. */
export type StatementKind =
  | 'applicationsReceived'
  | 'applicationsHandled'
  | 'applicationsCarriedOver'
  | 'applicationsCarriedForward'
  | 'noApplications'
  | 'reviews'
  | 'lawsuits'
  | 'allUpheld'
  /** "均已办结", "全部按时办结": every application was handled, so none is carried forward. */
  | 'allHandled'
  /** A count of one or two categories of results ("同意公开答复9件", "予以公开及部分公开258件"). */
  | 'categoryCount'
  | 'normativeDocumentsInForce';

/** The categories of 表三's results that prose counts: （一）予以公开 … （六）其他处理. */
export type ResultCategory = 'granted' | 'partlyGranted' | 'denied' | 'unavailable' | 'notHandled' | 'otherHandling';

export interface Statement {
  readonly kind: StatementKind;
  /** The number stated, when the statement carries one. */
  readonly value?: number;
  /** The number's span, or for claims without a number the claim's words. */
  readonly span: Span;
  /** The sentence fragment the statement was read from (for messages). */
  readonly phrase: string;
  /** For a category count: the categories it counts (one, or two joined by 及/和/与). */
  readonly categories?: readonly ResultCategory[];
}

export interface YearMention {
  readonly year: number;
  readonly span: Span;
  readonly source: 'title' | 'period' | 'body';
}

export interface Ordinal {
  readonly style: 'paren' | 'shi' | 'arabic' | 'part';
  readonly value: number;
  readonly span: Span;
  readonly text: string;
}

/** A table found under a part other than its own (表三 pasted under 二's heading). */
export interface MisplacedTable {
  readonly table: TableId;
  /** The part it stands under, whose own table is not there. */
  readonly under: 1 | 2 | 3 | 4 | 5 | 6;
  /** Where its first row word is (to the end of that line). */
  readonly span: Span;
  /** The body of the part it stands under: where it was read from, when its own part has no table. */
  readonly region: Span;
}

export interface OldFormatSignature {
  readonly label: string;
  readonly span: Span;
}

export interface ReportModel {
  readonly text: string;
  readonly lines: LineIndex;
  /** Recognisably a 政府信息公开工作年度报告 (title, or several part headings). */
  readonly isReport: boolean;
  /** Why a text that looks like a report is not checked as one. */
  readonly notReportReason: 'side-by-side' | undefined;
  readonly title: { readonly text: string; readonly span: Span } | undefined;
  readonly unit: string | undefined;
  /** The year the report covers, from the title, else the 统计期限, else the body. */
  readonly year: number | undefined;
  readonly years: readonly YearMention[];
  /** Introduction: text between the title and part 一. */
  readonly intro: Span;
  readonly statedPartCount: { readonly value: number; readonly span: Span } | undefined;
  /** Parts in document order, duplicates included. */
  readonly parts: readonly Part[];
  readonly subsections: readonly Subsection[];
  readonly tables: {
    readonly activeDisclosure: ActiveDisclosureTable | undefined;
    readonly applications: ApplicationsTable | undefined;
    readonly reviewsAndLawsuits: ReviewsTable | undefined;
  };
  readonly statements: readonly Statement[];
  /** Ordinal sequences per scope, in order, for the numbering rule. */
  readonly ordinalSequences: readonly (readonly Ordinal[])[];
  readonly oldFormatSignatures: readonly OldFormatSignature[];
  /** Tables standing under another part's heading. */
  readonly misplacedTables: readonly MisplacedTable[];
}

/** First occurrence of each part, by id. */
export function firstPart(model: ReportModel, id: PartId): Part | undefined {
  return model.parts.find((p) => p.id === id && !p.duplicate);
}
