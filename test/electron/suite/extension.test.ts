// Extension-host tests: the real extension, in a real VS Code, on the fixture reports folder.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import Mocha from 'mocha';

const EXTENSION_ID = 'gov-report-tools.gov-disclosure-report';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests run with test/fixtures/reports open as the workspace folder');
  return f.uri;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gov-report');
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
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
      reject(new Error(`diagnostics for ${uri.fsPath} never matched; last: ${JSON.stringify(ours(uri).map((d) => d.code))}`));
    }, timeoutMs);
    if (test(ours(uri))) done(ours(uri));
  });
}

export function registerTests(root: Mocha.Suite): void {
  const suite = Mocha.Suite.create(root, 'gov-report extension');

  suite.addTest(new Mocha.Test('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension installed');
    await ext.activate();
    assert.equal(ext.isActive, true);
  }));

  suite.addTest(new Mocha.Test('a seed opens with its diagnostics; a wrong total is flagged on its cell', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '001_8c5bb81dea3251c9.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (d) => d.length === 0 || d.every((x) => x.severity !== vscode.DiagnosticSeverity.Error));
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('(七) 总计'));
    const cells = doc.lineAt(line).text.split('\t');
    const start = cells.slice(0, 2).join('\t').length + 1;
    await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + cells[2]!.length), '26'));
    const d = await diagnosticsWhere(uri, (x) => x.some((y) => y.code === 'column-total'));
    const col = d.find((x) => x.code === 'column-total')!;
    assert.equal(col.range.start.line, line);
    assert.equal(col.range.start.character, start);
    assert.equal(col.message, '（七）总计·自然人应为 27（各项之和），实为 26');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, start));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /（七）总计·自然人 = 4 \+ 1 \+ 1 \+ 21 = 27 ✗/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, col.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('改为计算值 27'));
    assert.ok(fix?.edit, `quick fix offered: ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsWhere(uri, (x) => !x.some((y) => y.code === 'column-total'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }));

  suite.addTest(new Mocha.Test('document symbols list the six parts', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'seeds', '000_e38c355664a2a7a9.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    let list: vscode.DocumentSymbol[] = [];
    for (let i = 0; i < 100 && list.length === 0; i++) {
      list = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      if (list.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(list.map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  }));

  suite.addTest(new Mocha.Test('validate workspace publishes diagnostics for files never opened', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; reports: number; errors: number }>('govReport.validateWorkspace');
    assert.ok(result && result.reports >= 6, JSON.stringify(result));
    const planted = vscode.Uri.joinPath(folder(), 'planted', '001_total_natural_person_26.txt');
    const d = await diagnosticsWhere(planted, (x) => x.some((y) => y.code === 'column-total'));
    assert.ok(d.length > 0);
  }));

  suite.addTest(new Mocha.Test('killing the server: the client restarts it and diagnostics come back', async () => {
    const ext = vscode.extensions.getExtension<{ client: { sendRequest: (m: string) => Promise<{ pid: number }> } }>(EXTENSION_ID)!;
    const client = ext.exports.client;
    const before = await client.sendRequest('govReport/serverInfo');
    process.kill(before.pid, 'SIGKILL');
    // The language client notices the exit and starts a new server (its default error handler restarts it).
    let after: { pid: number } | undefined;
    for (let i = 0; i < 200 && !after; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        const info = await client.sendRequest('govReport/serverInfo');
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
    const d = await diagnosticsWhere(uri, (x) => x.some((y) => y.code === 'row-sum'));
    assert.ok(d.some((y) => y.range.start.line === line));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }));

  suite.addTest(new Mocha.Test('the 表三 snippet inserts a table that balances', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('govReport.insertTable3');
    await waitFor('snippet text', () => doc.getText().includes('（七）总计'));
    assert.match(doc.getText(), /一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }));
}
