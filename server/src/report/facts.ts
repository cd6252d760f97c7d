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
import { detach, type Span } from './text';

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
    identity: withOwnStrings(identify(model, file, options.mapping)),
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

/**
 * The identity with names that are strings of their own: the unit's name is a slice of the title, and a slice
 * keeps the whole report's text alive for as long as the facts live (the server's index holds them for every
 * report of the workspace: 2,000 texts, 11 MB, in a 10,000-report folder).
 */
function withOwnStrings(id: ReportIdentity): ReportIdentity {
  const own = (s: string | undefined) => (s === undefined ? undefined : detach(s));
  const name = own(id.name);
  return { name, unit: id.unit === id.name ? name : own(id.unit), key: own(id.key), kind: id.kind, year: id.year, unitFrom: id.unitFrom, yearFrom: id.yearFrom };
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

/**
 * Where each fact goes among the packed numbers' slots: 表三's four rows (seven columns each, APPLICANT_COLUMN_IDS'
 * order), 表四's two totals, 表二's two rows (issued, repealed, in force), the fee.
 */
const SLOT = {
  newReceived: 0, carriedOver: 7, handled: 14, carriedForward: 21, reviews: 28, lawsuits: 29, regulations: 30, normativeDocuments: 33, fees: 36,
} as const;
const SLOTS = 37;

/** Numbers per fact: present, value (NaN for none), certain, span start and end, range start line and character, end line and character. */
const FACT_WIDTH = 9;
/** Numbers before the facts: isReport, year (NaN for none), format year (0 for none), title present and its range. */
const HEAD = 8;

export function packFacts(f: ReportFacts): PackedFacts {
  const n = new Float64Array(HEAD + SLOTS * FACT_WIDTH);
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
  const put = (slot: number, fact: Fact | undefined) => {
    if (!fact) return;
    const { span, range } = fact;
    const o = HEAD + slot * FACT_WIDTH;
    n[o] = 1;
    n[o + 1] = fact.value ?? NaN;
    n[o + 2] = fact.certain ? 1 : 0;
    n[o + 3] = span.start;
    n[o + 4] = span.end;
    n[o + 5] = range.start.line;
    n[o + 6] = range.start.character;
    n[o + 7] = range.end.line;
    n[o + 8] = range.end.character;
  };
  const row = (first: number, facts: ColumnFacts) => {
    for (let i = 0; i < APPLICANT_COLUMN_IDS.length; i++) put(first + i, facts[APPLICANT_COLUMN_IDS[i]!]);
  };
  const counts = (first: number, facts: DocumentCountFacts | undefined) => {
    put(first, facts?.issued);
    put(first + 1, facts?.repealed);
    put(first + 2, facts?.inForce);
  };
  const { applications: a, documents: d } = f;
  row(SLOT.newReceived, a.newReceived);
  row(SLOT.carriedOver, a.carriedOver);
  row(SLOT.handled, a.handled);
  row(SLOT.carriedForward, a.carriedForward);
  put(SLOT.reviews, f.reviews);
  put(SLOT.lawsuits, f.lawsuits);
  counts(SLOT.regulations, d.regulations);
  counts(SLOT.normativeDocuments, d.normativeDocuments);
  put(SLOT.fees, f.fees);
  const id = f.identity;
  return { numbers: n, strings: [f.file, f.uri ?? null, f.published ?? null, id.name ?? null, id.unit ?? null, id.key ?? null, id.kind, id.unitFrom ?? null, id.yearFrom ?? null] };
}

export function unpackFacts(p: PackedFacts): ReportFacts {
  const n = p.numbers;
  const s = p.strings;
  const str = (i: number) => s[i] ?? undefined;
  // Objects of one shape each, built whole (keys added one by one made every report's objects slow dictionaries).
  const fact = (slot: number): Fact | undefined => {
    const o = HEAD + slot * FACT_WIDTH;
    if (n[o] !== 1) return undefined;
    const value = n[o + 1]!;
    return {
      value: Number.isNaN(value) ? undefined : value,
      certain: n[o + 2] === 1,
      span: { start: n[o + 3]!, end: n[o + 4]! },
      range: { start: { line: n[o + 5]!, character: n[o + 6]! }, end: { line: n[o + 7]!, character: n[o + 8]! } },
    };
  };
  const row = (first: number): ColumnFacts => (n[HEAD + first * FACT_WIDTH] !== 1 ? {} : {
    naturalPerson: fact(first), commercial: fact(first + 1), research: fact(first + 2), publicInterest: fact(first + 3),
    legalService: fact(first + 4), otherOrg: fact(first + 5), total: fact(first + 6),
  });
  const counts = (first: number): DocumentCountFacts | undefined => {
    const issued = fact(first);
    const repealed = fact(first + 1);
    const inForce = fact(first + 2);
    return issued || repealed || inForce ? { issued, repealed, inForce } : undefined;
  };
  return {
    file: s[0]!,
    uri: str(1),
    isReport: n[0] === 1,
    identity: unpackKey(p).identity,
    formatYear: n[2] === 0 ? undefined : (n[2] as 2019 | 2021),
    title: n[3] === 1 ? { start: { line: n[4]!, character: n[5]! }, end: { line: n[6]!, character: n[7]! } } : undefined,
    published: str(2),
    applications: { newReceived: row(SLOT.newReceived), carriedOver: row(SLOT.carriedOver), handled: row(SLOT.handled), carriedForward: row(SLOT.carriedForward) },
    reviews: fact(SLOT.reviews),
    lawsuits: fact(SLOT.lawsuits),
    documents: { regulations: counts(SLOT.regulations), normativeDocuments: counts(SLOT.normativeDocuments) },
    fees: fact(SLOT.fees),
  };
}

/**
 * Who and when a packed report is, its format year and publication date, without its figures: what pairing
 * reports needs (crossYear.ts pairReports), and a summary's row but for the figures.
 */
export function unpackKey(p: PackedFacts): Pick<ReportFacts, 'file' | 'isReport' | 'identity' | 'formatYear' | 'published'> {
  const s = p.strings;
  const n = p.numbers;
  const str = (i: number) => s[i] ?? undefined;
  return {
    file: s[0]!,
    isReport: n[0] === 1,
    identity: {
      name: str(3), unit: str(4), key: str(5), kind: s[6] as ReportIdentity['kind'],
      year: Number.isNaN(n[1]) ? undefined : n[1], unitFrom: str(7) as ReportIdentity['unitFrom'], yearFrom: str(8) as ReportIdentity['yearFrom'],
    },
    formatYear: n[2] === 0 ? undefined : (n[2] as 2019 | 2021),
    published: str(2),
  };
}
