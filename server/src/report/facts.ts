// The facts of one report that a summary and the rules across reports need: who and when it is (identity.ts), the
// format year, and a few figures of its tables — 表三's 新收, 上年结转, （七）总计 and 结转下年度 per column, 表四's
// 行政复议 and 行政诉讼 totals, 表二's 规章 and 行政规范性文件 counts and the 收费 — each with whether it was read with
// certainty and where it is. Plain data (the CLI's worker threads send it back, the server will keep it in its
// index of the workspace): no model, no text; positions as offsets and as LSP ranges, since a fact is read long
// after its document's text has gone. Pure: no I/O.

import type { Range } from 'vscode-languageserver-types';
import { identify, type ReportIdentity, type UnitMapping } from './identity';
import type { Cell, ReportModel } from './model';
import { APPLICANT_COLUMN_IDS, type ApplicantColumn } from './schema';
import type { Span } from './text';

/** One figure of a report. */
export interface Fact {
  /** The cell's number, when it holds one (read with certainty or not: see `certain`). */
  readonly value: number | undefined;
  /** A number read with certainty (docs/format.md §10.12): only such a fact takes part in a rule or a summary. */
  readonly certain: boolean;
  /** Where the cell is in its document: UTF-16 offsets, and the same as an LSP range. */
  readonly span: Span;
  readonly range: Range;
}

/** A 表三 row's facts, by column. */
export type ColumnFacts = { readonly [C in ApplicantColumn]?: Fact };

/** 表二 第二十条第（一）项: one row's three counts (2021 format). */
export interface DocumentCountFacts {
  readonly issued: Fact | undefined;
  readonly repealed: Fact | undefined;
  readonly inForce: Fact | undefined;
}

export interface ReportFacts {
  /** The file as the caller names it (a path as given on the command line, a workspace-relative path). */
  readonly file: string;
  /** The document's URI, for related information pointing into it; none when not given. */
  readonly uri: string | undefined;
  readonly isReport: boolean;
  readonly identity: ReportIdentity;
  /** The format the tables follow: 2021 (国办公开办函〔2021〕30号) or the 2019 trial format; by 表二, else 表三. */
  readonly formatYear: 2019 | 2021 | undefined;
  /** The title's range (where a diagnostic about the whole report goes); undefined when there is no title. */
  readonly title: Range | undefined;
  /** When the report was published (YYYY-MM-DD…), when known: a web page's date, or the user's. */
  readonly published: string | undefined;
  readonly applications: {
    readonly newReceived: ColumnFacts;
    readonly carriedOver: ColumnFacts;
    /** （七）总计: the applications handled this year. */
    readonly handled: ColumnFacts;
    readonly carriedForward: ColumnFacts;
  };
  /** 表四 行政复议·总计. */
  readonly reviews: Fact | undefined;
  /** 表四 行政诉讼: 未经复议直接起诉·总计 + 复议后起诉·总计 (its range spans both cells). */
  readonly lawsuits: Fact | undefined;
  /** 表二 第二十条第（一）项, 2021 format only (the trial format's columns count other things). */
  readonly documents: {
    readonly regulations: DocumentCountFacts | undefined;
    readonly normativeDocuments: DocumentCountFacts | undefined;
  };
  /** 表二 行政事业性收费·本年收费金额 (万元), 2021 format only. */
  readonly fees: Fact | undefined;
}

export interface FactsOptions {
  readonly uri?: string;
  readonly published?: string;
  readonly mapping?: UnitMapping;
}

