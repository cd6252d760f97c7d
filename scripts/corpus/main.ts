// `npm run corpus`: the accuracy corpus of issue 12 §7. The five seed reports, and variants of them with varied
// non-zero numbers that balance (the benchmark's generator, fixed PRNG seed, no injected errors), are written as
// .docx and .html documents with the template's tables, each clean and with one planted fault (a changed
// （七）总计 in 表三), then converted by the tools people use: LibreOffice (to text; to PDF, then pdftotext with and
// without -layout), pandoc (docx → gfm / markdown / plain; html → gfm / markdown) and Chromium (the page's
// innerText). Outputs, a few source documents and manifest.json go to test/corpus/; `npm test` reads them and
// needs none of the tools.
//
//   node scripts/corpus.mjs                  make everything (installs missing tools with apt-get)
//   node scripts/corpus.mjs --no-install     use only the tools already there; skip the others
//   node scripts/corpus.mjs --outcomes       only judge the committed outputs with today's engine
//   node scripts/corpus.mjs --outcomes --write-known-failing
//                                            …and rewrite KNOWN_FAILING in test/unit/corpus.test.ts from that run

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check, parse } from '../../server/src/report';
import { decode } from '../../server/src/node/decode';
import { prng, varyReport } from '../../bench/generate';
import { documentOf, plant, type ApplicantColumn, type PlantedCell, type ReportDocument } from './document';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import {
  CHROMIUM_FLAGS, TOOLS, chromiumInnerText, ensureTools, libreofficePdf, libreofficeTxt, pandoc, pdftotext, playwrightVersion, type ToolId,
} from './tools';
import {
  CORPUS_DIR, evaluate, loadManifest, type ConverterInfo, type CorpusEntry, type CorpusManifest, type Outcome, type PlantedFault,
} from '../../test/unit/corpusOutcome';

const ROOT = join(__dirname, '..', '..');
const SEEDS_DIR = join(ROOT, 'test/fixtures/reports/seeds');
const OUT = join(ROOT, CORPUS_DIR);
const WORK = join(ROOT, 'out/corpus-work');
const TEST_FILE = join(ROOT, 'test/unit/corpus.test.ts');

export const SEEDS = ['000_e38c355664a2a7a9.txt', '001_8c5bb81dea3251c9.txt', '002_96dc5378fca52781.txt', '003_c46d339f0c296ee1.txt', '004_fb0d1b8bf8cb534b.txt'];
/** The variants' PRNG seed (mulberry32, bench/generate.ts). Changing it changes every variant. */
const VARIANT_SEED = 20210930;
/** The column of 表三 （七）总计 whose value is changed in each variant (seeds: 自然人). */
const VARIANT_PLANT: readonly ApplicantColumn[] = ['naturalPerson', 'total', 'naturalPerson', 'commercial', 'total'];
/** Documents whose clean .docx, .html and .pdf are kept under test/corpus/published/ (the reader tests use them). */
const PUBLISHED = new Set(['seed000', 'seed001', 'seed002', 'seed003', 'seed004', 'seed000-v1', 'seed002-v3']);
/**
 * Files ../shared/reports/ holds under the same names (its docx/ and pdf/ of seeds 000, 002 and 003, which come from
 * public repositories): the repository keeps none of them, not even our own rendering; the reader tests of those
 * documents read ../shared/reports/.
 */
const LEFT_TO_SHARED = new Set(['seed000.docx', 'seed000.pdf', 'seed002.docx', 'seed002.pdf', 'seed003.docx', 'seed003.pdf']);
/** Whether the corpus keeps `name.ext` under published/. */
const keeps = (name: string, ext: string): boolean => PUBLISHED.has(name) && !LEFT_TO_SHARED.has(`${name}.${ext}`);

interface Converter {
  readonly id: string;
  readonly from: 'docx' | 'html';
  readonly ext: string;
  readonly needs: readonly ToolId[];
  readonly command: string;
  readonly description: string;
}

