// The PDF reader on real report PDFs (../shared/reports/pdf, never copied into the repository) and on damaged or
// hand-made files: the rendered text goes through the engine, which must read the same tables and give the same
// diagnostics as the report's text form; every cell maps back to where it is on its page; no file makes the
// reader throw.

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { pdfDateToIso, readPdf, structuralDamage } from '../../server/src/readers/pdf';
import { sourceAt, type PublishedReport, type ReaderProblem } from '../../server/src/readers/types';
import { check, parse, type Cell, type ReportModel } from '../../server/src/report';
import { SEEDS, SHARED_REPORTS, fixture, type Diag } from './helpers';

const PDF_DIR = join(SHARED_REPORTS, 'pdf');
const DERIVED_HUAIAN = join(SHARED_REPORTS, 'derived', 'D008_huaian_2024_tables.tsv.txt');

/** The bytes of a PDF of ../shared/reports/pdf, or undefined after marking the test skipped with what is absent. */
function sharedPdf(t: TestContext, name: string, ...alsoNeeded: string[]): Uint8Array | undefined {
  const missing = [join(PDF_DIR, name), ...alsoNeeded].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    t.skip(`absent: ${missing.join(', ')}`);
    return undefined;
  }
  return new Uint8Array(readFileSync(join(PDF_DIR, name)));
}

/** Each real PDF is read once for all the tests that look at it. */
const reads = new Map<string, Promise<PublishedReport>>();
function readShared(name: string, bytes: Uint8Array): Promise<PublishedReport> {
  let r = reads.get(name);
  if (!r) reads.set(name, (r = readPdf(bytes)));
  return r;
}

/** Every table cell the engine read, as "table/row/column" → the number, or the cell's kind when it is not one. */
function tableCells(model: ReportModel): Map<string, string> {
  const out = new Map<string, string>();
  const add = (key: string, c: Cell): void => void out.set(key, c.kind === 'number' ? String(c.value) : c.kind);
  for (const [id, row] of model.tables.activeDisclosure?.rows ?? []) for (const c of row.cellList) add(`表二/${id}/${c.column}`, c);
  for (const [id, row] of model.tables.applications?.rows ?? []) for (const c of row.cellList) add(`表三/${id}/${c.column}`, c);
  for (const [group, cells] of model.tables.reviewsAndLawsuits?.groups ?? []) for (const [col, c] of Object.entries(cells)) add(`表四/${group}/${col}`, c);
  return out;
}

/** The table rows the engine read that are not TSV lines (a row the reader left as prose): should be none. */
function rowsNotTsv(model: ReportModel): string[] {
  const rows = [...(model.tables.activeDisclosure?.rows.values() ?? []), ...(model.tables.applications?.rows.values() ?? [])];
  const lineOf = (offset: number): string => model.text.slice(model.text.lastIndexOf('\n', offset - 1) + 1, model.text.indexOf('\n', offset));
  return rows.filter((r) => !lineOf(r.labelSpan.start).includes('\t')).map((r) => r.label);
}

function diagnosticsOf(model: ReportModel): string[] {
  return (check(model) as Diag[]).map((d) => `${d.code} ${d.message}`);
}

function codes(problems: readonly ReaderProblem[]): string[] {
  return problems.map((p) => p.code);
}

// Runs first: nothing before it has read a PDF.
test('pdf.js is not loaded until a PDF is read (the CLI and server start without it)', async () => {
  assert.equal('pdfjsWorker' in globalThis, false, 'pdf.js was evaluated at import time');
  await readPdf(new Uint8Array(0));
  assert.equal('pdfjsWorker' in globalThis, true);
});

test('the bundled pdf.js carries the text-only font patch (scripts/pdfjsTextOnly.mjs)', () => {
  assert.ok(readFileSync(__filename, 'utf8').includes('pdf-reader:text-only-fonts'));
});

// ------------------------------------------------------------------------------------------------------------
// 淮安 2024: the official PDF exported from WPS

