// The results tree of the log search view: groups with counts, entries, "load more".
import * as vscode from 'vscode';
import { Group } from './grouping';
import { LogEntry } from './model';
import { maskPii } from './piiDetectors';

export type LogNode =
  | { readonly kind: 'group'; readonly group: Group }
  | { readonly kind: 'entry'; readonly entry: LogEntry; readonly index: number }
  | { readonly kind: 'more' };

export class LogResultsProvider implements vscode.TreeDataProvider<LogNode> {
  private readonly changed = new vscode.EventEmitter<LogNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: Group[] = [];
  private canLoadMore = false;
  mask = true;

  set(groups: Group[], canLoadMore: boolean): void {
    this.groups = groups;
    this.canLoadMore = canLoadMore;
    this.changed.fire(undefined);
  }

  getTreeItem(n: LogNode): vscode.TreeItem {
    if (n.kind === 'more') {
      const it = new vscode.TreeItem(vscode.l10n.t('Load more…'));
      it.command = { command: 'etaitur.logs.loadMore', title: vscode.l10n.t('Load more…') };
      it.contextValue = 'logLoadMore';
      return it;
    }
    if (n.kind === 'group') {
      const it = new vscode.TreeItem(this.text(n.group.key || vscode.l10n.t('Results')), vscode.TreeItemCollapsibleState.Collapsed);
      it.description = String(n.group.count);
      it.id = `g:${n.group.key}`;
      it.contextValue = 'logGroup';
      return it;
    }
    const e = n.entry;
    const it = new vscode.TreeItem(this.text(e.message.split('\n')[0].slice(0, 200)));
    it.description = `${e.time ?? ''} ${e.level ?? ''}`.trim();
    it.tooltip = `${e.file}:${e.line}`;
    it.id = `e:${e.file}:${e.line}`;
    it.contextValue = 'logEntry';
    it.iconPath = new vscode.ThemeIcon(e.level === 'Error' || e.level === 'Fatal' ? 'error' : e.level === 'Warning' ? 'warning' : 'info');
    it.command = { command: 'etaitur.logs.openEntry', title: vscode.l10n.t('Open entry'), arguments: [e] };
    return it;
  }

  getChildren(n?: LogNode): LogNode[] {
    if (!n) {
      const out: LogNode[] = this.groups.map((group) => ({ kind: 'group', group }));
      if (this.canLoadMore) out.push({ kind: 'more' });
      return out;
    }
    return n.kind === 'group' ? n.group.entries.map((entry, index) => ({ kind: 'entry', entry, index })) : [];
  }

  private text(s: string): string {
    return this.mask ? maskPii(s) : s;
  }

  dispose(): void { this.changed.dispose(); }
}
