// The VS Code extension: starts the language server over IPC and registers the commands and the status bar.
// No rule logic here: everything a user sees about a report comes from the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel('政府信息公开年度报告 (Gov Report)', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const selector = ['gov-report', 'plaintext', 'markdown'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language },
    // Files changed, created or deleted on disk: the server re-checks or drops their workspace results.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md}') },
  };
  client = new LanguageClient('govReport', '政府信息公开年度报告 (Gov Report)', serverOptions, clientOptions);
  // The client restarts a server that dies (up to 4 times in 3 minutes) and logs each restart to the channel.
  await client.start();
  context.subscriptions.push(output, { dispose: () => void client?.stop() });
  registerCommands(context, client, output);
  context.subscriptions.push(new StatusBar());
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
