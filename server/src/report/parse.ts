// parse(text) → ReportModel: the assembler. Finds the title, the parts and their bodies, reads the tables under
// 二/三/四, then the prose around them (statements, years, sub-parts, ordinals). Never throws; every step is linear
// in the text (a bounded number of passes, regexes without nested quantifiers over unbounded input).

import type { ActiveDisclosureTable, ApplicationsTable, MisplacedTable, OldFormatSignature, ReviewsTable, Part, ReportModel, Statement } from './model';
import { findMisplacedTables } from './misplaced';
import { findOrdinals } from './ordinals';
import { chooseParts, findInlineParts, findLineParts, findParenthesisedParts, findSubsections, withBodies } from './parts';
import type { PartId } from './schema';
import { readStatements } from './statements';
import { parseActiveDisclosureTable } from './activeDisclosureTable';
import { parseApplicationsTable } from './applicationsTable';
import { parseReviewsTable } from './reviewsTable';
import { LineIndex, mostCommon, type Span } from './text';
import { findStatedPartCount, findTitle, findYears, isSideBySide } from './title';

export function parse(input: string): ReportModel {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const lines = new LineIndex(text);
  const title = findTitle(text, lines);
  let drafts = chooseParts(findLineParts(text, lines, title?.line), text);
  if (drafts.length < 6) {
    const paren = findParenthesisedParts(text, lines, drafts);
    if (paren.length > 0) drafts = paren;
  }
  if (new Set(drafts.map((p) => p.id)).size < 3) {
    const inline = findInlineParts(text, lines, title?.line);
    if (new Set(inline.map((p) => p.id)).size > new Set(drafts.map((p) => p.id)).size) drafts = inline;
  }
  const parts = withBodies(drafts, text.length);

  const introStart = title ? title.span.end : 0;
  const intro: Span = { start: introStart, end: parts.length > 0 ? Math.max(introStart, parts[0]!.heading.span.start) : text.length };

  const tables = readTables(text, lines, parts);
  const misplacedTables = findMisplacedTables(text, parts, tables);
  // A table under the wrong part is still read (and checked) where its own part has none: the placement is one
  // Warning, its contents are what they are.
  for (const m of misplacedTables) readMisplaced(text, lines, m, tables);
  const tableSpans = [tables.activeDisclosure?.span, tables.applications?.span, tables.reviewsAndLawsuits?.span]
    .filter((s): s is Span => s !== undefined && s.end > s.start);
  const prose = subtractSpans({ start: introStart, end: text.length }, tableSpans);

  const statements: Statement[] = readStatements(text, lines, prose);
  const years = findYears(text, title, parts, prose);
  const year = title?.year ?? years.find((y) => y.source === 'period')?.year ?? mostCommon(years.map((y) => y.year));
  const subsections = findSubsections(text, lines, parts.find((p) => p.id === 1 && !p.duplicate));
  const ordinalSequences = findOrdinals(text, lines, parts, tableSpans);
  const sideBySide = isSideBySide(lines);
  const isReport = !sideBySide && (title !== undefined || new Set(parts.map((p) => p.id)).size >= 3);
  const oldFormatSignatures: OldFormatSignature[] = [...tables.signatures].sort((a, b) => a.span.start - b.span.start);

  return {
    text,
    lines,
    isReport,
    notReportReason: sideBySide ? 'side-by-side' : undefined,
    title: title ? { text: title.text, span: title.span } : undefined,
    unit: title?.unit,
    year,
    years,
    intro,
    statedPartCount: findStatedPartCount(text, intro),
    parts,
    subsections,
    tables: { activeDisclosure: tables.activeDisclosure, applications: tables.applications, reviewsAndLawsuits: tables.reviewsAndLawsuits },
    statements,
    ordinalSequences,
    oldFormatSignatures,
    misplacedTables,
  };
}

// ---------------------------------------------------------------------------------------------
// Tables

function readTables(text: string, lines: LineIndex, parts: readonly Part[]) {
  const bodyOf = (id: PartId) => parts.find((p) => p.id === id && !p.duplicate)?.body;
  const signatures: OldFormatSignature[] = [];
  const two = bodyOf(2);
  const three = bodyOf(3);
  const four = bodyOf(4);
  let activeDisclosure: ActiveDisclosureTable | undefined;
  let applications: ApplicationsTable | undefined;
  let reviewsAndLawsuits: ReviewsTable | undefined;
  if (two) {
    const r = parseActiveDisclosureTable(text, lines, two);
    activeDisclosure = r.table;
    signatures.push(...r.signatures);
  }
  if (three) {
    const r = parseApplicationsTable(text, lines, three);
    applications = r.table;
    signatures.push(...r.signatures);
  }
  if (four) reviewsAndLawsuits = parseReviewsTable(text, lines, four);
  return { activeDisclosure, applications, reviewsAndLawsuits, signatures };
}

function readMisplaced(text: string, lines: LineIndex, m: MisplacedTable, tables: ReturnType<typeof readTables>): void {
  if (m.table === 'activeDisclosure' && !tables.activeDisclosure) {
    const r = parseActiveDisclosureTable(text, lines, m.region);
    tables.activeDisclosure = r.table;
    tables.signatures.push(...r.signatures);
  } else if (m.table === 'applications' && !tables.applications) {
    const r = parseApplicationsTable(text, lines, m.region);
    tables.applications = r.table;
    tables.signatures.push(...r.signatures);
  } else if (m.table === 'reviewsAndLawsuits' && !tables.reviewsAndLawsuits) {
    tables.reviewsAndLawsuits = parseReviewsTable(text, lines, m.region);
  }
}

function subtractSpans(whole: Span, holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  let cursor = whole.start;
  for (const h of [...holes].sort((a, b) => a.start - b.start)) {
    if (h.start > cursor) out.push({ start: cursor, end: Math.min(h.start, whole.end) });
    cursor = Math.max(cursor, h.end);
  }
  if (cursor < whole.end) out.push({ start: cursor, end: whole.end });
  return out;
}
