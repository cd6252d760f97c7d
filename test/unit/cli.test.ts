// The `check` command, run as a user runs it: node dist/cli.js (built before the tests run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const FIX = join(ROOT, 'test', 'fixtures');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('text: one file:line:col severity code message line per problem, then a summary; exit 1 on errors', () => {
  const r = run('check', 'test/fixtures/reports/planted/001_total_natural_person_26.txt');
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes('test/fixtures/reports/planted/001_total_natural_person_26.txt:74:9 error column-total （七）总计·自然人应为 27（实为 26）：行合计、列合计与勾稽关系均要求 27'));
  for (const l of lines.slice(0, -1)) assert.match(l, /^[^:]+:\d+:\d+ (error|warning|info|hint) [a-z-]+ \S/);
  assert.match(lines[lines.length - 1]!, /^共检查 1 个文件，其中年度报告 1 份：错误 \d+ 个，警告 \d+ 个$/);
});

test('exit 0 when only warnings; English with --locale en', () => {
  const r = run('check', '--locale', 'en', 'test/fixtures/reports/seeds');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /seeds\/002_96dc5378fca52781\.txt:359:1 warning numbering Numbering breaks: expected "（二）", found "\(三\)"/);
  assert.match(r.stdout, /5 file\(s\), 5 report\(s\): 0 error\(s\), 2 warning\(s\)\n$/);
});

test('json: the shape docs/rules.md gives; a folder walk marks non-reports report:false', () => {
  const r = run('check', '--format', 'json', 'test/fixtures/reports');
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.deepEqual(Object.keys(out.summary).sort(), ['errors', 'files', 'reports', 'warnings']);
  const readme = out.files.find((f: { path: string }) => f.path.endsWith('README.md'));
  assert.deepEqual(readme, { path: 'test/fixtures/reports/README.md', report: false, diagnostics: [] });
  const planted = out.files.find((f: { path: string }) => f.path.endsWith('001_total_natural_person_26.txt'));
  const d = planted.diagnostics.find((x: { code: string }) => x.code === 'column-total');
  assert.deepEqual(Object.keys(d).sort(), ['code', 'data', 'message', 'range', 'relatedInformation', 'severity', 'source']);
  assert.equal(d.relatedInformation.length, 3);
  assert.ok(d.relatedInformation.every((r: { location: { uri: string } }) => r.location.uri.startsWith('file:///') && r.location.uri.endsWith('/001_total_natural_person_26.txt')));
  assert.deepEqual(d.range, { start: { line: 73, character: 8 }, end: { line: 73, character: 10 } });
  assert.deepEqual(d.data, { kind: 'replace', expected: 27, actual: 26, cell: 'total/naturalPerson' });
  assert.equal(out.summary.files, out.files.length);
  assert.equal(out.summary.errors, out.files.flatMap((f: { diagnostics: { severity: number }[] }) => f.diagnostics).filter((x: { severity: number }) => x.severity === 1).length);
});

test('sarif: 2.1.0 with rule metadata and 1-based regions', () => {
  const r = run('check', '--format', 'sarif', 'test/fixtures/reports/planted/001_total_natural_person_26.txt');
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'balance'));
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'column-total');
  assert.equal(res.level, 'error');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'column-total');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 74, startColumn: 9, endLine: 74, endColumn: 11 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/reports/planted/001_total_natural_person_26.txt');
});

function diagnosticsOf(path: string): string[] {
  const out = JSON.parse(run('check', '--format', 'json', path).stdout);
  return out.files[0].diagnostics.map((d: { code: string; range: { start: { line: number } } }) => `${d.code}@${d.range.start.line}`);
}

test('GB18030, UTF-16 with BOM and UTF-8 with BOM + CRLF read the same as UTF-8', () => {
  assert.deepEqual(diagnosticsOf(join(FIX, 'encodings/001_gb18030.txt')), diagnosticsOf(join(FIX, 'reports/seeds/001_8c5bb81dea3251c9.txt')));
  assert.deepEqual(diagnosticsOf(join(FIX, 'encodings/003_utf16le_bom.txt')), diagnosticsOf(join(FIX, 'reports/seeds/003_c46d339f0c296ee1.txt')));
  assert.deepEqual(diagnosticsOf(join(FIX, 'encodings/004_utf8_bom_crlf.txt')), diagnosticsOf(join(FIX, 'reports/seeds/004_fb0d1b8bf8cb534b.txt')));
  const gb = JSON.parse(run('check', '--format', 'json', join(FIX, 'encodings/001_gb18030.txt')).stdout);
  assert.equal(gb.files[0].report, true);
});