test('淮安 2024 PDF: every table read, every cell equal to D008, no Error; meta from the Info dictionary', async (t) => {
  const bytes = sharedPdf(t, 'huaian_2024.pdf', DERIVED_HUAIAN);
  if (!bytes) return;
  const report = await readShared('huaian', bytes);
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.meta, { pages: 6, title: '政府信息公开工作年度报告', author: '王守强', application: 'WPS 文字(Jisupdf Editor)', created: '2025-02-25T10:02:50+08:00' });
  const model = parse(report.text);
  const { activeDisclosure, applications, reviewsAndLawsuits } = model.tables;
  assert.ok(activeDisclosure && applications && reviewsAndLawsuits);
  for (const table of [activeDisclosure, applications, reviewsAndLawsuits]) assert.equal(table.unparseable, undefined, table.id);
  assert.equal(activeDisclosure.rows.size, 6);
  assert.equal(applications.rows.size, 25);
  assert.equal(reviewsAndLawsuits.groups?.size, 3);
  const expected = tableCells(parse(readFileSync(DERIVED_HUAIAN, 'utf8')));
  assert.equal(expected.size, 10 + 175 + 15, 'every cell of D008: 表二 3+3+1+1+1+1, 表三 25×7, 表四 15');
  assert.deepEqual(tableCells(model), expected);
  assert.deepEqual(rowsNotTsv(model), []);
  assert.equal(applications.rows.get('total')!.cells.total.value, 3050);
  assert.deepEqual(diagnosticsOf(model), []);
  assert.deepEqual(model.statements.map((s) => `${s.kind}=${s.value}`), [
    'applicationsReceived=3119', 'applicationsHandled=3050', 'applicationsCarriedOver=34', 'applicationsCarriedForward=103', 'reviews=351', 'lawsuits=46',
  ]);
});

test('淮安 2024 PDF: the title and the six part headings are lines of the text; the page numbers "-1-"…"-6-" are not', async (t) => {
  const bytes = sharedPdf(t, 'huaian_2024.pdf');
  if (!bytes) return;
  const { text } = await readShared('huaian', bytes);
  const lines = text.split('\n');
  assert.equal(lines[0], '淮安市人民政府2024 年政府信息公开工作年度报告');
  const model = parse(text);
  assert.equal(model.unit, '淮安市人民政府');
  assert.equal(model.year, 2024);
  assert.deepEqual(model.parts.map((p) => p.id), [1, 2, 3, 4, 5, 6]);
  for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(lines.includes(heading), heading);
  }
  for (const line of lines) assert.doesNotMatch(line, /^\s*[-—–－]\s*\d+\s*[-—–－]\s*$/);
  assert.doesNotMatch(text, /-\s?[1-6]\s?-(?!\d)/);
});

test('淮安 2024 PDF: every table cell maps to a box on its page; 表三（七）总计·自然人 is the box of "2932" on page 5', async (t) => {
  const bytes = sharedPdf(t, 'huaian_2024.pdf');
  if (!bytes) return;
  const report = await readShared('huaian', bytes);
  const model = parse(report.text);
  const tables = [model.tables.activeDisclosure!, model.tables.applications!];
  const cells: Cell[] = [...tables.flatMap((tb) => [...tb.rows.values()].flatMap((r) => r.cellList)), ...[...model.tables.reviewsAndLawsuits!.groups!.values()].flatMap((g) => Object.values(g))];
  assert.equal(cells.length, 10 + 175 + 15);
  for (const cell of cells) {
    const entry = sourceAt(report.map, cell.span.start);
    assert.ok(entry && entry.source.kind === 'pdf', `${cell.table}/${cell.row}/${cell.column} has no PDF place`);
    const { page, box } = entry.source as { page: number; box: readonly number[] };
    assert.ok(page >= 1 && page <= 6);
    const [x0, y0, x1, y1] = box as [number, number, number, number];
    assert.ok(x0 >= 0 && y0 >= 0 && x0 < x1 && y0 < y1 && x1 <= 595 && y1 <= 842, `${cell.row}/${cell.column}: ${box.join(',')}`);
    assert.equal(report.text.slice(entry.start, entry.end), cell.text);
  }
  const total = model.tables.applications!.rows.get('total')!.cells.naturalPerson;
  const place = sourceAt(report.map, total.span.start)!.source as unknown as { page: number; box: [number, number, number, number] };
  assert.equal(total.text, '2932');
  assert.equal(place.page, 5);
  // What pdf.js itself says is at that place on that page.
  const pdfjs = (await import('unpdf/pdfjs')) as unknown as {
    getDocument(p: object): { promise: Promise<{ getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string; transform?: number[]; width?: number }[] }> }> }>; destroy(): Promise<void> };
  };
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const page = await (await task.promise).getPage(place.page);
    const [x0, y0, x1, y1] = place.box;
    const inside = (await page.getTextContent()).items.filter((i) => {
      if (!i.str?.trim() || !i.transform) return false;
      const cx = i.transform[4]! + (i.width ?? 0) / 2, cy = i.transform[5]! + 2;
      return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
    });
    assert.deepEqual(inside.map((i) => i.str), ['2932']);
  } finally {
    await task.destroy();
  }
});

