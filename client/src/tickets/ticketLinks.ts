// Document links and hover for ticket keys in C#, SQL and commit messages.
import * as vscode from 'vscode';
import { maskText } from './masking';
import { Ticket, TicketTracker } from './model';
import { findTicketKeys } from './ticketKeys';

export const TICKET_KEY_SELECTOR: vscode.DocumentSelector = [{ language: 'csharp' }, { language: 'sql' }, { language: 'git-commit' }];

export class TicketLinks implements vscode.DocumentLinkProvider, vscode.HoverProvider {
  constructor(
    private readonly pattern: () => RegExp,
    private readonly tracker: () => TicketTracker | undefined,
    private readonly known: () => readonly Ticket[],
  ) {}

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const tracker = this.tracker();
    if (!tracker || doc.getText().length > 2_000_000) return [];
    const text = doc.getText();
    return findTicketKeys(text, this.pattern()).map((k) => {
      const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(k.start), doc.positionAt(k.end)), vscode.Uri.parse(tracker.browserUrl(k.key)));
      link.tooltip = vscode.l10n.t('Open {0} in the tracker', k.key);
      return link;
    });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const line = doc.lineAt(pos.line).text;
    const hit = findTicketKeys(line, this.pattern()).find((k) => k.start <= pos.character && pos.character <= k.end);
    const tracker = this.tracker();
    if (!hit || !tracker) return undefined;
    const t = this.known().find((x) => x.key === hit.key);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${hit.key}**`);
    if (t) md.appendText(` ${maskText(t.title, false)}\n${t.status.name} · ${t.priority}${t.due ? ` · ${t.due}` : ''}`);
    md.appendMarkdown(`\n\n[${vscode.l10n.t('Open in browser')}](${tracker.browserUrl(hit.key)})`);
    return new vscode.Hover(md, new vscode.Range(pos.line, hit.start, pos.line, hit.end));
  }
}
