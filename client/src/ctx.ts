// The one owner of the extension's state: language client, views, status bar, commands and their disposables.
// Extension-lifetime disposables live until deactivate; client-lifetime ones are dropped on each client restart.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RESTART_KEYS, SCHEMA_KEYS, type WorkbenchConfig, affects, readConfig } from './config';
import { createLanguageClient } from './languageClient';
import { SchemaService } from './schema/schemaService';
import { SchemaStatusItem } from './schema/schemaStatus';
import { SchemaTreeProvider } from './schema/schemaTree';

/** View ids contributed in package.json; features register their providers against these. */
export const VIEW_IDS = {
  tickets: 'etaitur.tickets',
  logs: 'etaitur.logs',
  schema: 'etaitur.schema',
  classifiers: 'etaitur.classifiers',
} as const;

/** A feature (tickets, logs, ...) plugs in with one function that returns what it registered. */
export type Feature = (ctx: Ctx) => vscode.Disposable | vscode.Disposable[] | Promise<vscode.Disposable | vscode.Disposable[]>;

export class Ctx implements vscode.Disposable {
  private readonly extensionDisposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  private _client: LanguageClient | undefined;
  private _config: WorkbenchConfig = readConfig();
  readonly log: vscode.LogOutputChannel;
  readonly schema: SchemaService;
  readonly schemaTree: SchemaTreeProvider;
  readonly schemaStatus: SchemaStatusItem;
  private readonly clientStarted = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time a language client has started (features that push state to the server resend it). */
  readonly onDidStartClient = this.clientStarted.event;
  /** Tree providers features registered, by view id; the integration tests read them. */
  readonly treeProviders = new Map<string, vscode.TreeDataProvider<unknown>>();

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.own(vscode.window.createOutputChannel('e-Täitur', { log: true }));
    this.own(this.clientStarted);
    this.schema = this.own(new SchemaService(() => this._config, this.log));
    this.schemaTree = this.own(new SchemaTreeProvider(this.schema));
    this.schemaStatus = this.own(new SchemaStatusItem(this.schema));
  }

  get config(): WorkbenchConfig {
    return this._config;
  }

  get client(): LanguageClient | undefined {
    return this._client;
  }

  /** Registers something that lives as long as the extension. */
  own<T extends vscode.Disposable>(d: T): T {
    this.extensionDisposables.push(d);
    return d;
  }

  /** Registers something that lives as long as the current language client. */
  ownForClient<T extends vscode.Disposable>(d: T): T {
    this.clientDisposables.push(d);
    return d;
  }

  /** Hook for features built elsewhere (client/src/tickets, client/src/logs): their disposables become ours. */
  async registerFeature(name: string, feature: Feature): Promise<void> {
    try {
      const result = await feature(this);
      for (const d of Array.isArray(result) ? result : [result]) this.own(d);
    } catch (e) {
      this.log.error(`feature ${name} failed to start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  command(id: string, run: (...args: unknown[]) => unknown): void {
    this.own(vscode.commands.registerCommand(id, run));
  }

  async start(): Promise<void> {
    this.own(vscode.window.createTreeView(VIEW_IDS.schema, { treeDataProvider: this.schemaTree, showCollapseAll: true }));
    this.command('etaitur.schema.reload', () => this.schema.reload());
    this.command('etaitur.server.restart', () => this.restartClient());
    this.command('etaitur.showOutput', () => this.log.show(true));
    this.own(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affects(e, ['etaitur'])) return;
        this._config = readConfig();
        if (affects(e, SCHEMA_KEYS)) void this.schema.reload();
        if (affects(e, RESTART_KEYS)) void this.restartClient();
      }),
    );
    // Neither the schema nor the server may block or fail activation.
    void this.schema.reload();
    void this.startClient();
  }

  async startClient(): Promise<void> {
    const client = createLanguageClient(this.extension, this._config, this.log);
    this._client = client;
    this.ownForClient({ dispose: () => void client.stop().catch(() => undefined) });
    try {
      await client.start();
      this.log.info('language server started');
      if (this._client === client) this.clientStarted.fire(client);
    } catch (e) {
      this.log.error(`language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async restartClient(): Promise<void> {
    await this.stopClient();
    await this.startClient();
  }

  private async stopClient(): Promise<void> {
    const client = this._client;
    this._client = undefined;
    const ds = this.clientDisposables;
    this.clientDisposables = [];
    for (const d of ds.slice(1)) d.dispose();
    if (client) await client.stop().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.stopClient();
    for (const d of this.extensionDisposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // keep disposing the rest
      }
    }
  }
}
