// Status bar item: schema source and object count; warning colours when loading failed; click reloads.
import * as vscode from 'vscode';
import type { LiveSchemaInfo, SchemaService, SchemaState } from './schemaService';

/** "just now", "5 min", "3 h", "2 d" in the UI language. */
export function ageText(since: Date, now: Date = new Date()): string {
  const min = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60000));
  if (min < 1) return vscode.l10n.t('just now');
  if (min < 60) return vscode.l10n.t('{0} min', min);
  if (min < 48 * 60) return vscode.l10n.t('{0} h', Math.floor(min / 60));
  return vscode.l10n.t('{0} d', Math.floor(min / 1440));
}

export class SchemaStatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('etaitur.schemaStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;
  /** Keeps a cached schema's age current. */
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly service: SchemaService) {
    this.item.name = vscode.l10n.t('e-Täitur schema');
    this.sub = service.onDidChange((s) => this.show(s));
    this.show(service.current);
    this.item.show();
    this.ticker = setInterval(() => this.service.current.kind === 'loaded' && this.show(this.service.current), 60_000);
  }

  private showLive(live: LiveSchemaInfo): void {
    const tables = live.result.schema.tables.filter((t) => t.kind === 'table').length;
    const age = ageText(live.readAt);
    this.item.command = live.link === 'offline' ? 'etaitur.live.connect' : 'etaitur.live.refresh';
    if (live.link === 'online') {
      this.item.text = `$(database) ${vscode.l10n.t('live: {0} · {1} tables', live.profile, tables)}`;
      this.item.tooltip = [live.result.description, vscode.l10n.t('Catalog read {0} ago; checked for changes while connected.', age), vscode.l10n.t('Click to refresh')].join('\n');
      return;
    }
    this.item.text = `$(${live.link === 'reconnecting' ? 'debug-disconnect' : 'database'}) ${vscode.l10n.t('live: {0} · {1} old', live.profile, age)}`;
    this.item.tooltip = [
      live.link === 'reconnecting'
        ? vscode.l10n.t('The connection to {0} is lost: using the cached schema and reconnecting.', live.database)
        : vscode.l10n.t('Not connected: using the schema of {0} cached {1} ago.', live.database, age),
      live.link === 'offline' ? vscode.l10n.t('Click to connect') : vscode.l10n.t('Click to retry now'),
    ].join('\n');
    if (live.link === 'reconnecting') this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  private show(s: SchemaState): void {
    this.item.backgroundColor = undefined;
    this.item.command = 'etaitur.schema.reload';
    if (s.kind === 'loaded' && s.live) return this.showLive(s.live);
    switch (s.kind) {
      case 'unconfigured':
        this.item.text = `$(database) ${vscode.l10n.t('No schema')}`;
        this.item.tooltip = vscode.l10n.t('No schema source configured: set etaitur.schema.ddl or etaitur.schema.snapshot');
        break;
      case 'loading':
        this.item.text = `$(sync~spin) ${vscode.l10n.t('Loading schema…')}`;
        this.item.tooltip = undefined;
        break;
      case 'loaded': {
        const tables = s.result.schema.tables.filter((t) => t.kind === 'table').length;
        const label = s.source === 'ddl' ? 'DDL' : s.source === 'snapshot' ? vscode.l10n.t('Snapshot') : vscode.l10n.t('Live');
        const warn = s.result.warnings.length > 0;
        this.item.text = `$(${warn ? 'warning' : 'database'}) ${vscode.l10n.t('{0}: {1} tables', label, tables)}`;
        this.item.tooltip = [s.result.description, ...s.result.warnings.slice(0, 10), vscode.l10n.t('Click to reload')].join('\n');
        if (warn) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      }
      case 'failed':
        this.item.text = `$(error) ${vscode.l10n.t('Schema failed to load')}`;
        this.item.tooltip = `${s.error}\n${vscode.l10n.t('Click to reload')}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.sub.dispose();
    this.item.dispose();
  }
}
