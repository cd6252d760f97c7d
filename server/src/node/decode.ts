// Bytes to text. Reports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK — a common
// encoding of Chinese government documents, tried when the bytes are not valid UTF-8.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'binary' };

const SNIFF = 8192;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A NUL byte in the first 8 KiB: not text (UTF-16 was recognised by its BOM above). indexOf is native.
  if (!hasBom && bytes.subarray(0, SNIFF).indexOf(0) >= 0) return { ok: false, reason: 'binary' };
  try {
    // ignoreBOM: false strips a leading BOM.
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    // Not UTF-8 and mostly undecodable or control characters even as GB18030: binary.
    return garbled(text) ? { ok: false, reason: 'binary' } : { ok: true, text, encoding: 'gb18030' };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function garbled(text: string): boolean {
  const n = Math.min(text.length, SNIFF);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return n > 0 && bad / n > 0.1;
}
