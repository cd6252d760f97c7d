// Listing and reading report files, shared by the CLI and the server's workspace validation.
// Symlinks are never followed: no loops, and nothing outside the folder being walked is read.

import { closeSync, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decode } from './decode';
import type { Matcher } from './glob';
import type { Messages } from '../l10n';

export interface WalkOptions {
  /** Relative path (forward slashes) of a file to include. */
  readonly include: Matcher;
  /** Relative path of a file or folder to leave out (files.exclude, node_modules, hidden folders). */
  readonly exclude: Matcher;
}

export interface WalkFailure {
  readonly path: string;
  readonly error: unknown;
}

/** Files under `root` that `include` accepts, sorted, depth first. Each path is join(root, relative path). */
export function* walk(root: string, options: WalkOptions, failures: WalkFailure[]): Generator<string> {
  // join(root, rel) for every file normalised the whole path again (a tenth of the walk of 10,000 reports). Names
  // from readdir have no "." or ".." or separator to normalise, so what join puts before a plain name is worked
  // out once and the relative path appended. Where the separator is not "/", join does it.
  const prefix = sep === '/' ? join(root, 'x').slice(0, -1) : undefined;
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    const dir = rel ? join(root, rel) : root;
    let entries: Dirent[];
    try {
      // Entry types come with the listing (d_type; Node asks lstat itself where the file system gives none):
      // no lstat per file, which was most of the walk's time on a folder of 10,000 reports.
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    } catch (error) {
      failures.push({ path: dir, error });
      continue;
    }
    const files: string[] = [];
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (options.exclude(childRel)) continue;
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) stack.push(childRel);
      else if (entry.isFile() && options.include(childRel)) files.push(childRel);
    }
    for (const f of files.reverse()) yield prefix === undefined ? join(root, f) : prefix + f;
  }
}

/** Whether a path names a folder, or why it cannot be looked at. */
export function statPath(path: string): { ok: true; folder: boolean } | { ok: false; error: unknown } {
  try {
    return { ok: true, folder: statSync(path).isDirectory() };
  } catch (error) {
    return { ok: false, error };
  }
}

export function isFolder(path: string): boolean {
  const st = statPath(path);
  return st.ok && st.folder;
}

/** The canonical path (symlinks resolved), or undefined when it cannot be resolved. */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'binary' }
  | { ok: false; reason: 'unreadable'; error: unknown };

export function readReportFile(path: string, maxBytes: number): ReadResult {
  return readReportOrBytes(path, maxBytes, undefined) as ReadResult;
}

/** A text file's text, or the bytes of a file that is not text (a web page, a Word file, a PDF…). */
export type ReadAnyResult = ReadResult | { ok: true; text?: undefined; bytes: Uint8Array };

/**
 * As readReportFile, except that a file whose bytes `isBytes` takes (a published format: HTML, Word, PDF) is
 * given back as its bytes, in a buffer of their own, instead of decoded as text.
 */
