// Published files in the language server (lsp/publishedDocs.ts), driven over stdio as the extension drives it: the
// rendered text of a Word/PDF file (govReport/publishedText) is the CLI's --show-text; Validate All reads Word/PDF
// files on the reader threads and publishes their diagnostics on the rendered text's URI (gov-report-published:),
// where the cell at fault is; a web page is checked in place, its diagnostics on its own source; a file that
// cannot be read says which and why.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { PLANTED, ROOT, fixture, tempDir } from './helpers';
import { fileUriOfPublished, publishedUriOf } from '../../server/src/shared/constants';

const CORPUS = join(ROOT, 'test', 'corpus', 'published');
const PLANTED_PDF = join(ROOT, 'test', 'fixtures', 'readers', 'seed000-v1.planted.pdf');

type TextResult = { ok: true; text: string; format: string; published?: string; notes: string[] } | { ok: false; message: string };

function showText(path: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--show-text', path], { encoding: 'utf8' });
}

function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('x', 'html', 1, text);
  return doc.getText(range);
}

async function server(t: { after: (fn: () => unknown) => void }, root?: string): Promise<LspClient> {
  const c = new LspClient();
  t.after(() => c.stop());
  await c.initialize(root ? pathToFileURL(root).toString() : null);
  return c;
}

test('the rendered text URI of a file and back', () => {
  assert.equal(publishedUriOf('file:///a/%E6%8A%A5%E5%91%8A.docx'), 'gov-report-published:/a/%E6%8A%A5%E5%91%8A.docx');
  assert.equal(fileUriOfPublished('gov-report-published:/a/%E6%8A%A5%E5%91%8A.docx'), 'file:///a/%E6%8A%A5%E5%91%8A.docx');
  assert.equal(fileUriOfPublished('gov-report-published://host/share/a.pdf'), 'file://host/share/a.pdf');
  assert.equal(fileUriOfPublished('file:///a.pdf'), undefined);
});

test('publishedText: a generated .docx and .pdf give exactly the text the CLI shows with --show-text', async (t) => {
  const c = await server(t);
  for (const name of ['seed001.docx', 'seed004.pdf']) {
    const path = join(CORPUS, name);
    const r = (await c.conn.sendRequest('govReport/publishedText', { uri: pathToFileURL(path).toString() })) as TextResult;
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.format, name.endsWith('.pdf') ? 'pdf' : 'docx');
    assert.ok(r.text.length > 1000);
    assert.equal(`${r.text.replace(/\n$/, '')}\n`, showText(path).replace(/\n*$/, '\n'), name);
  }
});

test('publishedText: a damaged .docx, a missing file and a PDF with no text say which file and why, and give no text', async (t) => {
  const dir = tempDir('gov-published-bad-');
  const damaged = join(dir, '损坏的报告.docx');
  // A .docx cut short (a download that stopped): its zip has no central directory.
  writeFileSync(damaged, readFileSync(join(CORPUS, 'seed001.docx')).subarray(0, 6000));
  const noText = join(dir, 'scan.pdf');
  // A one-page PDF with no text layer (nothing drawn): what a scan without OCR reads as.
  writeFileSync(noText, minimalPdf());
  const c = await server(t);
  const ask = async (path: string) => (await c.conn.sendRequest('govReport/publishedText', { uri: pathToFileURL(path).toString() })) as TextResult;
  const bad = await ask(damaged);
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /^无法以年度报告文本打开“损坏的报告\.docx”：.+/);
  assert.doesNotMatch((bad as { message: string }).message, /：$/);
  const missing = await ask(join(dir, 'gone.pdf'));
  assert.equal(missing.ok, false);
  assert.match((missing as { message: string }).message, /“gone\.pdf”：/);
  const scan = await ask(noText);
  assert.equal(scan.ok, false, JSON.stringify(scan));
  assert.match((scan as { message: string }).message, /“scan\.pdf”：.*(文字|扫描)/);
});

