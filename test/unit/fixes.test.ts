// Fixes never lose text: every code action offered on the seeds and on mutated reports changes only the lines it
// targets, the result re-checks without that problem, and fix-all applied twice changes nothing the second time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { check, parse } from '../../server/src/report';
import { codeActions, fixAllEdits } from '../../server/src/features/codeActions';
import { SEEDS, fixture } from './helpers';

const BASES = [SEEDS.tsv000, SEEDS.tsv001, SEEDS.cellPerLine002, SEEDS.tsvShifted004, SEEDS.pdftotext008, SEEDS.shanghai2019].map(fixture);
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
  const actions = codeActions(model, diags, { uri: URI, version: null, range: WHOLE, only: ['quickfix'] }, 'zh-CN');
  for (const action of actions) {
    const d = action.diagnostics![0]!;
    const edits = editsOf(action.edit);
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

function verifyFixAllIdempotent(text: string): void {
  const model = parse(text);
  const once = apply(text, fixAllEdits(model, check(model)));
  assert.ok(isPureInsertion(text, once) || once.split('\n').length === text.split('\n').length || once.length >= text.length, 'fix-all loses nothing');
  const model2 = parse(once);
  const twice = apply(once, fixAllEdits(model2, check(model2)));
  assert.equal(twice, once, 'fix-all twice changes nothing the second time');
}

test('every quick fix on the real reports and the derived tables', (t) => {
  let verified = 0;
  for (const t of [...BASES, fixture('reports/derived/D002_pingtan_2020_tables.tsv.txt'), fixture('reports/real/004_pingtan_2022.txt')]) {
    verified += verifyAllFixes(t);
    verifyFixAllIdempotent(t);
  }
  assert.ok(verified >= 80, `verified ${verified} fixes`);
  t.diagnostic(`${verified} quick fixes applied and verified on 8 real reports`);
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
  const text = fixture('reports/derived/D002_pingtan_2020_tables.tsv.txt');
  const model = parse(text);
  const diags = check(model).filter((d) => d.code === 'column-total');
  // The user already typed something else into the cell: the fix must not overwrite it.
  const line = diags[0]!.range.start.line;
  const changed = text.split('\n').map((l, i) => (i === line ? l.replace('\t20\t', '\t25\t') : l)).join('\n');
  const stale = codeActions(parse(changed), diags, { uri: URI, version: null, range: diags[0]!.range, only: ['quickfix'] }, 'zh-CN');
  assert.deepEqual(stale.map((a) => a.title), []);
});
