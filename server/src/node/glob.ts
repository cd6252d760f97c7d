// Glob matching for the include setting and files.exclude, by picomatch (the standard small matcher: [...]
// classes, nested braces, negation and extglobs, which a hand-written one got wrong). Paths are forward-slash paths
// relative to a workspace folder. A pattern without "/" matches a name at any depth, as VS Code's files.exclude
// does for "**/x" and the CLI's "*.txt".

import picomatch from 'picomatch';

export type Matcher = (relPath: string) => boolean;

export function matcher(globs: readonly string[]): Matcher {
  const patterns = globs
    .map((g) => g.trim().replace(/\\/g, '/').replace(/^\.\//, ''))
    .filter((g) => g !== '')
    .map((g) => (g.replace(/^!/, '').includes('/') ? g : g.startsWith('!') ? `!**/${g.slice(1)}` : `**/${g}`));
  // A "!" pattern takes away what the others match ("**/*.txt", "!**/草稿/**"); dot: hidden files and folders
  // match "*", as in VS Code's globs.
  const positive = patterns.filter((p) => !p.startsWith('!'));
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (positive.length === 0) return () => false;
  const yes = picomatch(positive, { dot: true });
  const no = negative.length > 0 ? picomatch(negative, { dot: true }) : undefined;
  return no ? (p) => yes(p) && !no(p) : yes;
}
