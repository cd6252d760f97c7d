// Status bar item for the active report: its errors and warnings; click to check the whole workspace.

import * as vscode from 'vscode';
import { SOURCE } from '../../server/src/report/check';
import { t } from './i18n';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govReport.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = t('statusName');
    this.item.command = 'govReport.validateWorkspace';
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
    if (doc.languageId !== 'gov-report' && ours.length === 0) {
      this.item.hide();
      return;
    }
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = errors + warnings === 0 ? '$(check) 年报' : `$(error) ${errors} $(warning) ${warnings} 年报`;
    this.item.tooltip = t('statusTooltip');
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
