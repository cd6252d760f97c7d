// The `rules` command: the rule table (report/rules.ts) as text, JSON or the Markdown table README.md holds.

import type { Messages } from '../l10n';
import { RULES, ruleText, type RuleCode } from '../report';

const SEVERITY_CODES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

/** The Markdown table of every rule, Chinese and English: README.md holds exactly this (a test compares them). */
export function rulesMarkdown(): string {
  const rows = RULES.map((r) =>
    `| \`${r.code}\` | ${SEVERITY_CODES[r.severity as 1 | 2 | 3 | 4]} | ${r.fixAll ? '✓' : ''} | ${r.zh.title}：${r.zh.description} | ${r.en.description} |`);
  return ['| code | default | fix-all | 说明 | what it checks |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function formatRules(format: 'text' | 'json' | 'md', msg: Messages): string {
  if (format === 'md') return rulesMarkdown();
  if (format === 'json') {
    return `${JSON.stringify(RULES.map((r) => ({
      code: r.code, category: r.category, severity: r.severity, fixAll: r.fixAll, zh: r.zh, en: r.en,
    })), null, 2)}\n`;
  }
  const width = Math.max(...RULES.map((r) => r.code.length));
  return RULES.map((r) => {
    const t = ruleText(r.code as RuleCode, msg.locale);
    return `${r.code.padEnd(width)}  ${msg.severityName(r.severity as 1 | 2 | 3 | 4).padEnd(7)}  ${t.title} — ${t.description}`;
  }).join('\n') + '\n';
}
