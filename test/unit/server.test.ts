// The language server driven over stdio by a real JSON-RPC client, as any editor drives it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, DocumentSymbol, Hover, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { PLANTED, ROOT, SEEDS, fixture, lineOf, tempDir, tsvCellRange } from './helpers';

let client: LspClient;
const uriOf = (name: string) => `file:///virtual/${name}`;

before(async () => {
  client = new LspClient();
  const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
  assert.ok(init.capabilities.hoverProvider);
});
after(() => client.stop());

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits as TextEdit[] : []));
  return edit.changes?.[uri] ?? [];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 1, text), edits);
}

/** Lines of `a` and `b` that differ, assuming `b` = `a` with lines inserted or one line changed. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const la = a.split('\n');
  const lb = b.split('\n');
  let p = 0;
  while (p < la.length && p < lb.length && la[p] === lb[p]) p++;
  let s = 0;
  while (s < la.length - p && s < lb.length - p && la[la.length - 1 - s] === lb[lb.length - 1 - s]) s++;
  return { removed: la.slice(p, la.length - s), added: lb.slice(p, lb.length - s) };
}

test('open a seed: its diagnostics; a plain-text file that is not a report gets none', async () => {
  const uri = uriOf('seed004.txt');
  const wait = client.diagnostics(uri);
  await client.open(uri, fixture(SEEDS.tsvShifted004));
  const diags = await wait;
  assert.deepEqual(diags.map((d) => d.code), ['text-table-mismatch']);
  const other = uriOf('notes.txt');
  const w2 = client.diagnostics(other);
  await client.open(other, '会议纪要\n\n一、会议议程\n二、讨论事项\n');
  assert.deepEqual(await w2, []);
});

test('change one number: the right diagnostic appears on that very cell; hover the 总计 cell shows the sum', async () => {
  const text = fixture(SEEDS.tsv001);
  const uri = uriOf('seed001.txt');
  const w1 = client.diagnostics(uri);
  await client.open(uri, text);
  assert.deepEqual(await w1, []);
  const line = lineOf(text, '(一) 予以公开');
  const cell = tsvCellRange(text, line, 2); // 自然人 4
  const w2 = client.diagnostics(uri, (p) => p.version === 2);
  await client.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 }, contentChanges: [{ range: cell, text: '5' }],
  });
  const diags = await w2;
  // One typo, one Error: on the very cell typed into, with the value its row and its column both require.
  assert.equal(diags.length, 1);
  const fault = diags[0]!;
  assert.deepEqual(fault.range, cell);
  assert.equal(fault.message, '（一）予以公开·自然人应为 4（实为 5）：行合计与列合计均要求 4');
  assert.deepEqual(fault.relatedInformation!.map((r) => r.location.uri), [uri, uri], 'the broken identities, in this document');
  assert.ok(fault.codeDescription?.href.endsWith('docs/rules.md#column-total'), 'the diagnostic links to its rule');

  const totalLine = lineOf(text, '(七) 总计');
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: tsvCellRange(text, totalLine, 2).start })) as Hover;
  const md = (h.contents as MarkupContent).value;
  assert.match(md, /\*\*（七）总计·自然人\*\*/);
  assert.match(md, /列合计：（七）总计·自然人 = 5 \+ 1 \+ 1 \+ 21 = 28 ✗（表中为 27）/);
  assert.match(md, /行合计：（七）总计·总计 = 27 = 27 ✓/);

  // Quick fix: only on the wrong cell; applied, every other line is byte-identical and no problem is left.
  const everywhere = (await client.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(everywhere.map((a) => a.title), ['改为计算值 4（原为 5）']);
  const fix = everywhere[0]!;
  const before = apply(text, [{ range: cell, newText: '5' }]);
  const after = apply(before, editsOf(fix.edit, uri));
  assert.equal(after, text);
  const diff = changedLines(before, after);
  assert.equal(diff.removed.length, 1);
  const w3 = client.diagnostics(uri, (p) => p.version === 3);
  await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: after }] });
  assert.deepEqual(await w3, []);
});

