// Diagnostics as the editor receives them: each names its rule with a link to the rule's section of
// docs/rules.md, so a user can read why the format requires it (LSP codeDescription).

import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleSpec } from '../report';
import { RULES_DOC_URL } from '../shared/constants';

export function withRuleLinks(diagnostics: Diagnostic[]): Diagnostic[] {
  for (const d of diagnostics) {
    if (ruleSpec(String(d.code))) d.codeDescription = { href: `${RULES_DOC_URL}#${String(d.code)}` };
  }
  return diagnostics;
}