/** The facts of a parsed report. `file` names it (its last segment is read for a unit and year when the title lacks them). */
export function factsOf(model: ReportModel, file: string, options: FactsOptions = {}): ReportFacts {
  const fact = (cell: Cell | undefined): Fact | undefined => (cell ? factOf(model, cell) : undefined);
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications;
  const t4 = model.tables.reviewsAndLawsuits;
  const row = (id: string): ColumnFacts => {
    const r = t3?.rows.get(id);
    const out: { [C in ApplicantColumn]?: Fact } = {};
    if (r) for (let i = 0; i < APPLICANT_COLUMN_IDS.length; i++) out[APPLICANT_COLUMN_IDS[i]!] = factOf(model, r.cellList[i]!);
    return out;
  };
  const counts = (id: string): DocumentCountFacts | undefined => {
    const r = t2?.format === 2021 ? t2.rows.get(id) : undefined;
    return r ? { issued: fact(r.cellList[0]), repealed: fact(r.cellList[1]), inForce: fact(r.cellList[2]) } : undefined;
  };
  return {
    file,
    uri: options.uri,
    isReport: model.isReport,
    identity: identify(model, file, options.mapping),
    formatYear: t2?.format ?? t3?.format,
    title: model.title ? model.lines.rangeOf(model.title.span) : undefined,
    published: options.published,
    applications: { newReceived: row('newReceived'), carriedOver: row('carriedOver'), handled: row('total'), carriedForward: row('carriedForward') },
    reviews: fact(t4?.groups?.get('review')?.total),
    lawsuits: sumFact(model, t4?.groups?.get('directSuit')?.total, t4?.groups?.get('suitAfterReview')?.total),
    documents: { regulations: counts('regulations'), normativeDocuments: counts('normativeDocuments') },
    fees: t2?.format === 2021 ? fact(t2.rows.get('fees')?.cellList[0]) : undefined,
  };
}

/** The fact's number when it was read with certainty; otherwise undefined. */
export function certainValue(fact: Fact | undefined): number | undefined {
  return fact?.certain ? fact.value : undefined;
}

function factOf(model: ReportModel, cell: Cell): Fact {
  const isNumber = cell.kind === 'number';
  return { value: isNumber ? cell.value : undefined, certain: isNumber && cell.certain, span: cell.span, range: model.lines.rangeOf(cell.span) };
}

function sumFact(model: ReportModel, a: Cell | undefined, b: Cell | undefined): Fact | undefined {
  if (!a || !b) return undefined;
  const both = a.kind === 'number' && b.kind === 'number';
  const span = { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) };
  return { value: both ? a.value! + b.value! : undefined, certain: both && a.certain && b.certain, span, range: model.lines.rangeOf(span) };
}

// ---------------------------------------------------------------------------------------------
// Facts across threads

/**
 * A report's facts as two flat arrays, for sending between threads: structured clone copies objects one property
 * at a time, and the ~200 small objects of a report's facts took longer to send than the report took to check
 * (0.45 s per 1,000 reports, measured); numbers in a Float64Array go across as one block.
 */
export interface PackedFacts {
  readonly numbers: Float64Array;
  /** file, uri, published, name, unit, key, kind, unitFrom, yearFrom (null for undefined). */
  readonly strings: readonly (string | null)[];
}

type Slot = readonly [row: 'newReceived' | 'carriedOver' | 'handled' | 'carriedForward', column: ApplicantColumn]
  | readonly [single: 'reviews' | 'lawsuits' | 'fees']
  | readonly [document: 'regulations' | 'normativeDocuments', count: 'issued' | 'repealed' | 'inForce'];

/** Where each fact goes in the packed numbers. */
const SLOTS: readonly Slot[] = [
  ...(['newReceived', 'carriedOver', 'handled', 'carriedForward'] as const).flatMap((row) => APPLICANT_COLUMN_IDS.map((c) => [row, c] as const)),
  ['reviews'], ['lawsuits'],
  ...(['regulations', 'normativeDocuments'] as const).flatMap((d) => (['issued', 'repealed', 'inForce'] as const).map((k) => [d, k] as const)),
  ['fees'],
];
/** Numbers per fact: present, value (NaN for none), certain, span start and end, range start line and character, end line and character. */
const FACT_WIDTH = 9;
/** Numbers before the facts: isReport, year (NaN for none), format year (0 for none), title present and its range. */
const HEAD = 8;