test('binary, missing and oversized files: a clear message each, the run goes on, exit 2', () => {
  const dir = tempDir('gov-report-cli-');
  const big = join(dir, 'big.txt');
  writeFileSync(big, 'x'.repeat(3 * 1024 * 1024));
  const r = run('check', '--max-size', '2', join(FIX, 'encodings/binary.txt'), join(dir, 'nope.txt'), big, join(FIX, 'reports/seeds/000_e38c355664a2a7a9.txt'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary\.txt: 无法读取: 二进制文件，不是文本/);
  assert.match(r.stderr, /nope\.txt: 无法读取: 文件不存在/);
  assert.match(r.stderr, /big\.txt: 无法读取: 文件大小 3\.0 MB，超过 2 MB 上限/);
  assert.match(r.stdout, /共检查 1 个文件，其中年度报告 1 份/);
});

test('usage errors exit 2 with the usage text', () => {
  for (const args of [[], ['lint', 'x'], ['check'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /用法 \/ usage/);
  }
});

test('the checker never writes to the files it checks', () => {
  const dir = tempDir('gov-report-ro-');
  const f = join(dir, 'r.txt');
  copyFileSync(join(FIX, 'reports/planted/001_total_natural_person_26.txt'), f);
  const before = statSync(f);
  run('check', '--format', 'sarif', f);
  const after = statSync(f);
  assert.equal(after.mtimeMs, before.mtimeMs);
  assert.equal(after.size, before.size);
});

test('worker threads give exactly the output of a single thread, in the same order', () => {
  const single = run('check', '--jobs', '0', '--format', 'json', 'test/fixtures/reports');
  const threaded = run('check', '--jobs', '3', '--format', 'json', 'test/fixtures/reports');
  assert.equal(threaded.code, single.code);
  assert.equal(threaded.stdout, single.stdout);
  assert.ok(JSON.parse(single.stdout).files.length >= 7);
  assert.equal(run('check', '--jobs', '-1', 'x').code, 2);
});

test('many files over threads: results formatted as they come back keep the files\' order, in every format', () => {
  // 300 files are ~5 chunks of 64 for 2 threads; big and small reports mixed, so chunks finish out of order.
  const dir = tempDir('gov-report-many-');
  const sources = ['reports/seeds/001_8c5bb81dea3251c9.txt', 'reports/planted/001_total_natural_person_26.txt', 'reports/README.md'];
  for (let i = 0; i < 300; i++) copyFileSync(join(FIX, sources[i % 7 === 0 ? 1 : i % 5 === 0 ? 2 : 0]!), join(dir, `${String(i).padStart(3, '0')}.txt`));
  for (const format of ['json', 'text', 'sarif']) {
    const single = run('check', '--jobs', '0', '--format', format, dir);
    const threaded = run('check', '--jobs', '2', '--format', format, dir);
    assert.equal(threaded.code, single.code, format);
    assert.equal(threaded.stdout, single.stdout, format);
  }
  const out = JSON.parse(run('check', '--format', 'json', dir).stdout);
  assert.deepEqual(out.files.map((f: { path: string }) => f.path), Array.from({ length: 300 }, (_, i) => join(dir, `${String(i).padStart(3, '0')}.txt`)));
});

test('files that cannot be read among many: the same message from the threads as from one thread, in order', () => {
  // With threads, the main thread reads the files and the threads check them: the reasons must not change.
  const dir = tempDir('gov-report-many-bad-');
  for (let i = 0; i < 250; i++) copyFileSync(join(FIX, 'reports/seeds/001_8c5bb81dea3251c9.txt'), join(dir, `${String(i).padStart(3, '0')}.txt`));
  copyFileSync(join(FIX, 'encodings/binary.txt'), join(dir, '100.txt'));
  writeFileSync(join(dir, '200.txt'), 'x'.repeat(3 * 1024 * 1024));
  const single = run('check', '--jobs', '0', '--max-size', '2', '--format', 'json', dir);
  const threaded = run('check', '--jobs', '2', '--max-size', '2', '--format', 'json', dir);
  assert.equal(threaded.code, 2);
  assert.equal(threaded.stdout, single.stdout);
  assert.equal(threaded.stderr, single.stderr);
  assert.equal(threaded.stderr, `${join(dir, '100.txt')}: 无法读取: 二进制文件，不是文本\n${join(dir, '200.txt')}: 无法读取: 文件大小 3.0 MB，超过 2 MB 上限，已跳过（--max-size）\n`);
  assert.equal(JSON.parse(threaded.stdout).summary.files, 248);
});

test('json is laid out as JSON.stringify(…, null, 2) lays it out, though built a file at a time', () => {
  for (const args of [['test/fixtures/reports'], ['test/fixtures/reports/seeds/001_8c5bb81dea3251c9.txt'], ['no-such-file.txt']]) {
    const r = run('check', '--format', 'json', ...args);
    assert.equal(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`, args[0]);
  }
  assert.deepEqual(JSON.parse(run('check', '--format', 'json', 'no-such-file.txt').stdout).files, []);
});

test('a reader that stops early (check … | head) ends the run quietly, without a stack trace', async () => {
  const dir = tempDir('gov-report-epipe-');
  for (let i = 0; i < 300; i++) copyFileSync(join(FIX, 'reports/planted/001_total_natural_person_26.txt'), join(dir, `${i}.txt`));
  const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 1);
});

test('rules: the rule table as text, JSON and Markdown, in either language', () => {
  const json = JSON.parse(run('rules', '--format', 'json').stdout);
  assert.ok(json.length >= 19);
  const row = json.find((r: { code: string }) => r.code === 'column-total');
  assert.deepEqual(Object.keys(row).sort(), ['category', 'code', 'en', 'fixAll', 'severity', 'zh']);
  assert.equal(row.severity, 1);
  const text = run('rules').stdout.split('\n').filter(Boolean);
  assert.equal(text.length, json.length);
  assert.match(text.find((l) => l.startsWith('column-total'))!, /^column-total\s+错误\s+列合计不符 — /);
  assert.match(run('rules', '--locale', 'en').stdout, /^column-total\s+error\s+Column does not add up — /m);
  assert.match(run('rules', '--format', 'md').stdout, /^\| `balance` \| error \|/m);
  assert.equal(run('rules', '--format', 'sarif').code, 2);
});
