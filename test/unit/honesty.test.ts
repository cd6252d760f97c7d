// Issue 12 §8, the honesty property: changes to a report's layout that change no number — a label split over two
// lines, rows moved apart by blank or page-number lines, Markdown rule lines added or dropped, a header row
// repeated — never make the checker blame the report: no arithmetic Error and no missing row, whatever it could or
// could not read. Run over the seeds and the clean outputs of every converter of the accuracy corpus.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SEEDS, ROOT, diagnose, fixture } from './helpers';

export const BLAMING = new Set(['row-sum', 'column-total', 'balance', 'table-row-missing', 'cell-invalid']);

const HEADINGS = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、'];

/** The line indices that lie inside parts 二–四 (between 二's heading and 五's), where the tables are. */
function tableLines(lines: readonly string[]): number[] {
  const start = lines.findIndex((l) => l.trim().startsWith(HEADINGS[0]!));
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith(HEADINGS[3]!));
  if (start < 0 || end < 0) return [];
  const out: number[] = [];
  for (let i = start + 1; i < end; i++) if (lines[i]!.trim() !== '' && !HEADINGS.some((h) => lines[i]!.includes(h))) out.push(i);
  return out;
}

type Mutation =
  | { kind: 'split-label'; at: number; cut: number }
  | { kind: 'blank-lines'; at: number; count: number }
  | { kind: 'page-number'; at: number; page: number; style: number }
  | { kind: 'rule-line'; at: number }
  | { kind: 'drop-rule-lines' }
  | { kind: 'repeat-header'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('split-label' as const), at: fc.nat(), cut: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('blank-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('page-number' as const), at: fc.nat(), page: fc.integer({ min: 1, max: 40 }), style: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('rule-line' as const), at: fc.nat() }),
  fc.constant({ kind: 'drop-rule-lines' as const }),
  fc.record({ kind: fc.constant('repeat-header' as const), at: fc.nat() }),
);

/** The last label of a line: its text before the numbers (tab, pipe or space separated), and where it is. */
function lastLabel(line: string): { start: number; end: number } | undefined {
  const re = /[\u4e00-\u9fff（）()“”"、.．0-9]*[\u4e00-\u9fff][\u4e00-\u9fff（）()“”"、，,.．0-9]*/g;
  let found: { start: number; end: number } | undefined;
  for (let m = re.exec(line); m; m = re.exec(line)) if (m[0].length >= 4) found = { start: m.index, end: m.index + m[0].length };
  return found;
}

export function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const inTables = tableLines(lines);
  if (inTables.length === 0) return text;
  const i = inTables[('at' in m ? m.at : 0) % inTables.length]!;
  switch (m.kind) {
    case 'split-label': {
      // pdftotext wraps a long label: its head on a line of its own, the rest with the numbers.
      // Not inside HTML markup: text moved out of its <td> is no longer the table's.
      const label = lines[i]!.includes('<') ? undefined : lastLabel(lines[i]!);
      if (!label) return text;
      const cut = label.start + 1 + (m.cut % (label.end - label.start - 1));
      const line = lines[i]!;
      lines.splice(i, 1, line.slice(label.start, cut), line.slice(0, label.start) + line.slice(cut));
      break;
    }
    case 'blank-lines':
      lines.splice(i, 0, ...Array<string>(m.count).fill(''));
      break;
    case 'page-number':
      lines.splice(i, 0, [`-${m.page}-`, `— ${m.page} —`, `第 ${m.page} 页`, `\f`][m.style]!);
      break;
    case 'rule-line':
      if (lines[i]!.includes('|')) lines.splice(i + 1, 0, '|---|---|---|');
      break;
    case 'drop-rule-lines':
      return lines.filter((l) => !/^\s*\|?\s*:?-{3,}/.test(l)).join('\n');
    case 'repeat-header': {
      // A header row of the table (a line of labels only, near its start) repeated further down.
      const header = inTables.find((k) => /自然人|申请人情况|信息内容|结果维持/.test(lines[k]!) && !/\d/.test(lines[k]!));
      if (header === undefined) return text;
      lines.splice(i, 0, lines[header]!);
      break;
    }
  }
  return lines.join('\n');
}

function corpusCleanTexts(): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'test/corpus/manifest.json'), 'utf8')) as { files: { file: string; fault: string; document: string }[] };
    // One clean output per converter, of a seed variant with varied numbers (more of every rule's paths).
    const seen = new Set<string>();
    const texts: string[] = [];
    for (const f of manifest.files) {
      const converter = f.file.split('/')[0]!;
      if (f.fault !== 'clean' || !f.document.includes('-v') || seen.has(converter)) continue;
      seen.add(converter);
      texts.push(readFileSync(join(ROOT, 'test/corpus', f.file), 'utf8').replace(/^\uFEFF/, ''));
    }
    return texts;
  } catch {
    return [];
  }
}

export const BASES = [...Object.values(SEEDS).map(fixture), ...corpusCleanTexts()];

test('bases: none blames the report before any mutation', () => {
  assert.ok(BASES.length >= 10, `${BASES.length} bases`);
  for (const [i, text] of BASES.entries()) {
    assert.deepEqual(diagnose(text).filter((d) => BLAMING.has(String(d.code)) && d.severity === 1).map((d) => d.message), [], `base ${i}`);
  }
});

test('layout mutations that change no number never produce an arithmetic or missing-row Error', () => {
  fc.assert(
    fc.property(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), (which, ms) => {
      const text = ms.reduce(apply, BASES[which]!);
      const blamed = diagnose(text).filter((d) => BLAMING.has(String(d.code)) && d.severity === 1);
      assert.deepEqual(blamed.map((d) => `${d.code} L${d.range.start.line}: ${d.message}`), []);
    }),
    { numRuns: Number(process.env.HONESTY_RUNS ?? 400) },
  );
});
