// node/published.ts, the API the CLI and the language server read files through: any file for checking, and the
// reader threads with their deadline and memory bound. The threads run this test bundle (as they run dist/cli.js
// or dist/server.js): in a reader thread it serves, with two tasks of its own that never end or never stop
// growing, and runs no test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublishedReader, isReaderThread, publishedFormatOf, readForCheck, registerReaderTask, serveReaderThread } from '../../server/src/node/published';
import { ROOT, tempDir } from './helpers';

const CORPUS = join(ROOT, 'test', 'corpus', 'published');
const SEED = join(ROOT, 'test', 'fixtures', 'reports', 'seeds', '000_e38c355664a2a7a9.txt');

registerReaderTask('spin', () => {
  for (;;) {
    // a page pdf.js never gets out of
  }
});
registerReaderTask('grow', () => {
  const held: number[][] = [];
  for (;;) held.push(new Array(1 << 20).fill(held.length));
});
registerReaderTask('length', (report) => report.text.length);
registerReaderTask('html-source', (_report, _options, context) => context.htmlSource().length);

if (isReaderThread()) {
  serveReaderThread();
} else {
  test('text files are read as text, published files through the readers, in a thread', async () => {
    const text = await readForCheck(SEED);
    assert.ok(text.ok);
    assert.equal(text.format, 'text');
    assert.equal(text.text, readFileSync(SEED, 'utf8'));
    // A published file on the reader readForCheck keeps (its idle thread does not hold the process open).
    const page = await readForCheck(join(CORPUS, 'seed000.html'), { locale: 'en' });
    assert.ok(page.ok && page.format === 'html' && page.map.length > 100);
    const broken = await readForCheck(join(CORPUS, 'seed000.html'), { locale: 'en', maxBytes: 100 });
    assert.ok(!broken.ok && broken.reason === 'too-large' && broken.message.startsWith('file is '));
    const reader = new PublishedReader({ threads: 2 });
    try {
      const [html, docx, pdf] = await Promise.all(['html', 'docx', 'pdf'].map((ext) => reader.read(join(CORPUS, `seed001.${ext}`))));
      for (const [r, format] of [[html, 'html'], [docx, 'docx'], [pdf, 'pdf']] as const) {
        assert.ok(r!.ok, format);
        assert.equal(r!.format, format);
        assert.ok(r!.text.includes('政府信息公开工作年度报告'), format);
        assert.ok(r!.map.length > 100, format);
        assert.deepEqual(r!.notes, []);
      }
      assert.equal(pdf!.ok && pdf!.meta.pages, 5);
      // Bytes are read as given, and the caller keeps them.
      const bytes = new Uint8Array(readFileSync(join(CORPUS, 'seed001.docx')));
      const again = await reader.read(bytes);
      assert.ok(again.ok && docx!.ok && again.text === docx!.text);
      assert.equal(bytes.length, readFileSync(join(CORPUS, 'seed001.docx')).length);
    } finally {
      await reader.dispose();
    }
  });

  test('a file that takes longer than the deadline: its thread is terminated and replaced, the next file is read', async () => {
    const reader = new PublishedReader({ deadlineMs: 150 });
    try {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, 'seed001.html')));
      const t0 = Date.now();
      const stuck = await reader.runTask(bytes.slice(), 'spin', undefined);
      assert.ok(!stuck.ok);
      assert.equal(stuck.reason, 'timeout');
      assert.equal(stuck.message, '读取超时（超过 0.15 秒），已放弃');
      assert.ok(Date.now() - t0 < 5000);
      const next = await reader.runTask<number>(bytes.slice(), 'length', undefined, { deadlineMs: 30_000 });
      assert.ok(next.ok && next.result > 1000);
      const source = await reader.runTask<number>(bytes.slice(), 'html-source', undefined);
      assert.ok(source.ok && source.result === readFileSync(join(CORPUS, 'seed001.html'), 'utf8').length);
      // A file sent to the thread behind the one that never comes back is read by the thread that replaces it.
      const [stuckAgain, behind] = await Promise.all([
        reader.runTask(bytes.slice(), 'spin', undefined),
        reader.runTask<number>(bytes.slice(), 'length', undefined, { deadlineMs: 30_000 }),
      ]);
      assert.ok(!stuckAgain.ok && stuckAgain.reason === 'timeout');
      assert.ok(behind.ok && behind.result === next.result);
    } finally {
      await reader.dispose();
    }
  });

  test('a file whose reading outgrows the memory bound: the thread dies, the file gets a message, the next is read', async () => {
    const reader = new PublishedReader({ maxMemoryMb: 64, locale: 'en' });
    try {
      const bytes = new Uint8Array(readFileSync(join(CORPUS, 'seed001.html')));
      const grown = await reader.runTask(bytes.slice(), 'grow', undefined);
      assert.ok(!grown.ok);
      assert.equal(grown.reason, 'memory');
      assert.equal(grown.message, 'reading went over the memory limit (64 MB) and was abandoned');
      const next = await reader.read(bytes);
      assert.ok(next.ok && next.format === 'html');
    } finally {
      await reader.dispose();
    }
  });

  test('files that cannot be read: a reason as data and a message in the user\'s language', async () => {
    const dir = tempDir('gov-report-reader-');
    const reader = new PublishedReader({ maxBytes: 1024 * 1024 });
    try {
      const missing = await reader.read(join(dir, 'nope.pdf'));
      assert.deepEqual(missing, { ok: false, reason: 'unreadable', message: '文件不存在' });
      writeFileSync(join(dir, 'big.pdf'), Buffer.alloc(2 * 1024 * 1024, 0x25));
      const big = await reader.read(join(dir, 'big.pdf'));
      assert.ok(!big.ok && big.reason === 'too-large');
      const truncated = await reader.read(new Uint8Array(readFileSync(join(CORPUS, 'seed001.pdf')).subarray(0, 30000)));
      assert.ok(!truncated.ok);
      assert.equal(truncated.reason, 'damaged');
      assert.equal(truncated.format, 'pdf');
      assert.equal(truncated.message, '文件已损坏，无法完整读取');
      const zipOfNothing = await reader.read(new Uint8Array(readFileSync(join(CORPUS, 'seed001.docx')).subarray(0, 2000)));
      assert.ok(!zipOfNothing.ok && zipOfNothing.message === '文件已损坏，无法完整读取');
    } finally {
      await reader.dispose();
    }
  });

  test('what is read as a published file, from its first bytes', () => {
    const head = (s: string) => new TextEncoder().encode(s);
    assert.equal(publishedFormatOf(head('2024年度政府信息公开工作年度报告\n一、总体情况')), undefined);
    assert.equal(publishedFormatOf(head('\ufeff  <!DOCTYPE html><html><body>x</body></html>')), 'html');
    assert.equal(publishedFormatOf(head('{\\rtf1\\ansi x}')), 'rtf');
    assert.equal(publishedFormatOf(head('junk before the header %PDF-1.7\n')), 'pdf');
    assert.equal(publishedFormatOf(head('<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>')), 'word2003xml');
    assert.equal(publishedFormatOf(head('<?xml version="1.0"?><catalog/>')), undefined);
    assert.equal(publishedFormatOf(new Uint8Array(readFileSync(join(CORPUS, 'seed001.docx')))), 'docx');
    // Markdown that starts with HTML (pandoc's) is text; a whole page saved as .txt is a page.
    const page = new Uint8Array(readFileSync(join(CORPUS, 'seed000.html')));
    assert.equal(publishedFormatOf(page, 'x/report.txt'), 'html');
    assert.equal(publishedFormatOf(head('<div class="article">\n\n**标题**'), 'a.md'), undefined);
    assert.equal(publishedFormatOf(head('<div class="article">\n\n**标题**'), 'a.html'), 'html');
    // Every text file of the corpus is text.
    const corpus = join(ROOT, 'test', 'corpus');
    for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'published')) {
      for (const f of readdirSync(join(corpus, dir.name))) {
        const path = join(corpus, dir.name, f);
        assert.equal(publishedFormatOf(new Uint8Array(readFileSync(path)), path), undefined, path);
      }
    }
  });
}
