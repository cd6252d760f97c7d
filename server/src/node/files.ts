// Listing and reading report files, shared by the CLI and the server's workspace validation.
// Symlinks are never followed: no loops, and nothing outside the folder being walked is read.

import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from './decode';
import type { Matcher } from './glob';

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

/** Files under `root` that `include` accepts, sorted, depth first. */
export function* walk(root: string, options: WalkOptions, failures: WalkFailure[]): Generator<string> {
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    const dir = rel ? join(root, rel) : root;
    let names: string[];
    try {
      names = readdirSync(dir).sort().reverse();
    } catch (error) {
      failures.push({ path: dir, error });
      continue;
    }
    const files: string[] = [];
    for (const name of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (options.exclude(childRel)) continue;
      let st;
      try {
        st = lstatSync(join(root, childRel));
      } catch (error) {
        failures.push({ path: join(root, childRel), error });
        continue;
      }
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) stack.push(childRel);
      else if (st.isFile() && options.include(childRel)) files.push(childRel);
    }
    for (const f of files.reverse()) yield join(root, f);
  }
}

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'binary' }
  | { ok: false; reason: 'unreadable'; error: unknown };

export function readReportFile(path: string, maxBytes: number): ReadResult {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, reason: 'too-large', size };
    const decoded = decode(readFileSync(path));
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: 'binary' };
  } catch (error) {
    return { ok: false, reason: 'unreadable', error };
  }
}

export function errnoMessage(error: unknown, locale: 'zh-CN' | 'en'): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const zh: Record<string, string> = { ENOENT: '文件不存在', EACCES: '没有读取权限', EISDIR: '是文件夹', EPERM: '没有权限', ELOOP: '符号链接循环' };
  const en: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a folder', EPERM: 'not permitted', ELOOP: 'symlink loop' };
  return (code && (locale === 'en' ? en : zh)[code]) || (error instanceof Error ? error.message : String(error));
}

export function readFailureMessage(r: Exclude<ReadResult, { ok: true }>, maxBytes: number, locale: 'zh-CN' | 'en'): string {
  switch (r.reason) {
    case 'too-large': {
      const mb = (r.size / 1024 / 1024).toFixed(1);
      const limit = (maxBytes / 1024 / 1024).toFixed(0);
      return locale === 'en' ? `file is ${mb} MB, over the ${limit} MB limit` : `文件大小 ${mb} MB，超过 ${limit} MB 上限，已跳过`;
    }
    case 'binary':
      return locale === 'en' ? 'binary file, not text' : '二进制文件，不是文本';
    case 'unreadable':
      return errnoMessage(r.error, locale);
  }
}
