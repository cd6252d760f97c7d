// The readers of published files, measured: per file, each reader on the real files of ../shared/reports (html,
// docx, pdf), against `pdftotext -layout` for the PDFs; and the CLI over a folder of 1,000 published files (web
// pages, .docx and PDFs copied from test/corpus/published), with the same folder's PDFs through
// `pdftotext -layout`, one process after another and two at a time (the machine's cores).
//   npm run bench:readers [-- --runs N] [--quick]
// Puts its section into bench/results.md (between its readers markers) and prints it; the full `npm run bench`
// runs this too. Installs poppler-utils (pdftotext) with apt-get when it is missing and this is
// root; without it the comparison is left out, saying so.
//
// Times: wall clock, and CPU where /proc tells (Linux): a child process's CPU from this process's children times
// (cutime + cstime, once the child has been waited for), the readers' own from this thread's times
// (/proc/self/task/<pid>/stat). The machine is shared and drifts: the runs of each command are taken round-robin
// and the fastest is kept.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { readPublished } from '../server/src/readers';

const ROOT = resolve(__dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'reports');
const CORPUS = join(ROOT, 'test', 'corpus', 'published');
const CLI = join(ROOT, 'dist', 'cli.js');
/** This benchmark's own bundle (bench.js bundles this module too: the cold reads and main() are this file's). */
const SELF = join(ROOT, 'out', 'bench', 'readers.js');

interface Options {
  readonly runs: number;
  readonly mixedFiles: number;
  readonly folderRuns: number;
}

// ------------------------------------------------------------------------------------------------------------
// Timing helpers

/** utime+stime and cutime+cstime of a /proc stat file, ms; undefined off Linux. */
function procTimes(path: string): { self: number; children: number } | undefined {
  try {
    const line = readFileSync(path, 'utf8');
    const f = line.slice(line.lastIndexOf(')') + 2).split(' ').map(Number);
    return { self: (f[11]! + f[12]!) * 10, children: (f[13]! + f[14]!) * 10 };
  } catch {
    return undefined;
  }
}

const thread = (): string => `/proc/self/task/${process.pid}/stat`;

interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

/** Runs `cmd args` to its end (output discarded), its wall time and the CPU it and its threads took. */
function timeChild(cmd: string, args: readonly string[]): Promise<Timed & { code: number | null }> {
  return new Promise((done, fail) => {
    const before = procTimes('/proc/self/stat');
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', fail);
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      const after = procTimes('/proc/self/stat');
      done({ wallMs, cpuMs: before && after ? after.children - before.children : undefined, code });
    });
  });
}

/**
 * `pdftotext -layout` over `files`, `parallel` processes at a time, each file its own process, started by
 * `xargs -P` as a shell would: spawning each from this process costs more than pdftotext's own start (Node forks a
 * larger process), which would flatter our figure against it.
 */
function pdftotextOver(files: readonly string[], parallel: number): Promise<Timed> {
  return new Promise((done, fail) => {
    const before = procTimes('/proc/self/stat');
    const t0 = performance.now();
    const child = spawn('xargs', ['-0', '-P', String(parallel), '-I{}', 'pdftotext', '-layout', '{}', '/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', fail);
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      const after = procTimes('/proc/self/stat');
      if (code !== 0) fail(new Error(`xargs pdftotext exited with ${code}`));
      else done({ wallMs, cpuMs: before && after ? after.children - before.children : undefined });
    });
    child.stdin.end(files.join('\0'));
  });
}

function best(list: readonly Timed[]): Timed {
  return list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

/** pdftotext's version line, after installing poppler-utils where it is missing and that is possible. */
function pdftotextVersion(): string | undefined {
  const probe = (): string | undefined => {
    const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
    return r.error ? undefined : (r.stderr || r.stdout).split('\n')[0];
  };
  const found = probe();
  if (found || process.getuid?.() !== 0) return found;
  process.stdout.write('pdftotext is missing: apt-get install -y poppler-utils…\n');
  spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'poppler-utils'], { stdio: 'ignore' });
  return probe();
}

