// Creates the language client that runs dist/server.js over stdio.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { WorkbenchConfig } from './config';

/** Files whose change can change diagnostics of open documents (the server filters further). */
export const WATCHED_FILES = '**/{*.sql,*.json,*.klass}';

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
  // Extension lifetime (context.subscriptions): a restarted client gets a new watcher, the old one idles until deactivation.
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'untitled', language: 'sql' },
      { scheme: 'file', language: 'etaitur-classifier' },
    ],
    // DDL and snapshot files, etaitur.json and classifier files: the server re-checks open documents when they change.
    synchronize: { configurationSection: 'etaitur', fileEvents: watcher },
    initializationOptions: { locale: vscode.env.language, fileEvents: true },
    outputChannel,
    // A server that keeps crashing must not take the extension down: give up after a few restarts.
    connectionOptions: { maxRestartCount: 3 },
  };
  const client = new LanguageClient('etaitur', 'e-Täitur', serverOptions, clientOptions);
  void client.setTrace(config.serverTrace === 'off' ? 0 : config.serverTrace === 'messages' ? 1 : 2);
  return client;
}
