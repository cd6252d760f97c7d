// Hostile and damaged files: every reader returns a report (with problems saying what went wrong) for any input,
// never throws, never hangs, and its map stays inside its text. Damaged files are made here from good ones, so
// each test shows the damage it plants: a zip bomb written as a raw deflate stream, a truncated package, XML
// cut mid-tag, an OLE sector chain bent into a cycle, random bytes and random edits of the real files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readDoc, readDocx, readHtml, readPublished, readRtf, readWord2003, type PublishedReport } from '../../server/src/readers';
import { assertMapSane, documentXml, fixtureBytes, makeDocx, p, sharedFile } from './readerHelpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function assertReads(bytes: Uint8Array, what: string, bound = 5000): Promise<PublishedReport> {
  const started = performance.now();
  const r = await readPublished(bytes);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${what}: ${elapsed.toFixed(0)} ms`);
  assert.equal(typeof r.text, 'string');
  assertMapSane(r, what);
  for (const problem of r.problems) assert.match(problem.code, /^(?:damaged|encrypted|no-text|too-large|timeout|unsupported)$/);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Zip bombs

/** Writes bits least-significant first, as deflate does; Huffman codes go most-significant bit first. */
class BitWriter {
  private readonly bytes: number[] = [];
  private bit = 0;
  private current = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >> i) & 1);
  }
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.push((code >> i) & 1);
  }
  private push(b: number): void {
    this.current |= b << this.bit;
    if (++this.bit === 8) {
      this.bytes.push(this.current);
      this.bit = 0;
      this.current = 0;
    }
  }
  done(): Uint8Array {
    if (this.bit > 0) this.bytes.push(this.current);
    return Uint8Array.from(this.bytes);
  }
}

/**
 * A raw deflate stream of 1 + 258·repeats zero bytes, two bits per 258 bytes: one dynamic Huffman block whose
 * only codes are the literal 0, "length 258" (1 bit) and "distance 1" (1 bit). A gigabyte is 2 MB.
 */
function zeroBomb(repeats: number): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(2, 2); // dynamic Huffman
  w.bits(286 - 257, 5); // HLIT
  w.bits(0, 5); // HDIST: one distance code
  w.bits(18 - 4, 4); // HCLEN: 18 code-length codes
  // Code-length code lengths in the format's order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1: symbols 0, 1, 2
  // and 18 get 2 bits each (codes 00, 01, 10, 11).
  for (const len of [0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) w.bits(len, 3);
  const cl = { 0: 0b00, 1: 0b01, 2: 0b10, 18: 0b11 } as const;
  const zeros = (n: number) => { w.code(cl[18], 2); w.bits(n - 11, 7); };
  w.code(cl[2], 2); // literal 0: 2 bits
  zeros(138); zeros(117); // literals 1–255: unused
  w.code(cl[2], 2); // 256 (end of block): 2 bits
  zeros(28); // 257–284: unused
  w.code(cl[1], 2); // 285 (length 258): 1 bit
  w.code(cl[1], 2); // distance code 0 (distance 1): 1 bit
  // Canonical codes: 285 → 0; literal 0 → 10; 256 → 11; distance 0 → 0.
  w.code(0b10, 2);
  for (let i = 0; i < repeats; i++) { w.code(0, 1); w.code(0, 1); }
  w.code(0b11, 2);
  return w.done();
}

/** A zip of already-compressed entries (CRCs left 0: the reader does not check them). */
function rawZip(entries: { name: string; data: Uint8Array; method: number; size: number }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = utf8(e.name);
    const offset = parts.length;
    u32(parts, 0x04034b50); u16(parts, 20); u16(parts, 0); u16(parts, e.method); u32(parts, 0); u32(parts, 0);
    u32(parts, e.data.length); u32(parts, e.size); u16(parts, name.length); u16(parts, 0);
    parts.push(...name);
    for (const b of e.data) parts.push(b);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, e.method); u32(central, 0); u32(central, 0);
    u32(central, e.data.length); u32(central, e.size); u16(central, name.length); u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0);
    u32(central, 0); u32(central, offset);
    central.push(...name);
  }
  const cdOffset = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50); u16(end, 0); u16(end, 0); u16(end, entries.length); u16(end, entries.length); u32(end, central.length); u32(end, cdOffset); u16(end, 0);
  const out = new Uint8Array(parts.length + central.length + end.length);
  out.set(parts);
  out.set(central, parts.length);
  out.set(end, parts.length + central.length);
  return out;
}

const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

test('the zero bomb is what it claims: a valid deflate stream of 1 + 258·n zeros', async () => {
  const { inflateSync } = await import('fflate');
  const out = inflateSync(zeroBomb(1000));
  assert.equal(out.length, 1 + 258 * 1000);
  assert.ok(out.every((b) => b === 0));
});

test('zip bomb: a 1 GB document part (2 MB compressed, declaring 1 KB) is stopped at the inflation limit', () => {
  const repeats = Math.ceil(2 ** 30 / 258);
  const bomb = zeroBomb(repeats);
  assert.ok(bomb.length < 2_200_000);
  const zip = rawZip([
    { name: '_rels/.rels', data: utf8(RELS), method: 0, size: RELS.length },
    { name: 'word/document.xml', data: bomb, method: 8, size: 1024 },
  ]);
  const started = performance.now();
  const r = readDocx(zip);
  assert.deepEqual(r.problems.map((x) => x.code), ['too-large']);
  assert.equal(r.text, '');
  assert.ok(performance.now() - started < 5000);
  // A lower limit stops it sooner.
  const small = readDocx(zip, { maxInflatedBytes: 1 << 20 });
  assert.deepEqual(small.problems.map((x) => x.code), ['too-large']);
});

test('zip bomb by declaration: a part declaring 4 GB is refused before anything is inflated', () => {
  const zip = rawZip([
    { name: '_rels/.rels', data: utf8(RELS), method: 0, size: RELS.length },
    { name: 'word/document.xml', data: zeroBomb(10), method: 8, size: 0xfffffff0 },
  ]);
  const r = readDocx(zip);
  assert.deepEqual(r.problems.map((x) => x.code), ['too-large']);
  assert.match(r.problems[0]!.detail ?? '', /declares/);
});

test('a zip of more entries than maxZipEntries is refused', () => {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 2100; i++) files[`word/media/x${i}.bin`] = new Uint8Array(1);
  files['word/document.xml'] = strToU8(documentXml(p('x')));
  const r = readDocx(zipSync(files, { level: 0 }));
  assert.deepEqual(r.problems.map((x) => x.code), ['too-large']);
  assert.equal(readDocx(zipSync(files, { level: 0 }), { maxZipEntries: 5000 }).problems.length, 0);
});

// ---------------------------------------------------------------------------------------------
// Truncated and cut files

const SAMPLE_BODY = [1, 2, 3, 4, 5, 6].map((k) => p(`第${k}段：${'政府信息公开'.repeat(20)}`)).join('');

test('a truncated .docx: never throws; what is whole before the cut is read', async () => {
  const docx = makeDocx(documentXml(SAMPLE_BODY));
  for (const fraction of [0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99]) {
    const cut = docx.subarray(0, Math.floor(docx.length * fraction));
    const r = await assertReads(cut, `cut at ${fraction}`);
    assert.ok(r.problems.length > 0 || r.text.length > 0, `cut at ${fraction}: a problem or the text`);
  }
  // The central directory lost, the parts intact: read from the local headers.
  const noDirectory = docx.subarray(0, docx.length - 22);
  const r = readDocx(noDirectory);
  assert.match(r.text, /第6段/);
  assert.deepEqual(r.problems.map((x) => x.code), ['damaged']);
});

test('document XML cut mid-tag: the paragraphs before the cut are kept, the part is reported damaged', () => {
  const xml = documentXml(SAMPLE_BODY);
  const cut = xml.slice(0, xml.indexOf('第4段') + 20).replace(/<\/w:t>$/, '') + '</w:t></w:r></w:p><w:p><w:r><w:t';
  const r = readDocx(makeDocx(cut));
  assert.match(r.text, /第1段[\s\S]*第3段[\s\S]*第4段/);
  assert.ok(!r.text.includes('第5段'));
  assert.equal(r.problems[0]?.code, 'damaged');
});

test('a truncated real WPS .docx never throws', async (t) => {
  const bytes = sharedFile(t, 'docx/template_2021_wps.docx');
  if (!bytes) return;
  for (let cut = 100; cut < bytes.length; cut += 997) await assertReads(bytes.subarray(0, cut), `template cut at ${cut}`);
});

// ---------------------------------------------------------------------------------------------
// Damaged OLE files

/** The .doc fixture with one FAT entry per pair rewritten so that the chain holding sector `at` loops. */
function withFatCycle(doc: Uint8Array): Uint8Array {
  const bytes = doc.slice();
  const view = new DataView(bytes.buffer);
  const fatSector = view.getInt32(0x4c, true);
  const fat = (fatSector + 1) * 512;
  // Find a chain link k → k+1 and point k+1 back at k.
  for (let k = 0; k < 127; k++) {
    if (view.getInt32(fat + 4 * k, true) === k + 1) {
      view.setInt32(fat + 4 * (k + 1), k, true);
      return bytes;
    }
  }
  throw new Error('no chain to bend');
}

test('OLE: a FAT cycle (which made word-extractor loop for ever) is refused at once', () => {
  const doc = fixtureBytes('readers/seed000_libreoffice.doc');
  const started = performance.now();
  const r = readDoc(withFatCycle(doc));
  assert.ok(performance.now() - started < 1000);
  assert.deepEqual(r.problems.map((x) => x.code), ['damaged']);
  assert.match(r.problems[0]!.detail ?? '', /cycle/);
});

test('OLE: a directory entry reached twice (an exponential walk) is refused; a truncated .doc never throws', async () => {
  const doc = fixtureBytes('readers/seed000_libreoffice.doc');
  const view = new DataView(doc.buffer, doc.byteOffset);
  const dirStart = (view.getInt32(0x30, true) + 1) * 512;
  const bent = doc.slice();
  const bentView = new DataView(bent.buffer);
  // Root entry's child: make its left and right siblings both point at the root's child itself.
  const child = view.getInt32(dirStart + 76, true);
  bentView.setInt32(dirStart + child * 128 + 68, child, true);
  const r = readDoc(bent);
  assert.deepEqual(r.problems.map((x) => x.code), ['damaged']);
  for (let cut = 0; cut < doc.length; cut += 1531) await assertReads(doc.subarray(0, cut), `.doc cut at ${cut}`);
});

// ---------------------------------------------------------------------------------------------
// Random input

const PREFIXES = ['', 'PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1', '{\\rtf1', '<html><body>', '<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>', '%PDF-1.4'];
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));

test('random bytes behind every format\'s signature: a report, never an exception, map inside the text', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 4096 }), async (prefix, tail) => {
      const bytes = new Uint8Array([...latin1(prefix), ...tail]);
      await assertReads(bytes, `prefix ${JSON.stringify(prefix)}`, 2000);
    }),
    { numRuns: 400 },
  );
});

test('random markup: HTML, RTF and Word XML made of their own tokens', async () => {
  const html = fc.array(fc.constantFrom('<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<td rowspan="3">', '<td colspan="0">', '<p>', '</p>', '<br>', '&nbsp;', '&#x4e00;', '自然人', '12', '<script>', '</script>', '<!--', '-->', '<div class="TRS_Editor">', '</div>', ' ', '\n'), { maxLength: 300 }).map((a) => `<html><body>${a.join('')}`);
  const rtf = fc.array(fc.constantFrom('{', '}', '\\par ', '\\cell ', '\\row ', '\\trowd', '\\cellx1000', '\\clvmrg', '\\clmrg', "\\'d7\\'d4", '\\u20154?', '\\uc0', '\\bin3 ', '{\\*\\x ', '{\\fonttbl', '\\intbl ', '\\pard ', 'text', '\\ansicpg936'), { maxLength: 300 }).map((a) => `{\\rtf1${a.join('')}`);
  const wordXml = fc.array(fc.constantFrom('<w:p>', '</w:p>', '<w:r><w:t>文字</w:t></w:r>', '<w:tbl>', '</w:tbl>', '<w:tr>', '</w:tr>', '<w:tc>', '</w:tc>', '<w:tcPr><w:vmerge/></w:tcPr>', '<w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>', '<w:trPr><w:gridBefore w:val="-5"/></w:trPr>', '<w:br/>', '<w:txbxContent>', '</w:txbxContent>', '&amp;', '&bogus;'), { maxLength: 300 }).map((a) => `<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>${a.join('')}`);
  await fc.assert(
    fc.asyncProperty(fc.oneof(html, rtf, wordXml), async (text) => {
      await assertReads(utf8(text), text.slice(0, 40), 2000);
    }),
    { numRuns: 600 },
  );
});

/** Random edits of a file: bytes overwritten, runs deleted or duplicated, the end cut. */
const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('flip', 'delete', 'duplicate', 'cut'), len: fc.integer({ min: 1, max: 64 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });

function mutate(bytes: Uint8Array, list: readonly { at: number; kind: string; len: number; byte: number }[]): Uint8Array {
  let b = bytes;
  for (const e of list) {
    const i = Math.floor(e.at * b.length);
    if (e.kind === 'flip') {
      b = b.slice();
      for (let k = i; k < Math.min(b.length, i + e.len); k++) b[k] = (b[k]! ^ e.byte) & 0xff;
    } else if (e.kind === 'delete') b = new Uint8Array([...b.subarray(0, i), ...b.subarray(i + e.len)]);
    else if (e.kind === 'duplicate') b = new Uint8Array([...b.subarray(0, i + e.len), ...b.subarray(i)]);
    else b = b.subarray(0, i);
  }
  return b;
}

test('random edits of real and generated files: a report, never an exception', async (t) => {
  const files: [string, Uint8Array][] = [
    ['.doc', fixtureBytes('readers/seed000_libreoffice.doc')],
    ['.docx', makeDocx(documentXml(`${SAMPLE_BODY}<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${p('标签')}</w:tc><w:tc>${p('1')}</w:tc></w:tr></w:tbl>`))],
    ['rtf', utf8("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 x;}}\\pard \\'d7\\'d4\\par\\trowd\\clvmgf\\cellx100\\cellx200\\pard\\intbl a\\cell 1\\cell\\row}")],
  ];
  const template = sharedFile(t, 'docx/template_2021_wps.docx');
  if (template) files.push(['template', template]);
  for (const [name, bytes] of files) {
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        await assertReads(mutate(bytes, list), name, 3000);
      }),
      { numRuns: 60 },
    );
  }
});

test('random edits of a real web page', async (t) => {
  const page = sharedFile(t, 'html/pingtan_2023_page.html');
  if (!page) return;
  await fc.assert(
    fc.asyncProperty(edits, async (list) => {
      await assertReads(mutate(page, list), 'page', 3000);
    }),
    { numRuns: 40 },
  );
});

test('50 MB of garbage: unknown format at once; each reader, made to read 8 MB of it, stays linear', async () => {
  const garbage = new Uint8Array(50 * 1024 * 1024);
  let x = 0x9e3779b9;
  for (let i = 0; i < garbage.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    garbage[i] = x & 0xff;
  }
  const r = await assertReads(garbage, 'garbage', 2000);
  assert.equal(r.format, 'unknown');
  const slice = garbage.subarray(0, 8 * 1024 * 1024);
  for (const [name, read] of [['html', readHtml], ['rtf', readRtf], ['word xml', readWord2003], ['docx', readDocx], ['doc', readDoc]] as const) {
    const started = performance.now();
    const out = read(slice);
    const elapsed = performance.now() - started;
    assertMapSane(out, name);
    assert.ok(elapsed < 10_000, `${name}: ${elapsed.toFixed(0)} ms`);
  }
  // Over maxBytes: refused without reading.
  const refused = await readPublished(garbage, { limits: { maxBytes: 1024 } });
  assert.deepEqual(refused.problems.map((x) => x.code), ['too-large']);
});

test('deep nesting in Word XML and RTF: linear, never a stack overflow', async () => {
  const n = 100_000;
  const xml = `<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(n)}<w:p><w:r><w:t>最深处</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(n)}</w:body></w:wordDocument>`;
  const a = await assertReads(utf8(xml), 'nested w:tbl', 10_000);
  assert.match(a.text, /最深处/);
  const rtf = `{\\rtf1 ${'{'.repeat(n)}deep${'}'.repeat(n)}\\par}`;
  const b = await assertReads(utf8(rtf), 'nested groups', 5000);
  assert.match(b.text, /deep/);
});
