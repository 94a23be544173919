// Starts dist/server.js over stdio and speaks LSP to it (tests and the bench share this).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Diag { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; message: string; severity?: number }
export interface Published { uri: string; version?: number; diagnostics: Diag[] }

export class LspClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  private readonly waiters: { pred: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  readonly published: Published[] = [];
  settings: unknown = { schema: { ddl: [], snapshot: '' } };
  stderr = '';

  constructor(root = path.resolve(__dirname, '../..'), env: NodeJS.ProcessEnv = {}) {
    this.proc = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stderr!.on('data', (d) => { this.stderr += String(d); });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const w of [...this.waiters]) if (w.pred(p)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(p); }
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async initialize(rootFolder: string, options: { configuration?: boolean; locale?: string; initializationOptions?: unknown } = {}): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(rootFolder).toString(), locale: options.locale, initializationOptions: options.initializationOptions,
      workspaceFolders: [{ uri: pathToFileURL(rootFolder).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: options.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  waitForDiagnostics(pred: (p: Published) => boolean): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version, text } });
  }

  change(uri: string, version: number, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** workspace/didChangeWatchedFiles for files on disk (type 1 created, 2 changed, 3 deleted). */
  filesChanged(files: string[], type: 1 | 2 | 3 = 2): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((f) => ({ uri: pathToFileURL(f).toString(), type })) });
  }

  request<R>(method: string, params: unknown): Promise<R> { return this.conn.sendRequest(method, params) as Promise<R>; }

  async stop(): Promise<void> {
    try { await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]); void this.conn.sendNotification('exit'); } catch { /* already gone */ }
    this.conn.dispose();
    this.proc.kill();
  }
}