// ------------------------------------------------------------------------------------------------------------
// Per file, in this process

interface FileFigures {
  readonly file: string;
  readonly format: string;
  readonly bytes: number;
  readonly chars: number;
  /** The first read in a fresh Node process. */
  readonly coldMs: number;
  readonly warm: { mean: number; min: number; cpu: number | undefined };
  readonly pdftotext?: { mean: number; min: number; cpu: number | undefined };
}

/** `--cold <file>`: this process reads one file once and prints how long that took. */
async function coldChild(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  await readPublished(bytes);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }));
}

async function perFile(file: string, runs: number, poppler: boolean): Promise<FileFigures> {
  const bytes = new Uint8Array(readFileSync(file));
  const cold = JSON.parse(execFileSync(process.execPath, [SELF, '--cold', file], { encoding: 'utf8' })) as { ms: number };
  const first = await readPublished(bytes);
  const times: number[] = [];
  const before = procTimes(thread());
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await readPublished(bytes);
    times.push(performance.now() - t0);
  }
  const after = procTimes(thread());
  const warm = { mean: times.reduce((a, b) => a + b, 0) / runs, min: Math.min(...times), cpu: before && after ? (after.self - before.self) / runs : undefined };
  let pdftotext: FileFigures['pdftotext'];
  if (poppler && first.format === 'pdf') {
    const p: number[] = [];
    const b = procTimes('/proc/self/stat');
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      execFileSync('pdftotext', ['-layout', file, '/dev/null']);
      p.push(performance.now() - t0);
    }
    const a = procTimes('/proc/self/stat');
    pdftotext = { mean: p.reduce((x, y) => x + y, 0) / runs, min: Math.min(...p), cpu: b && a ? (a.children - b.children) / runs : undefined };
  }
  return { file, format: first.format, bytes: bytes.length, chars: first.text.length, coldMs: cold.ms, warm, ...(pdftotext ? { pdftotext } : {}) };
}

// ------------------------------------------------------------------------------------------------------------
// The 1,000-file folder

/** Copies of the corpus's published files, round-robin, into a fresh folder; and folders of each format alone. */
function makeFolders(count: number): { root: string; mixed: string; byFormat: Record<string, string>; pdfs: string[] } {
  const root = join(tmpdir(), `gov-report-bench-published-${count}`);
  rmSync(root, { recursive: true, force: true });
  const sources = readdirSync(CORPUS).filter((f) => /\.(?:html|docx|pdf)$/.test(f)).sort();
  const mixed = join(root, 'mixed');
  const byFormat: Record<string, string> = {};
  mkdirSync(mixed, { recursive: true });
  const pdfs: string[] = [];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    const ext = src.slice(src.lastIndexOf('.') + 1);
    const name = `${String(i).padStart(4, '0')}-${src}`;
    copyFileSync(join(CORPUS, src), join(mixed, name));
    byFormat[ext] ??= join(root, ext);
    mkdirSync(byFormat[ext]!, { recursive: true });
    copyFileSync(join(CORPUS, src), join(byFormat[ext]!, name));
    if (ext === 'pdf') pdfs.push(join(byFormat[ext]!, name));
  }
  return { root, mixed, byFormat, pdfs };
}

interface FolderFigures {
  readonly what: string;
  readonly files: number;
  readonly best: Timed;
}

// ------------------------------------------------------------------------------------------------------------

function fmt(ms: number | undefined, digits = 1): string {
  return ms === undefined ? '–' : ms.toFixed(digits);
}