// ------------------------------------------------------------------------------------------------------------
// The seeds as PDF (LibreOffice from the seed .docx): the same tables and diagnostics as the seed text

const SEED_PDFS = [
  { pdf: 'seed000.pdf', text: SEEDS.tsv000 },
  { pdf: 'seed002.pdf', text: SEEDS.cellPerLine002 },
  { pdf: 'seed003.pdf', text: SEEDS.tsvShifted003 },
];

for (const seed of SEED_PDFS) {
  test(`${seed.pdf}: the same table values and the same diagnostics (code and message) as the seed text`, async (t) => {
    const bytes = sharedPdf(t, seed.pdf);
    if (!bytes) return;
    const report = await readShared(seed.pdf, bytes);
    assert.deepEqual(report.problems, []);
    assert.equal(report.meta.application, 'Writer / LibreOffice 7.4');
    const fromPdf = parse(report.text);
    const fromText = parse(fixture(seed.text));
    assert.equal(fromPdf.tables.applications?.rows.size, 25);
    assert.deepEqual(tableCells(fromPdf), tableCells(fromText));
    assert.deepEqual(rowsNotTsv(fromPdf), []);
    assert.deepEqual(diagnosticsOf(fromPdf), diagnosticsOf(fromText));
    assert.equal(fromPdf.title?.text, fromText.title?.text);
    assert.deepEqual(fromPdf.parts.map((p) => p.id), [1, 2, 3, 4, 5, 6]);
  });
}

// The accuracy corpus's PDFs (LibreOffice, made by the project, committed): the diagnostics of LibreOffice's own text
// export of the same document, which the corpus test holds to the expected outcome.
const CORPUS = join(__dirname, '..', '..', 'test', 'corpus');
// (Seeds 000, 002 and 003 as PDFs are ../shared/reports/'s, read above: the corpus keeps no file of those names.)
for (const name of ['seed000-v1', 'seed001', 'seed002-v3', 'seed004']) {
  test(`corpus ${name}.pdf: the same tables and diagnostics as LibreOffice's text of the document; its "- N -" footers dropped`, async () => {
    const report = await readPdf(new Uint8Array(readFileSync(join(CORPUS, 'published', `${name}.pdf`))));
    assert.deepEqual(report.problems, []);
    const fromPdf = parse(report.text);
    const fromText = parse(readFileSync(join(CORPUS, 'libreoffice-txt', `${name}.clean.txt`), 'utf8'));
    assert.deepEqual(tableCells(fromPdf), tableCells(fromText));
    assert.deepEqual(rowsNotTsv(fromPdf), []);
    assert.deepEqual(diagnosticsOf(fromPdf), diagnosticsOf(fromText));
    assert.doesNotMatch(report.text, /^\s*-\s*\d+\s*-\s*$/m);
  });
}

test('a row a page break splits (seed 000, 表三（六）2 on pages 3 and 4) is one row with one source entry per page', async (t) => {
  const bytes = sharedPdf(t, 'seed000.pdf');
  if (!bytes) return;
  const report = await readShared('seed000.pdf', bytes);
  const line = report.text.split('\n').find((l) => l.includes('申请人逾期未按收费'))!;
  assert.match(line, /\t2\. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t/);
  const label = '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
  const start = report.text.indexOf(label);
  const pages = report.map.filter((e) => e.start >= start && e.end <= start + label.length).map((e) => (e.source as { page: number }).page);
  assert.deepEqual(pages, [3, 4]);
});

// ------------------------------------------------------------------------------------------------------------
// Limits, stopping, damaged and hand-made files

/** A PDF written by hand: objects numbered from 1 (1 is the catalog), a correct xref table and trailer. */
function handMadePdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

function onePage(content: string, extraObjects: readonly string[] = [], trailerExtra = ''): Uint8Array {
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...extraObjects,
  ], trailerExtra);
}

/** Reads a file, and fails if that takes more than a few seconds. */
async function readQuickly(bytes: Uint8Array, options?: Parameters<typeof readPdf>[1]): Promise<PublishedReport> {
  const t0 = performance.now();
  const report = await readPdf(bytes, options);
  assert.ok(performance.now() - t0 < 5000, `took ${(performance.now() - t0).toFixed(0)} ms`);
  return report;
}

