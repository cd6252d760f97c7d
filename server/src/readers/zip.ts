// A zip container (a .docx) read with bounds: the central directory is parsed here, so the entry count is known
// before anything is inflated, and each part needed is inflated in small steps with fflate's streaming Inflate,
// counting what comes out, so a part that inflates past the limit (a zip bomb: a gigabyte of zeros is a megabyte
// compressed) is stopped after at most one step past it, in time and memory. A zip whose central directory is
// missing (a truncated download) is read from its local headers instead, as far as it goes.

import { Inflate, inflateSync } from 'fflate';
import { errorDetail } from './common';
import type { ReaderProblem } from './types';

export interface ZipEntry {
  /** Name as stored, '/'-separated. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The size the entry declares it inflates to. */
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipListing {
  readonly entries: readonly ZipEntry[];
  /** Entries by name, lower-cased ('\\' read as '/', no leading '/'): part names are case-insensitive. */
  readonly byName: ReadonlyMap<string, ZipEntry>;
  readonly problem?: ReaderProblem;
}

/** Compressed bytes inflated per step: at deflate's 1032:1 at most ~8 MB comes out of one. */
const INFLATE_STEP = 8 * 1024;
/** Deflate's largest expansion: 258 bytes from a 2-bit code, in the limit (zlib's technical note). */
const MAX_DEFLATE_RATIO = 1032;
const decoder = new TextDecoder('utf-8');

function u16(b: Uint8Array, o: number): number {
  return o + 2 <= b.length ? b[o]! | (b[o + 1]! << 8) : -1;
}

function u32(b: Uint8Array, o: number): number {
  return o + 4 <= b.length ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0 : -1;
}

function u64(b: Uint8Array, o: number): number {
  const lo = u32(b, o);
  const hi = u32(b, o + 4);
  return lo < 0 || hi < 0 ? -1 : hi * 0x100000000 + lo;
}

export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Lists a zip's entries; refuses (problem 'too-large', no entries) one holding more than `maxEntries`. */
export function listZip(bytes: Uint8Array, maxEntries: number): ZipListing {
  const central = readCentralDirectory(bytes, maxEntries);
  if ('problem' in central && central.problem.code === 'too-large') return { entries: [], byName: new Map(), problem: central.problem };
  if ('entries' in central) return withIndex(central.entries);
  // No usable central directory: walk the local headers from the start.
  const local = scanLocalHeaders(bytes, maxEntries);
  const problem: ReaderProblem = local.tooMany
    ? { code: 'too-large', detail: `more than ${maxEntries} zip entries` }
    : { code: 'damaged', detail: central.problem.detail ?? 'zip central directory missing' };
  if (local.tooMany) return { entries: [], byName: new Map(), problem };
  return withIndex(local.entries, problem);
}

function withIndex(entries: ZipEntry[], problem?: ReaderProblem): ZipListing {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(partKey(e.name))) byName.set(partKey(e.name), e);
  return problem ? { entries, byName, problem } : { entries, byName };
}

function readCentralDirectory(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[] } | { problem: ReaderProblem } {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 65535; o--) {
    if (bytes[o] === 0x50 && bytes[o + 1] === 0x4b && bytes[o + 2] === 0x05 && bytes[o + 3] === 0x06) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) return { problem: { code: 'damaged', detail: 'zip end of central directory not found' } };
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the locator sits just before the end record.
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
      const z = u64(bytes, locator + 8);
      if (z >= 0 && u32(bytes, z) === 0x06064b50) {
        count = u64(bytes, z + 32);
        offset = u64(bytes, z + 48);
      }
    }
  }
  if (count > maxEntries) return { problem: { code: 'too-large', detail: `${count} zip entries > maxZipEntries ${maxEntries}` } };
  const entries: ZipEntry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, o) !== 0x02014b50) return { problem: { code: 'damaged', detail: `zip central directory entry ${i} unreadable` } };
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    let compressedSize = u32(bytes, o + 20);
    let size = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    let localOffset = u32(bytes, o + 42);
    const nameEnd = o + 46 + nameLength;
    if (nameEnd > bytes.length) return { problem: { code: 'damaged', detail: 'zip central directory truncated' } };
    const name = decoder.decode(bytes.subarray(o + 46, nameEnd));
    // Zip64 sizes and offset in the extra field, in this order, for those marked 0xFFFFFFFF.
    let x = nameEnd;
    const extraEnd = Math.min(nameEnd + extraLength, bytes.length);
    while (x + 4 <= extraEnd) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (size === 0xffffffff) { size = u64(bytes, p); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, p); p += 8; }
        if (localOffset === 0xffffffff) { localOffset = u64(bytes, p); }
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    o = nameEnd + extraLength + commentLength;
  }
  return { entries };
}

