// Property tests: parse never throws and every range lies inside the text, for random text and for random edits
// of the real reports (the inputs an editor sees while a clerk types or pastes).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { allCells, check, inspect, parse, schema, type ReportModel } from '../../server/src/report';
import { PART_WORD_CHARS } from '../../server/src/report/parts';
import { PLANTED, REAL, SEEDS, fixture, sharedReport } from './helpers';
import { headingLength, normalizeLabel } from '../../server/src/report/normalize';
import { APPLICANT_COLUMNS } from '../../server/src/report/schema';
import { isJsWhitespace } from '../../server/src/report/text';
import { PAGE_NUMBER, isPageChrome } from '../../server/src/report/cells';
import { MAX_PATTERNS, PATTERNS, findMatches } from '../../server/src/report/statements';

// The seeds, and where ../shared/reports is there, real reports in the layouts the seeds lack (pdftotext columns,
// a 2019 report with blank cells, flattened web text).
const REPORTS = [
  ...[SEEDS.tsv000, SEEDS.cellPerLine002, SEEDS.tsvShifted003, PLANTED.totalNaturalPerson26].map(fixture),
  ...[REAL.pdftotext008, REAL.shanghai2019, REAL.pingtan2020].map(sharedReport).filter((t): t is string => t !== undefined),
];

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(range: Range, lengths: readonly number[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} of ${lengths.length}`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line]!, `${what}: character ${p.character} > ${lengths[p.line]}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: start after end`);
}

function assertModelSpans(model: ReportModel): void {
  const n = model.text.length;
  const spans = [
    ...model.parts.map((p) => p.heading.span), ...model.parts.map((p) => p.body), ...allCells(model).map((c) => c.span),
    ...model.statements.map((s) => s.span), ...model.years.map((y) => y.span), ...model.subsections.map((s) => s.heading.span),
  ];
  for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `span ${s.start}-${s.end} outside 0-${n}`);
}

function checkEverything(text: string): void {
  const model = parse(text);
  assertModelSpans(model);
  const lengths = lineLengths(text);
  for (const d of check(model)) assertInside(d.range, lengths, String(d.code));
  // Position queries anywhere must not throw either.
  for (const offset of [0, Math.floor(text.length / 2), text.length]) inspect(model, offset);
}

const hostile = fc.oneof(
  fc.constantFrom('\t', '|', '||', '\n', '\r\n', '\r', '０', '２７', '\u0000', '\ud800', '\udc00', '\u200f', '\u202e', '\ufeff', '（七）总计', '四、', '一、总体情况', '　', '-4-', '1.', '一是', '2024年'),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: 0, max: 99999 }).map(String),
);

type Edit =
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: hostile }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  switch (e.kind) {
    case 'delete': lines.splice(e.line % lines.length, 1); return lines.join('\n');
    case 'duplicate': { const i = e.line % lines.length; lines.splice(i, 0, lines[i]!); return lines.join('\n'); }
    case 'swap': { const a = e.a % lines.length; const b = e.b % lines.length; [lines[a], lines[b]] = [lines[b]!, lines[a]!]; return lines.join('\n'); }
    case 'insert': { const at = e.at % (text.length + 1); return text.slice(0, at) + e.piece + text.slice(at); }
    case 'truncate': return text.slice(0, e.at % (text.length + 1));
  }
}

test('parse and check never throw on random text; every range is inside it', () => {
  fc.assert(fc.property(fc.array(hostile, { maxLength: 60 }).map((a) => a.join('')), (text) => checkEverything(text)), { numRuns: 400 });
});

test('parse and check never throw on random edits of real reports; every range is inside the text', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: REPORTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
      checkEverything(edits.reduce(apply, REPORTS[which]!));
    }),
    { numRuns: 300 },
  );
});

test('empty, whitespace-only and CR-only inputs', () => {
  for (const t of ['', ' ', '\n\n\n', '\r\r', '\ufeff', '\u3000\t|']) checkEverything(t);
  assert.equal(parse('').isReport, false);
  assert.deepEqual(check(parse('')), []);
});

test('CRLF and a BOM give the same diagnostics (modulo positions on the same lines) as LF', () => {
  const lf = fixture(SEEDS.cellPerLine002);
  const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
  const a = check(parse(lf)).map((d) => `${d.code}@${d.range.start.line}`);
  const b = check(parse(crlf)).map((d) => `${d.code}@${d.range.start.line}`);
  assert.deepEqual(b, a);
});

test('the character tests that stand in for regexes agree with them', () => {
  // headingLength decides "too long to be a part heading" without normalising; it must equal the length of
  // the label it stands for, for any text (full-width and odd spaces and trailing punctuation included).
  const chars = fc.constantFrom(...'三、总体情况主动公开。：:;；，,（）() \t\u3000\u00a0\ufeff\u200b\u2003ＡＢ１２ab12「」【】'.split(''));
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (s) => {
      assert.equal(headingLength(s), normalizeLabel(s).replace(/[。：:;；]+$/, '').length, JSON.stringify(s));
    }),
    { numRuns: 2000 },
  );
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(isJsWhitespace(c), /\s/.test(ch), `isJsWhitespace(U+${c.toString(16)})`);
  }
});

test('isPageChrome answers as its regex does, on any part of any line', () => {
  // It skips the regex unless the first visible character is a dash or 第: that test must never say no where the
  // regex says yes.
  const chars = fc.constantFrom(...'-－—–第页共,，/ \t\u3000\u00a0\ufeff0123459x'.split(''));
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 16 }).map((a) => a.join('')), fc.nat(3), fc.nat(3), (s, a, b) => {
      const from = Math.min(a, s.length);
      const to = Math.max(from, s.length - b);
      assert.equal(isPageChrome(s, from, to), PAGE_NUMBER.test(s.slice(from, to)), JSON.stringify([s, from, to]));
    }),
    { numRuns: 5000 },
  );
  for (const line of ['-4-', ' － 12 － ', '第 3 页', '第3页，共12页', '—7—']) assert.ok(isPageChrome(line, 0, line.length), line);
});

test('every table cell sits under its own column key, in the schema order', () => {
  // 表三's cell records are written as a literal (tables.ts, applicantRecord), and every row's cellList is read by
  // position: both must follow APPLICANT_COLUMNS.
  for (const text of REPORTS) {
    const model = parse(text);
    for (const table of [model.tables.applications, model.tables.activeDisclosure]) {
      for (const row of table?.rows.values() ?? []) {
        for (const [key, cell] of Object.entries(row.cells)) assert.equal((cell as { column: string }).column, key, `${row.id}.${key}`);
      }
    }
    for (const row of model.tables.applications?.rows.values() ?? []) {
      assert.deepEqual(Object.keys(row.cells), APPLICANT_COLUMNS.map((c) => c.id));
      assert.deepEqual(row.cellList.map((c) => c.column), APPLICANT_COLUMNS.map((c) => c.id));
    }
    for (const table of [model.tables.applications, model.tables.activeDisclosure]) {
      for (const row of table?.rows.values() ?? []) assert.deepEqual(row.cellList, Object.values(row.cells), row.id);
    }
  }
});

test('statements: one pass over the prose finds what a global regex per pattern finds', () => {
  assert.ok(PATTERNS.length <= MAX_PATTERNS, `${PATTERNS.length} statement patterns: the bit tables hold ${MAX_PATTERNS}`);
  // findMatches tries each pattern only where its first two characters can be, and a number from its first digit
  // only: a start left out of a pattern's list, or a digit wrongly skipped, loses matches. The oracle is the plain
  // way: every pattern's regex, global, over the whole text. The texts are the patterns' phrases, each piece
  // chosen from what fits there and what nearly does, run together with noise.
  const oracle = (slice: string) =>
    PATTERNS.map((p) => [...slice.matchAll(new RegExp(p.re.source, 'g'))].map((m) => `${m.index}:${m[0]}`));
  const NUM = ['0', '7', '12', '3,4', '5，6', ',5', '，5', '1,', 'x9', '2023'];
  const WS = ['', '', ' ', '\u3000'];
  const UNIT = ['件', '项', '个', '条', '起', '年'];
  const phrases: string[][][] = [
    [['收到', '受理', '接收', '收办', '新收', '收', '到'], ['', '各类', '，', '3'], ['政府信息公开申请', '政府信息公开'], ['', '案件'], WS, ['', '共计', '共', '合计'], WS, NUM, WS, UNIT],
    [['办结', '答复', '办', '答'], ['', '政府信息公开申请', '依申请公开', '依申请公开申请', '申请'], WS, ['', '共计', '共'], WS, NUM, WS, UNIT],
    [['上', '上一', ''], ['年', '年度', '一年度'], ['结转', '转'], ['', '申请', '的申请'], WS, NUM, WS, UNIT],
    [NUM, WS, UNIT, ['', '申请', '。', '，'], ['顺延', '结转', '转', '延'], ['', '至', '到'], ['下', '下一', '上'], ['年度', '年']],
    [['结转', '转', '结'], ['', '至', '到'], ['下', '下一'], ['年度', '年'], ['', '继续'], ['', '办理', '答复'], WS, NUM, WS, UNIT],
    [['未', '均', ''], ['收到', '接到', '受理', '被'], ['', '任何'], ['依申请公开', '政府信息公开申请', '政府信息公开的申请', '信息公开申请', '纠错']],
    [['行政', '行'], ['复议', '诉讼', '法'], ['', '案件', '申请'], WS, ['', '共计', '共'], WS, NUM, WS, UNIT],
    [['均', '未', '零', '无', '无一'], ['', '获', '被', '予', '一'], ['维持', '纠错', '败诉']],
    [['现行有效', '现行'], ['', '的'], ['', '行政'], ['规范性文件', '文件'], WS, ['', '共计', '共'], WS, NUM, WS, UNIT],
    [['规范性文件', '规范'], ['', '中', '。', '3'], ['现行有效', '有效'], ['', '的'], ['', '文件'], WS, ['', '共计', '共'], WS, NUM, WS, UNIT],
  ];
  const phrase = fc.constantFrom(...phrases).chain((pieces) => fc.tuple(...pieces.map((choices) => fc.constantFrom(...choices))).map((p) => p.join('')));
  const noise = fc.constantFrom('', '，', '。', '；', ' ', '本机关', '2023年', '、', '3');
  const text = fc.array(fc.oneof(phrase, noise), { maxLength: 12 }).map((a) => a.join(''));
  const matches = (slice: string) => {
    const found = findMatches(slice);
    return PATTERNS.map((_, k) => (found?.[k] ?? []).map((m) => `${m.index}:${m[0]}`));
  };
  let matched = 0;
  fc.assert(
    fc.property(text, (slice) => {
      const expected = oracle(slice);
      if (expected.some((list) => list.length > 0)) matched++;
      assert.deepEqual(matches(slice), expected, slice);
    }),
    { numRuns: 5000 },
  );
  assert.ok(matched > 500, `only ${matched} of 5000 texts had a match: the phrases no longer exercise the patterns`);
  for (const t of REPORTS) assert.deepEqual(matches(t), oracle(t));
});

test('every wording of every part heading has one of PART_WORD_CHARS (parse.ts skips words without any)', () => {
  for (const part of schema.PARTS) {
    // The patterns' top-level alternatives (| outside brackets) are words with gaps: each must hold one of them.
    const alternatives = [''];
    let depth = 0;
    for (const c of part.pattern.source) {
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (c === '|' && depth === 0) alternatives.push('');
      else alternatives[alternatives.length - 1] += c;
    }
    for (const alternative of alternatives) {
      assert.ok([...alternative].some((c) => PART_WORD_CHARS.includes(c)), `${part.title}: ${alternative}`);
    }
    for (const wording of [part.title, ...part.inlineWordings]) assert.ok([...wording].some((c) => PART_WORD_CHARS.includes(c)), wording);
  }
});
