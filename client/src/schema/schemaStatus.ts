// Status bar item: schema source and object count; warning colours when loading failed; click reloads.
import * as vscode from 'vscode';
import type { SchemaService, SchemaState } from './schemaService';

export class SchemaStatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('etaitur.schemaStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;

  constructor(service: SchemaService) {
    this.item.name = vscode.l10n.t('e-Täitur schema');
    this.item.command = 'etaitur.schema.reload';
    this.sub = service.onDidChange((s) => this.show(s));
    this.show(service.current);
    this.item.show();
  }

  private show(s: SchemaState): void {
    this.item.backgroundColor = undefined;
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
    this.sub.dispose();
    this.item.dispose();
  }
}
