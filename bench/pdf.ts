// Per-file time of the PDF reader against `pdftotext -layout` (poppler), on the report PDFs of ../shared/reports/pdf.
//   node scripts/build.mjs --bench && node out/bench/pdf.js [--runs 20] [file.pdf …]
//
// pdftotext: each call spawns the process, as a user runs it (wall time from spawn to exit, output to /dev/null).
// readPdf, cold: the first call in a fresh Node process, pdf.js and the CMaps loaded by that call (time inside the
//   process; the process's own start, the same for any Node tool, is printed beside it).
// readPdf, warm: the mean of `runs` calls in one process, after one call that loads pdf.js.
// Wall times on a shared machine drift: the table gives the mean and the fastest call of each, and, where /proc
// is there (Linux), the CPU time each call took: pdftotext's from the children's times of this process
// (cutime + cstime), readPdf's from the main thread's own (/proc/self/task/<pid>/stat), which another process
// on the same cores does not inflate the way it inflates wall time.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readPdf } from '../server/src/readers/pdf';

const ROOT = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const given = args.filter((a, i) => a.endsWith('.pdf') && args[i - 1] !== '--runs');
const DEFAULT_DIR = join(ROOT, '..', 'shared', 'reports', 'pdf');
const FILES = given.length > 0 ? given : ['huaian_2024.pdf', 'seed000.pdf', 'seed002.pdf', 'seed003.pdf'].map((f) => join(DEFAULT_DIR, f));

/** `--cold <file>`: this process only reads one file once and prints how long that took. */
async function coldChild(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const report = await readPdf(bytes);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, uptime: process.uptime() * 1000, chars: report.text.length }));
}

interface Stats {
  mean: number;
  min: number;
  /** CPU ms per call, when /proc tells. */
  cpu: number | undefined;
}

function stats(times: readonly number[], cpu: number | undefined): Stats {
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, min: Math.min(...times), cpu };
}

/** Fields 14–17 of a /proc stat line (utime, stime, cutime, cstime), in ms; undefined off Linux. */
function procTimes(path: string): { self: number; children: number } | undefined {
  try {
    const line = readFileSync(path, 'utf8');
    const f = line.slice(line.lastIndexOf(')') + 2).split(' ').map(Number);
    const tick = 10; // USER_HZ is 100 on Linux
    return { self: (f[11]! + f[12]!) * tick, children: (f[13]! + f[14]!) * tick };
  } catch {
    return undefined;
  }
}

const mainThread = (): string => `/proc/self/task/${process.pid}/stat`;

function pdftotext(file: string): Stats | undefined {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  const times: number[] = [];
  const before = procTimes('/proc/self/stat');
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    execFileSync('pdftotext', ['-layout', file, '/dev/null']);
    times.push(performance.now() - t0);
  }
  const after = procTimes('/proc/self/stat');
  return stats(times, before && after ? (after.children - before.children) / RUNS : undefined);
}

async function warm(file: string): Promise<Stats> {
  const bytes = new Uint8Array(readFileSync(file));
  await readPdf(bytes);
  const times: number[] = [];
  const before = procTimes(mainThread());
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await readPdf(bytes);
    times.push(performance.now() - t0);
  }
  const after = procTimes(mainThread());
  return stats(times, before && after ? (after.self - before.self) / RUNS : undefined);
}

function cold(file: string): { ms: number; processMs: number } {
  const out = execFileSync(process.execPath, [__filename, '--cold', file], { encoding: 'utf8' });
  const { ms, uptime } = JSON.parse(out) as { ms: number; uptime: number };
  return { ms, processMs: uptime };
}

async function main(): Promise<void> {
  const coldAt = args.indexOf('--cold');
  if (coldAt >= 0) return coldChild(args[coldAt + 1]!);
  const present = FILES.filter((f) => existsSync(f));
  for (const f of FILES) if (!existsSync(f)) process.stdout.write(`absent, skipped: ${f}\n`);
  const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  const version = poppler.error ? 'not installed' : (poppler.stderr || poppler.stdout).split('\n')[0];
  process.stdout.write(`PDF reader vs pdftotext -layout (${version}); node ${process.version}; ${RUNS} runs each\n\n`);
  process.stdout.write('| file | size | pdftotext -layout (spawn): wall mean / min, CPU | readPdf cold: first call (node process up to its end) | readPdf warm: wall mean / min, main-thread CPU | warm ÷ pdftotext (wall mean; CPU) |\n|---|---:|---:|---:|---:|---:|\n');
  for (const f of present) {
    const size = readFileSync(f).length;
    const p = pdftotext(f);
    const c = cold(f);
    const w = await warm(f);
    const cpu = (s: Stats): string => (s.cpu === undefined ? '' : `, ${s.cpu.toFixed(1)} ms`);
    const ratio = p ? `${(w.mean / p.mean).toFixed(2)}${p.cpu && w.cpu !== undefined ? `; ${(w.cpu / p.cpu).toFixed(2)}` : ''}` : '–';
    process.stdout.write(
      `| ${basename(f)} | ${(size / 1024).toFixed(0)} KB | ${p ? `${p.mean.toFixed(1)} / ${p.min.toFixed(1)} ms${cpu(p)}` : 'n/a'} | ${c.ms.toFixed(0)} ms (${c.processMs.toFixed(0)} ms) | ${w.mean.toFixed(1)} / ${w.min.toFixed(1)} ms${cpu(w)} | ${ratio} |\n`,
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