export function readReportOrBytes(path: string, maxBytes: number, isBytes: ((bytes: Uint8Array) => boolean) | undefined): ReadAnyResult {
  let fd: number | undefined;
  try {
    // One open, one fstat for the size limit, one read into the reused buffer (readAll): a separate stat and
    // readFileSync cost two more system calls per file.
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { ok: false, reason: 'too-large', size };
    const bytes = readAll(fd, size);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', size: bytes.length };
    if (isBytes?.(bytes)) return { ok: true, bytes: new Uint8Array(bytes) };
    const decoded = decode(bytes);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: 'binary' };
  } catch (error) {
    return { ok: false, reason: 'unreadable', error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export type BytesResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'unreadable'; error: unknown };

/**
 * A file's bytes in a buffer of their own (not the reused read buffer): they can be kept, or moved to a worker
 * thread. Over `maxBytes`, not read.
 */
export function readFileBytes(path: string, maxBytes: number): BytesResult {
  // Every file's bytes are taken as bytes: it is never decoded, so never 'binary'.
  const read = readReportOrBytes(path, maxBytes, () => true);
  if (!read.ok) return read.reason === 'binary' ? { ok: false, reason: 'unreadable', error: undefined } : read;
  return read.text === undefined ? { ok: true, bytes: read.bytes } : { ok: true, bytes: new TextEncoder().encode(read.text) };
}

/**
 * One read buffer, reused: decoding copies the bytes into a string before the next file is read, and a fresh
 * buffer per file cost an allocation (and external-memory pressure on the garbage collector) for each of them.
 * A buffer grown past REUSE_LIMIT for one huge file is not kept.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);
const REUSE_LIMIT = 4 * 1024 * 1024;

/** The whole file: the `size` bytes fstat reported (or, for a size of 0, everything up to the end). */
function readAll(fd: number, size: number): Uint8Array {
  let buffer = size < readBuffer.length ? readBuffer : Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    // As readFileSync: once the size fstat gave is read, stop (no extra read to see the end). A size of 0 means
    // unknown (some special files): read to the end.
    if (size > 0 && length >= size) break;
  }
  if (buffer !== readBuffer && buffer.length <= REUSE_LIMIT) readBuffer = buffer;
  return buffer.subarray(0, length);
}

const ERRNO_CODES = new Set(['ENOENT', 'EACCES', 'EISDIR', 'EPERM', 'ELOOP']);

/** Why a file could not be read, in the user's language: the error's code when it is a known one. */
export function errnoMessage(error: unknown, msg: Messages): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && ERRNO_CODES.has(code)) return msg.fileErrno(code as 'ENOENT');
  return error instanceof Error ? error.message : String(error);
}

export function readFailureMessage(r: Exclude<ReadResult, { ok: true }>, maxBytes: number, msg: Messages): string {
  switch (r.reason) {
    case 'too-large':
      return msg.fileTooLarge((r.size / 1024 / 1024).toFixed(1), (maxBytes / 1024 / 1024).toFixed(0));
    case 'binary':
      return msg.fileBinary();
    case 'unreadable':
      return errnoMessage(r.error, msg);
  }
}

/**
 * pathToFileURL(path).toString() for an absolute, normalised path (what path.resolve gives). Where every character
 * is an ASCII letter or digit, "/", "_", "." or "-" (which a file URL keeps as they are; "~" it does not), or is not
 * ASCII (which it percent-encodes as UTF-8, as encodeURI does), the URL is written directly; anything else goes to
 * pathToFileURL. Building a URL object cost 6–20 µs a file, for every report with related information and every
 * file Validate All lists. test/unit/fileUrl.test.ts holds the two to the same string.
 */
export function fileUrlOf(path: string): string {
  if (sep === '/' && isPlainAbsolutePath(path)) {
    try {
      return `file://${encodeURI(path)}`;
    } catch {
      // a lone surrogate: pathToFileURL writes it as U+FFFD
    }
  }
  return pathToFileURL(path).toString();
}

/** Absolute and normalised (no empty, "." or ".." segment, no trailing "/"), of characters a URL's path keeps. */
function isPlainAbsolutePath(path: string): boolean {
  if (path.charCodeAt(0) !== 47 /* / */ || path.charCodeAt(path.length - 1) === 47) return false;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c >= 0x80 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (c === 47) {
      if (path.charCodeAt(i + 1) === 47 || isDotSegment(path, i + 1)) return false;
      continue;
    }
    if (c === 95 /* _ */ || c === 46 /* . */ || c === 45 /* - */) continue;
    return false;
  }
  return true;
}

/** Whether the segment at `from` is "." or "..". */
function isDotSegment(path: string, from: number): boolean {
  let end = from;
  while (end < path.length && path.charCodeAt(end) === 46) end++;
  return (end - from === 1 || end - from === 2) && (end === path.length || path.charCodeAt(end) === 47);
}