export async function readersBench(options: Options): Promise<string> {
  const poppler = pdftotextVersion();
  const lines: string[] = [];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  lines.push('## Readers of published files (web pages, Word, PDF)', '');
  lines.push(`Machine: ${cpu}, ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} at the start: other work shares the cores, and the wall times with it); Node ${process.version}; pdftotext: ${poppler ?? 'not installed (comparison left out)'}; ${new Date().toISOString().slice(0, 10)}. \`npm run bench:readers\` (bench/readers.ts).`, '');

  // Per file
  const real = ['html', 'docx', 'pdf'].flatMap((dir) => (existsSync(join(SHARED, dir)) ? readdirSync(join(SHARED, dir)).sort().map((f) => join(SHARED, dir, f)) : []));
  lines.push(`### Per file: readPublished in one thread (${options.runs} warm runs each)`, '');
  if (real.length === 0) lines.push(`(${SHARED} is absent: no real files to read.)`, '');
  else {
    lines.push('Cold: the first read in a fresh Node process. Warm: later reads in the same process (as a reader thread reads its second file on). These PDFs are read by the direct reader (pdfDirect.ts); pdf.js is loaded only for a file it leaves. pdftotext: one `pdftotext -layout file /dev/null` process per call, spawned from this process, spawn to exit (Node\'s fork adds to it: the folder figures below start pdftotext with xargs).', '');
    lines.push('| file | format | size KB | text chars | cold ms | warm ms mean / min | warm CPU ms | pdftotext -layout ms mean / min | pdftotext CPU ms | warm ÷ pdftotext (wall; CPU) |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const f of real) {
      const r = await perFile(f, options.runs, poppler !== undefined);
      process.stdout.write(`  ${basename(f)}: warm ${r.warm.mean.toFixed(1)} ms${r.pdftotext ? `, pdftotext ${r.pdftotext.mean.toFixed(1)} ms` : ''}\n`);
      const p = r.pdftotext;
      const ratio = p ? `${(r.warm.mean / p.mean).toFixed(2)}; ${p.cpu && r.warm.cpu !== undefined ? (r.warm.cpu / p.cpu).toFixed(2) : '–'}` : '';
      lines.push(`| ${basename(f)} | ${r.format} | ${(r.bytes / 1024).toFixed(0)} | ${r.chars} | ${r.coldMs.toFixed(0)} | ${r.warm.mean.toFixed(1)} / ${r.warm.min.toFixed(1)} | ${fmt(r.warm.cpu)} | ${p ? `${p.mean.toFixed(1)} / ${p.min.toFixed(1)}` : ''} | ${p ? fmt(p.cpu) : ''} | ${ratio} |`);
    }
    lines.push('');
  }

  // The folder
  const folders = makeFolders(options.mixedFiles);
  const counts = Object.fromEntries(Object.entries(folders.byFormat).map(([ext, dir]) => [ext, readdirSync(dir).length]));
  process.stdout.write(`folder of ${options.mixedFiles}: ${JSON.stringify(counts)}\n`);
  const commands: { what: string; files: number; run: () => Promise<Timed> }[] = [
    { what: `ours: \`check --format json\` over the mixed folder`, files: options.mixedFiles, run: () => timeChild(process.execPath, [CLI, 'check', '--format', 'json', folders.mixed]) },
    ...Object.entries(folders.byFormat).map(([ext, dir]) => ({ what: `ours: \`check --format json\` over its ${ext} files only`, files: counts[ext]!, run: () => timeChild(process.execPath, [CLI, 'check', '--format', 'json', dir]) })),
    ...(poppler ? [
      { what: '`pdftotext -layout` over its PDFs, one process at a time', files: folders.pdfs.length, run: () => pdftotextOver(folders.pdfs, 1) },
      { what: `\`pdftotext -layout\` over its PDFs, ${cpus().length} processes at a time`, files: folders.pdfs.length, run: () => pdftotextOver(folders.pdfs, cpus().length) },
    ] : []),
  ];
  const results = new Map<string, Timed[]>();
  for (let run = 0; run < options.folderRuns; run++) {
    for (const c of commands) {
      const t = await c.run();
      results.set(c.what, [...(results.get(c.what) ?? []), t]);
      process.stdout.write(`  run ${run + 1}: ${c.what}: ${(t.wallMs / 1000).toFixed(2)} s\n`);
    }
  }
  const figures: FolderFigures[] = commands.map((c) => ({ what: c.what, files: c.files, best: best(results.get(c.what)!) }));
  lines.push(`### ${options.mixedFiles} published files checked by the CLI, and their PDFs through pdftotext -layout`, '');
  lines.push(`The folder: ${options.mixedFiles} copies of test/corpus/published (${Object.entries(counts).map(([ext, n]) => `${n} ${ext}`).join(', ')}), in ${folders.root}. Fastest of ${options.folderRuns} runs each, round-robin. Our CLI reads and checks published files on one reader thread per core; its times include starting Node and the threads. pdftotext: one process per file, started by \`xargs -0 -P\`. CPU: all the process's threads, or all the pdftotext processes.`, '');
  lines.push('| command | files | wall s | ms per file (wall) | CPU s | CPU ms per file |', '|---|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    lines.push(`| ${f.what} | ${f.files} | ${(f.best.wallMs / 1000).toFixed(2)} | ${(f.best.wallMs / f.files).toFixed(1)} | ${f.best.cpuMs === undefined ? '–' : (f.best.cpuMs / 1000).toFixed(2)} | ${f.best.cpuMs === undefined ? '–' : (f.best.cpuMs / f.files).toFixed(1)} |`);
  }
  lines.push('');
  const ourPdf = figures.find((f) => f.what.includes('its pdf files only'));
  const popplerPar = figures.find((f) => f.what.includes('processes at a time'));
  const popplerSeq = figures.find((f) => f.what.includes('one process at a time'));
  if (ourPdf && popplerPar && popplerSeq) {
    const perOurs = ourPdf.best.wallMs / ourPdf.files;
    const perPar = popplerPar.best.wallMs / popplerPar.files;
    const perSeq = popplerSeq.best.wallMs / popplerSeq.files;
    const cpuOurs = ourPdf.best.cpuMs !== undefined ? ourPdf.best.cpuMs / ourPdf.files : undefined;
    const cpuPop = popplerPar.best.cpuMs !== undefined ? popplerPar.best.cpuMs / popplerPar.files : undefined;
    const ok = perOurs <= perPar;
    lines.push(`- The PDF path (read, lay out, check, place every problem) per file: **${perOurs.toFixed(1)} ms** wall against \`pdftotext -layout\` (text only) ${perPar.toFixed(1)} ms with as many processes as cores and ${perSeq.toFixed(1)} ms one at a time: ${ok ? '✓ at least as fast' : `✗ slower, ${(perOurs / perPar).toFixed(2)}× pdftotext's time on the same cores`} (target: at least as fast per file).`);
    if (cpuOurs !== undefined && cpuPop !== undefined) lines.push(`- CPU per file: ours ${cpuOurs.toFixed(1)} ms, pdftotext ${cpuPop.toFixed(1)} ms (${(cpuOurs / cpuPop).toFixed(2)}×).`);
    lines.push('');
  }
  rmSync(folders.root, { recursive: true, force: true });
  return lines.join('\n');
}

const BEGIN = '<!-- readers:begin -->';
const END = '<!-- readers:end -->';

/** The readers' section inside results.md, between markers (replaced, or added at the end). */
export function withReadersSection(results: string, section: string): string {
  const block = `${BEGIN}\n${section.trimEnd()}\n${END}\n`;
  const a = results.indexOf(BEGIN);
  const b = results.indexOf(END);
  if (a >= 0 && b > a) return results.slice(0, a) + block + results.slice(b + END.length).replace(/^\n/, '');
  return `${results.trimEnd()}\n\n${block}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const coldAt = args.indexOf('--cold');
  if (coldAt >= 0) return coldChild(args[coldAt + 1]!);
  const quick = args.includes('--quick');
  const runsAt = args.indexOf('--runs');
  const options: Options = { runs: runsAt >= 0 ? Number(args[runsAt + 1]) : quick ? 3 : 10, mixedFiles: 1000, folderRuns: quick ? 1 : 3 };
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run bench:readers does)`);
  const section = await readersBench(options);
  const resultsPath = join(ROOT, 'bench/results.md');
  writeFileSync(resultsPath, withReadersSection(existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n', section));
  process.stdout.write(`\n${section}\n`);
}

if (require.main === module && basename(__filename) === 'readers.js') {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
