// Extension-host tests: the real extension, in a real VS Code, on a copy of the fixture reports (with the encodings
// fixtures under encodings/, as test/e2e/run.mjs lays it out).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import Mocha from 'mocha';

const EXTENSION_ID = 'gov-report-tools.gov-disclosure-report';

type Snapshot = { label: string; description: string; children: { label: string; description: string; children: { label: string; description: string }[] }[] }[];
type SummaryNode = { kind: 'year'; year: number | null } | { kind: 'unit'; name: string } | { kind: 'report' | 'missing' | 'none' };

interface Api {
  readonly client: { sendRequest: (method: string, params?: unknown) => Promise<unknown> } | undefined;
  start(): Promise<{ sendRequest: (method: string, params?: unknown) => Promise<unknown> }>;
  readonly summary: { snapshot(): Promise<Snapshot>; getChildren(node?: SummaryNode): Promise<SummaryNode[]> };
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests run with a copy of test/fixtures/reports open as the workspace folder');
  return f.uri;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gov-report');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Resolves when diagnostics for `uri` satisfy `test` (checked on every onDidChangeDiagnostics). */
function diagnosticsWhere(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (d: vscode.Diagnostic[]) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && test(ours(uri))) done(ours(uri));
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics for ${uri.fsPath} never matched; last: ${JSON.stringify(ours(uri).map(codeOf))}`));
    }, timeoutMs);
    if (test(ours(uri))) done(ours(uri));
  });
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
  return ext.isActive ? ext.exports : ext.activate();
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function registerTests(root: Mocha.Suite): void {
  const suite = Mocha.Suite.create(root, 'gov-report extension');
  const test = (title: string, fn: () => Promise<void>) => suite.addTest(new Mocha.Test(title, fn));

  test('activates without starting the server; a text that is no report does not start it, a report does', async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, 'extension installed');
    const exports = await ext.activate();
    assert.equal(ext.isActive, true);
    assert.equal(exports.client, undefined, 'no server before a report is opened');
    const notes = vscode.Uri.joinPath(folder(), 'notes.txt');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('会议记录\n明天上午九点开会。\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await sleep(1000);
    assert.equal(exports.client, undefined, 'a .txt that is no report starts no server');
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '000_e38c355664a2a7a9.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the server started by the first report', () => exports.client);
    await closeAll();
  });

  test('a .txt report is told by its content: the report language, and its diagnostics; a wrong total is flagged on its cell', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '001_8c5bb81dea3251c9.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const doc = await waitFor('the report language', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'gov-report'));
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.every((x) => x.severity !== vscode.DiagnosticSeverity.Error));
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('(七) 总计'));
    const cells = doc.lineAt(line).text.split('\t');
    const start = cells.slice(0, 2).join('\t').length + 1;
    await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + cells[2]!.length), '26'));
    const d = await diagnosticsWhere(uri, (x) => x.some((y) => codeOf(y) === 'column-total'));
    const col = d.find((x) => codeOf(x) === 'column-total')!;
    assert.equal(col.range.start.line, line);
    assert.equal(col.range.start.character, start);
    assert.equal(col.message, '（七）总计·自然人应为 27（实为 26）：行合计、列合计与勾稽关系均要求 27');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, start));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /（七）总计·自然人 = 4 \+ 1 \+ 1 \+ 21 = 27 ✗/);
    assert.match(text, /✗ 错误：（七）总计·自然人应为 27/);

    // The preview's model: the wrong cell marked with the value required.
    const client = (await api()).client!;
    const model = (await client.sendRequest('govReport/preview', { textDocument: { uri: uri.toString() } })) as { blocks: { kind: string; title?: string; rows?: { text: string; status?: string; expected?: string }[][] }[] };
    const t3 = model.blocks.find((b) => b.kind === 'table' && b.title?.startsWith('表三'))!;
    const wrong = t3.rows!.flat().find((c) => c.status === 'error')!;
    assert.deepEqual([wrong.text, wrong.expected], ['26', '应为 27']);
    const at = (await client.sendRequest('govReport/cellAt', { textDocument: { uri: uri.toString() }, position: { line, character: start } })) as { cell?: string };
    assert.equal(at.cell, '表三 · （七）总计 · 自然人');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, col.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('改为计算值 27'));
    assert.ok(fix?.edit, `quick fix offered: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsWhere(uri, (x) => !x.some((y) => codeOf(y) === 'column-total'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  test('a fix that inserts template text leaves the cursor on its first placeholder', async () => {
    const source = (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'seeds', '001_8c5bb81dea3251c9.txt'))).getText();
    const lines = source.split('\n');
    const five = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));
    const six = lines.findIndex((l) => l.startsWith('六、其他需要报告的事项'));
    lines.splice(five, six - five);
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content: lines.join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const d = await diagnosticsWhere(doc.uri, (x) => x.some((y) => codeOf(y) === 'section-missing'));
    const missing = d.find((y) => codeOf(y) === 'section-missing')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title.startsWith('插入“五、存在的主要问题及改进情况”部分'))!;
    assert.ok(insert.edit && insert.command, `the insertion carries the placeholder command: ${JSON.stringify(insert.command)}`);
    await vscode.workspace.applyEdit(insert.edit);
    await vscode.commands.executeCommand(insert.command.command, ...(insert.command.arguments ?? []));
    assert.equal(doc.getText(editor.selection), '（文字描述：本年度存在的主要问题，以及改进情况。）');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an expense list named like a report is not one; a Markdown report stays Markdown and is checked', async () => {
    const expenses = vscode.Uri.joinPath(folder(), '2023年报销明细.txt');
    await vscode.workspace.fs.writeFile(expenses, new TextEncoder().encode('2023年报销明细\n差旅费\t300\n办公用品\t120\n合计\t420\n'));
    const plain = await vscode.workspace.openTextDocument(expenses);
    await vscode.window.showTextDocument(plain);
    await sleep(1500);
    assert.equal(plain.languageId, 'plaintext');
    assert.deepEqual(ours(expenses), []);

    const md = vscode.Uri.joinPath(folder(), '龙亭区2023年政府信息公开工作年度报告.md');
    const tsv = (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'planted', '001_total_natural_person_26.txt'))).getText();
    await vscode.workspace.fs.writeFile(md, new TextEncoder().encode(tsv.split('\n').map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l)).join('\n')));
    const doc = await vscode.workspace.openTextDocument(md);
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsWhere(md, (x) => x.some((y) => codeOf(y) === 'column-total'));
    assert.ok(d.length > 0);
    await sleep(300);
    assert.equal(doc.languageId, 'markdown', 'a Markdown report stays Markdown');
    // Insert Table 3 in Markdown: a Markdown table, with blank lines around it.
    const editor = vscode.window.activeTextEditor!;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('govReport.insertTable3');
    await waitFor('the Markdown table', () => doc.getText().includes('| 一、本年新收政府信息公开申请数量 |'));
    assert.match(doc.getText(), /\n\n\| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） \|/);
    assert.match(doc.getText(), /\| 四、结转下年度继续办理 \|  \|  \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|\n$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  test('a UTF-16 report (with its BOM) opens as Chinese text and is checked', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'encodings', '003_utf16le_bom.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /政府信息公开工作年度报告/);
    await vscode.window.showTextDocument(doc);
    await waitFor('the report language', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'gov-report'));
    await closeAll();
  });

  test('a GB18030 report opens as Chinese text (the encoding is guessed) and is checked', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'encodings', '001_gb18030.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /政府信息公开工作年度报告/, `decoded: ${doc.getText().slice(0, 60)}`);
    await vscode.window.showTextDocument(doc);
    await waitFor('the report language', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'gov-report'));
    await closeAll();
  });

  test('document symbols list the six parts', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '000_e38c355664a2a7a9.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    let list: vscode.DocumentSymbol[] = [];
    for (let i = 0; i < 100 && list.length === 0; i++) {
      list = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      if (list.length === 0) await sleep(100);
    }
    assert.deepEqual(list.map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    await closeAll();
  });

  test('validate workspace: files never opened get their problems; close, change and delete keep them true', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; reports: number; reportsWithErrors: number }>('govReport.validateWorkspace');
    assert.ok(result && result.reports >= 6 && result.reportsWithErrors >= 1, JSON.stringify(result));
    const planted = vscode.Uri.joinPath(folder(), 'planted', '001_total_natural_person_26.txt');
    await diagnosticsWhere(planted, (x) => x.some((y) => codeOf(y) === 'column-total'));
    // Opened, fixed in the editor, closed unsaved: the disk result comes back.
    const doc = await vscode.workspace.openTextDocument(planted);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('(七) 总计'));
    const start = doc.lineAt(line).text.indexOf('\t26\t') + 1;
    await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + 2), '27'));
    await diagnosticsWhere(planted, (x) => !x.some((y) => codeOf(y) === 'column-total'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsWhere(planted, (x) => x.some((y) => codeOf(y) === 'column-total'));
    // Opened (it takes the report language) and closed, untouched: its problems stay.
    const other = vscode.Uri.joinPath(folder(), 'planted', '总计有误的副本.txt');
    await vscode.workspace.fs.writeFile(other, await vscode.workspace.fs.readFile(planted));
    await diagnosticsWhere(other, (x) => x.some((y) => codeOf(y) === 'column-total'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other));
    await waitFor('the report language', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === other.toString() && d.languageId === 'gov-report'));
    await sleep(500);
    await closeAll();
    await sleep(2000);
    assert.ok(ours(other).some((y) => codeOf(y) === 'column-total'), `closed untouched, its problems stay: ${JSON.stringify(ours(other).map(codeOf))}`);
    // A copy changed on disk: re-checked. Deleted: its problems go.
    const copy = vscode.Uri.joinPath(folder(), 'copy.txt');
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(planted));
    await diagnosticsWhere(copy, (x) => x.some((y) => codeOf(y) === 'column-total'));
    const fixed = new TextDecoder().decode(await vscode.workspace.fs.readFile(planted)).replace(/(\(七\) 总计\t+)26/, '$127');
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(fixed));
    await diagnosticsWhere(copy, (x) => !x.some((y) => codeOf(y) === 'column-total'));
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(planted));
    await diagnosticsWhere(copy, (x) => x.some((y) => codeOf(y) === 'column-total'));
    await vscode.workspace.fs.delete(copy);
    await diagnosticsWhere(copy, (x) => x.length === 0);
  });

  test('killing the server: the client restarts it and diagnostics come back', async () => {
    const client = (await api()).client!;
    const before = (await client.sendRequest('govReport/serverInfo')) as { pid: number };
    process.kill(before.pid, 'SIGKILL');
    // The language client notices the exit and starts a new server (its default error handler restarts it).
    let after: { pid: number } | undefined;
    for (let i = 0; i < 200 && !after; i++) {
      await sleep(100);
      try {
        const info = (await client.sendRequest('govReport/serverInfo')) as { pid: number };
        if (info.pid !== before.pid) after = info;
      } catch {
        // not back yet
      }
    }
    assert.ok(after, 'a new server process answers');
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '001_8c5bb81dea3251c9.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // 表四's data row: 行政复议 结果维持 1 → 2 breaks that group's sum.
    const line = doc.getText().split('\n').findIndex((l) => /^1\t1\t0\t0\t2\t/.test(l));
    await editor.edit((b) => b.replace(new vscode.Range(line, 0, line, 1), '2'));
    const d = await diagnosticsWhere(uri, (x) => x.some((y) => codeOf(y) === 'row-sum'));
    assert.ok(d.some((y) => y.range.start.line === line));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  test('the summary view: year → unit → report with counts and the missing report; a carry-over mismatch in the editor on its cell; export, aggregate, a unit\'s problems, filters', async () => {
    // A pair made from a seed (as test/unit/helpers.ts seedPair makes it) under another unit's name, the 2023 one with
    // 二、上年结转·自然人 planted 2 where 2022 carried 1 forward; and a unit with 2022 only (its 2023 report missing).
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'seeds', '001_8c5bb81dea3251c9.txt'))).replace(/龙亭区/g, '示范区');
    const edit = (text: string, label: string, from: RegExp, to: string) => text.split('\n').map((l) => (l.startsWith(label) ? l.replace(from, to) : l)).join('\n');
    let last = seed.replace(/2023/g, '2022');
    last = edit(last, '一、本年新收', /\t27\t0\t0\t0\t0\t0\t27/, '\t28\t0\t0\t0\t0\t0\t28');
    last = edit(last, '四、结转下年度', /\t0\t0\t0\t0\t0\t0\t0/, '\t1\t0\t0\t0\t0\t0\t1');
    last = edit(last, '行政规范性文件\t', /\t1\t0\t4$/, '\t1\t0\t3');
    const now = edit(edit(seed, '二、上年结转', /\t0\t0\t0\t0\t0\t0\t0/, '\t2\t0\t0\t0\t0\t0\t1'), '四、结转下年度', /\t0\t0\t0\t0\t0\t0\t0/, '\t1\t0\t0\t0\t0\t0\t1');
    const dir = vscode.Uri.joinPath(folder(), 'crossyear');
    const [lastUri, nowUri, otherUri] = ['示范2022.txt', '示范2023.txt', '另一单位2022.txt'].map((f) => vscode.Uri.joinPath(dir, f)) as [vscode.Uri, vscode.Uri, vscode.Uri];
    await vscode.workspace.fs.writeFile(lastUri, new TextEncoder().encode(last));
    await vscode.workspace.fs.writeFile(otherUri, new TextEncoder().encode(last.replace(/示范区/g, '另一区')));
    await vscode.workspace.fs.writeFile(nowUri, new TextEncoder().encode(now));
    try {
      // Validate All (again: the server was restarted by the test before): the 2023 report has the mismatch on its cell.
      await vscode.commands.executeCommand('govReport.validateWorkspace');
      const line = now.split('\n').findIndex((l) => l.startsWith('二、上年结转'));
      const found = await diagnosticsWhere(nowUri, (x) => x.some((y) => codeOf(y) === 'carry-over-mismatch'));
      const mismatch = found.filter((y) => codeOf(y) === 'carry-over-mismatch');
      assert.deepEqual(mismatch.map((y) => [y.range.start.line, y.severity]), [[line, vscode.DiagnosticSeverity.Error]]);
      assert.equal(mismatch[0]!.range.start.character, now.split('\n')[line]!.indexOf('\t2\t') + 1, 'on 自然人, the column planted');
      assert.equal(mismatch[0]!.relatedInformation?.[0]?.location.uri.toString(), lastUri.toString());

      // The view: 2023 → 示范区人民政府办公室 → 示范2023.txt with its errors; 2023 → 另一区… → its missing report.
      const summary = (await api()).summary;
      const tree = await waitFor('the view', async () => {
        const t = await summary.snapshot();
        const y2023 = t.find((y) => y.label === '2023');
        return y2023?.children.some((u) => u.label === '示范区人民政府办公室' && u.children.some((r) => r.label === '示范2023.txt' && /^错误 [1-9]/.test(r.description))) ? t : undefined;
      });
      const y2023 = tree.find((y) => y.label === '2023')!;
      assert.ok(y2023.children.some((u) => u.label === '另一区人民政府办公室' && u.children.some((r) => r.label === '缺少 2023 年度报告')), JSON.stringify(y2023));
      assert.match(y2023.description, /^\d+ 份 · 缺 1 份 · 错误 \d+ · 警告 \d+$/);
      // A unit whose only entry is a missing report is not marked clean.
      assert.deepEqual(y2023.children.find((u) => u.label === '另一区人民政府办公室')!.description, '0 份 · 缺 1 份');

      // Open it: the editor's diagnostics have it too; type the right number and it goes.
      const doc = await vscode.workspace.openTextDocument(nowUri);
      const editor = await vscode.window.showTextDocument(doc);
      await diagnosticsWhere(nowUri, (x) => x.some((y) => codeOf(y) === 'carry-over-mismatch'));
      const at = mismatch[0]!.range;
      await editor.edit((b) => b.replace(at, '1'));
      await diagnosticsWhere(nowUri, (x) => !x.some((y) => codeOf(y) === 'carry-over-mismatch'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      // Export: CSV with a BOM, a row per report.
      const target = vscode.Uri.joinPath(folder(), 'summary-export.csv');
      await vscode.commands.executeCommand('govReport.exportSummary', 'csv', target);
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(new TextDecoder().decode(bytes), /\r\n报告,crossyear\/示范2023\.txt,示范区人民政府办公室,/);
      await vscode.workspace.fs.delete(target);

      // A unit's problems to the clipboard.
      const units = await summary.getChildren((await summary.getChildren()).find((n) => n.kind === 'year' && n.year === 2023));
      const unit = units.find((n) => n.kind === 'unit' && n.name === '示范区人民政府办公室');
      const copied = await vscode.commands.executeCommand<string>('govReport.copyUnitProblems', unit);
      assert.match(copied, /^crossyear\/示范2023\.txt（示范区人民政府办公室 2023年度）：错误 [1-9]/);
      assert.equal(await vscode.env.clipboard.readText(), copied);

      // The aggregate tables of 2022, an untitled report.
      const aggregate = await vscode.commands.executeCommand<vscode.TextDocument>('govReport.openAggregate', 2022);
      assert.equal(aggregate.languageId, 'gov-report');
      assert.match(aggregate.getText(), /^2022年政府信息公开工作年度报告（汇总表，2份报告）/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

      // Filters: errors only, then a unit's name; cleared.
      await vscode.commands.executeCommand('govReport.filterSummaryErrors');
      const errorsOnly = await summary.snapshot();
      assert.ok(errorsOnly.every((y) => y.children.every((u) => u.children.every((r) => /^错误 [1-9]/.test(r.description)))), JSON.stringify(errorsOnly));
      await vscode.commands.executeCommand('govReport.filterSummaryErrors');
      await vscode.commands.executeCommand('govReport.filterSummaryUnit', '另一');
      // (Its report of 2022; missing for 2023 and for any later year the fixtures hold.)
      const filtered = await summary.snapshot();
      assert.ok(filtered.length >= 2 && filtered.every((y) => y.children.length === 1 && y.children[0]!.label === '另一区人民政府办公室'), JSON.stringify(filtered));
      assert.ok(filtered.some((y) => y.label === '2022' && y.children[0]!.children.some((r) => r.label === '另一单位2022.txt')), JSON.stringify(filtered));
      await vscode.commands.executeCommand('govReport.clearSummaryFilter');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  test('the 表三 snippet inserts a table that balances, on lines of its own', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content: '三、收到和处理政府信息公开申请情况' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    await vscode.commands.executeCommand('govReport.insertTable3');
    await waitFor('snippet text', () => doc.getText().includes('（七）总计'));
    assert.match(doc.getText(), /^三、收到和处理政府信息公开申请情况\n\n（本列数据/);
    assert.match(doc.getText(), /一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a .pdf and a .docx open as the report text, in the report language, checked; Validate All puts their problems there; an unreadable file says why', async () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const dir = vscode.Uri.joinPath(folder(), 'published');
    const pdf = vscode.Uri.joinPath(dir, 'planted.pdf');
    const docx = vscode.Uri.joinPath(dir, 'seed001.docx');
    const broken = vscode.Uri.joinPath(dir, 'broken.docx');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(root, 'test/fixtures/readers/seed000-v1.planted.pdf'), pdf, { overwrite: true });
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(root, 'test/corpus/published/seed001.docx'), docx, { overwrite: true });
    // A .docx cut short: no zip directory.
    await vscode.workspace.fs.writeFile(broken, (await vscode.workspace.fs.readFile(docx)).subarray(0, 6000));
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('govReport.openPublished', pdf);
      assert.ok(editor, 'the command opens an editor');
      const doc = editor.document;
      assert.equal(doc.uri.scheme, 'gov-report-published');
      assert.equal(doc.uri.path, pdf.path);
      assert.equal(doc.languageId, 'gov-report');
      const diags = await diagnosticsWhere(doc.uri, (x) => x.some((y) => codeOf(y) === 'column-total'));
      const total = diags.find((y) => codeOf(y) === 'column-total')!;
      assert.equal(doc.getText(total.range), '173', 'the problem sits on the cell at fault');
      assert.match(doc.lineAt(total.range.start.line).text, /（七）总计/);
      const symbols = await waitFor('the outline', async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
        return s && s.length >= 6 ? s : undefined;
      });
      assert.match(symbols[0]!.name, /一、总体情况/);
      const word = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('govReport.openPublished', docx);
      assert.ok(word && word.document.languageId === 'gov-report' && /表三|收到和处理政府信息公开申请情况/.test(word.document.getText()));
      // An unreadable file opens nothing (its message says which file and why).
      assert.equal(await vscode.commands.executeCommand('govReport.openPublished', broken), undefined);
      await closeAll();
      const result = await vscode.commands.executeCommand<{ unreadable: { path: string; reason: string }[] }>('govReport.validateWorkspace');
      assert.ok(result?.unreadable.some((u) => u.path.endsWith('broken.docx') && /损坏|damaged/.test(u.reason)), JSON.stringify(result?.unreadable));
      const again = await diagnosticsWhere(pdf.with({ scheme: 'gov-report-published' }), (x) => x.some((y) => codeOf(y) === 'column-total'));
      assert.deepEqual(again.find((y) => codeOf(y) === 'column-total')!.range, total.range);
      assert.equal(ours(pdf).length, 0, 'nothing on the .pdf itself');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });
}
