// Template text left in a report ("XX单位", "XXXX年", "（文字描述…）", "××"): such a report is not done, so each
// placeholder is a warning, and a report that still has one is never shown as clean (docs/rules.md#template-placeholder).

import type { Collector } from '../check';

/**
 * Runs of two or more X / Ｘ / × (XX单位, XXXX年, ××局), and the template's bracketed instructions: （文字描述…）,
 * （此处填写…）, （请填写…）. Bounded: an instruction is one line of at most 80 characters.
 */
const PLACEHOLDER = /[XＸ×]{2,}|[（(](?:文字描述|此处填写|请填写|填写说明)[^）)\n\r]{0,80}[）)]/g;

/** More than this many placeholders is a template, not a report being finished: the rest are not listed one by one. */
const MAX_REPORTED = 50;

/** Whether the text could hold a placeholder at all: native searches, much cheaper than the regex over the text. */
function mayHold(text: string): boolean {
  return text.includes('XX') || text.includes('ＸＸ') || text.includes('××') || text.includes('文字描述') || text.includes('填写');
}

export function checkPlaceholders(c: Collector): void {
  const text = c.model.text;
  if (!mayHold(text)) return;
  PLACEHOLDER.lastIndex = 0;
  let n = 0;
  for (let m = PLACEHOLDER.exec(text); m && n < MAX_REPORTED; m = PLACEHOLDER.exec(text)) {
    // "XX" inside a Latin word (a file name, "XXL") is not the template's: only where Chinese text is around it.
    if (m[0].charCodeAt(0) === 88 && /[A-Za-z]/.test(text.charAt(m.index - 1) + text.charAt(m.index + m[0].length))) continue;
    c.add('template-placeholder', { start: m.index, end: m.index + m[0].length }, c.msg.templatePlaceholder(m[0]), { kind: 'info', placeholder: m[0] });
    n++;
  }
}
