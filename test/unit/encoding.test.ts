// encoding-garbled: a report read with the wrong encoding says so, once, and how to reopen it; a report that reads
// right never does. The garbled texts are made the way an editor makes them: the GB18030 fixture's bytes decoded
// as UTF-8, and a seed's UTF-8 bytes decoded as GBK.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkEncoding, findGarbling } from '../../server/src/report/checks/encoding';
import { analyzeText } from '../../server/src/lsp/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/shared/protocol';
import { UTF8_AS_GBK_WORDS, looksGarbled, looksLikeReport, nameSuggestsReport } from '../../server/src/shared/sniff';
import { zhCN } from '../../server/src/l10n/zh-CN';
import { LineIndex } from '../../server/src/report';
import { ROOT, SEEDS, SHARED_REPORTS, fixture } from './helpers';

const gbkBytes = readFileSync(join(ROOT, 'test/fixtures/encodings/001_gb18030.txt'));
/** The GB18030 report as an editor that reads it as UTF-8 shows it. */
const gbkAsUtf8 = new TextDecoder('utf-8').decode(gbkBytes);
/** A UTF-8 seed as an editor that reads it as GBK shows it. */
const utf8AsGbk = new TextDecoder('gbk').decode(Buffer.from(fixture(SEEDS.tsv000), 'utf8'));

test('the mojibake words are what GBK makes of the report\'s UTF-8 words, at both alignments', () => {
  const gbk = new TextDecoder('gbk');
  const made: string[] = [];
  for (const word of ['政府信息公开', '年度报告', '主动公开', '行政复议', '行政诉讼', '总体情况']) {
    const bytes = Buffer.from(word, 'utf8');
    // Even: the word starts a run of GBK pairs; odd: one byte of the character before pairs with its first, and
    // its last byte pairs with the character after.
    const even = gbk.decode(bytes);
    const odd = gbk.decode(Buffer.concat([Buffer.from([0x41, 0xe5]), bytes])).slice(2, -1);
    for (const s of [even, odd]) for (const piece of s.split(/[\uE000-\uF8FF\uFFFD]/)) if (piece.length >= 3) made.push(piece);
  }
  assert.deepEqual([...UTF8_AS_GBK_WORDS], made);
});

test('a GB18030 report read as UTF-8: one Warning on the first garbled run, saying how to reopen it', () => {
  const found = findGarbling(gbkAsUtf8)!;
  assert.equal(found.kind, 'replacement');
  assert.ok(found.count > 1000, String(found.count));
  const d = checkEncoding(gbkAsUtf8);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.code, 'encoding-garbled');
  assert.equal(d[0]!.severity, 2);
  assert.match(d[0]!.message as string, /^文字乱码：有 \d+ 个字符无法解码.*通过编码重新打开.*GB18030/);
  const lines = new LineIndex(gbkAsUtf8);
  const run = gbkAsUtf8.slice(lines.offsetAt(d[0]!.range.start), lines.offsetAt(d[0]!.range.end));
  assert.match(run, /^\uFFFD+$/, 'the range is the first run of U+FFFD');
  assert.match(checkEncoding(gbkAsUtf8, { locale: 'en' })[0]!.message as string, /^Garbled text: .*Reopen with Encoding/);
  assert.deepEqual(checkEncoding(gbkAsUtf8, { severities: { 'encoding-garbled': 'off' } }), []);
  assert.equal(checkEncoding(gbkAsUtf8, { severities: { 'encoding-garbled': 'error' } })[0]!.severity, 1);
});

test('a UTF-8 report read as GBK: mojibake, one Warning', () => {
  const found = findGarbling(utf8AsGbk)!;
  assert.equal(found.kind, 'utf8-as-gbk');
  const d = checkEncoding(utf8AsGbk);
  assert.equal(d.length, 1);
  assert.match(d[0]!.message as string, /按 GBK\/GB18030 打开.*UTF-8/);
});

test('reports that read right are never called garbled: the fixtures, the corpus and the real reports', () => {
  const texts: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md)$/.test(name)) texts.push([path, readFileSync(path, 'utf8')]);
    }
  };
  walk(join(ROOT, 'test/fixtures/reports'));
  walk(join(ROOT, 'test/corpus'));
  for (const sub of ['real', 'seeds', 'derived']) {
    try {
      walk(join(SHARED_REPORTS, sub));
    } catch {
      // ../shared/reports absent: the project's own texts still count
    }
  }
  assert.ok(texts.length > 20);
  for (const [path, text] of texts) {
    assert.equal(findGarbling(text), undefined, path);
    assert.equal(looksGarbled(text), false, path);
  }
  assert.equal(findGarbling(new TextDecoder('utf-16le').decode(readFileSync(join(ROOT, 'test/fixtures/encodings/003_utf16le_bom.txt')))), undefined);
});

test('the server says it for a garbled report whatever parse makes of it; never for other garbled text', () => {
  const settings = DEFAULT_SETTINGS;
  const codes = (uri: string, text: string, lang = 'plaintext') => analyzeText(uri, text, lang, 1, settings, zhCN).diagnostics.map((d) => String(d.code));
  // Garbled beyond parsing: the file's name, the report language, or the report's words in mojibake decide.
  assert.deepEqual(codes('file:///w/%E9%BE%99%E4%BA%AD%E5%8C%BA2023%E5%B9%B4%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt', gbkAsUtf8), ['encoding-garbled']);
  assert.deepEqual(codes('file:///w/001.txt', gbkAsUtf8, 'gov-report'), ['encoding-garbled']);
  assert.deepEqual(codes('file:///w/001.txt', utf8AsGbk), ['encoding-garbled']);
  // A garbled file that says nothing of being a report is not ours to judge.
  assert.deepEqual(codes('file:///w/notes.txt', gbkAsUtf8), []);
  assert.deepEqual(codes('file:///w/notes.js', gbkAsUtf8, 'javascript'), []);
  // A report with a garbled run pasted in: its diagnostics and the warning.
  const report = fixture(SEEDS.tsv001);
  const pasted = report.replace('一、总体情况', `一、总体情况\n${gbkAsUtf8.slice(0, 400)}`);
  const withRun = codes('file:///w/r.txt', pasted);
  assert.equal(withRun.filter((c) => c === 'encoding-garbled').length, 1);
  assert.deepEqual(codes('file:///w/r.txt', report).filter((c) => c === 'encoding-garbled'), []);
});

test('sniffs: a report by its words, not its name; a name says "report" only for what it names', () => {
  assert.equal(looksLikeReport(fixture(SEEDS.tsv001)), true);
  assert.equal(looksLikeReport('2023年报销明细\n差旅费\t300\n办公用品\t120\n'), false);
  assert.equal(nameSuggestsReport('file:///w/%E9%BE%99%E4%BA%AD%E5%8C%BA2023%E5%B9%B4%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt'), true);
  assert.equal(nameSuggestsReport('/w/某局2023年报.txt'), true);
  assert.equal(nameSuggestsReport('/w/2023年报销明细.txt'), false);
  assert.equal(nameSuggestsReport('C:\\w\\notes.txt'), false);
});
