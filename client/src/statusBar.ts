// Status bar item for the active report: its errors and warnings as published (severity settings included); click
// to check the whole workspace.

import * as vscode from 'vscode';
import { REPORT_LANGUAGE_ID, SOURCE } from '../../server/src/shared/constants';
import { COMMANDS } from '../../server/src/shared/protocol';
import { messages } from './i18n';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govReport.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = messages().client.statusName();
    this.item.command = COMMANDS.validateWorkspace;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
    if (doc.languageId !== REPORT_LANGUAGE_ID && ours.length === 0) {
      this.item.hide();
      return;
    }
    const msg = messages().client;
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = msg.statusText(errors, warnings);
    this.item.tooltip = msg.statusTooltip();
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
