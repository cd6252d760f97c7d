// Diagnostics of files that are not open (Validate All, files changed on disk) reach the editor in batches: a
// workspace of 4,000 reports sends a notification per report with problems, and handed on one by one each was a
// round trip to the window and a redraw of the Explorer's and the Problems panel's markers, which held up the
// progress notification for half a second at a time. An open document's diagnostics go through at once (typing).

import * as vscode from 'vscode';

/** How long diagnostics of closed files wait to be handed on together (ms). */
const DELAY = 250;
/** A batch this large is handed on without waiting. */
const MAX = 500;

export class DiagnosticsBatch implements vscode.Disposable {
  private readonly pending = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly collection: () => vscode.DiagnosticCollection | undefined) {}

  /** The language client's handleDiagnostics middleware. */
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void): void {
    const key = uri.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      this.pending.delete(key);
      next(uri, diagnostics);
      return;
    }
    this.pending.set(key, [uri, diagnostics]);
    if (this.pending.size >= MAX) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), DELAY);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const collection = this.collection();
    // A file opened meanwhile shows its live diagnostics, which the server sends on open.
    const entries = [...this.pending.values()].filter(([uri]) => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    this.pending.clear();
    if (collection && entries.length > 0) collection.set(entries);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }
}
