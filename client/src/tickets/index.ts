// registerTickets: the one entry point the extension shell calls. Glue only; logic lives in the pure modules.
import * as vscode from 'vscode';
import { branchName } from './branchName';
import { breachReport, findBreaches } from './deadlines';
import { fixScriptTemplate } from './fixScript';
import { TrackerError } from './http';
import { maskText } from './masking';
import { Ticket, TicketQuery, TicketTracker } from './model';
import { showTicketDetails } from './ticketDetailsPanel';
import { compileKeyPattern } from './ticketKeys';
import { TICKET_KEY_SELECTOR, TicketLinks } from './ticketLinks';
import { readTicketSettings, TICKETS_SECTION } from './ticketSettings';
import { TicketsView } from './ticketsView';
import { CachedResult, Poller, TicketCache } from './ticketCache';
import { createTracker, TicketSettings } from './trackerFactory';
import { uiLang } from '../uiLanguage';

export interface TicketsDeps {
  readonly secrets: vscode.SecretStorage;
  readonly log?: { info(m: string): void; warn(m: string): void };
  /** Where the shell keeps tree providers by view id. */
  readonly views?: Map<string, vscode.TreeDataProvider<unknown>>;
}

const SECRET_KEY = 'etaitur.tickets.token';

interface GitApi { repositories: { rootUri: vscode.Uri; createBranch(name: string, checkout: boolean): Promise<void> }[] }

