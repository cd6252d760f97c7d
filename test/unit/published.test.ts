// The `check` command on published files (web pages, Word, PDF), run as a user runs it: node dist/cli.js. Real
// files are read from ../shared/reports (skipped, naming them, where absent); the corpus's published seeds
// (test/corpus/published) and a planted PDF (test/fixtures/readers) are the project's own.

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from '../../server/src/report';
import { readPublished } from '../../server/src/readers';
import { ROOT, tempDir } from './helpers';
import { SHARED } from './readerHelpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const CORPUS = join(ROOT, 'test', 'corpus', 'published');
const SEEDS = join(ROOT, 'test', 'fixtures', 'reports', 'seeds');
const PLANTED_PDF = join(ROOT, 'test', 'fixtures', 'readers', 'seed000-v1.planted.pdf');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFile {
  path: string;
  report: boolean;
  format?: string;
  meta?: Record<string, unknown>;
  notes?: string[];
  text?: string;
  diagnostics: { code: string; severity: number; message: string; range: unknown; sourceLocation?: Record<string, unknown>; relatedInformation?: { sourceLocation?: unknown }[] }[];
}

function json(...args: string[]): { code: number | null; files: JsonFile[]; stderr: string } {
  const r = run('check', '--format', 'json', ...args);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files, stderr: r.stderr };
}

/** A file of ../shared/reports, or undefined (the test skipped, naming it) when it is absent. */
function shared(t: TestContext, rel: string): string | undefined {
  const path = join(SHARED, rel);
  if (!existsSync(path)) {
    t.skip(`missing ${path}`);
    return undefined;
  }
  return path;
}

/** seed000-v1 (corpus) with 表三 （七）总计·自然人 172 written as 173, as a web page and as a .docx. */
function plantedHtml(dir: string): string {
  const html = readFileSync(join(CORPUS, 'seed000-v1.html'), 'utf8');
  const at = html.indexOf('>172<', html.indexOf('（七）总计'));
  assert.ok(at > 0);
  const path = join(dir, 'seed000-v1.planted.html');
  writeFileSync(path, `${html.slice(0, at)}>173<${html.slice(at + 5)}`);
  return path;
}

function plantedDocx(dir: string): string {
  const zip = unzipSync(new Uint8Array(readFileSync(join(CORPUS, 'seed000-v1.docx'))));
  const xml = strFromU8(zip['word/document.xml']!);
  const at = xml.indexOf('>172<', xml.indexOf('（七）总计'));
  assert.ok(at > 0);
  zip['word/document.xml'] = strToU8(`${xml.slice(0, at)}>173<${xml.slice(at + 5)}`);
  const path = join(dir, 'seed000-v1.planted.docx');
  writeFileSync(path, zipSync(zip));
  return path;
}

