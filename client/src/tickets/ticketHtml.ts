// Webview HTML for ticket details (pure). Every tracker string is escaped; scripts only with the nonce.
import { TicketDetails, Transition } from './model';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface DetailsLabels { status: string; comments: string; addComment: string; assignToMe: string; openInBrowser: string; changeStatus: string; due: string }

export function ticketHtml(t: TicketDetails, transitions: readonly Transition[], labels: DetailsLabels, nonce: string, cspSource: string): string {
  const e = escapeHtml;
  const comments = t.comments.map((c) => `<li><b>${e(c.author)}</b> <small>${e(c.created)}</small><pre>${e(c.text)}</pre></li>`).join('');
  const options = transitions.map((tr) => `<option value="${e(tr.id)}">${e(tr.name)}</option>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>pre{white-space:pre-wrap;font-family:var(--vscode-editor-font-family)} textarea{width:100%}</style></head><body>
<h2>${e(t.key)} ${e(t.title)}</h2>
<p>${e(labels.status)}: <b>${e(t.status.name)}</b> · ${e(t.priority)}${t.due ? ` · ${e(labels.due)}: ${e(t.due)}` : ''}${t.assignee ? ` · ${e(t.assignee)}` : ''}</p>
<p><select id="tr">${options}</select> <button id="chg">${e(labels.changeStatus)}</button>
<button id="me">${e(labels.assignToMe)}</button> <button id="web">${e(labels.openInBrowser)}</button></p>
<pre>${e(t.description)}</pre>
<h3>${e(labels.comments)} (${t.comments.length})</h3><ul>${comments}</ul>
<textarea id="txt" rows="4"></textarea><br><button id="add">${e(labels.addComment)}</button>
<script nonce="${nonce}">
const vs = acquireVsCodeApi();
const on = (id, f) => document.getElementById(id).addEventListener('click', f);
on('chg', () => vs.postMessage({ type: 'transition', id: document.getElementById('tr').value }));
on('me', () => vs.postMessage({ type: 'assignToMe' }));
on('web', () => vs.postMessage({ type: 'openInBrowser' }));
on('add', () => { const t = document.getElementById('txt'); if (t.value.trim()) vs.postMessage({ type: 'comment', text: t.value }); });
</script></body></html>`;
}
