// anyIdentityFails answers, without making them, what computations() would: whether an identity is computed and does
// not hold. checkArithmetic asks it first and makes the identities only when one fails, so the two must agree on
// every table the engine can read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/report';
import { anyIdentityFails, computations } from '../../server/src/report/totals';
import { ROOT } from './helpers';

function texts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...texts(path));
    else if (/\.(txt|md)$/.test(entry.name)) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** mulberry32: the same draws on every run. */
function prng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

/** `text` with `count` of its numbers replaced: by another number, a blank marker, or a number with a letter. */
function mutate(text: string, count: number, draw: (n: number) => number): string {
  let t = text;
  for (let k = 0; k < count; k++) {
    const at: number[] = [];
    for (const m of t.matchAll(/\d+/g)) at.push(m.index);
    if (at.length === 0) break;
    const i = at[draw(at.length)]!;
    const len = /^\d+/.exec(t.slice(i))![0].length;
    const choice = draw(10);
    const replacement = choice < 7 ? String(draw(60)) : choice < 9 ? '-' : `${draw(9)}a`;
    t = t.slice(0, i) + replacement + t.slice(i + len);
  }
  return t;
}

test('anyIdentityFails says what computations() says: the fixtures, the accuracy corpus and 6,000 mutations of them', () => {
  const sources = [...texts(join(ROOT, 'test', 'fixtures', 'reports')), ...texts(join(ROOT, 'test', 'corpus'))];
  assert.ok(sources.length > 150, `${sources.length} texts`);
  const draw = prng(20261201);
  let failing = 0;
  let holding = 0;
  const judge = (text: string) => {
    const model = parse(text);
    const expected = computations(model).some((c) => c.ok === false);
    assert.equal(anyIdentityFails(model), expected, text.slice(0, 200));
    if (expected) failing++;
    else holding++;
  };
  for (const text of sources) judge(text);
  for (let n = 0; n < 6000; n++) judge(mutate(sources[draw(sources.length)]!, 1 + draw(3), draw));
  // Both answers occur often enough for the agreement to mean something.
  assert.ok(failing > 1000 && holding > 1000, `failing ${failing}, holding ${holding}`);
});
