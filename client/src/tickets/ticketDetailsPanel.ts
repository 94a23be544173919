// Ticket details in a webview beside the editor; messages from the page call the tracker.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { maskTicket } from './masking';
import { TicketTracker } from './model';
import { ticketHtml } from './ticketHtml';

export async function showTicketDetails(tracker: TicketTracker, id: string, reveal: boolean, onChanged: () => void): Promise<vscode.WebviewPanel> {
  const panel = vscode.window.createWebviewPanel('etaitur.ticket', id, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
  const render = async () => {
    const [details, transitions] = await Promise.all([tracker.details(id), tracker.transitions(id).catch(() => [])]);
    const t = maskTicket(details, reveal);
    panel.title = `${t.key} ${t.title}`.slice(0, 60);
    panel.webview.html = ticketHtml(t, transitions, {
      status: vscode.l10n.t('Status'), comments: vscode.l10n.t('Comments'), addComment: vscode.l10n.t('Add comment'), assignToMe: vscode.l10n.t('Assign to me'),
      openInBrowser: vscode.l10n.t('Open in browser'), changeStatus: vscode.l10n.t('Change status'), due: vscode.l10n.t('Due'),
    }, randomBytes(16).toString('hex'), panel.webview.cspSource);
  };
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      onChanged();
      await render();
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
    }
  };
  panel.webview.onDidReceiveMessage((m: { type?: string; id?: string; text?: string }) => {
    if (m.type === 'comment' && typeof m.text === 'string') void run(() => tracker.addComment(id, m.text as string));
    else if (m.type === 'transition' && typeof m.id === 'string') void run(() => tracker.changeStatus(id, m.id as string));
    else if (m.type === 'assignToMe') void run(() => tracker.assignToMe(id));
    else if (m.type === 'openInBrowser') void vscode.env.openExternal(vscode.Uri.parse(tracker.browserUrl(id.match(/^\d+$/) ? `#${id}` : id)));
  });
  await render().catch((e) => {
    panel.webview.html = `<p>${String((e as Error).message).replace(/[<&]/g, '')}</p>`;
  });
  return panel;
}
