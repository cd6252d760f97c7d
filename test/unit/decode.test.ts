// Bytes to text: the fast UTF-8 path (isUtf8 + transcode) must give exactly what a UTF-8 decoder gives, and
// everything that is not valid UTF-8 must still go to GB18030 or be called binary.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decode } from '../../server/src/node/decode';
import { SEEDS, fixture } from './helpers';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOM = [0xef, 0xbb, 0xbf];

test('valid UTF-8 of any characters decodes to the same string (supplementary planes, NUL-free controls, U+FEFF inside)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
      const text = s.replace(/\0/g, '');
      const r = decode(utf8(text));
      if (text.startsWith('\ufeff')) return; // a leading U+FEFF is a BOM: covered below
      assert.deepEqual(r, { ok: true, text, encoding: 'utf-8' });
    }),
    { numRuns: 500 },
  );
  const mixed = '政府信息公开 𠀀𪚥 😀 ﬀ\ttab\r\nline';
  assert.deepEqual(decode(utf8(mixed)), { ok: true, text: mixed, encoding: 'utf-8' });
});

test('a real report decodes as UTF-8 with or without a BOM; only one BOM is removed', () => {
  const report = fixture(SEEDS.tsv001);
  assert.deepEqual(decode(utf8(report)), { ok: true, text: report, encoding: 'utf-8' });
  assert.deepEqual(decode(new Uint8Array([...BOM, ...utf8(report)])), { ok: true, text: report, encoding: 'utf-8' });
  assert.deepEqual(decode(new Uint8Array([...BOM, ...BOM, ...utf8('年度报告')])), { ok: true, text: '\ufeff年度报告', encoding: 'utf-8' });
  assert.deepEqual(decode(new Uint8Array(BOM)), { ok: true, text: '', encoding: 'utf-8' });
  assert.deepEqual(decode(new Uint8Array(0)), { ok: true, text: '', encoding: 'utf-8' });
});

test('not UTF-8: GB18030 text is read as GB18030, a NUL byte or garbage is binary, UTF-16 by its BOM', () => {
  // "年度报告" in GB18030.
  const gb = new Uint8Array([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]);
  assert.deepEqual(decode(gb), { ok: true, text: '年度报告', encoding: 'gb18030' });
  // A truncated UTF-8 sequence is not valid UTF-8: it must not come back as UTF-8 with a replacement character.
  const truncated = utf8('年度报告').subarray(0, 10);
  assert.notEqual(decode(truncated).ok && (decode(truncated) as { encoding: string }).encoding, 'utf-8');
  assert.deepEqual(decode(new Uint8Array([0x61, 0x00, 0x62])), { ok: false, reason: 'binary' });
  assert.deepEqual(decode(new Uint8Array(64).fill(0xff)), { ok: false, reason: 'binary' });
  assert.deepEqual(decode(new Uint8Array([0xff, 0xfe, ...Buffer.from('年度', 'utf16le')])), { ok: true, text: '年度', encoding: 'utf-16le' });
  assert.deepEqual(decode(new Uint8Array([0xfe, 0xff, ...Buffer.from('年度', 'utf16le').swap16()])), { ok: true, text: '年度', encoding: 'utf-16be' });
});