test('Validate All reads .docx and .pdf files and publishes on the rendered text: the planted PDF fault on its cell; opening that text gives the same', async (t) => {
  const dir = tempDir('gov-published-ws-');
  copyFileSync(PLANTED_PDF, join(dir, 'planted.pdf'));
  copyFileSync(join(CORPUS, 'seed001.docx'), join(dir, 'clean.docx'));
  writeFileSync(join(dir, 'broken.docx'), readFileSync(join(CORPUS, 'seed001.docx')).subarray(0, 6000));
  const c = await server(t, dir);
  const result = (await c.conn.sendRequest('govReport/validateWorkspace', {})) as {
    files: number; reports: number; reportsWithErrors: number; errors: number; unreadable: { path: string; reason: string }[];
  };
  assert.equal(result.files, 3);
  assert.equal(result.reports, 2);
  assert.equal(result.reportsWithErrors, 1);
  assert.deepEqual(result.unreadable.map((u) => u.path), [join(dir, 'broken.docx')]);
  const pdfUri = publishedUriOf(pathToFileURL(join(dir, 'planted.pdf')).toString());
  const diags = c.latest(pdfUri);
  assert.ok(diags, `nothing published on ${pdfUri}: ${[...c.published.keys()].join(', ')}`);
  // Nothing on the file itself (it is no text), nothing for the clean .docx.
  assert.equal(c.latest(pathToFileURL(join(dir, 'planted.pdf')).toString()), undefined);
  assert.equal(c.latest(publishedUriOf(pathToFileURL(join(dir, 'clean.docx')).toString())), undefined);
  const total = diags.find((d) => d.code === 'column-total')!;
  assert.ok(total, JSON.stringify(diags.map((d) => d.code)));
  // On the cell at fault in the rendered text, as the client's document shows it.
  const text = ((await c.conn.sendRequest('govReport/publishedText', { uri: pathToFileURL(join(dir, 'planted.pdf')).toString() })) as { text: string }).text;
  assert.equal(textAt(text, total.range), '173');
  const row = text.split('\n')[total.range.start.line]!;
  assert.match(row, /^\t?（七）总计\t/);
  // Opened in the editor: the same problems, live, on the same URI.
  const live = await c.openAndWait(pdfUri, text, 'gov-report');
  assert.deepEqual(live.map((d) => [d.code, d.range]), diags.map((d) => [d.code, d.range]));
  // Hovers and the outline work on it as on any report.
  const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: pdfUri }, position: total.range.start })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /173/);
});

test('a web page is checked in place: the planted fault on its cell in the HTML source; a page that is no report gets nothing', async (t) => {
  const page = readFileSync(join(CORPUS, 'seed000-v1.html'), 'utf8');
  const planted = page.replace('（七）总计</td><td>172</td>', '（七）总计</td><td>173</td>');
  assert.notEqual(planted, page);
  const c = await server(t);
  const uri = 'file:///virtual/report.html';
  const diags: Diagnostic[] = await c.openAndWait(uri, planted, 'html');
  const total = diags.find((d) => d.code === 'column-total');
  assert.ok(total, JSON.stringify(diags.map((d) => d.code)));
  assert.equal(textAt(planted, total.range), '173');
  assert.match(planted.split('\n')[total.range.start.line]!, /（七）总计<\/td><td>173</);
  const warning = diags.find((d) => d.code === 'text-table-mismatch')!;
  assert.ok(warning);
  // The clean page: the CLI's one warning, at the CLI's line and column.
  const cleanUri = 'file:///virtual/clean.html';
  const clean = await c.openAndWait(cleanUri, page, 'html');
  assert.deepEqual(clean.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]), [['text-table-mismatch', 22, 37]]);
  const other = await c.openAndWait('file:///virtual/other.html', '<html><body><p>政府信息公开 栏目首页</p><p>年度报告 列表</p></body></html>', 'html');
  assert.deepEqual(other, []);
  const plain = await c.openAndWait('file:///virtual/plain.html', '<html><body><p>hello</p></body></html>', 'html');
  assert.deepEqual(plain, []);
});

