// Two status bar items for the active document, both from what the server says: its errors and warnings as
// published (severity settings included; "✓" only for a report with none), and the table cell under the cursor
// ("表三 · （七）总计 · 自然人"). Whether the document is a report at all is the server's answer too (govReport/cellAt),
// kept as the context key govReport.activeIsReport for the editor's title button and the preview's shortcut.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECKED_LANGUAGES, SOURCE } from '../../server/src/shared/constants';
import { CellAtRequest, COMMANDS, type CellAtResult } from '../../server/src/shared/protocol';
import { messages } from './i18n';

/** The context key: the active editor's document is checked as a report. */
export const IS_REPORT_CONTEXT = 'govReport.activeIsReport';

export class StatusBar implements vscode.Disposable {
  private readonly problems = vscode.window.createStatusBarItem('govReport.status', vscode.StatusBarAlignment.Left, 50);
  private readonly cell = vscode.window.createStatusBarItem('govReport.cell', vscode.StatusBarAlignment.Right, 1000);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The server's last answer for the active document and cursor. */
  private answer: { uri: string; result: CellAtResult } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    const msg = messages().client;
    this.problems.name = msg.statusName();
    this.problems.command = COMMANDS.validateWorkspace;
    this.cell.name = msg.cellStatusName();
    this.cell.tooltip = msg.cellStatusTooltip();
    this.cell.command = COMMANDS.showPreviewToSide;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.ask(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.ask(80);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.ask(150);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.ask(0);
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.ask(50)),
    );
    this.render();
  }

  /** The server is up: ask it about the active document. */
  clientReady(): void {
    this.ask(0);
  }

  private ask(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.query(), delay);
  }

  private async query(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    const doc = editor?.document;
    if (!editor || !doc || !client || !(CHECKED_LANGUAGES as readonly string[]).includes(doc.languageId)) {
      this.answer = undefined;
      this.render();
      return;
    }
    const ticket = ++this.asked;
    try {
      const result = await client.sendRequest(CellAtRequest, {
        textDocument: { uri: doc.uri.toString() },
        position: { line: editor.selection.active.line, character: editor.selection.active.character },
      });
      if (ticket !== this.asked) return; // a newer question is on its way
      this.answer = { uri: doc.uri.toString(), result };
    } catch {
      if (ticket !== this.asked) return;
      this.answer = undefined;
    }
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const result = doc && this.answer?.uri === doc.uri.toString() ? this.answer.result : undefined;
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, result?.report === true);
    const msg = messages().client;
    const ours = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE) : [];
    if (!doc || (!result?.report && ours.length === 0)) this.problems.hide();
    else {
      const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      this.problems.text = msg.statusText(errors, warnings);
      this.problems.tooltip = msg.statusTooltip();
      this.problems.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : warnings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.problems.show();
    }
    if (result?.cell) {
      this.cell.text = `$(table) ${result.cell}${result.uncertain ? ' $(question)' : ''}`;
      this.cell.show();
    } else this.cell.hide();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.problems.dispose();
    this.cell.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