test('a hand-made one-page PDF with text is read; the caller\'s bytes are left as they were', async () => {
  const bytes = onePage('BT /F1 12 Tf 72 720 Td (Annual report 2024) Tj ET');
  const length = bytes.length;
  const report = await readQuickly(bytes);
  assert.equal(bytes.length, length, 'pdf.js must not take (detach) the caller\'s buffer');
  assert.equal(report.text, 'Annual report 2024\n');
  assert.deepEqual(report.problems, []);
  assert.equal(report.map.length, 1);
  const source = report.map[0]!.source;
  assert.ok(source.kind === 'pdf' && source.page === 1);
  const [x0, y0, x1, y1] = source.box;
  assert.ok(Math.abs(x0 - 72) < 1 && y0 < 720 && y1 > 720 && x1 > 150 && x1 < 200, source.box.join(','));
});

test('a rotated page (/Rotate 90): text read, its box given back in the page\'s own (unrotated) user space', async () => {
  const bytes = handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    '<< /Length 50 >>\nstream\nBT /F1 12 Tf 0 1 -1 0 300 100 Tm (Landscape table) Tj ET\nendstream',
  ]);
  const report = await readQuickly(bytes);
  assert.equal(report.text, 'Landscape table\n');
  const source = report.map[0]!.source;
  assert.ok(source.kind === 'pdf');
  // The run starts at (300, 100) in user space and goes up the page (direction (0, 1)); its glyphs stand to the
  // left of that line (their "up" is (-1, 0)), shown upright once the page is turned.
  const [x0, y0, x1, y1] = source.box;
  assert.ok(x0 > 285 && x0 < 300 && x1 > 300 && x1 < 303 && Math.abs(y0 - 100) < 1 && y1 > 170, source.box.join(','));
});

test('a page with only a rectangle (no text layer): one no-text problem naming the page', async () => {
  const report = await readQuickly(onePage('0.5 w 100 100 200 50 re S 300 300 50 50 re f'));
  assert.equal(report.text, '');
  assert.deepEqual(report.problems, [{ code: 'no-text', pages: [1], detail: 'no page has a text layer (scanned?)' }]);
  assert.equal(report.meta.pages, 1);
});

test('encrypted (a user password is needed): an encrypted problem, no text', async () => {
  const hex = (n: number): string => Array.from({ length: 32 }, (_, i) => ((i * 37 + n) & 255).toString(16).padStart(2, '0')).join('');
  const bytes = onePage('BT /F1 12 Tf 72 720 Td (secret) Tj ET', [`<< /Filter /Standard /V 1 /R 2 /O <${hex(1)}> /U <${hex(2)}> /P -4 >>`], `/Encrypt 5 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] `);
  const report = await readQuickly(bytes);
  assert.deepEqual(codes(report.problems), ['encrypted']);
  assert.equal(report.text, '');
});

test('an empty file, and random bytes after a %PDF- header: damaged, no throw', async () => {
  const empty = await readQuickly(new Uint8Array(0));
  assert.deepEqual(codes(empty.problems), ['damaged']);
  assert.equal(empty.text, '');
  let seed = 12345;
  const random = new Uint8Array(20000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255);
  random.set(new TextEncoder().encode('%PDF-1.7\n'));
  const junk = await readQuickly(random);
  assert.deepEqual(codes(junk.problems), ['damaged']);
  assert.equal(junk.text, '');
});

test('a PDF cut in half: what pdf.js recovers, and a damaged problem', async (t) => {
  const bytes = sharedPdf(t, 'seed000.pdf');
  if (!bytes) return;
  const report = await readQuickly(bytes.slice(0, bytes.length >> 1));
  assert.ok(codes(report.problems).includes('damaged'), JSON.stringify(report.problems));
  assert.ok(report.problems.find((p) => p.code === 'damaged')!.detail!.length > 0);
});

test('a PDF whose xref offsets are wrong: pdf.js rebuilds the xref, the text is all there, and a damaged problem says why', async (t) => {
  const bytes = sharedPdf(t, 'seed000.pdf');
  if (!bytes) return;
  const broken = bytes.slice();
  const text = new TextDecoder('latin1').decode(broken);
  // Every offset in the xref table shifted by 7 bytes, and startxref pointing 3 bytes off.
  const xrefAt = text.lastIndexOf('\nxref') + 1;
  const entry = /(\d{10}) (\d{5}) n/g;
  entry.lastIndex = xrefAt;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = entry.exec(text)) && m.index < text.lastIndexOf('trailer')) {
    broken.set(new TextEncoder().encode(String(Number(m[1]) + 7).padStart(10, '0')), m.index);
    n++;
  }
  assert.ok(n > 10);
  const sx = /startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))!;
  const at = text.lastIndexOf('startxref') + sx[0].length - sx[1]!.length;
  broken.set(new TextEncoder().encode(String(Number(sx[1]) - 3).padStart(sx[1]!.length, '0')), at);
  const report = await readQuickly(broken);
  assert.deepEqual(codes(report.problems), ['damaged']);
  assert.match(report.problems[0]!.detail!, /startxref/);
  const good = await readShared('seed000.pdf', bytes);
  assert.equal(report.text, good.text);
});

