// Fixes never lose text: every code action offered on the seeds and on mutated reports changes only the lines it
// targets, the result re-checks without that problem, and fix-all applied twice changes nothing the second time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { check, parse } from '../../server/src/report';
import { codeActions, fixAllEdits } from '../../server/src/features/codeActions';
import { zhCN } from '../../server/src/l10n/zh-CN';
import { PLANTED, REAL, SEEDS, fixture, sharedReport } from './helpers';

// The seeds, and the real reports of ../shared/reports where it is there (their layouts: pdftotext, a 2019 report).
const SHARED_BASES = [REAL.pdftotext008, REAL.shanghai2019];
const BASES = [
  ...[SEEDS.tsv000, SEEDS.tsv001, SEEDS.cellPerLine002, SEEDS.tsvShifted004, PLANTED.totalNaturalPerson26].map(fixture),
  ...SHARED_BASES.map(sharedReport).filter((t): t is string => t !== undefined),
];
const SHARED_EXTRA = [REAL.derivedPingtan2020, REAL.pingtan2022];
const URI = 'file:///r.txt';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'plaintext', 1, text), [...edits]);
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return edit?.changes?.[URI] ?? [];
}

/** True when `after` is `before` with text inserted at one point (every original character kept, in order). */
function isPureInsertion(before: string, after: string): boolean {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const suffix = before.length - p;
  return after.length >= before.length && after.slice(after.length - suffix) === before.slice(p);
}

/** True when `after` differs from `before` only on the lines of `d`'s range (same line count). */
function onlyTargetLinesChanged(before: string, after: string, d: Diagnostic): boolean {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return false;
  return a.every((line, i) => line === b[i] || (i >= d.range.start.line && i <= d.range.end.line));
}

function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message;
}

/** Applies each quick fix offered anywhere in `text` and checks the three properties. Returns how many were verified. */
function verifyAllFixes(text: string): number {
  const model = parse(text);
  const diags = check(model);
  const actions = codeActions(model, diags, { uri: URI, version: null, range: WHOLE, only: ['quickfix'] }, zhCN);
  for (const action of actions) {
    const d = action.diagnostics![0]!;
    const edits = editsOf(action.edit);
    if (action.diagnostics!.length > 1) {
      verifyTableFill(text, action.diagnostics!, edits, action.title);
      continue;
    }
    assert.equal(edits.length, 1, `one edit per quick fix (${action.title})`);
    const after = apply(text, edits);
    const e = edits[0]!;
    const isInsert = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
    if (isInsert) assert.ok(isPureInsertion(text, after), `insertion keeps every character: ${action.title}`);
    else assert.ok(onlyTargetLinesChanged(text, after, d), `only the target line changes: ${action.title}`);
    const again = check(parse(after));
    assert.ok(!again.some((x) => sameProblem(x, d)), `"${d.message}" is gone after "${action.title}"`);
  }
  return actions.length;
}

/**
 * The one multi-cell fix (every blank cell of a table filled with 0): an edit per diagnostic, each a blank cell
 * becoming "0", only those cells' lines changed, and none of those problems left after.
 */
function verifyTableFill(text: string, diags: readonly Diagnostic[], edits: readonly TextEdit[], title: string): void {
  assert.equal(edits.length, diags.length, `an edit per blank cell (${title})`);
  assert.ok(diags.every((x) => x.code === 'cell-blank') && edits.every((e) => e.newText === '0'), title);
  const after = apply(text, edits);
  const lines = new Set(diags.map((x) => x.range.start.line));
  const a = text.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length);
  assert.ok(a.every((line, i) => line === b[i] || lines.has(i)), `only the blank cells' lines change: ${title}`);
  const again = check(parse(after));
  const left = again.filter((x) => diags.some((y) => sameProblem(x, y)));
  assert.deepEqual(left.map((x) => x.message), [], `every blank cell filled by "${title}"`);
}

/** Whether `lines` holds every one of `wanted`, in order (other lines may sit between them). */
function isSubsequence(wanted: readonly string[], lines: readonly string[]): boolean {
  let k = 0;
  for (const l of lines) if (k < wanted.length && l === wanted[k]) k++;
  return k === wanted.length;
}

function verifyFixAllIdempotent(text: string): void {
  const model = parse(text);
  const edits = fixAllEdits(model, check(model));
  const once = apply(text, edits);
  // Fix-all inserts template text or replaces a heading: every line it does not replace is still there, in order.
  const replaced = new Set<number>();
  for (const e of edits) {
    const isInsert = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
    if (!isInsert) for (let l = e.range.start.line; l <= e.range.end.line; l++) replaced.add(l);
  }
  const kept = text.split('\n').filter((_, i) => !replaced.has(i));
  assert.ok(isSubsequence(kept, once.split('\n')), 'fix-all keeps every line it does not replace, in order');
  const model2 = parse(once);
  const twice = apply(once, fixAllEdits(model2, check(model2)));
  assert.equal(twice, once, 'fix-all twice changes nothing the second time');
}

test('every quick fix on the real reports and the derived tables', (t) => {
  let verified = 0;
  const extra = SHARED_EXTRA.map(sharedReport).filter((x): x is string => x !== undefined);
  const absent = [...SHARED_BASES, ...SHARED_EXTRA].filter((r) => sharedReport(r) === undefined);
  if (absent.length > 0) t.diagnostic(`absent from ../shared/reports, not tried: ${absent.join(', ')}`);
  const texts = [...BASES, ...extra];
  for (const text of texts) {
    verified += verifyAllFixes(text);
    verifyFixAllIdempotent(text);
  }
  assert.ok(verified >= 10 * texts.length, `verified ${verified} fixes`);
  t.diagnostic(`${verified} quick fixes applied and verified on ${texts.length} reports`);
});

