// Creates the language client that runs dist/server.js over stdio.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { WorkbenchConfig } from './config';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  config: WorkbenchConfig,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'untitled', language: 'sql' },
      { scheme: 'file', language: 'etaitur-classifier' },
    ],
    synchronize: { configurationSection: 'etaitur' },
    outputChannel,
    // A server that keeps crashing must not take the extension down: give up after a few restarts.
    connectionOptions: { maxRestartCount: 3 },
  };
  const client = new LanguageClient('etaitur', 'e-Täitur', serverOptions, clientOptions);
  void client.setTrace(config.serverTrace === 'off' ? 0 : config.serverTrace === 'messages' ? 1 : 2);
  return client;
}