function slotFact(f: ReportFacts, slot: Slot): Fact | undefined {
  if (slot.length === 1) return f[slot[0]];
  if (slot[0] === 'regulations' || slot[0] === 'normativeDocuments') return f.documents[slot[0]]?.[slot[1] as 'issued'];
  return f.applications[slot[0]][slot[1] as ApplicantColumn];
}

export function packFacts(f: ReportFacts): PackedFacts {
  const n = new Float64Array(HEAD + SLOTS.length * FACT_WIDTH);
  n[0] = f.isReport ? 1 : 0;
  n[1] = f.identity.year ?? NaN;
  n[2] = f.formatYear ?? 0;
  if (f.title) {
    n[3] = 1;
    n[4] = f.title.start.line;
    n[5] = f.title.start.character;
    n[6] = f.title.end.line;
    n[7] = f.title.end.character;
  }
  for (let i = 0; i < SLOTS.length; i++) {
    const fact = slotFact(f, SLOTS[i]!);
    if (!fact) continue;
    const { span, range } = fact;
    const o = HEAD + i * FACT_WIDTH;
    n[o] = 1;
    n[o + 1] = fact.value ?? NaN;
    n[o + 2] = fact.certain ? 1 : 0;
    n[o + 3] = span.start;
    n[o + 4] = span.end;
    n[o + 5] = range.start.line;
    n[o + 6] = range.start.character;
    n[o + 7] = range.end.line;
    n[o + 8] = range.end.character;
  }
  const id = f.identity;
  return { numbers: n, strings: [f.file, f.uri ?? null, f.published ?? null, id.name ?? null, id.unit ?? null, id.key ?? null, id.kind, id.unitFrom ?? null, id.yearFrom ?? null] };
}

export function unpackFacts(p: PackedFacts): ReportFacts {
  const n = p.numbers;
  const s = p.strings;
  const str = (i: number) => s[i] ?? undefined;
  const facts: (Fact | undefined)[] = [];
  for (let i = 0; i < SLOTS.length; i++) {
    const o = HEAD + i * FACT_WIDTH;
    facts.push(n[o] === 1 ? {
      value: Number.isNaN(n[o + 1]) ? undefined : n[o + 1],
      certain: n[o + 2] === 1,
      span: { start: n[o + 3]!, end: n[o + 4]! },
      range: { start: { line: n[o + 5]!, character: n[o + 6]! }, end: { line: n[o + 7]!, character: n[o + 8]! } },
    } : undefined);
  }
  const applications = { newReceived: {}, carriedOver: {}, handled: {}, carriedForward: {} } as Record<string, Record<string, Fact>>;
  const documents: Record<string, Record<string, Fact | undefined> | undefined> = { regulations: undefined, normativeDocuments: undefined };
  const single: Record<string, Fact | undefined> = {};
  SLOTS.forEach((slot, i) => {
    const fact = facts[i];
    if (slot.length === 1) single[slot[0]] = fact;
    else if (slot[0] === 'regulations' || slot[0] === 'normativeDocuments') {
      if (fact) (documents[slot[0]] ??= { issued: undefined, repealed: undefined, inForce: undefined })[slot[1]] = fact;
    } else if (fact) applications[slot[0]]![slot[1]] = fact;
  });
  return {
    file: s[0]!,
    uri: str(1),
    isReport: n[0] === 1,
    identity: {
      name: str(3), unit: str(4), key: str(5), kind: s[6] as ReportIdentity['kind'],
      year: Number.isNaN(n[1]) ? undefined : n[1], unitFrom: str(7) as ReportIdentity['unitFrom'], yearFrom: str(8) as ReportIdentity['yearFrom'],
    },
    formatYear: n[2] === 0 ? undefined : (n[2] as 2019 | 2021),
    title: n[3] === 1 ? { start: { line: n[4]!, character: n[5]! }, end: { line: n[6]!, character: n[7]! } } : undefined,
    published: str(2),
    applications: applications as unknown as ReportFacts['applications'],
    reviews: single.reviews,
    lawsuits: single.lawsuits,
    documents: documents as unknown as ReportFacts['documents'],
    fees: single.fees,
  };
}
