// The extension's own strings come from the one message catalogue (server/src/l10n), as the server's do: Chinese
// by default; English when govReport.locale asks, or when it is "auto" and VS Code's display language is not
// Chinese. The catalogue imports nothing at run time, so this pulls no engine code into the extension.

import * as vscode from 'vscode';
import { messagesFor, type Messages } from '../../server/src/l10n';

export function messages(): Messages {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale', 'zh-CN');
  if (setting === 'auto') return messagesFor(/^zh/i.test(vscode.env.language) ? 'zh-CN' : 'en');
  return messagesFor(setting);
}