test('quick fix inserts a missing part at its place; fix-all is idempotent', async () => {
  const text = fixture(SEEDS.tsv000);
  const start = lineOf(text, '五、存在的主要问题');
  const end = lineOf(text, '六、其他需要报告的事项');
  const broken = text.split('\n').filter((_l, i) => i < start || i >= end).join('\n').replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');
  const uri = uriOf('broken.txt');
  const w = client.diagnostics(uri);
  await client.open(uri, broken);
  const diags = await w;
  assert.deepEqual(diags.map((d) => d.code).sort(), ['section-heading-variant', 'section-missing']);
  const missing = diags.find((d) => d.code === 'section-missing')!;
  const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } })) as CodeAction[];
  const insert = actions.find((a) => a.diagnostics?.[0]?.code === 'section-missing')!;
  assert.equal(insert.title, '插入“五、存在的主要问题及改进情况”部分（模板）');
  const fixed = apply(broken, editsOf(insert.edit, uri));
  const diff = changedLines(broken, fixed);
  assert.deepEqual(diff.removed, []);
  assert.equal(diff.added[0], '五、存在的主要问题及改进情况');

  const all = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
  assert.equal(all.length, 1);
  const once = apply(broken, editsOf(all[0]!.edit, uri));
  const uri2 = uriOf('fixed-once.txt');
  const w2 = client.diagnostics(uri2);
  await client.open(uri2, once);
  // Fix-all inserted the template's part 五: what is left is its instruction to write the text.
  assert.deepEqual((await w2).map((d) => d.code), ['template-placeholder']);
  const again = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri2 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
  assert.deepEqual(again, [], 'fix-all twice changes nothing the second time');
});

test('document symbols, folding ranges and code lenses', async () => {
  const text = fixture(SEEDS.tsv000);
  const uri = uriOf('seed000.txt');
  const w = client.diagnostics(uri);
  await client.open(uri, text, 'gov-report');
  await w;
  const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  assert.equal(symbols[0]!.children!.length, 5);
  assert.deepEqual(symbols[2]!.children!.map((c) => c.name), ['表三 收到和处理政府信息公开申请情况']);
  const folds = (await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
  assert.ok(folds.some((f) => f.startLine === 35 && f.endLine === 64), JSON.stringify(folds));
  const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string } }[];
  assert.deepEqual(lenses.map((l) => l.command.title), ['✓ 本表未报告问题（10 个单元格）', '✓ 本表未报告问题（175 个单元格，39 项合计）', '✓ 本表未报告问题（15 个单元格，3 项合计）']);
});

test('workspace validation over the fixture reports publishes diagnostics for every report with problems, and sends nothing for a clean one', async (t) => {
  const ws = new LspClient();
  t.after(() => ws.stop());
  const folder = pathToFileURL(join(ROOT, 'test', 'fixtures', 'reports')).toString();
  await ws.initialize(folder);
  const result = (await ws.conn.sendRequest('govReport/validateWorkspace', {})) as { files: number; reports: number; errors: number; notReports: number; cancelled: boolean };
  assert.equal(result.cancelled, false);
  assert.equal(result.files, 7);
  assert.equal(result.reports, 6);
  assert.equal(result.notReports, 1);
  const planted = pathToFileURL(join(ROOT, 'test/fixtures/reports/planted/001_total_natural_person_26.txt')).toString();
  // Published before the request was answered (one stream, in order).
  const published = ws.latest(planted)!;
  assert.ok(published.some((d) => d.code === 'column-total'));
  // Three seeds are clean: with 4,000 files, 4,000 empty notifications would only hold up the progress.
  assert.equal([...ws.published.keys()].length, 3);
});

