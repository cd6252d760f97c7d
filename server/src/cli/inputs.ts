// The files a command reads: its arguments, folders walked for .txt and .md files, each file once, in a stable
// order. Shared by `check` and `summary`.

import { errnoMessage, realPath, statPath, walk, type WalkFailure, type WalkOptions } from '../node/files';
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