const CONVERTERS: readonly Converter[] = [
  {
    id: 'libreoffice-txt', from: 'docx', ext: 'txt', needs: ['libreoffice'],
    command: 'soffice --headless --convert-to "txt:Text (encoded):UTF8" NAME.docx',
    description: 'LibreOffice Writer, save as text (UTF-8)',
  },
  {
    id: 'libreoffice-pdf-pdftotext', from: 'docx', ext: 'txt', needs: ['libreoffice', 'pdftotext'],
    command: 'soffice --headless --convert-to pdf NAME.docx && pdftotext -enc UTF-8 NAME.pdf NAME.txt',
    description: 'LibreOffice to PDF, then pdftotext (reading order, no -layout)',
  },
  {
    id: 'libreoffice-pdf-pdftotext-layout', from: 'docx', ext: 'txt', needs: ['libreoffice', 'pdftotext'],
    command: 'soffice --headless --convert-to pdf NAME.docx && pdftotext -layout -enc UTF-8 NAME.pdf NAME.txt',
    description: 'LibreOffice to PDF, then pdftotext -layout',
  },
  { id: 'pandoc-docx-gfm', from: 'docx', ext: 'md', needs: ['pandoc'], command: 'pandoc -f docx -t gfm -o NAME.md NAME.docx', description: 'pandoc, Word to GitHub Markdown' },
  { id: 'pandoc-docx-markdown', from: 'docx', ext: 'md', needs: ['pandoc'], command: 'pandoc -f docx -t markdown -o NAME.md NAME.docx', description: "pandoc, Word to pandoc's Markdown" },
  { id: 'pandoc-docx-plain', from: 'docx', ext: 'txt', needs: ['pandoc'], command: 'pandoc -f docx -t plain -o NAME.txt NAME.docx', description: 'pandoc, Word to plain text' },
  { id: 'pandoc-html-gfm', from: 'html', ext: 'md', needs: ['pandoc'], command: 'pandoc -f html -t gfm -o NAME.md NAME.html', description: 'pandoc, web page to GitHub Markdown' },
  { id: 'pandoc-html-markdown', from: 'html', ext: 'md', needs: ['pandoc'], command: 'pandoc -f html -t markdown -o NAME.md NAME.html', description: "pandoc, web page to pandoc's Markdown" },
  {
    id: 'chromium-innertext', from: 'html', ext: 'txt', needs: ['chromium'],
    command: `chromium ${CHROMIUM_FLAGS.join(' ')} --user-data-dir=FRESH (playwright-core) → document.body.innerText of file://NAME.html`,
    description: "Chromium: the page's document.body.innerText (what select-all and copy gives)",
  },
];

interface Doc {
  readonly name: string;
  readonly seed: string;
  readonly variant: number | null;
  readonly clean: ReportDocument;
  readonly planted: ReportDocument;
  readonly fault: PlantedCell;
}

const log = (s: string) => process.stdout.write(`${s}\n`);

function errorsOf(text: string): string[] {
  return check(parse(text)).filter((d) => d.severity === 1).map((d) => `${d.code} L${d.range.start.line + 1}: ${d.message}`);
}

/** The seeds, and one variant of each with varied numbers (drawn again whenever the generator injected an error). */
function documents(): Doc[] {
  const docs: Doc[] = [];
  const rand = prng(VARIANT_SEED);
  SEEDS.forEach((seed, i) => {
    const text = readFileSync(join(SEEDS_DIR, seed), 'utf8');
    const name = `seed${seed.slice(0, 3)}`;
    const clean = documentOf(text, name);
    const p = plant(clean, 'naturalPerson');
    docs.push({ name, seed, variant: null, clean, planted: p.doc, fault: p.planted });
    let varied = varyReport(text, rand);
    while (varied.injected) varied = varyReport(text, rand);
    const vname = `${name}-v${i + 1}`;
    const errors = errorsOf(varied.text);
    if (errors.length > 0) throw new Error(`corpus: ${vname}: the varied report does not balance:\n${errors.join('\n')}`);
    const vclean = documentOf(varied.text, vname);
    const vp = plant(vclean, VARIANT_PLANT[i]!);
    docs.push({ name: vname, seed, variant: i + 1, clean: vclean, planted: vp.doc, fault: vp.planted });
  });
  return docs;
}

