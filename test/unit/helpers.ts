// Shared helpers for the unit tests: fixtures, text mutations, and range lookups.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, type TestContext } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { check, parse, type CheckOptions } from '../../server/src/report';

/** Repository root: tests run bundled from out/test/. */
export const ROOT = resolve(__dirname, '..', '..');

export function fixture(rel: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', rel), 'utf8');
}

/** A fresh folder under the system temp dir, removed when the test file's tests have run (the 10,000-file
 *  workspace alone is 87 MB: left behind, every `npm test` would fill /tmp). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const SEEDS = {
  tsv000: 'reports/seeds/000_e38c355664a2a7a9.txt',
  tsv001: 'reports/seeds/001_8c5bb81dea3251c9.txt',
  cellPerLine002: 'reports/seeds/002_96dc5378fca52781.txt',
  tsvShifted003: 'reports/seeds/003_c46d339f0c296ee1.txt',
  tsvShifted004: 'reports/seeds/004_fb0d1b8bf8cb534b.txt',
} as const;

/** Seed reports with one fault planted by the project (see test/fixtures/reports/README.md). */
export const PLANTED = {
  totalNaturalPerson26: 'reports/planted/001_total_natural_person_26.txt',
} as const;

/**
 * Reports taken from public repositories live only in ../shared/reports, beside the repository (CI always has it),
 * never in the repository itself. Paths below are relative to that folder.
 */
export const SHARED_REPORTS = join(ROOT, '..', 'shared', 'reports');

export const REAL = {
  pdftotext008: 'real/008_huaian_2024_pdftotext.txt',
  shanghai2019: 'real/009_shanghai_bgt_2019_oldformat.txt',
  pingtan2020: 'real/002_pingtan_2020_oldformat.txt',
  pingtan2021: 'real/003_pingtan_2021.txt',
  pingtan2022: 'real/004_pingtan_2022.txt',
  pingtan2023: 'real/005_pingtan_2023.txt',
  suqianSideBySide: 'real/010_suqian_2023_vs_2024_compare_pdftotext.txt',
  derivedPingtan2020: 'derived/D002_pingtan_2020_tables.tsv.txt',
} as const;

/** A file of ../shared/reports as text, or undefined when it is absent. */
export function sharedReport(rel: string): string | undefined {
  const path = join(SHARED_REPORTS, rel);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The texts of these files of ../shared/reports, or, when any is absent, undefined after marking the test skipped
 * with the names of the absent files (the caller returns).
 */
export function needShared(t: TestContext, ...rels: string[]): string[] | undefined {
  const missing = rels.filter((r) => !existsSync(join(SHARED_REPORTS, r)));
  if (missing.length > 0) {
    t.skip(`absent from ${SHARED_REPORTS}: ${missing.join(', ')}`);
    return undefined;
  }
  return rels.map((r) => readFileSync(join(SHARED_REPORTS, r), 'utf8'));
}

/** Our diagnostics always carry plain-string messages. */
export type Diag = Diagnostic & { message: string };

export function diagnose(text: string, options: CheckOptions = {}): Diag[] {
  return check(parse(text), options) as Diag[];
}

export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => String(d.code));
}

export function errors(diags: readonly Diag[]): Diag[] {
  return diags.filter((d) => d.severity === 1);
}

/** Replaces the first occurrence of `from` on the first line containing `lineNeedle` (exactly one such line must exist). */
export function editLine(text: string, lineNeedle: string | RegExp, from: string | RegExp, to: string): string {
  const lines = text.split('\n');
  const idx = lines.findIndex((l) => (typeof lineNeedle === 'string' ? l.includes(lineNeedle) : lineNeedle.test(l)));
  if (idx < 0) throw new Error(`no line matches ${String(lineNeedle)}`);
  const before = lines[idx]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit did not apply on line ${idx}: ${before}`);
  lines[idx] = after;
  return lines.join('\n');
}

export function removeLines(text: string, predicate: (line: string, index: number) => boolean): string {
  return text.split('\n').filter((l, i) => !predicate(l, i)).join('\n');
}

/** The 0-based line index of the first line containing `needle`. */
export function lineOf(text: string, needle: string | RegExp, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (typeof needle === 'string' ? lines[i]!.includes(needle) : needle.test(lines[i]!)) return i;
  throw new Error(`no line matches ${String(needle)}`);
}

/** Range of the n-th tab-separated cell (0-based, counting empty cells) on a line. */
export function tsvCellRange(text: string, line: number, cell: number): Range {
  const l = text.split('\n')[line]!;
  const parts = l.split('\t');
  let start = 0;
  for (let i = 0; i < cell; i++) start += parts[i]!.length + 1;
  return { start: { line, character: start }, end: { line, character: start + parts[cell]!.length } };
}

/** Range of the n-th occurrence (0-based) of `token` on a line. */
export function tokenRange(text: string, line: number, token: string, occurrence = 0): Range {
  const l = text.split('\n')[line]!;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = l.indexOf(token, at + 1);
    if (at < 0) throw new Error(`token ${token} #${occurrence} not on line ${line}: ${l}`);
  }
  return { start: { line, character: at }, end: { line, character: at + token.length } };
}

/** Converts every tab-separated line into a Markdown pipe row, adding a |---| rule after each table's first row. */
export function toMarkdownPipes(text: string): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      out.push(`| ${cells.join(' | ')} |`);
      if (!inTable) out.push(`|${cells.map(() => '---').join('|')}|`);
      inTable = true;
    } else {
      inTable = false;
      out.push(line);
    }
  }
  return out.join('\n');
}

export function find(diags: readonly Diag[], code: string): Diag[] {
  return diags.filter((d) => d.code === code);
}

/**
 * Two consecutive years of one unit made from seed 001 (龙亭区人民政府办公室 2023): 2022 carries 1 application
 * forward (自然人), 2023 carries it over; 行政规范性文件 in force 3 (2022), then 3 + 1 − 0 = 4. Both balance.
 */
export function seedPair(): { last: string; now: string } {
  const seed = fixture(SEEDS.tsv001);
  let last = seed.replace(/2023/g, '2022');
  last = editLine(last, '一、本年新收', /\t27\t0\t0\t0\t0\t0\t27/, '\t28\t0\t0\t0\t0\t0\t28');
  last = editLine(last, '四、结转下年度', /\t0\t0\t0\t0\t0\t0\t0/, '\t1\t0\t0\t0\t0\t0\t1');
  last = editLine(last, /^行政规范性文件\t/, /\t1\t0\t4$/, '\t1\t0\t3');
  const now = editLine(editLine(seed, '二、上年结转', /\t0\t0\t0\t0\t0\t0\t0/, '\t1\t0\t0\t0\t0\t0\t1'), '四、结转下年度', /\t0\t0\t0\t0\t0\t0\t0/, '\t1\t0\t0\t0\t0\t0\t1');
  return { last, now };
}