// Mutations that make problems the fixes address: a changed number, a deleted line, a heading typo, a blank.
type Mutation =
  | { kind: 'number'; line: number; delta: number }
  | { kind: 'delete'; line: number }
  | { kind: 'blank'; line: number }
  | { kind: 'typo'; line: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('number' as const), line: fc.nat(), delta: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('blank' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('typo' as const), line: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = m.line % lines.length;
  const l = lines[i]!;
  switch (m.kind) {
    case 'number': lines[i] = l.replace(/\d+/, (n) => String(Number(n) + m.delta)); break;
    case 'delete': lines.splice(i, 1); break;
    case 'blank': lines[i] = l.replace(/(^|\t)\d+(?=\t|$)/, '$1'); break;
    case 'typo': lines[i] = l.replace('行政复议', '行政法复议').replace('总体情况', '总体情况况'); break;
  }
  return lines.join('\n');
}

test('every quick fix on mutated reports; fix-all is idempotent', (t) => {
  let verified = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
      const text = ms.reduce(mutate, BASES[which]!);
      verified += verifyAllFixes(text);
      verifyFixAllIdempotent(text);
    }),
    { numRuns: 150 },
  );
  assert.ok(verified > 100, `verified ${verified} fixes on mutated reports`);
  t.diagnostic(`${verified} quick fixes applied and verified on 150 mutated reports`);
});

test('a stale fix is not offered: the target text changed since the diagnostic', () => {
  const text = fixture(PLANTED.totalNaturalPerson26);
  const model = parse(text);
  const diags = check(model).filter((d) => d.code === 'column-total');
  // The user already typed something else into the cell: the fix must not overwrite it.
  const line = diags[0]!.range.start.line;
  const changed = text.split('\n').map((l, i) => (i === line ? l.replace('\t26\t', '\t25\t') : l)).join('\n');
  const stale = codeActions(parse(changed), diags, { uri: URI, version: null, range: diags[0]!.range, only: ['quickfix'] }, zhCN);
  assert.deepEqual(stale.map((a) => a.title), []);
});

test('a table with several blank cells: one action fills them all with 0, and touches no number', () => {
  // Seed 001 with three cells of 表三's （七）总计 written "/" and one of its 四 "—".
  const seed = fixture(SEEDS.tsv001);
  const text = seed.replace(/^(\(七\) 总计\t\t)27\t0\t0/m, '$1/\t/\t/').replace(/^(四、结转下年度继续办理\t\t)0/m, '$1—');
  assert.notEqual(text, seed);
  const model = parse(text);
  const diags = check(model);
  const blanks = diags.filter((d) => d.code === 'cell-blank');
  assert.ok(blanks.length >= 3, `blank cells reported: ${blanks.map((d) => d.message).join(' | ')}`);
  const actions = codeActions(model, diags, { uri: URI, version: null, range: blanks[0]!.range, only: ['quickfix'] }, zhCN);
  const fill = actions.find((a) => a.diagnostics!.length > 1);
  assert.ok(fill, `offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(fill.title, `将本表全部 ${blanks.length} 个空白单元格填入 0`);
  verifyTableFill(text, fill.diagnostics!, editsOf(fill.edit), fill.title);
  // A single blank cell gets its own fix only.
  const one = seed.replace(/^(四、结转下年度继续办理\t\t)0/m, '$1—');
  const m1 = parse(one);
  const d1 = check(m1).filter((d) => d.code === 'cell-blank');
  assert.equal(d1.length, 1);
  assert.deepEqual(codeActions(m1, check(m1), { uri: URI, version: null, range: d1[0]!.range, only: ['quickfix'] }, zhCN).map((a) => a.title), ['填入 0']);
});

test('a row label with characters lost is its row, with one Warning whose fix restores the label; an ordinal-only fix says what it writes', () => {
  const seed = fixture(SEEDS.tsv001);
  const text = seed.replace('2. 其他法律行政法规禁止公开', '2. 其他法律行政止公开');
  assert.notEqual(text, seed);
  const model = parse(text);
  const diags = check(model);
  assert.deepEqual(diags.map((d) => d.code), ['table-label-variant']);
  const [action] = codeActions(model, diags, { uri: URI, version: null, range: diags[0]!.range, only: ['quickfix'] }, zhCN);
  assert.ok(action);
  const edits = editsOf(action.edit);
  assert.equal(action.title, `改为“${edits[0]!.newText}”`);
  // The label is restored to the template's spelling (the seed's "2. " had a space after the ordinal).
  assert.equal(apply(text, edits), seed.replace('2. 其他法律行政法规禁止公开', '2.其他法律行政法规禁止公开'));
  assert.deepEqual(check(parse(apply(text, edits))), []);
  // A part numbered "(二)": the fix writes only the ordinal, and its title says so (not "canonical heading").
  const ordinal = seed.replace('二、主动公开政府信息情况', '(二)主动公开政府信息情况');
  const om = parse(ordinal);
  const od = check(om);
  const [oa] = codeActions(om, od, { uri: URI, version: null, range: od[0]!.range, only: ['quickfix'] }, zhCN);
  assert.equal(oa!.title, '改为“二、”');
  assert.equal(apply(ordinal, editsOf(oa!.edit)), seed);
});