function scanLocalHeaders(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[]; tooMany: boolean } {
  const entries: ZipEntry[] = [];
  let o = 0;
  while (o + 30 <= bytes.length && u32(bytes, o) === 0x04034b50) {
    if (entries.length >= maxEntries) return { entries, tooMany: true };
    const flags = u16(bytes, o + 6);
    const method = u16(bytes, o + 8);
    let compressedSize = u32(bytes, o + 18);
    const size = u32(bytes, o + 22);
    const nameLength = u16(bytes, o + 26);
    const extraLength = u16(bytes, o + 28);
    const data = o + 30 + nameLength + extraLength;
    if (data > bytes.length) break;
    const name = decoder.decode(bytes.subarray(o + 30, o + 30 + nameLength));
    if ((flags & 8) !== 0 || compressedSize === 0xffffffff) {
      // Sizes follow the data: the entry runs to the next local header (or the end of what is there).
      const next = indexOfSignature(bytes, data, [0x50, 0x4b, 0x03, 0x04]);
      compressedSize = (next < 0 ? bytes.length : next) - data;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset: o });
    const end = data + compressedSize;
    if (end <= o || end > bytes.length) break;
    o = end;
    // Skip a data descriptor (optionally signed) up to the next header.
    if (u32(bytes, o) !== 0x04034b50) {
      const next = indexOfSignature(bytes, o, [0x50, 0x4b, 0x03, 0x04]);
      if (next < 0) break;
      o = next;
    }
  }
  return { entries, tooMany: false };
}

function indexOfSignature(bytes: Uint8Array, from: number, sig: readonly number[]): number {
  for (let i = from; i + 4 <= bytes.length; i++) {
    if (bytes[i] === sig[0] && bytes[i + 1] === sig[1] && bytes[i + 2] === sig[2] && bytes[i + 3] === sig[3]) return i;
  }
  return -1;
}

/** How many inflated bytes the parts read so far may still add up to. */
export interface InflateBudget {
  remaining: number;
}

