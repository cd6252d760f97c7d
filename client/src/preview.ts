// The report preview beside the text, as Markdown's is: a webview that shows the report with its parts and its three
// tables as real grids (the server builds the model, govReport/preview; dist/preview.js draws it). It follows edits
// as they are typed and scrolls with the editor; clicking a cell puts the cursor on it in the text.
//
// Security: a strict Content-Security-Policy (nothing but this extension's script, by nonce, and its own style), no
// remote content, local resources from dist/ only; the webview builds its DOM with textContent, never HTML strings.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, type PreviewModel } from '../../server/src/shared/protocol';
import { messages } from './i18n';

export const PREVIEW_VIEW_TYPE = 'govReport.preview';

/** Messages the webview sends. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; range: { start: { line: number; character: number }; end: { line: number; character: number } } };

/** Messages the webview receives. */
export type ToWebview =
  | { type: 'model'; model: PreviewModel; loading: string }
  | { type: 'scroll'; line: number };

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars.charAt(Math.floor(Math.random() * chars.length));
  return out;
}

const STYLE = `
body { font-family: var(--vscode-font-family), "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 24px 48px; line-height: 1.6; }
header.bar { position: sticky; top: 0; z-index: 2; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 6px 0; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; font-size: 90%; }
.legend span { display: inline-flex; align-items: center; gap: 4px; margin-right: 12px; }
.chip { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
h1 { font-size: 150%; text-align: center; margin: 20px 0; }
h2 { font-size: 125%; margin: 24px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 4px; }
h3 { font-size: 110%; margin: 12px 0 6px; }
p { margin: 6px 0; text-indent: 2em; }
.notice { margin: 8px 0; padding: 6px 10px; border-left: 4px solid; border-radius: 2px; }
.problems { margin: 4px 0; padding-left: 20px; font-size: 90%; }
table.grid { border-collapse: collapse; margin: 8px 0 16px; font-size: 90%; }
table.grid th, table.grid td { border: 1px solid var(--vscode-editorWidget-border, #8888); padding: 3px 6px; vertical-align: middle; }
table.grid th { background: var(--vscode-editorWidget-background, #8881); font-weight: normal; text-align: left; min-width: 3em; max-width: 24em; }
table.grid td { text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums; cursor: pointer; }
table.grid td:hover { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
td .expected { display: block; font-size: 80%; white-space: nowrap; }
.sev-error { background: var(--vscode-inputValidation-errorBackground, #f003); }
td.sev-error { box-shadow: inset 0 0 0 2px var(--vscode-editorError-foreground, #e51400); }
.sev-error .expected, span.sev-error { color: var(--vscode-editorError-foreground, #e51400); }
.sev-warning { background: var(--vscode-inputValidation-warningBackground, #fc03); }
td.sev-warning { box-shadow: inset 0 0 0 2px var(--vscode-editorWarning-foreground, #bf8803); }
.sev-info { background: var(--vscode-inputValidation-infoBackground, #08f2); }
.uncertain, .missing { color: var(--vscode-disabledForeground, #888); background: repeating-linear-gradient(45deg, #8881, #8881 4px, #8882 4px, #8882 8px); }
table.unreadable { opacity: 0.6; }
.notice.sev-error { border-color: var(--vscode-editorError-foreground, #e51400); }
.notice.sev-warning { border-color: var(--vscode-editorWarning-foreground, #bf8803); }
.notice.sev-info, .notice.sev-hint { border-color: var(--vscode-editorInfo-foreground, #1a85ff); }
.chip.sev-error { box-shadow: inset 0 0 0 2px var(--vscode-editorError-foreground, #e51400); }
.chip.sev-warning { box-shadow: inset 0 0 0 2px var(--vscode-editorWarning-foreground, #bf8803); }
.note { font-size: 90%; color: var(--vscode-descriptionForeground); }
.selected { outline: 2px solid var(--vscode-focusBorder) !important; }
`;

class PreviewPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private asked = 0;
  private lastLine = -1;
  readonly disposed = new vscode.EventEmitter<void>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly source: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => Promise<LanguageClient>,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
    webview.html = this.html();
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.source.toString()) this.refresh(120);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.source.toString())) this.refresh(60);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() === this.source.toString()) this.scrollTo(e.visibleRanges[0]?.start.line ?? 0);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private html(): string {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview.js'));
    const csp = [
      "default-src 'none'", `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${messages().locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${STYLE}</style>
</head>
<body>
<div id="root"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      this.refresh(0);
      return;
    }
    if (m.type === 'reveal') {
      const range = new vscode.Range(m.range.start.line, m.range.start.character, m.range.end.line, m.range.end.character);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source.toString());
      const editor = await vscode.window.showTextDocument(this.source, {
        viewColumn: visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One),
        selection: range, preserveFocus: false,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  /** Asks the server for the model of the document as it is now, after `delay` ms of quiet. */
  refresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    if (!this.ready) return;
    const ticket = ++this.asked;
    try {
      const client = await this.client();
      const model = await client.sendRequest(PreviewRequest, { textDocument: { uri: this.source.toString() } });
      if (ticket !== this.asked || !model) return;
      const message: ToWebview = { type: 'model', model, loading: messages().client.previewLoading() };
      await this.panel.webview.postMessage(message);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source.toString());
      if (editor && this.lastLine < 0) this.scrollTo(editor.visibleRanges[0]?.start.line ?? 0);
    } catch {
      // the server is restarting, or the document was closed: the last model stays
    }
  }

  private scrollTo(line: number): void {
    this.lastLine = line;
    if (this.ready) void this.panel.webview.postMessage({ type: 'scroll', line } satisfies ToWebview);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
    this.disposed.fire();
    this.disposed.dispose();
  }
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => Promise<LanguageClient>) {
    // A preview left open comes back after a reload (VS Code keeps the webview's state: the report's URI).
    this.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const uri = (state as { uri?: string } | undefined)?.uri;
        if (!uri) {
          panel.dispose();
          return;
        }
        this.track(new PreviewPanel(panel, vscode.Uri.parse(uri), this.context.extensionUri, this.client));
      },
    }));
  }

  clientReady(_client: LanguageClient): void {
    for (const p of this.panels.values()) p.refresh(0);
  }

  /** Opens (or reveals) the preview of a document: the given one, else the active editor's. */
  async show(toSide: boolean, uri?: vscode.Uri): Promise<void> {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!source) {
      void vscode.window.showWarningMessage(messages().client.previewNoEditor());
      return;
    }
    void this.client();
    const existing = this.panels.get(source.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      return;
    }
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE, messages().client.previewTitle(name),
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')] },
    );
    this.track(new PreviewPanel(panel, source, this.context.extensionUri, this.client));
  }

  private track(p: PreviewPanel): void {
    const key = p.source.toString();
    this.panels.set(key, p);
    p.disposed.event(() => {
      if (this.panels.get(key) === p) this.panels.delete(key);
    });
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