test('workspace results stay true: close brings back the disk result, a change on disk re-checks, a deletion (of a file or its folder) drops, a rerun replaces', async (t) => {
  const root = tempDir('gov-ws-events-');
  const planted = fixture(PLANTED.totalNaturalPerson26);
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'a.txt'), planted);
  writeFileSync(join(root, 'sub', 'b.txt'), planted);
  writeFileSync(join(root, 'c.txt'), planted);
  const ws = new LspClient();
  t.after(() => ws.stop());
  const folder = pathToFileURL(root).toString();
  await ws.initialize(folder);
  const [a, b, c] = [join(root, 'a.txt'), join(root, 'sub', 'b.txt'), join(root, 'c.txt')].map((p) => pathToFileURL(p).toString()) as [string, string, string];
  const hasFault = (d: { code?: unknown }[] | undefined) => !!d?.some((x) => x.code === 'column-total');
  const result = (await ws.conn.sendRequest('govReport/validateWorkspace', {})) as { reports: number; reportsWithErrors: number };
  assert.equal(result.reports, 3);
  assert.equal(result.reportsWithErrors, 3);
  assert.ok(hasFault(ws.latest(a)) && hasFault(ws.latest(b)) && hasFault(ws.latest(c)));

  // Open a.txt, fix the fault in the editor, close it unsaved: the disk result (the fault) comes back.
  await ws.openAndWait(a, planted);
  const fixed = planted.replace(/(\(七\) 总计\t+)26/, '$127');
  assert.notEqual(fixed, planted);
  const clean = ws.diagnostics(a, (p) => !hasFault(p.diagnostics));
  await ws.conn.sendNotification('textDocument/didChange', { textDocument: { uri: a, version: 2 }, contentChanges: [{ text: fixed }] });
  await clean;
  const back = ws.diagnostics(a, (p) => hasFault(p.diagnostics));
  await ws.conn.sendNotification('textDocument/didClose', { textDocument: { uri: a } });
  await back;

  // Fixed on disk: re-checked, its problems go.
  writeFileSync(join(root, 'c.txt'), fixed);
  const rechecked = ws.diagnostics(c, (p) => !hasFault(p.diagnostics));
  await ws.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 2 }] });
  await rechecked;

  // A folder deleted: one event for the folder, and its files' problems go.
  rmSync(join(root, 'sub'), { recursive: true });
  const dropped = ws.diagnostics(b, (p) => p.diagnostics.length === 0);
  await ws.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'sub')).toString(), type: 3 }] });
  await dropped;

  // A file created after the run, in scope: checked; one out of scope (node_modules): not.
  writeFileSync(join(root, 'new.txt'), planted);
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'node_modules', 'x.txt'), planted);
  const created = pathToFileURL(join(root, 'new.txt')).toString();
  const seen = ws.diagnostics(created, (p) => hasFault(p.diagnostics));
  await ws.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [
    { uri: pathToFileURL(join(root, 'node_modules', 'x.txt')).toString(), type: 1 }, { uri: created, type: 1 },
  ] });
  await seen;
  assert.equal(ws.latest(pathToFileURL(join(root, 'node_modules', 'x.txt')).toString()), undefined);

  // A folder copied in, reported as one event for the folder: its reports are checked.
  mkdirSync(join(root, 'copied'));
  writeFileSync(join(root, 'copied', 'd.txt'), planted);
  const inFolder = pathToFileURL(join(root, 'copied', 'd.txt')).toString();
  const folderSeen = ws.diagnostics(inFolder, (p) => hasFault(p.diagnostics));
  await ws.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'copied')).toString(), type: 1 }] });
  await folderSeen;

  // A rerun over fewer files (the client lists them) replaces every earlier result.
  const cleared = ws.diagnostics(created, (p) => p.diagnostics.length === 0);
  await ws.conn.sendRequest('govReport/validateWorkspace', { files: [a] });
  await cleared;
  assert.ok(hasFault(ws.latest(a)));
});

test('settings per resource: severity off, English messages; a configuration change re-checks open documents', async (t) => {
  const c = new LspClient();
  t.after(() => c.stop());
  let settings: Record<string, unknown> = { severity: { 'column-total': 'off' }, locale: 'en' };
  const asked: string[] = [];
  c.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
    p.items.map((i) => {
      asked.push(`${i.section}@${i.scopeUri}`);
      return i.section === 'govReport' ? settings : {};
    }));
  await c.initialize(null, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
  const uri = uriOf('settings.txt');
  const diags = await c.openAndWait(uri, fixture('reports/planted/001_total_natural_person_26.txt'));
  assert.ok(asked.includes(`govReport@${uri}`), 'settings are read for the document itself');
  assert.equal(diags.filter((d) => d.code === 'column-total').length, 0, 'column-total is off');
  // column-total is off: the typo is reported under the next identity it breaks, in English.
  assert.match(String(diags.find((d) => d.code === 'row-sum')!.message), /^Table 3 \(7\) total · natural persons should be 27 \(found 26\): the row total, column total and balance all require 27$/);
  settings = { enable: false };
  const cleared = c.diagnostics(uri, (p) => p.diagnostics.length === 0);
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(await cleared, [], 'disabling clears the open document');
  settings = {};
  const back = c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'column-total'));
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const again = await back;
  assert.match(String(again.find((d) => d.code === 'column-total')!.message), /^（七）总计·自然人应为 27（实为 26）/);
});