test('Validate All checks a web page in place, on the file itself', async (t) => {
  const dir = tempDir('gov-published-html-');
  const page = readFileSync(join(CORPUS, 'seed000-v1.html'), 'utf8').replace('（七）总计</td><td>172</td>', '（七）总计</td><td>173</td>');
  writeFileSync(join(dir, 'report.html'), page);
  const c = await server(t, dir);
  const result = (await c.conn.sendRequest('govReport/validateWorkspace', {})) as { reports: number; reportsWithErrors: number };
  assert.equal(result.reports, 1);
  assert.equal(result.reportsWithErrors, 1);
  const diags = c.latest(pathToFileURL(join(dir, 'report.html')).toString())!;
  const total = diags.find((d) => d.code === 'column-total')!;
  assert.equal(textAt(page, total.range), '173');
});

test('a page’s own publication date reaches late-publication: in place, in Validate All and on the rendered text', async (t) => {
  // Seed 000 is a department's 2024 report (…管理局): due by 2025-01-31.
  const page = readFileSync(join(CORPUS, 'seed000-v1.html'), 'utf8');
  const late = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="PubDate" content="2025-03-02 10:00">');
  const onTime = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="PubDate" content="2025-01-20 10:00">');
  assert.notEqual(late, page);
  const dir = tempDir('gov-published-date-');
  writeFileSync(join(dir, 'late.html'), late);
  writeFileSync(join(dir, 'ontime.html'), onTime);
  const c = await server(t, dir);
  const lateCodes = (await c.openAndWait('file:///virtual/late.html', late, 'html')).map((d) => d.code);
  assert.ok(lateCodes.includes('late-publication'), JSON.stringify(lateCodes));
  assert.ok(!(await c.openAndWait('file:///virtual/ontime.html', onTime, 'html')).some((d) => d.code === 'late-publication'));
  await c.conn.sendRequest('govReport/validateWorkspace', {});
  assert.ok(c.latest(pathToFileURL(join(dir, 'late.html')).toString())!.some((d) => d.code === 'late-publication'));
  const lateUri = pathToFileURL(join(dir, 'late.html')).toString();
  const r = (await c.conn.sendRequest('govReport/publishedText', { uri: lateUri })) as { ok: true; text: string; published: string };
  assert.equal(r.published, '2025-03-02T10:00');
  const rendered = await c.openAndWait(publishedUriOf(lateUri), r.text, 'gov-report');
  const d = rendered.find((x) => x.code === 'late-publication');
  assert.ok(d, JSON.stringify(rendered.map((x) => x.code)));
  assert.match(String(d.message), /2025年1月31日/);
});

test('Validate All reading PDFs never holds the server up: a hover is answered while they are read', async (t) => {
  const dir = tempDir('gov-published-busy-');
  for (let i = 0; i < 8; i++) copyFileSync(PLANTED_PDF, join(dir, `p${i}.pdf`));
  const c = await server(t, dir);
  const text = fixture(PLANTED.totalNaturalPerson26);
  const uri = 'file:///virtual/busy.txt';
  await c.openAndWait(uri, text);
  const order: string[] = [];
  const validating = c.conn.sendRequest('govReport/validateWorkspace', {}).then((r) => {
    order.push('validated');
    return r as { reports: number; reportsWithErrors: number };
  });
  await new Promise((r) => setTimeout(r, 50));
  const line = text.split('\n').findIndex((l) => l.startsWith('(七) 总计'));
  const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } });
  order.push('hover');
  assert.ok(hover);
  const result = await validating;
  assert.deepEqual(order, ['hover', 'validated']);
  assert.equal(result.reports, 8);
  assert.equal(result.reportsWithErrors, 8);
  for (let i = 0; i < 8; i++) assert.ok(c.latest(publishedUriOf(pathToFileURL(join(dir, `p${i}.pdf`)).toString()))?.some((d) => d.code === 'column-total'));
});

/** A valid one-page PDF with nothing drawn on its page. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