export function registerTickets(deps: TicketsDeps): vscode.Disposable {
  const subs: vscode.Disposable[] = [];
  let settings: TicketSettings = readTicketSettings();
  let reveal = false;
  let tracker: TicketTracker | undefined;
  let poller: Poller | undefined;
  let cache: TicketCache | undefined;
  let query: TicketQuery = { kind: 'mine' };
  let active: Ticket | undefined;
  const view = new TicketsView(() => ({ ...settings, revealPersonalCodes: reveal }));
  const status = vscode.window.createStatusBarItem('etaitur.tickets.active', vscode.StatusBarAlignment.Left, 50);
  status.command = 'etaitur.tickets.openActive';
  deps.views?.set('etaitur.tickets', view as vscode.TreeDataProvider<unknown>);
  subs.push(view, status, vscode.window.createTreeView('etaitur.tickets', { treeDataProvider: view, showCollapseAll: true }));

  const onResult = (r: CachedResult | TrackerError) => {
    if (r instanceof TrackerError) {
      view.show(undefined, r.message);
      deps.log?.warn(`tickets: ${r.message}`); // messages never contain the token
    } else view.show(r, undefined);
  };

  // Several settings written at once fire several rebuilds; only the last one may start a poller.
  let generation = 0;
  const rebuild = async () => {
    const mine = ++generation;
    const token = await deps.secrets.get(SECRET_KEY);
    if (mine !== generation) return;
    poller?.dispose();
    poller = undefined;
    cache = undefined;
    settings = readTicketSettings();
    const made = createTracker(settings, token);
    tracker = made.tracker;
    if (!tracker) {
      view.show(undefined, made.problem);
      return;
    }
    cache = new TicketCache(tracker, query);
    poller = new Poller(cache, onResult, settings.pollMinutes * 60000);
    poller.start();
  };
  subs.push({
    dispose: () => {
      generation++; // a rebuild still waiting for the token must not start a poller after this
      poller?.dispose();
    },
  });

  const needTracker = (): TicketTracker | undefined => {
    if (!tracker) void vscode.window.showWarningMessage(vscode.l10n.t('No issue tracker connection: configure etaitur.tickets.* and set the token.'));
    return tracker;
  };
  const pickTicket = async (arg?: Ticket): Promise<Ticket | undefined> => {
    if (arg?.key) return arg;
    const items = view.tickets.map((t) => ({ label: t.key, description: maskText(t.title, reveal), t }));
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Ticket') }))?.t;
  };
  const cmd = (id: string, f: (...a: never[]) => unknown) => subs.push(vscode.commands.registerCommand(id, f));

  cmd('etaitur.tickets.refresh', async () => {
    if (!cache) return rebuild();
    try {
      onResult(await cache.refresh());
    } catch (e) {
      onResult(e as TrackerError);
    }
  });
  cmd('etaitur.tickets.setToken', async () => {
    const token = await vscode.window.showInputBox({ prompt: vscode.l10n.t('API key (Redmine) or API token / personal access token (Jira)'), password: true, ignoreFocusOut: true });
    if (token === undefined) return;
    if (token) await deps.secrets.store(SECRET_KEY, token);
    else await deps.secrets.delete(SECRET_KEY);
    await rebuild();
  });
  cmd('etaitur.tickets.open', async (arg?: Ticket) => {
    const tr = needTracker();
    const t = tr && (await pickTicket(arg));
    return tr && t ? showTicketDetails(tr, t.id, reveal, () => void vscode.commands.executeCommand('etaitur.tickets.refresh')) : undefined;
  });
  cmd('etaitur.tickets.openInBrowser', async (arg?: Ticket) => {
    const tr = needTracker();
    const t = tr && (await pickTicket(arg));
    if (tr && t) await vscode.env.openExternal(vscode.Uri.parse(tr.browserUrl(t.key)));
  });
  cmd('etaitur.tickets.openActive', () => active && vscode.commands.executeCommand('etaitur.tickets.open', active));
  cmd('etaitur.tickets.toggleReveal', () => {
    reveal = !reveal;
    view.show(cache?.current, undefined);
  });
  cmd('etaitur.tickets.pickQuery', async () => {
    const items: { label: string; q: TicketQuery }[] = [{ label: vscode.l10n.t('Assigned to me, open'), q: { kind: 'mine' } }];
    for (const s of settings.savedQueries) items.push({ label: s.name, q: { kind: 'raw', text: s.query } });
    const saved = await tracker?.savedQueries().catch(() => []);
    for (const s of saved ?? []) items.push({ label: s.name, q: { kind: 'saved', id: s.id } });
    const pick = await vscode.window.showQuickPick(items);
    if (pick) {
      query = pick.q;
      await rebuild();
    }
  });
  cmd('etaitur.tickets.startWork', async (arg?: Ticket) => {
    const tr = needTracker();
    const t = tr && (await pickTicket(arg));
    if (!tr || !t) return;
    // Branch names are pushed and kept forever: never with a personal code in them.
    const name = branchName(settings.branchTemplate, { ...t, title: maskText(t.title, false) });
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    const api = git && (git.isActive ? git.exports : await git.activate()).getAPI(1);
    const repo = api?.repositories[0];
    if (repo) {
      try {
        await repo.createBranch(name, true);
      } catch (e) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not create branch {0}: {1}', name, (e as Error).message));
      }
    } else void vscode.window.showWarningMessage(vscode.l10n.t('No git repository open: branch {0} not created.', name));
    const to = (await tr.transitions(t.id).catch(() => [])).find((x) => x.to.name.toLowerCase() === settings.inProgressStatus.toLowerCase() || x.name.toLowerCase() === settings.inProgressStatus.toLowerCase());
    if (to) await tr.changeStatus(t.id, to.id).catch((e) => vscode.window.showWarningMessage((e as Error).message));
    active = t;
    status.text = `$(issues) ${t.key}`;
    status.tooltip = maskText(t.title, reveal);
    status.show();
    const create = vscode.l10n.t('New fix script');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('Working on {0} on branch {1}.', t.key, name), create)) === create) {
      const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: fixScriptTemplate({ key: t.key, title: maskText(t.title, false) }, process.env.USER ?? '', new Date()) });
      await vscode.window.showTextDocument(doc);
    }
  });
  cmd('etaitur.tickets.breachReport', async () => {
    const tr = needTracker();
    if (!tr) return;
    const days = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Report period: number of days back'), value: '30', validateInput: (v) => (/^\d{1,4}$/.test(v) ? undefined : vscode.l10n.t('A number of days')) });
    if (!days) return;
    const to = new Date();
    const from = new Date(to.getTime() - Number(days) * 86400000);
    const q: TicketQuery = tr.kind === 'redmine' ? { kind: 'raw', text: `status_id=*&created_on=${encodeURIComponent('>=' + from.toISOString().slice(0, 10))}` } : { kind: 'raw', text: `created >= "${from.toISOString().slice(0, 10)}"` };
    const list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading tickets…') }, () => tr.list(q, { maxResults: 5000 }));
    // First response comes from details (journals/comments); bounded so a large period stays responsive.
    const detailed = await Promise.all(list.slice(0, 500).map((t) => tr.details(t.id).catch(() => t)));
    const md = breachReport(findBreaches(detailed, settings.deadlines, from, to, to), from, to, (s) => maskText(s, false), uiLang());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: md }));
  });

  const links = new TicketLinks(() => compileKeyPattern(settings.keyPattern, tracker?.kind ?? (settings.provider === 'jira' ? 'jira' : 'redmine')), () => tracker, () => view.tickets);
  subs.push(vscode.languages.registerDocumentLinkProvider(TICKET_KEY_SELECTOR, links), vscode.languages.registerHoverProvider(TICKET_KEY_SELECTOR, links));
  subs.push(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(TICKETS_SECTION) && void rebuild()));
  subs.push(deps.secrets.onDidChange((e) => e.key === SECRET_KEY && void rebuild()));
  void rebuild();
  return vscode.Disposable.from(...subs);
}