const errorsOf = (f: JsonFile) => f.diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code} ${d.message}`);

// ---------------------------------------------------------------------------------------------------------------
// Real files

test('平潭 2021 page: read from the page itself, every table read, no Error', (t) => {
  const page = shared(t, 'html/pingtan_2021_page.html');
  if (!page) return;
  const r = json('--show-text', page);
  assert.equal(r.code, 0, r.stderr);
  const [f] = r.files;
  assert.equal(f!.format, 'html');
  assert.equal(f!.report, true);
  assert.deepEqual(errorsOf(f!), []);
  assert.equal(f!.meta?.['published'], '2022-02-08T16:34');
  const model = parse(f!.text!);
  assert.equal(model.tables.activeDisclosure?.reading.status, 'read');
  assert.equal(model.tables.applications?.reading.status, 'read');
  assert.equal(model.tables.applications?.rows.size, 25);
  assert.equal(model.tables.reviewsAndLawsuits?.groups?.size, 3);
  // 表三 （七）总计 and 四、结转下年度继续办理 as the derived table has them.
  const derived = readFileSync(join(SHARED, 'derived/D003_pingtan_2021_tables.tsv.txt'), 'utf8');
  const totals = model.tables.applications!.rows.get('total')!.cellList.map((c) => c.text).join('\t');
  assert.ok(derived.includes(totals), `（七）总计 ${totals}`);
});

test('淮安 2024 PDF: every table read, no Error', (t) => {
  const pdf = shared(t, 'pdf/huaian_2024.pdf');
  if (!pdf) return;
  const r = json('--show-text', pdf);
  assert.equal(r.code, 0, r.stderr);
  const [f] = r.files;
  assert.equal(f!.format, 'pdf');
  assert.deepEqual(errorsOf(f!), []);
  assert.equal(f!.meta?.['pages'], 6);
  const model = parse(f!.text!);
  for (const table of [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits]) assert.equal(table?.reading.status, 'read');
});

test('every real published file is read and checked (none fails to read), in every format the CLI prints', (t) => {
  const files = ['html', 'docx', 'pdf'].flatMap((dir) => (existsSync(join(SHARED, dir)) ? readdirSync(join(SHARED, dir)).map((f) => join(SHARED, dir, f)) : []));
  if (files.length === 0) {
    t.skip(`missing ${SHARED}/{html,docx,pdf}`);
    return;
  }
  const r = json(...files);
  assert.equal(r.stderr, '');
  assert.equal(r.files.length, files.length);
  for (const f of r.files) {
    assert.equal(f.report, true, f.path);
    assert.ok(f.format && f.format !== 'text', f.path);
    for (const d of f.diagnostics) assert.ok(d.sourceLocation, `${f.path}: ${d.code} has a source location`);
  }
  // The WPS template is the blank template: its three tables hold no number, and nothing is an Error.
  const template = r.files.find((f) => f.path.endsWith('template_2021_wps.docx'));
  if (template) {
    assert.deepEqual(errorsOf(template), []);
    assert.equal(template.diagnostics.filter((d) => d.code === 'table-unparseable').length, 3);
  }
  for (const format of ['text', 'sarif']) assert.ok(run('check', '--format', format, ...files).code !== 2, format);
});

// ---------------------------------------------------------------------------------------------------------------
// The corpus's published seeds

test('the seeds as .docx, .html and .pdf give the seed text\'s diagnostics (code and message)', (t) => {
  const seeds = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  // The corpus's rendering, or where the repository keeps none (a name ../shared/reports uses), that file there.
  const fileOf = (seed: string, ext: string): string | undefined => {
    const name = `seed${seed.slice(0, 3)}.${ext}`;
    return [join(CORPUS, name), join(SHARED, ext, name)].find((p) => existsSync(p));
  };
  const args: string[] = [];
  const absent: string[] = [];
  for (const seed of seeds) {
    args.push(join(SEEDS, seed));
    for (const ext of ['docx', 'html', 'pdf']) {
      const file = fileOf(seed, ext);
      if (file) args.push(file);
      else absent.push(`seed${seed.slice(0, 3)}.${ext}`);
    }
  }
  if (absent.length > 0) t.diagnostic(`absent from ${SHARED}: ${absent.join(', ')} (not compared)`);
  const r = json(...args);
  assert.equal(r.stderr, '');
  const byPath = new Map(r.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.code} ${d.message}`)]));
  for (const seed of seeds) {
    const expected = byPath.get(join(SEEDS, seed));
    assert.ok(expected, seed);
    for (const ext of ['docx', 'html', 'pdf']) {
      const file = fileOf(seed, ext);
      if (file) assert.deepEqual(byPath.get(file), expected, `${seed} as .${ext} (${file})`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Where a problem is: each format's form

test('text output: file:line:col in the HTML source; file: place for Word and PDF', () => {
  const dir = tempDir('gov-report-places-');
  const html = plantedHtml(dir);
  const docx = plantedDocx(dir);
  const r = run('check', html, docx, PLANTED_PDF);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const htmlLine = lines.find((l) => l.startsWith(html) && l.includes(' column-total '));
  const m = new RegExp(`^${html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+) error column-total （七）总计·自然人应为 172`).exec(htmlLine ?? '');
  assert.ok(m, htmlLine);
  // The line and column are those of the wrong number in the page's source.
  const sourceLine = readFileSync(html, 'utf8').split('\n')[Number(m![1]) - 1]!;
  assert.equal(sourceLine.slice(Number(m![2]) - 1, Number(m![2]) + 2), '173');
  assert.ok(lines.some((l) => l.startsWith(`${docx}: 表三 第27行第4列 （七）总计·自然人 error column-total （七）总计·自然人应为 172`)), r.stdout);
  assert.ok(lines.some((l) => l.startsWith(`${PLANTED_PDF}: 第3页 表三 （七）总计·自然人 error column-total （七）总计·自然人应为 172`)), r.stdout);
  // Not on a cell: a paragraph, a page.
  assert.ok(lines.some((l) => /^.*\.docx: 第\d+段 warning text-table-mismatch /.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^.*\.pdf: 第\d+页 warning text-table-mismatch /.test(l)), r.stdout);
  // Every problem line parses with one pattern: the place runs from ": " to the severity word.
  for (const l of lines.slice(0, -1)) assert.match(l, /^(?:.+:\d+:\d+|.+?: .+?) (?:error|warning|info|hint) [a-z-]+ \S/);
  // English places.
  const en = run('check', '--locale', 'en', docx, PLANTED_PDF).stdout;
  assert.match(en, /\.docx: Table 3 row 27, column 4 \S.* error column-total /);
  assert.match(en, /\.pdf: p\. 3 Table 3 \S.* error column-total /);
});

test('json: every field as before, with sourceLocation added (html line/column, word table cell, pdf page and box)', () => {
  const dir = tempDir('gov-report-json-places-');
  const r = json(plantedHtml(dir), plantedDocx(dir), PLANTED_PDF);
  assert.equal(r.code, 1);
  const blamed = (f: JsonFile) => f.diagnostics.find((d) => d.code === 'column-total')!;
  const [html, docx, pdf] = r.files.map(blamed);
  for (const d of [html!, docx!, pdf!]) {
    assert.deepEqual(Object.keys(d).sort(), ['code', 'data', 'message', 'range', 'relatedInformation', 'severity', 'source', 'sourceLocation']);
    assert.ok(d.relatedInformation!.every((ri) => ri.sourceLocation !== undefined));
  }
  assert.equal(html!.sourceLocation!['kind'], 'html');
  assert.equal(html!.sourceLocation!['place'], '表三 （七）总计·自然人');
  assert.equal(html!.sourceLocation!['endColumn'], (html!.sourceLocation!['column'] as number) + 3);
  assert.deepEqual(docx!.sourceLocation, { kind: 'word', table: 2, row: 27, column: 4, place: '表三 第27行第4列 （七）总计·自然人' });
  assert.equal(pdf!.sourceLocation!['kind'], 'pdf');
  assert.equal(pdf!.sourceLocation!['page'], 3);
  assert.equal(pdf!.sourceLocation!['place'], '第3页 表三 （七）总计·自然人');
  const box = pdf!.sourceLocation!['box'] as number[];
  assert.ok(box.length === 4 && box[0]! < box[2]! && box[1]! < box[3]! && box[3]! < 842, String(box));
  assert.deepEqual(r.files.map((f) => f.format), ['html', 'docx', 'pdf']);
  assert.equal(r.files[2]!.meta?.['pages'], 5);
  // Text files: exactly the entries they always had.
  const txt = json(join(SEEDS, '000_e38c355664a2a7a9.txt')).files[0]!;
  assert.deepEqual(Object.keys(txt).sort(), ['diagnostics', 'path', 'report']);
});

test('sarif: a region of the HTML source for a web page, a logical location for Word and PDF', () => {
  const dir = tempDir('gov-report-sarif-places-');
  const html = plantedHtml(dir);
  const r = run('check', '--format', 'sarif', html, PLANTED_PDF);
  const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[] }[];
  const forFile = (suffix: string) => results.find((x) => x.ruleId === 'column-total' && x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(suffix))!.locations[0]!;
  const h = forFile('.html');
  const sourceLine = readFileSync(html, 'utf8').split('\n')[h.physicalLocation.region!.startLine - 1]!;
  assert.equal(sourceLine.slice(h.physicalLocation.region!.startColumn - 1).slice(0, 3), '173');
  const p = forFile('.pdf');
  assert.equal(p.physicalLocation.region, undefined);
  assert.equal(p.logicalLocations![0]!.fullyQualifiedName, '第3页 表三 （七）总计·自然人');
});

// ---------------------------------------------------------------------------------------------------------------
// Files that cannot be read

test('a damaged .docx, a truncated PDF, a broken PDF: a clear message each, the run goes on, exit 2', () => {
  const dir = tempDir('gov-report-damaged-');
  writeFileSync(join(dir, 'a.docx'), readFileSync(join(CORPUS, 'seed001.docx')).subarray(0, 5000));
  writeFileSync(join(dir, 'b.pdf'), readFileSync(join(CORPUS, 'seed001.pdf')).subarray(0, 40000));
  writeFileSync(join(dir, 'c.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage');
  copyFileSync(join(SEEDS, '000_e38c355664a2a7a9.txt'), join(dir, 'd.txt'));
  copyFileSync(join(CORPUS, 'seed001.html'), join(dir, 'e.html'));
  const r = run('check', dir);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, [
    `${join(dir, 'a.docx')}: 无法读取: 文件已损坏，无法完整读取`,
    `${join(dir, 'b.pdf')}: 无法读取: 文件已损坏，无法完整读取`,
    `${join(dir, 'c.pdf')}: 无法读取: 文件已损坏，无法完整读取`,
    '',
  ].join('\n'));
  assert.match(r.stdout, /共检查 2 个文件，其中年度报告 2 份/);
  assert.match(run('check', '--locale', 'en', join(dir, 'a.docx')).stderr, /a\.docx: cannot read: the file is damaged and could not be read in full\n$/);
});

test('a file whose reading takes longer than --timeout is abandoned with a message; the others are checked', () => {
  const r = run('check', '--timeout', '0.01', join(CORPUS, 'seed001.pdf'), join(SEEDS, '000_e38c355664a2a7a9.txt'));
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `${join(CORPUS, 'seed001.pdf')}: 无法读取: 读取超时（超过 0.01 秒），已放弃\n`);
  assert.match(r.stdout, /共检查 1 个文件，其中年度报告 1 份/);
  for (const bad of ['0', '-1', 'x']) assert.equal(run('check', '--timeout', bad, 'x').code, 2, bad);
});

// ---------------------------------------------------------------------------------------------------------------
// Threads, folders, --show-text

test('--jobs 0 and --jobs 2 give identical output on a mixed folder, in the files\' order', () => {
  const dir = tempDir('gov-report-mixed-');
  for (const f of readdirSync(CORPUS)) copyFileSync(join(CORPUS, f), join(dir, f));
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
  copyFileSync(PLANTED_PDF, join(dir, 'planted.pdf'));
  writeFileSync(join(dir, 'broken.docx'), readFileSync(join(CORPUS, 'seed001.docx')).subarray(0, 3000));
  writeFileSync(join(dir, 'data.xml'), '<?xml version="1.0"?><root>not a report</root>');
  const outputs = ['0', '2'].map((jobs) => ['text', 'json', 'sarif'].map((format) => run('check', '--jobs', jobs, '--format', format, dir)));
  for (let k = 0; k < 3; k++) {
    assert.equal(outputs[0]![k]!.stdout, outputs[1]![k]!.stdout, `format ${k}`);
    assert.equal(outputs[0]![k]!.stderr, outputs[1]![k]!.stderr, `format ${k}`);
    assert.equal(outputs[0]![k]!.code, 2);
  }
  const files = (JSON.parse(outputs[1]![1]!.stdout) as { files: JsonFile[] }).files.map((f) => f.path);
  // Every file but the one that cannot be read and the .xml that is not Word XML, in the order of their names.
  const expected = readdirSync(dir).filter((f) => f !== 'data.xml' && f !== 'broken.docx').sort();
  assert.deepEqual(files, expected.map((f) => join(dir, f)));
});

test('a .txt holding a web page is read as a web page; an .xml in a folder is read only when it is Word XML', () => {
  const dir = tempDir('gov-report-sniff-');
  copyFileSync(join(CORPUS, 'seed003.html'), join(dir, 'page.txt'));
  writeFileSync(join(dir, 'other.xml'), '<?xml version="1.0"?><catalog><book/></catalog>');
  const r = json(dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.files.map((f) => [f.path, f.format]), [[join(dir, 'page.txt'), 'html']]);
  // Named on the command line, an .xml is always checked (as text, here: not a report).
  assert.deepEqual(json(join(dir, 'other.xml')).files.map((f) => f.report), [false]);
});

test('--show-text prints what each file was read as: one file bare, several under their names; json adds text', async () => {
  const pdf = join(CORPUS, 'seed004.pdf');
  const html = join(CORPUS, 'seed004.html');
  const one = run('check', '--show-text', pdf);
  assert.equal(one.code, 0, one.stderr);
  const rendered = (await readPublished(new Uint8Array(readFileSync(pdf)))).text;
  assert.equal(one.stdout, rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  const seed = join(SEEDS, '004_fb0d1b8bf8cb534b.txt');
  const several = run('check', '--show-text', html, seed);
  const htmlText = (await readPublished(new Uint8Array(readFileSync(html)))).text;
  assert.ok(several.stdout.startsWith(`==> ${html} <==\n${htmlText}`), several.stdout.slice(0, 200));
  assert.ok(several.stdout.includes(`==> ${seed} <==\n${readFileSync(seed, 'utf8')}`));
  assert.equal(json('--show-text', html).files[0]!.text, htmlText);
  assert.equal(run('check', '--show-text', '--format', 'sarif', html).code, 2);
});
