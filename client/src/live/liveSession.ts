// The live connection's state: its schema (read from the catalog, or the cached snapshot after a
// restart), kept current by polling, shared with the schema browser, the status bar and the language
// server (which checks SQL documents against the cached snapshot file). No prompts or messages here.
import * as vscode from 'vscode';
import { LiveSchemaNotification } from '../../../server/src/shared/customMessages';
import { LiveSchemaSource, LiveSchemaError } from '../../../server/src/schema/live/liveSchemaSource';
import { LiveLink, type LinkStatus } from '../../../server/src/schema/live/liveLink';
import { readSnapshotCache, writeSnapshotCache } from '../../../server/src/schema/live/snapshotCache';
import type { SchemaLoadResult } from '../../../server/src/schema/model';
import type { ConnectionProfile } from '../../../server/src/live/profile';
import type { Ctx } from '../ctx';
import type { LiveSchemaInfo } from '../schema/schemaService';
import type { LiveSettings } from './liveSettings';

const LAST_PROFILE_KEY = 'etaitur.live.lastProfile';

export class LiveSession implements vscode.Disposable {
  private source: LiveSchemaSource | undefined;
  private link: LiveLink | undefined;
  private _profile: ConnectionProfile | undefined;
  private info: LiveSchemaInfo | undefined;
  private lastJson: string | undefined;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly settings: () => LiveSettings,
  ) {
    this.subs.push(
      ctx.onDidStartClient(() => this.notifyServer()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('etaitur.schema.source')) this.notifyServer();
      }),
    );
  }

  get profile(): ConnectionProfile | undefined {
    return this._profile;
  }

  /** True while a connection is open (polling or reconnecting), not for a cache-only start. */
  get connected(): boolean {
    return this.link !== undefined && this.link.status !== 'closed';
  }

  get current(): LiveSchemaInfo | undefined {
    return this.info;
  }

  /** The last catalog read as snapshot JSON (for export). */
  get snapshotJson(): string | undefined {
    return this.lastJson;
  }

  cacheFile(profile: ConnectionProfile): vscode.Uri {
    return vscode.Uri.joinPath(this.ctx.extension.globalStorageUri, 'schema-cache', `${profile.name.replace(/[^\w.-]/g, '_')}.schema.json`);
  }

  /** The profile connected when the workspace was last open, if it is still configured. */
  lastProfile(profiles: readonly ConnectionProfile[]): ConnectionProfile | undefined {
    const name = this.ctx.extension.workspaceState.get<string>(LAST_PROFILE_KEY);
    return name ? profiles.find((p) => p.name === name) : undefined;
  }

  /** Shows a profile's cached snapshot at once (offline). False when there is no readable cache. */
  async useCache(profile: ConnectionProfile): Promise<boolean> {
    const file = this.cacheFile(profile);
    const cached = await readSnapshotCache(file.fsPath);
    if (!cached) return false;
    this._profile = profile;
    const description = `live (cached): ${profile.database} (${cached.schema.size} tables and views)`;
    this.lastJson = undefined;
    this.publish({
      profile: profile.name,
      database: profile.database,
      readAt: cached.generatedAt,
      link: 'offline',
      result: { schema: cached.schema, warnings: [], loadedAt: cached.generatedAt, description },
      snapshotPath: file.fsPath,
    });
    return true;
  }

  /**
   * Connects and reads the catalog. Throws LiveSchemaError when that fails (the caller says why);
   * with `keepCache` (a start from the cache) a failure leaves the cached schema and retries in the background.
   */
  async open(profile: ConnectionProfile, password: string, keepCache = false): Promise<SchemaLoadResult | undefined> {
    const previous = this._profile;
    this.closeLink();
    const file = this.cacheFile(profile);
    const source = new LiveSchemaSource({
      profile,
      password,
      requestTimeoutMs: this.settings().requestTimeoutMs,
      onSnapshot: async (json) => {
        this.lastJson = json;
        await writeSnapshotCache(file.fsPath, json);
      },
    });
    const link = new LiveLink({
      source,
      pollIntervalMs: () => this.settings().pollIntervalMs,
      onReload: (result) => {
        if (this.link !== link) return;
        this.publish({ profile: profile.name, database: profile.database, readAt: result.loadedAt, link: 'online', result, snapshotPath: file.fsPath });
        this.ctx.log.info(`live schema read from ${profile.server}/${profile.database}: ${result.description}`);
      },
      onStatus: (status, error) => this.onLinkStatus(link, status, error),
    });
    this.source = source;
    this.link = link;
    this._profile = profile;
    if (keepCache) {
      // The cached schema stays "offline" until the read succeeds (then "online") or fails ("reconnecting").
      await link.refresh(true);
      return this.info?.link === 'online' ? this.info.result : undefined;
    }
    try {
      const result = await link.open();
      await this.ctx.extension.workspaceState.update(LAST_PROFILE_KEY, profile.name);
      return result;
    } catch (e) {
      if (this.link === link) {
        // Whatever schema was shown stays, now without a connection.
        this.closeLink();
        this._profile = this.info ? previous : undefined;
        if (this.info && this.info.link !== 'offline') this.publish({ ...this.info, link: 'offline' });
      }
      throw e;
    }
  }

  /** Checks the catalog now and reloads it (force: even when unchanged). False when it could not. */
  async refresh(force = true): Promise<boolean> {
    const link = this.link;
    if (!link) return false;
    await link.refresh(force);
    return link.status === 'online';
  }

  /** Ends the connection and stops using its schema (the cache file stays for the next connect). */
  async close(): Promise<void> {
    this.closeLink();
    this._profile = undefined;
    this.lastJson = undefined;
    await this.ctx.extension.workspaceState.update(LAST_PROFILE_KEY, undefined);
    this.publish(undefined);
  }

  private onLinkStatus(link: LiveLink, status: LinkStatus, error: unknown): void {
    if (this.link !== link || !this.info || status === 'closed') return;
    const p = this._profile;
    if (status === 'reconnecting') {
      const detail = error instanceof LiveSchemaError ? error.info.detail : 'unknown error';
      // Logged once per drop; the status bar shows it; no notification (polling must not spam).
      this.ctx.log.warn(`live connection to ${p?.server}/${p?.database} lost (${detail}); keeping the cached schema, reconnecting with backoff`);
    } else {
      this.ctx.log.info(`live connection to ${p?.server}/${p?.database} is back`);
    }
    this.publish({ ...this.info, link: status });
  }

  private closeLink(): void {
    const source = this.source;
    this.link?.close();
    this.link = undefined;
    this.source = undefined;
    void source?.dispose();
  }

  private publish(info: LiveSchemaInfo | undefined): void {
    if (!!info !== !!this.info) void vscode.commands.executeCommand('setContext', 'etaitur.live.active', !!info);
    this.info = info;
    this.ctx.schema.setLive(info);
    this.notifyServer();
  }

  private notifyServer(): void {
    const client = this.ctx.client;
    if (!client || !client.isRunning()) return; // resent when the client starts
    const info = this.ctx.config.schemaSource === 'auto' ? this.info : undefined;
    const params: LiveSchemaNotification.Params = info ? { profile: info.profile, snapshotPath: info.snapshotPath, readAt: info.readAt.toISOString() } : null;
    void client.sendNotification(LiveSchemaNotification.method, params).catch((e: unknown) => this.ctx.log.warn(`live schema not sent to the server: ${String(e)}`));
  }

  dispose(): void {
    this.closeLink();
    for (const s of this.subs) s.dispose();
  }
}
