// Commands: validate the workspace, insert a standard table, create a new report from the template.

import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS, VALIDATE_WORKSPACE_REQUEST, type ValidateWorkspaceParams, type ValidateWorkspaceResult,
} from '../../server/src/shared/protocol';
import { template } from '../../server/src/report';
import snippets from '../../snippets/gov-report.json';
import { t } from './i18n';


const TABLE_SNIPPETS: Record<string, keyof typeof snippets> = {
  [COMMANDS.insertTable2]: '表二 主动公开政府信息情况',
  [COMMANDS.insertTable3]: '表三 收到和处理政府信息公开申请情况',
  [COMMANDS.insertTable4]: '表四 政府信息公开行政复议、行政诉讼情况',
};

export async function validateWorkspace(client: LanguageClient, output: vscode.LogOutputChannel): Promise<ValidateWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(t('noWorkspace'));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('checking'), cancellable: true },
    async (progress, token) => {
      // The server reports progress against a token we create, so the one notification shows it.
      const workDoneToken = `govReport-validate-${Date.now()}`;
      let last = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'report' && value.percentage !== undefined) {
          progress.report({ increment: value.percentage - last, message: value.message });
          last = value.percentage;
        }
      });
      try {
        const params: ValidateWorkspaceParams = { workDoneToken };
        return await client.sendRequest<ValidateWorkspaceResult>(VALIDATE_WORKSPACE_REQUEST, params, token);
      } catch (e) {
        output.error(`validate workspace: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage(t('failed', { message: e instanceof Error ? e.message : String(e) }));
        return undefined;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) return undefined;
  for (const u of result.unreadable) output.warn(`${u.uri}: ${u.reason}`);
  const message = result.cancelled
    ? t('cancelled', { files: result.files })
    : t('summary', { files: result.files, reports: result.reports, errors: result.errors, warnings: result.warnings, seconds: (result.elapsedMs / 1000).toFixed(1) });
  const extra = result.unreadable.length > 0 ? ` ${t('unreadable', { count: result.unreadable.length })}` : '';
  const show = result.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message + extra, t('openProblems')).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(COMMANDS.validateWorkspace, () => validateWorkspace(client, output));
  for (const [id, name] of Object.entries(TABLE_SNIPPETS)) {
    reg(id, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage(t('noEditor'));
        return;
      }
      await editor.insertSnippet(new vscode.SnippetString(snippets[name].body.join('\n') + '\n'));
    });
  }
  reg(COMMANDS.newReport, async () => {
    const year = new Date().getFullYear() - 1;
    const doc = await vscode.workspace.openTextDocument({ language: 'gov-report', content: template.reportTemplate('XX单位', year) });
    return vscode.window.showTextDocument(doc);
  });
  reg(COMMANDS.showProblems, () => vscode.commands.executeCommand('workbench.actions.view.problems'));
  reg(COMMANDS.restartServer, () => client.restart());
}
