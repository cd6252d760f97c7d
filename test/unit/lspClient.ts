// A real JSON-RPC client for dist/server.js over stdio, for the server-level tests.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
import { ROOT } from './helpers';

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  stderr = '';
  logs: string[] = [];
  /** Work-done progress values the server sent ($/progress), in order. */
  readonly progress: { token: string | number; value: { kind: string; percentage?: number; message?: string } }[] = [];
  private events: Array<{ test: () => boolean; resolve: () => void }> = [];

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.test(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    this.conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; percentage?: number } }) => {
      this.progress.push(p);
      this.wake();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  async initialize(rootUri: string | null = null, capabilities: object = {}): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri, capabilities, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null, locale: 'zh-cn',
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  private wake(): void {
    this.events = this.events.filter((e) => {
      if (!e.test()) return true;
      e.resolve();
      return false;
    });
  }

  /** Resolves once `test` holds (checked now and after each log or progress message), or rejects after `timeoutMs`. */
  until(what: string, test: () => boolean, timeoutMs = 10000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), timeoutMs);
      this.events.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  /** The diagnostics last published for `uri`, if any. */
  latest(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri)?.at(-1)?.diagnostics;
  }

  /** Resolves with the next publishDiagnostics for `uri` that satisfies `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => { clearTimeout(timer); resolve(p.diagnostics); } });
    });
  }

  /** Opens a document and resolves with its first diagnostics. */
  async openAndWait(uri: string, text: string, languageId = 'plaintext'): Promise<Diagnostic[]> {
    const first = this.diagnostics(uri);
    await this.open(uri, text, languageId);
    return first;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
