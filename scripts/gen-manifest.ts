// Generates, from the rule table (server/src/report/rules.ts), what lists the rules elsewhere: the
// `govReport.severity` setting (one enum property per rule, with a description of the rule and of each level, its
// default severity) in package.json and its two translations, and README.md's rule table. Run by
// scripts/build.mjs; the output is committed and tests hold it to the rule table.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/report/rules';
import { rulesMarkdown } from '../server/src/cli/rules';

const LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
const DEFAULT_LEVEL = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

const LEVEL_TEXT = {
  en: { off: 'Not reported', hint: 'Hint (no mark in the Problems panel)', info: 'Information', warning: 'Warning', error: 'Error' },
  'zh-cn': { off: '不报告', hint: '提示（不在问题面板中显示）', info: '信息', warning: '警告', error: '错误' },
} as const;

/** The `properties` of govReport.severity: a %key% for every translated string. */
export function severityProperties(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const r of RULES) {
    props[r.code] = {
      type: 'string',
      enum: [...LEVELS],
      enumDescriptions: LEVELS.map((l) => `%severity.level.${l}%`),
      default: DEFAULT_LEVEL[r.severity as 1 | 2 | 3 | 4],
      markdownDescription: `%severity.rule.${r.code}%`,
    };
  }
  return props;
}

/** The translated strings the severity setting refers to, per manifest language. */
export function severityStrings(lang: 'en' | 'zh-cn'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of LEVELS) out[`severity.level.${l}`] = LEVEL_TEXT[lang][l];
  for (const r of RULES) {
    const t = lang === 'en' ? r.en : r.zh;
    out[`severity.rule.${r.code}`] = `**${t.title}** (\`${r.code}\`): ${t.description}`;
  }
  return out;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every rule at its default level: the setting's default, so that the Settings editor lists every rule (an object
 * setting shows the entries of its value, each with a drop-down of the levels and the rule's description), not an
 * empty table with "Add Item". A user's own value replaces it; a rule left out of that value keeps its default.
 */
export function severityDefaults(): Record<string, string> {
  return Object.fromEntries(RULES.map((r) => [r.code, DEFAULT_LEVEL[r.severity as 1 | 2 | 3 | 4]]));
}

/** package.json with the severity setting regenerated (everything else as it is). */
export function manifest(current: Json): Json {
  const next = structuredClone(current);
  const setting = next.contributes.configuration.properties['govReport.severity'];
  setting.properties = severityProperties();
  setting.default = severityDefaults();
  return next;
}

/** A package.nls file with the severity strings regenerated: the others kept, the stale severity ones dropped. */
export function nls(current: Record<string, string>, lang: 'en' | 'zh-cn'): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith('severity.')));
  return { ...kept, ...severityStrings(lang) };
}

/** README.md with its rule table (between the rules markers) regenerated. */
export function readme(current: string): string {
  const begin = '<!-- rules:begin -->\n';
  const a = current.indexOf(begin);
  const b = current.indexOf('<!-- rules:end -->');
  if (a < 0 || b < a) return current;
  return current.slice(0, a + begin.length) + rulesMarkdown() + current.slice(b);
}

const root = process.argv[process.argv.indexOf('--write') + 1];
if (process.argv.includes('--write') && root) {
  const write = (file: string, f: (json: any) => unknown) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const path = join(root, file);
    writeFileSync(path, `${JSON.stringify(f(JSON.parse(readFileSync(path, 'utf8'))), null, 2)}\n`);
  };
  write('package.json', manifest);
  write('package.nls.json', (j) => nls(j, 'en'));
  write('package.nls.zh-cn.json', (j) => nls(j, 'zh-cn'));
  const readmePath = join(root, 'README.md');
  writeFileSync(readmePath, readme(readFileSync(readmePath, 'utf8')));
}
