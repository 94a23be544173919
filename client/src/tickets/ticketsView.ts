// Thin TreeDataProvider: groups -> tickets, with countdown, deadline marks and masked titles.
import * as vscode from 'vscode';
import { countdown } from './countdown';
import { deadlineStatus } from './deadlines';
import { groupTickets, TicketGroup } from './grouping';
import { maskTicket } from './masking';
import { Ticket } from './model';
import { CachedResult } from './ticketCache';
import { TicketSettings } from './trackerFactory';
import { uiLang } from '../uiLanguage';

type Node = { kind: 'group'; group: TicketGroup } | { kind: 'ticket'; ticket: Ticket } | { kind: 'info'; text: string; tooltip?: string };

export class TicketsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result?: CachedResult;
  private problem?: string;

  constructor(private readonly settings: () => TicketSettings & { revealPersonalCodes: boolean }) {}

  show(result: CachedResult | undefined, problem?: string): void {
    this.result = result;
    this.problem = problem;
    this.changed.fire();
  }

  get tickets(): readonly Ticket[] {
    return this.result?.tickets ?? [];
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.group.tickets.map((ticket) => ({ kind: 'ticket', ticket }));
    if (node) return [];
    const lang = uiLang();
    const out: Node[] = [];
    if (this.problem) out.push({ kind: 'info', text: this.problem });
    if (this.result?.stale) {
      out.push({ kind: 'info', text: vscode.l10n.t('Tracker unreachable: showing the result of {0}', this.result.fetchedAt.toLocaleString()), tooltip: this.result.error?.message });
    }
    if (!this.result) return out;
    const groups = groupTickets(this.result.tickets, this.settings().groupBy, new Date(), lang, Object.keys(this.settings().deadlines));
    if (groups.length === 1 && groups[0].id === 'all') return out.concat(groups[0].tickets.map((ticket) => ({ kind: 'ticket' as const, ticket })));
    return out.concat(groups.map((group) => ({ kind: 'group' as const, group })));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'info') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon('warning');
      item.tooltip = node.tooltip;
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.group.label} (${node.group.tickets.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group.id}`;
      return item;
    }
    const s = this.settings();
    const t = maskTicket(node.ticket, s.revealPersonalCodes);
    const lang = uiLang();
    const now = new Date();
    const cd = countdown(t.due, now, lang);
    const dl = deadlineStatus(t, s.deadlines, now);
    const item = new vscode.TreeItem(`${t.key} ${t.title}`);
    item.id = `ticket:${t.key}`;
    item.contextValue = 'etaitur.ticket';
    item.description = [t.priority, cd?.text, dl.worst === 'breached' ? vscode.l10n.t('breached') : dl.worst === 'atRisk' ? vscode.l10n.t('at risk') : undefined].filter(Boolean).join(' · ');
    const red = new vscode.ThemeColor('errorForeground');
    item.iconPath = cd?.overdue || dl.worst === 'breached' ? new vscode.ThemeIcon('issues', red) : dl.worst === 'atRisk' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground')) : new vscode.ThemeIcon('issues');
    item.tooltip = `${t.key} ${t.title}\n${t.status.name} · ${t.priority}${t.due ? ` · ${t.due}` : ''}`;
    item.command = { command: 'etaitur.tickets.open', title: vscode.l10n.t('Open Ticket'), arguments: [node.ticket] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