test('limits: over maxBytes is refused; over maxPages reads the first pages and says so', async (t) => {
  const bytes = sharedPdf(t, 'huaian_2024.pdf');
  if (!bytes) return;
  const big = await readQuickly(bytes, { limits: { maxBytes: 1000 } });
  assert.deepEqual(codes(big.problems), ['too-large']);
  assert.equal(big.text, '');
  const two = await readQuickly(bytes, { limits: { maxPages: 2 } });
  assert.deepEqual(codes(two.problems), ['too-large']);
  assert.match(two.problems[0]!.detail!, /6 pages: read the first 2/);
  assert.equal(two.meta.pages, 6);
  assert.ok(two.text.includes('一、总体情况') && !two.text.includes('二、主动公开政府信息情况'));
  assert.ok(two.map.every((e) => e.source.kind === 'pdf' && e.source.page <= 2));
});

test('shouldStop between pages: the pages read so far, and a timeout problem', async (t) => {
  const bytes = sharedPdf(t, 'huaian_2024.pdf');
  if (!bytes) return;
  let asked = 0;
  const report = await readQuickly(bytes, { shouldStop: () => ++asked > 2 });
  assert.deepEqual(codes(report.problems), ['timeout']);
  assert.ok(report.text.startsWith('淮安市人民政府'));
  assert.ok(!report.text.includes('六、其他需要报告的事项'));
  const never = await readQuickly(bytes, { shouldStop: () => true });
  assert.deepEqual(codes(never.problems), ['timeout']);
  assert.equal(never.text, '');
});

test('property: random damage to seed000.pdf never makes readPdf reject', { timeout: 300_000 }, async (t) => {
  const bytes = sharedPdf(t, 'seed000.pdf');
  if (!bytes) return;
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('obj', 'endobj', 'stream', ' R ', '<<', '>>', '(', '\\', '9999999999', 'xref', '%%EOF') }),
  );
  await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
    let b = bytes.slice();
    for (const e of edits) {
      const at = e.at % Math.max(1, b.length);
      if (e.kind === 'set') b[at] = e.value;
      else if (e.kind === 'cut') b = b.slice(0, at);
      else {
        const ins = new TextEncoder().encode(e.text);
        const next = new Uint8Array(b.length + ins.length);
        next.set(b.subarray(0, at));
        next.set(ins, at);
        next.set(b.subarray(at), at + ins.length);
        b = next;
      }
    }
    const report = await readPdf(b);
    assert.equal(report.format, 'pdf');
    assert.equal(typeof report.text, 'string');
  }), { numRuns: 25 });
});

// ------------------------------------------------------------------------------------------------------------
// Pure helpers

test('pdfDateToIso: PDF dates in the time zone they were written in', () => {
  assert.equal(pdfDateToIso("D:20250225100250+08'00'"), '2025-02-25T10:02:50+08:00');
  assert.equal(pdfDateToIso("D:20261130122830Z'"), '2026-11-30T12:28:30Z');
  assert.equal(pdfDateToIso('D:20250225100324'), '2025-02-25T10:03:24');
  assert.equal(pdfDateToIso('D:2024'), '2024-01-01');
  assert.equal(pdfDateToIso('20240315'), '2024-03-15');
  assert.equal(pdfDateToIso("D:20241399"), undefined);
  assert.equal(pdfDateToIso('yesterday'), undefined);
});

test('structuralDamage: header, end marker and startxref checked from the file\'s ends', () => {
  const good = onePage('BT ET');
  assert.equal(structuralDamage(good), undefined);
  assert.equal(structuralDamage(new Uint8Array(0)), 'the file is empty');
  assert.equal(structuralDamage(new TextEncoder().encode('hello')), 'no %PDF- header');
  assert.match(structuralDamage(good.slice(0, good.length - 8))!, /%%EOF/);
  const text = new TextDecoder('latin1').decode(good).replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${String(Number(n) - 5)}`);
  assert.match(structuralDamage(new TextEncoder().encode(text))!, /does not point at a cross-reference/);
});
