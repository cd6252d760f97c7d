// Diagnostics as the editor receives them: each names its rule with a link to the rule's section of
// docs/rules.md, so a user can read why the format requires it (LSP codeDescription).

import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleSpec } from '../report';
import { RULES_DOC_URL } from '../shared/constants';

/** Each rule's link, made once: the index keeps every report's diagnostics (12,000 copies of links in a 10,000-report workspace). */
const links = new Map<string, { href: string }>();

export function withRuleLinks(diagnostics: Diagnostic[]): Diagnostic[] {
  for (const d of diagnostics) {
    const code = String(d.code);
    let link = links.get(code);
    if (!link && ruleSpec(code)) links.set(code, (link = { href: `${RULES_DOC_URL}#${code}` }));
    if (link) d.codeDescription = link;
  }
  return diagnostics;
}