/** Where `planted` differs from `clean`: the number there, when it is exactly the planted one. */
function locate(clean: string, planted: string, fault: PlantedCell): PlantedFault['at'] {
  if (clean.length !== planted.length) return null;
  let first = 0;
  while (first < clean.length && clean[first] === planted[first]) first++;
  if (first === clean.length) return null;
  let last = clean.length - 1;
  while (last > first && clean[last] === planted[last]) last--;
  const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  let start = first;
  while (start > 0 && digit(planted[start - 1])) start--;
  let end = last + 1;
  while (end < planted.length && digit(planted[end])) end++;
  if (planted.slice(start, end) !== String(fault.wrong) || clean.slice(start, end) !== String(fault.right)) return null;
  return { ...positionAt(planted, start), length: end - start, offset: start };
}

/** LSP position of an offset: lines end at \n, \r\n or \r; characters are UTF-16 code units. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) { line++; lineStart = i + 1; }
  }
  return { line, character: offset - lineStart };
}

const HEADING3 = /^[\s#*>|_]*三\s*[、.．]\s*收到和处理政府信息公开申请情况/;
const HEADING4 = /^[\s#*>|_]*四\s*[、.．]\s*政府信息公开行政复议/;

function table3Lines(text: string): [number, number] | null {
  const lines = text.split(/\r\n|\r|\n/);
  const from = lines.findIndex((l) => HEADING3.test(l));
  if (from < 0) return null;
  const to = lines.findIndex((l, i) => i > from && HEADING4.test(l));
  return to < 0 ? null : [from, to];
}

function readText(path: string): string {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(`${path}: not text`);
  return d.text;
}

function size(path: string): number {
  return statSync(path).size;
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = dirSize(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += size(p);
    }
  }
  return { files, bytes };
}

async function generate(install: boolean): Promise<void> {
  const docs = documents();
  log(`documents: ${docs.map((d) => d.name).join(', ')}`);

  rmSync(WORK, { recursive: true, force: true });
  const src = join(WORK, 'src');
  const pdfDir = join(WORK, 'pdf');
  mkdirSync(src, { recursive: true });
  mkdirSync(pdfDir, { recursive: true });
  const sources: Record<'docx' | 'html', string[]> = { docx: [], html: [] };
  for (const d of docs) {
    for (const [fault, doc] of [['clean', d.clean], ['planted', d.planted]] as const) {
      const base = join(src, `${d.name}.${fault}`);
      writeFileSync(`${base}.docx`, renderDocx(doc));
      writeFileSync(`${base}.html`, renderHtml(doc));
      sources.docx.push(`${base}.docx`);
      sources.html.push(`${base}.html`);
    }
  }

  log('\ntools:');
  const tools = ensureTools(install, (s) => log(`  ${s}`));
  for (const [id, v] of tools) log(`  ${id}: ${v}`);
  if (!tools.has('cjk-font') && tools.has('libreoffice')) log('  warning: no CJK font (fonts-wqy-microhei): the PDFs will draw Chinese with whatever font LibreOffice finds');
  const toolVersions: Record<string, string> = Object.fromEntries(tools);
  if (tools.has('chromium')) toolVersions['playwright-core'] = playwrightVersion();

  const previous = existsSync(join(OUT, 'manifest.json')) ? loadManifest(ROOT) : undefined;
  mkdirSync(OUT, { recursive: true });
  const ran = new Set<string>();
  const toolLabel = (c: Converter) => c.needs.map((t) => toolVersions[t] ?? t).concat(c.id === 'chromium-innertext' ? [toolVersions['playwright-core'] ?? ''] : []).join('; ');

  let pdfMade = false;
  for (const c of CONVERTERS) {
    const missing = c.needs.filter((t) => !tools.has(t));
    if (missing.length > 0) {
      log(`\nskipping ${c.id}: ${missing.join(', ')} not available${previous ? ' (keeping its previous outputs)' : ''}`);
      continue;
    }
    const dir = join(OUT, c.id);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = Date.now();
    const inputs = sources[c.from];
    if (c.id === 'libreoffice-txt') libreofficeTxt(inputs, dir);
    else if (c.id.startsWith('libreoffice-pdf')) {
      if (!pdfMade) { libreofficePdf(inputs, pdfDir); pdfMade = true; }
      for (const f of inputs) {
        const name = f.slice(src.length + 1).replace(/\.docx$/, '');
        pdftotext(join(pdfDir, `${name}.pdf`), join(dir, `${name}.${c.ext}`), c.id.endsWith('-layout'));
      }
    } else if (c.id === 'chromium-innertext') await chromiumInnerText(inputs, dir);
    else {
      const to = c.id.slice(c.id.lastIndexOf('-') + 1);
      for (const f of inputs) {
        const name = f.slice(src.length + 1).replace(/\.(docx|html)$/, '');
        pandoc(c.from, to, f, join(dir, `${name}.${c.ext}`));
      }
    }
    ran.add(c.id);
    log(`${c.id}: ${inputs.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // The published documents the reader tests use: clean .docx, .html and LibreOffice's .pdf.
  const published = join(OUT, 'published');
  // Rebuilt only with its PDFs (a run without LibreOffice or pdftotext keeps the previous ones).
  if (pdfMade || !existsSync(published)) {
    rmSync(published, { recursive: true, force: true });
    mkdirSync(published, { recursive: true });
    for (const name of PUBLISHED) {
      if (keeps(name, 'docx')) copyFileSync(join(src, `${name}.clean.docx`), join(published, `${name}.docx`));
      if (keeps(name, 'html')) copyFileSync(join(src, `${name}.clean.html`), join(published, `${name}.html`));
      if (pdfMade && keeps(name, 'pdf')) copyFileSync(join(pdfDir, `${name}.clean.pdf`), join(published, `${name}.pdf`));
    }
  } else log('published/: kept as it was (no PDF was made in this run)');

  // The manifest: every output, with where its planted number is.
  const files: CorpusEntry[] = [];
  const converters: ConverterInfo[] = [];
  for (const c of CONVERTERS) {
    if (!ran.has(c.id)) {
      const old = previous?.converters.find((x) => x.id === c.id);
      if (old) converters.push(old);
      files.push(...(previous?.files.filter((f) => f.converter === c.id) ?? []));
      continue;
    }
    const tool = toolLabel(c);
    converters.push({ id: c.id, from: c.from, ext: c.ext, command: c.command, tool, description: c.description });
    for (const d of docs) {
      const cleanFile = join(OUT, c.id, `${d.name}.clean.${c.ext}`);
      const plantedFile = join(OUT, c.id, `${d.name}.planted.${c.ext}`);
      const cleanText = readText(cleanFile);
      const plantedText = readText(plantedFile);
      const at = locate(cleanText, plantedText, d.fault);
      const absent = cleanText === plantedText;
      if (absent) log(`note: ${relative(OUT, plantedFile)} is identical to the clean output: ${c.id} left the planted number out`);
      else if (!at) log(`warning: ${relative(OUT, plantedFile)}: the planted number could not be located by a diff with the clean output`);
      // Only the clean source documents are kept (published/).
      const sourceFile = keeps(d.name, c.from) ? `published/${d.name}.${c.from}` : null;
      const common = { document: d.name, seed: d.seed, variant: d.variant, converter: c.id, from: c.from, tool };
      const command = (fault: string) => c.command.replace(/NAME/g, `${d.name}.${fault}`);
      files.push({ file: relative(OUT, cleanFile), ...common, sourceFile, command: command('clean'), fault: 'clean', planted: null, table3Lines: table3Lines(cleanText) });
      files.push({ file: relative(OUT, plantedFile), ...common, sourceFile: null, command: command('planted'), fault: 'planted', planted: { ...d.fault, at, ...(absent ? { absent } : {}) }, table3Lines: table3Lines(plantedText) });
    }
  }
  const manifest: CorpusManifest = {
    description: 'Accuracy corpus of issue 12 §7, made by `npm run corpus` (scripts/corpus/). Each file: one seed report (or a variant of it with varied numbers), written as .docx or .html and converted by a real tool, clean or with one planted fault in 表三 （七）总计.',
    // A skipped tool's version stays as the previous run recorded it: its outputs are the previous run's.
    tools: Object.fromEntries(
      [...TOOLS.map((t) => t.id), 'playwright-core']
        .map((id) => [id, toolVersions[id] ?? previous?.tools[id]])
        .filter((e): e is [string, string] => e[1] !== undefined),
    ),
    converters,
    documents: docs.map((d) => ({ name: d.name, seed: d.seed, variant: d.variant, planted: d.fault })),
    files,
  };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  // converter × file
  log('\nconverter × document (c = clean, p = planted, - = missing)');
  const width = Math.max(...CONVERTERS.map((c) => c.id.length));
  log(`${''.padEnd(width)}  ${docs.map((d) => d.name.replace('seed', '').padEnd(6)).join(' ')}`);
  for (const c of CONVERTERS) {
    const cells = docs.map((d) => {
      const has = (f: string) => files.some((e) => e.converter === c.id && e.document === d.name && e.fault === f);
      return `${has('clean') ? 'c' : '-'}${has('planted') ? 'p' : '-'}`.padEnd(6);
    });
    log(`${c.id.padEnd(width)}  ${cells.join(' ')}`);
  }
  const total = dirSize(OUT);
  const pub = dirSize(published);
  log(`\n${relative(ROOT, OUT)}: ${total.files} files, ${(total.bytes / 1024).toFixed(0)} KiB (published/: ${pub.files} files, ${(pub.bytes / 1024).toFixed(0)} KiB)`);
}

interface Judged { readonly entry: CorpusEntry; readonly outcome: Outcome }

function judge(): Judged[] {
  const manifest = loadManifest(ROOT);
  return manifest.files.map((entry) => ({ entry, outcome: evaluate(entry, readText(join(OUT, entry.file))) }));
}

/** converter × outcome, as the Markdown table of test/corpus/README.md. */
function outcomeTable(judged: Judged[]): string {
  const manifest = loadManifest(ROOT);
  const rows = [
    '| converter (output) | clean: no Error | planted: found on its cell | …of which with other Errors too | planted: 表三 declared partly read / unreadable | planted: missed |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of manifest.converters) {
    const of = (fault: string) => judged.filter((j) => j.entry.converter === c.id && j.entry.fault === fault);
    const clean = of('clean');
    const planted = of('planted');
    const n = (xs: Judged[], k: string) => xs.filter((j) => j.outcome.kind === k).length;
    const noisy = planted.filter((j) => j.outcome.errorsElsewhere > 0).length;
    rows.push(`| ${c.id} | ${n(clean, 'clean-ok')}/${clean.length} | ${n(planted, 'found')}/${planted.length} | ${noisy} | ${n(planted, 'declared')}/${planted.length} | ${n(planted, 'missed')}/${planted.length} |`);
  }
  const noisyAll = judged.filter((j) => j.outcome.errorsElsewhere > 0).length;
  const all = (k: string, f: string) => judged.filter((j) => j.entry.fault === f && j.outcome.kind === k).length;
  const cleanN = judged.filter((j) => j.entry.fault === 'clean').length;
  const plantedN = judged.length - cleanN;
  rows.push(`| **all** | ${all('clean-ok', 'clean')}/${cleanN} | ${all('found', 'planted')}/${plantedN} | ${noisyAll} | ${all('declared', 'planted')}/${plantedN} | ${all('missed', 'planted')}/${plantedN} |`);
  return rows.join('\n');
}

