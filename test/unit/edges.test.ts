// Inputs at the edges, time linear in the input, and the file walker's symlink rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { check, parse } from '../../server/src/report';
import { walk, type WalkFailure } from '../../server/src/node/files';
import { matcher } from '../../server/src/node/glob';
import { ROOT, SEEDS, codes, diagnose, fixture, tempDir } from './helpers';

test('lone CR line breaks read like LF', () => {
  const lf = fixture(SEEDS.tsv001);
  const cr = lf.replace(/\n/g, '\r');
  assert.deepEqual(check(parse(cr)).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), check(parse(lf)).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`));
  assert.equal(parse(cr).tables.applications!.rows.size, 25);
});

test('a report pasted twice: each part flagged once as a duplicate, the first copy\'s tables are checked', () => {
  const text = fixture(SEEDS.tsv001);
  const twice = `${text}\n${text}`;
  const diags = diagnose(twice);
  assert.equal(diags.filter((d) => d.code === 'section-duplicate').length, 6);
  assert.ok(!codes(diags).includes('row-sum'));
});

test('a single 5 MB line and a 20 MB report are parsed without error', () => {
  const line = '本报告'.repeat(600_000) + '0\t1\t2|3'.repeat(200_000);
  const model = parse(line);
  assert.ok(model.lines.count === 1);
  check(model);
  const big = fixture(SEEDS.tsv001).repeat(2500);
  assert.ok(big.length > 7_000_000);
  const m2 = parse(big);
  assert.equal(m2.parts.length, 6 * 2500);
  check(m2);
});

/** Best of several runs: this machine shares its cores, and one slow run says nothing about growth. */
function bestMs(fn: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

test('time grows linearly: a 4× larger input takes no more than about 6× as long', () => {
  const seed = fixture(SEEDS.tsv001);
  const shapes: Record<string, (n: number) => string> = {
    'report pasted n times': (n) => seed.repeat(n),
    'one long line of numbers and pipes': (n) => '1|２７\t'.repeat(n * 1000),
    'ordinals without end (一是…)': (n) => `一、总体情况\n${'一是二是三是，'.repeat(n * 750)}`,
    'table rows without labels': (n) => `三、收到和处理政府信息公开申请情况\n${'0\t0\t0\t0\t0\t0\t0\n'.repeat(n * 400)}`,
    'label-only lines (wrapped headers)': (n) => `三、收到和处理政府信息公开申请情况\n${'申请人情况\n'.repeat(n * 750)}`,
  };
  // Sizes large enough that fixed costs and JIT warm-up do not dominate (about 0.25 MB and 1 MB). This machine's
  // timings are noisy (shared cores, GC, caches: linear shapes measure 3.8–5.6× here; 'table rows without labels'
  // sits at 5.0–5.5× with every engine since the first, as 1.4 MB of text outgrows the caches): a shape fails only
  // if five independent trials all exceed 6×. A truly superlinear pass (a search that rescans the rest of the
  // text on every line, found this way) gives 7–10× every time, and more as the input grows.
  for (const [name, make] of Object.entries(shapes)) {
    const small = make(32);
    const large = make(128);
    const run = (t: string) => () => check(parse(t));
    run(small)();
    run(large)();
    const ratios: number[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const ratio = bestMs(run(large)) / bestMs(run(small));
      ratios.push(ratio);
      if (ratio <= 6) break;
    }
    assert.ok(ratios.some((r) => r <= 6), `${name}: 4× input took ${ratios.map((r) => r.toFixed(1)).join(', ')}× as long`);
  }
});

test('the walker follows no symlink: none out of the folder, no loop', () => {
  const root = tempDir('gov-walk-');
  const outside = tempDir('gov-outside-');
  writeFileSync(join(outside, 'secret.txt'), '不应读取');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'a.txt'), 'x');
  symlinkSync(outside, join(root, 'link-out'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'secret-link.txt'));
  symlinkSync(root, join(root, 'sub', 'loop'));
  const failures: WalkFailure[] = [];
  const files = [...walk(root, { include: matcher(['**/*.txt']), exclude: () => false }, failures)];
  assert.deepEqual(files, [join(root, 'sub', 'a.txt')]);
  assert.deepEqual(failures, []);
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', root], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(cli.stdout).files.map((f: { path: string }) => f.path), [join(root, 'sub', 'a.txt')]);
});

test('the walker names each file join(root, its path), however the root is written', () => {
  const root = tempDir('gov-walk-names-');
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'a', 'b', 'x.txt'), 'x');
  writeFileSync(join(root, 'y.txt'), 'y');
  const cwd = process.cwd();
  try {
    process.chdir(root);
    const all = ['y.txt', 'a/b/x.txt']; // a folder's files, then its subfolders
    const cases: [string, string[]][] = [
      ['.', all], ['./', all], ['a', ['b/x.txt']], ['a/', ['b/x.txt']], ['a//b/', ['x.txt']], ['./a/../a/b', ['x.txt']],
      [root, all], [`${root}/`, all], [`${root}/a/..`, all],
    ];
    for (const [written, relative] of cases) {
      const files = [...walk(written, { include: matcher(['**/*.txt']), exclude: () => false }, [])];
      assert.deepEqual(files, relative.map((r) => join(written, r)), written);
    }
  } finally {
    process.chdir(cwd);
  }
});

test('glob matching for include and files.exclude', () => {
  const m = matcher(['**/*.txt', 'reports/**/*.md']);
  assert.ok(m('a/b/c.txt'));
  assert.ok(m('c.txt'));
  assert.ok(m('reports/x/y.md'));
  assert.ok(!m('other/y.md'));
  const ex = matcher(['**/node_modules', '**/.git', '*.{log,tmp}']);
  assert.ok(ex('node_modules'));
  assert.ok(ex('a/node_modules'));
  assert.ok(ex('x/y.tmp'));
  assert.ok(!ex('a/b.txt'));
  // What the hand-written matcher did not know: classes, nested braces, negation, extglobs.
  const classes = matcher(['**/draft[0-9].txt']);
  assert.ok(classes('a/draft3.txt'));
  assert.ok(!classes('a/draftx.txt'));
  const negated = matcher(['**/*.txt', '!**/keep.txt']);
  assert.ok(negated('a/b.txt'));
  assert.ok(!negated('a/keep.txt'), 'a "!" pattern takes away what the others match');
  assert.ok(matcher(['**/*.{md,{txt,text}}'])('a/b.text'));
  assert.ok(matcher(['**/+(old|tmp)/**'])('x/old/y.txt'));
  assert.ok(!matcher(['**/+(old|tmp)/**'])('x/new/y.txt'));
  assert.ok(matcher(['**/.hidden/**'])('a/.hidden/b.txt'));
  assert.equal(matcher([])('a.txt'), false);
});
