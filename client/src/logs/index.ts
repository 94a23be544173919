// Glue: registers the log search view, its commands and the entry documents. The lead wires it in.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENTRY_SCHEME, EntryDocuments } from './entryDocument';
import { registerLogCommands } from './logCommands';
import { LogResultsProvider } from './logSearchView';
import { SearchWorkerClient } from './searchWorkerClient';
import { PasswordStore } from '../live/passwords';

export interface LogsDeps {
  /** vscode.env.appRoot by default; VS Code's ripgrep lies under it. */
  readonly appRoot?: string;
  /** Where the shell keeps tree providers by view id. */
  readonly views?: Map<string, vscode.TreeDataProvider<unknown>>;
  /** Where database passwords are kept (log tables); without it log tables are skipped. */
  readonly secrets?: vscode.SecretStorage;
  /** The bundled search worker; dist/searchWorker.js next to dist/client.js by default. */
  readonly workerFile?: string;
}

export function registerLogs(deps: LogsDeps = {}): vscode.Disposable {
  const appRoot = deps.appRoot ?? vscode.env.appRoot;
  const rgPath = path.join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', process.platform === 'win32' ? 'rg.exe' : 'rg');
  const results = new LogResultsProvider();
  const entries = new EntryDocuments();
  deps.views?.set('etaitur.logs', results as vscode.TreeDataProvider<unknown>);
  return vscode.Disposable.from(
    results,
    vscode.window.registerTreeDataProvider('etaitur.logs', results),
    vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, entries),
    vscode.languages.registerDocumentLinkProvider({ scheme: ENTRY_SCHEME }, entries),
    registerLogCommands({
      results, entries, rgPath,
      worker: new SearchWorkerClient(deps.workerFile ?? path.join(__dirname, 'searchWorker.js')),
      passwords: deps.secrets ? new PasswordStore(deps.secrets) : undefined,
    }),
  );
}