/**
 * An entry's bytes. Refused ('too-large') when its declared size or what it actually inflates to would exceed the
 * budget; a stream cut short (truncated file) gives what came out before the cut with a 'damaged' problem.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): { data?: Uint8Array; problem?: ReaderProblem } {
  if ((entry.flags & 1) !== 0) return { problem: { code: 'encrypted', detail: `zip entry ${entry.name} is encrypted` } };
  if (entry.size !== 0xffffffff && entry.size > budget.remaining) {
    return { problem: { code: 'too-large', detail: `${entry.name} declares ${entry.size} bytes > ${budget.remaining} left of maxInflatedBytes` } };
  }
  const o = entry.localOffset;
  if (u32(bytes, o) !== 0x04034b50) return { problem: { code: 'damaged', detail: `zip local header of ${entry.name} missing` } };
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = Math.min(bytes.length, start + entry.compressedSize);
  if (start > bytes.length) return { problem: { code: 'damaged', detail: `${entry.name} truncated` } };
  if (entry.method === 0) {
    const size = end - start;
    if (size > budget.remaining) return { problem: { code: 'too-large', detail: `${entry.name} holds ${size} bytes > maxInflatedBytes` } };
    budget.remaining -= size;
    const truncated = start + entry.compressedSize > bytes.length;
    return truncated
      ? { data: bytes.slice(start, end), problem: { code: 'damaged', detail: `${entry.name} truncated` } }
      : { data: bytes.slice(start, end) };
  }
  if (entry.method !== 8) return { problem: { code: 'unsupported', detail: `${entry.name}: zip compression method ${entry.method}` } };
  const out = inflateBounded(bytes.subarray(start, end), budget.remaining);
  if (out.over) return { problem: { code: 'too-large', detail: `${entry.name} inflates past ${budget.remaining} bytes left of maxInflatedBytes` } };
  budget.remaining -= out.data.length;
  const problem: ReaderProblem | undefined =
    out.error !== undefined ? { code: 'damaged', detail: `${entry.name}: ${errorDetail(out.error)}` }
    : !out.finished ? { code: 'damaged', detail: `${entry.name}: compressed data ends early` }
    : undefined;
  const data = out.data;
  return problem ? { data, problem } : { data };
}

/** What came out of a raw deflate stream inflated within a bound. */
export interface Inflated {
  /** Everything inflated (empty when over the bound). */
  readonly data: Uint8Array;
  /** More than `limit` bytes would have come out: stopped at most one step past it. */
  readonly over: boolean;
  /** The stream's final block was reached. */
  readonly finished: boolean;
  /** Why the compressed data could not be inflated, when it could not. */
  readonly error?: unknown;
}

/** The largest buffer inflateWhole keeps between calls (per thread). */
const SCRATCH_MAX = 4 * 1024 * 1024;
let scratch = new Uint8Array(256 * 1024);

/**
 * A raw deflate stream inflated in one call. fflate, left to size its own output, makes sure of 128 KB more room at
 * every block, allocating and copying a larger buffer, so a 20 KB content stream cost a fresh 128 KB or more; given a
 * buffer it writes into it and drops what does not fit. So the stream is inflated into a buffer kept between calls,
 * and again into a larger one when it filled it (the output may have been cut), and what came out is copied.
 */
function inflateWhole(compressed: Uint8Array): Uint8Array {
  // fflate returns the buffer it was given whole for empty input.
  if (compressed.length === 0) return inflateSync(compressed);
  for (;;) {
    const out = inflateSync(compressed, { out: scratch });
    if (out.length < scratch.length) return out.slice();
    if (scratch.length >= SCRATCH_MAX) return inflateSync(compressed);
    scratch = new Uint8Array(scratch.length * 2);
  }
}

/**
 * A raw deflate stream inflated within `limit`: in one call when even deflate's largest expansion stays within it,
 * else in small steps, counting what comes out, so a bomb is stopped at most one step past `limit`, in time and
 * memory. Never throws.
 */
export function inflateBounded(compressed: Uint8Array, limit: number): Inflated {
  // One call is much faster than steps, which copy fflate's window each time.
  if (compressed.length * MAX_DEFLATE_RATIO <= limit) {
    try {
      return { data: inflateWhole(compressed), over: false, finished: true };
    } catch {
      // Damaged, or cut short: inflated in steps below, to keep what comes out before the damage.
    }
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let finished = false;
  let error: unknown;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else if (chunk.length > 0) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    const end = compressed.length;
    for (let p = 0; p < end && !over && !finished; p += INFLATE_STEP) {
      const stop = Math.min(end, p + INFLATE_STEP);
      inflate.push(compressed.subarray(p, stop), stop >= end);
    }
    if (end === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    error = e;
  }
  if (over) return { data: new Uint8Array(0), over, finished, error };
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return error === undefined ? { data, over, finished } : { data, over, finished, error };
}
