// Reproducible benchmark corpus: 10,000 reports made from the seed reports with varied numbers (tables that
// balance, as real ones mostly do) and some injected errors, plus single documents of 10 KB, 100 KB and 1 MB.
// Deterministic: the same seed gives byte-identical files.

import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Cell } from '../server/src/report';

export const CORPUS_SEED = 20261121;

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESULT_ROWS = [
  'granted', 'partlyGranted', 'denied.stateSecret', 'denied.prohibitedByLaw', 'denied.threeSecurities', 'denied.thirdParty',
  'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementFile', 'denied.queryMatter', 'unavailable.notHeld',
  'unavailable.needsCreation', 'unavailable.unclear', 'notHandled.petition', 'notHandled.repeated', 'notHandled.publications',
  'notHandled.massRepeated', 'notHandled.confirmation', 'otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other',
];
const COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

/** One report: the seed's text with every table number regenerated; ~8% get one wrong number. */
export function varyReport(seedText: string, rand: () => number): { text: string; injected: boolean } {
  const model = parse(seedText);
  const edits = new Map<Cell, number>();
  const small = (p: number, max: number) => (rand() < p ? Math.floor(rand() * max) : 0);
  const t3 = model.tables.applications;
  if (t3) {
    const totals: Record<string, number> = {};
    for (const c of COLS) {
      let sum = 0;
      for (const id of RESULT_ROWS) {
        const v = c === 'naturalPerson' ? small(0.35, 40) : small(0.05, 5);
        const cell = t3.rows.get(id)?.cells[c];
        if (cell) edits.set(cell, v);
        sum += v;
      }
      const carried = small(0.3, 6);
      const forward = small(0.3, 6);
      const received = Math.max(0, sum + forward - carried);
      const fixForward = received - sum + carried; // keep 一 + 二 = （七） + 四 even when clamped
      const set = (row: string, v: number) => {
        const cell = t3.rows.get(row)?.cells[c];
        if (cell) edits.set(cell, v);
      };
      set('total', sum);
      set('carriedOver', carried);
      set('carriedForward', fixForward);
      set('newReceived', received);
      totals[c] = sum;
    }
    for (const row of t3.rows.values()) {
      let rowSum = 0;
      for (const c of COLS) rowSum += edits.get(row.cells[c]) ?? 0;
      edits.set(row.cells.total, rowSum);
    }
  }
  const t2 = model.tables.activeDisclosure;
  if (t2) for (const row of t2.rows.values()) for (const cell of Object.values(row.cells)) edits.set(cell, small(0.5, row.id === 'licensing' ? 20000 : 60));
  const t4 = model.tables.reviewsAndLawsuits;
  if (t4?.groups) {
    for (const g of t4.groups.values()) {
      const parts = [small(0.3, 5), small(0.1, 3), small(0.2, 4), small(0.2, 3)];
      [g.upheld, g.corrected, g.other, g.pending].forEach((cell, i) => edits.set(cell, parts[i]!));
      edits.set(g.total, parts.reduce((a, b) => a + b, 0));
    }
  }
  let injected = false;
  if (rand() < 0.08 && edits.size > 0) {
    const cells = [...edits.keys()];
    const victim = cells[Math.floor(rand() * cells.length)]!;
    edits.set(victim, edits.get(victim)! + 1);
    injected = true;
  }
  // Apply from the end so earlier spans stay valid; only cells that hold a number are rewritten.
  const ordered = [...edits.entries()].filter(([c]) => c.kind === 'number').sort((a, b) => b[0].span.start - a[0].span.start);
  let text = seedText;
  for (const [cell, v] of ordered) text = text.slice(0, cell.span.start) + String(v) + text.slice(cell.span.end);
  return { text, injected };
}

/** A report grown to `bytes` by repeating the prose of its part 一 (tables and other parts unchanged). */
export function growReport(seedText: string, bytes: number): string {
  const model = parse(seedText);
  const one = model.parts.find((p) => p.id === 1)!;
  // Paragraphs of part 一, cycled, then cut to size: the document grows like a long report does.
  const paragraphs = seedText.slice(one.body.start, one.body.end).split('\n').map((l) => l.trim()).filter((l) => l.length > 20);
  const size = (s: string) => Buffer.byteLength(s, 'utf8');
  const chunks: string[] = [];
  let total = size(seedText) + 2;
  for (let i = 0; total < bytes; i++) {
    let p = paragraphs[i % paragraphs.length]!;
    const room = bytes - total - 2;
    if (size(p) > room) p = p.slice(0, Math.max(0, Math.floor(room / 3)));
    if (p.length === 0) break;
    chunks.push(p);
    total += size(p) + 2;
  }
  return seedText.slice(0, one.body.end) + '\n\n' + chunks.join('\n\n') + seedText.slice(one.body.end);
}

export function generate(root: string, seedsDir: string, count = 10000): { files: number; bytes: number; injected: number } {
  const seeds = ['000_e38c355664a2a7a9.txt', '001_8c5bb81dea3251c9.txt', '002_96dc5378fca52781.txt', '003_c46d339f0c296ee1.txt', '004_fb0d1b8bf8cb534b.txt']
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const rand = prng(CORPUS_SEED);
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  let injected = 0;
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'reports', String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const r = varyReport(seeds[i % seeds.length]!, rand);
    if (r.injected) injected++;
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}_年度报告.txt`), r.text);
    bytes += Buffer.byteLength(r.text, 'utf8');
  }
  mkdirSync(join(root, 'single'), { recursive: true });
  for (const [name, size] of [['10KB', 10 * 1024], ['100KB', 100 * 1024], ['1MB', 1024 * 1024]] as const) {
    writeFileSync(join(root, 'single', `${name}.txt`), growReport(seeds[1]!, size));
  }
  return { files: count, bytes, injected };
}
