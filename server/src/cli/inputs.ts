// The files a command reads: its arguments, folders walked for .txt and .md files, each file once, in a stable
// order; and the one function that reads a file's text. Shared by `check` and `summary`.

import { errnoMessage, readFailureMessage, readReportFile, realPath, statPath, walk, type WalkFailure, type WalkOptions } from '../node/files';
import type { Messages } from '../l10n';

export interface ReadFailure {
  path: string;
  reason: string;
}

export const walkOptions: WalkOptions = {
  include: (rel) => /\.(?:txt|md)$/i.test(rel),
  // Hidden folders and files, and node_modules, are never reports.
  exclude: (rel) => /(?:^|\/)(?:\.[^/]*|node_modules)$/.test(rel),
};

/** Files to check, in a stable order, each once. */
export function collect(paths: readonly string[], failures: ReadFailure[], msg: Messages): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    // One folder or file lists each file once by construction (the walk follows no symlink); only several
    // arguments can name a file twice. realpath for each of 10,000 files was a tenth of the serial time.
    if (paths.length === 1) {
      files.push(p);
      return;
    }
    // A path that cannot be resolved is reported when it is read.
    const key = realPath(p) ?? p;
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const p of paths) {
    const st = statPath(p);
    if (!st.ok) {
      failures.push({ path: p, reason: errnoMessage(st.error, msg) });
      continue;
    }
    if (!st.folder) {
      add(p);
      continue;
    }
    const walkFailures: WalkFailure[] = [];
    for (const f of walk(p, walkOptions, walkFailures)) add(f);
    for (const w of walkFailures) failures.push({ path: w.path, reason: errnoMessage(w.error, msg) });
  }
  return files;
}

/** A file as read: its text, or why it could not be read (in the user's language). */
export type ReadInput = { path: string; text: string; failure?: undefined } | { path: string; failure: string };

/**
 * Reads and decodes one file: the one place the commands read a report (node/files.ts for text today; the readers
 * of HTML, Word and PDF go here). Messages are made here, where the error's code is.
 */
export function readInput(path: string, maxBytes: number, msg: Messages): ReadInput {
  const read = readReportFile(path, maxBytes);
  if (read.ok) return { path, text: read.text };
  const reason = readFailureMessage(read, maxBytes, msg);
  return { path, failure: read.reason === 'too-large' ? `${reason}（--max-size）` : reason };
}