const BEGIN = '// BEGIN KNOWN_FAILING (generated by `node scripts/corpus.mjs --outcomes --write-known-failing`)';
const END = '// END KNOWN_FAILING';

function knownFailingBlock(judged: Judged[]): string {
  const lines = judged.filter((j) => !j.outcome.ok).map((j) => `  ${JSON.stringify(j.entry.file)}: ${JSON.stringify(j.outcome.detail)},`);
  return `${BEGIN}\nexport const KNOWN_FAILING: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};\n${END}`;
}

function outcomes(write: boolean): void {
  const judged = judge();
  log('\nconverter × outcome with today\'s engine:\n');
  log(outcomeTable(judged));
  const failing = judged.filter((j) => !j.outcome.ok);
  log(`\n${failing.length} of ${judged.length} files fail today.`);
  if (write) {
    const test = readFileSync(TEST_FILE, 'utf8');
    const from = test.indexOf(BEGIN);
    const to = test.indexOf(END);
    if (from < 0 || to < 0) throw new Error(`${TEST_FILE}: no KNOWN_FAILING markers`);
    writeFileSync(TEST_FILE, test.slice(0, from) + knownFailingBlock(judged) + test.slice(to + END.length));
    log(`KNOWN_FAILING rewritten in ${relative(ROOT, TEST_FILE)} (${failing.length} entries)`);
  }
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--outcomes')) await generate(!args.has('--no-install'));
  outcomes(args.has('--write-known-failing'));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
