// Minimal glob matching for include / files.exclude settings: "**", "*", "?", "{a,b}", matched against
// forward-slash paths relative to a workspace folder. A pattern without "/" matches a name at any depth,
// as VS Code's files.exclude does for "**/x" and the CLI's "*.txt".

export type Matcher = (relPath: string) => boolean;

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let inBraces = false;
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  while (i < g.length) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        // "**/" matches zero or more folders; a trailing "**" matches everything below.
        if (g[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 3;
        } else {
          re += '.*';
          i += 2;
        }
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    i++;
  }
  if (inBraces) re += ')';
  return new RegExp(`^${re}$`);
}

export function matcher(globs: readonly string[]): Matcher {
  const res = globs.filter((g) => g.trim() !== '').map((g) => (g.includes('/') ? globToRegExp(g) : globToRegExp(`**/${g}`)));
  return (p) => res.some((r) => r.test(p));
}
