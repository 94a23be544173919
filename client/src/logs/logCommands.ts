// Commands of the log view: search, load more, cancel, open entry, open frame, data-protection scan.
import * as vscode from 'vscode';
import { EntryDocuments, openFrame } from './entryDocument';
import { GroupBy, Grouper } from './grouping';
import { incidentReport } from './incidentReport';
import { readLogsConfig } from './logConfig';
import { LogResultsProvider } from './logSearchView';
import { LogEntry } from './model';
import { LogQuery, parseQueryString } from './query';
import { rgAvailable } from './rgEngine';
import { SearchFile } from './search';
import { PageEnd, ScanEnd, SearchWorkerClient, WorkerSearch } from './searchWorkerClient';
import type { SqlLogSourceConfig } from './sqlLogTable';
import type { ConnectionProfile } from '../../../server/src/live/profile';
import { formatOfFile, listSourceFiles } from './sources';
import * as path from 'node:path';
import { inUiLang } from '../uiLanguage';

export interface LogCommandDeps {
  readonly results: LogResultsProvider;
  readonly entries: EntryDocuments;
  /** Path of VS Code's own ripgrep. */
  readonly rgPath: string;
  /** The search runs in this worker, off the extension host's thread. */
  readonly worker: SearchWorkerClient;
  /** Database passwords (SecretStorage) for log tables; without it log tables are skipped. */
  readonly passwords?: { get(profile: ConnectionProfile): Promise<string | undefined> };
}

interface SearchState {
  readonly query: LogQuery;
  readonly grouper: Grouper;
  readonly files: SearchFile[];
  readonly tables: SqlLogSourceConfig[];
  run?: WorkerSearch;
  filesMore: boolean;
  tablesSkip: number;
  tablesMore: boolean;
  count: number;
}

/** What a search command leaves in the view (returned for tests and keybindings). */
export interface LogSearchSummary {
  readonly count: number;
  readonly groups: readonly { readonly key: string; readonly count: number }[];
  readonly canLoadMore: boolean;
  /** Log files searched. */
  readonly files: number;
  /** Why the file search failed, when it did (also shown as an error message). */
  readonly error?: string;
}

async function resolveSources(): Promise<{ files: SearchFile[]; tables: SqlLogSourceConfig[] } | undefined> {
  const cfg = readLogsConfig();
  if (cfg.sources.length === 0 && cfg.sqlSources.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No log sources: set etaitur.logs.sources.'));
    return undefined;
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const files: SearchFile[] = [];
  for (const s of cfg.sources) {
    // Relative paths are relative to the workspace folder.
    const p = root && !path.isAbsolute(s.path) ? path.join(root, s.path) : s.path;
    for (const file of await listSourceFiles(p)) files.push({ file, format: formatOfFile(s, file) });
  }
  return { files, tables: [...cfg.sqlSources] };
}

const GROUPS: readonly GroupBy[] = ['exception', 'template', 'correlation', 'none'];

export function registerLogCommands(deps: LogCommandDeps): vscode.Disposable {
  let state: SearchState | undefined;
  let running: AbortController | undefined;
  let rg: string | undefined | null = null;

  const engine = async (): Promise<string | undefined> => {
    if (rg === null) rg = (await rgAvailable(deps.rgPath)) ? deps.rgPath : (await rgAvailable('rg')) ? 'rg' : undefined;
    return rg;
  };

  const readTables = async (s: SearchState, limit: number, signal: AbortSignal, add: (es: readonly LogEntry[]) => void): Promise<void> => {
    if (!deps.passwords || s.tables.length === 0) return;
    const { readProfiles } = await import('../live/profiles');
    const { readLogTablePage, SqlLogError } = await import('./sqlLogReader');
    const profiles = readProfiles().profiles;
    let more = false;
    for (const t of s.tables) {
      const profile = profiles.find((p) => p.name === t.connection);
      if (!profile) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Log table {0}: no connection profile named {1} in etaitur.connections.', t.table, t.connection));
        continue;
      }
      const password = await deps.passwords.get(profile);
      if (!password || signal.aborted) continue;
      try {
        const page = await readLogTablePage({ profile, password, source: t, query: s.query, limit, skip: s.tablesSkip, signal });
        add(page.entries);
        if (page.rows >= limit) more = true;
      } catch (e) {
        if (signal.aborted) return;
        const msg = e instanceof SqlLogError ? inUiLang(e.info.message) : String(e);
        void vscode.window.showErrorMessage(vscode.l10n.t('Log table {0}: {1}', t.table, msg));
      }
    }
    s.tablesSkip += limit;
    s.tablesMore = more;
  };

  const run = async (first: boolean): Promise<LogSearchSummary | undefined> => {
    const s = state;
    if (!s) return undefined;
    // "Load more" while a page is still coming in is ignored; a new search replaces a running one.
    if (!first && running) return undefined;
    running?.abort();
    const ac = new AbortController();
    running = ac;
    const cfg = readLogsConfig();
    const limit = cfg.resultLimit;
    deps.results.mask = cfg.maskPersonalData;
    const rgPath = await engine();
    let lastPaint = 0;
    let error: string | undefined;
    await vscode.window.withProgress({ location: { viewId: 'etaitur.logs' }, cancellable: true, title: vscode.l10n.t('Searching logs…') }, async (progress, token) => {
      token.onCancellationRequested(() => ac.abort());
      ac.signal.addEventListener('abort', () => s.run?.cancel(), { once: true });
      const add = (es: readonly LogEntry[]): void => {
        if (state !== s || es.length === 0) return;
        for (const e of es) s.grouper.add(e);
        s.count += es.length;
        // The tree is repainted at most five times a second while results stream in.
        const now = Date.now();
        if (now - lastPaint < 200) return;
        lastPaint = now;
        progress.report({ message: vscode.l10n.t('{0} entries found', s.count) });
        deps.results.set(s.grouper.list(), false);
      };
      const files = async (): Promise<void> => {
        let end: PageEnd | undefined;
        if (first && s.files.length) {
          s.run = deps.worker.search({ files: s.files, query: s.query, rgPath, limit }, add);
          end = await s.run.firstPage;
        } else if (!first && s.filesMore && s.run) end = await s.run.more(limit, add);
        s.filesMore = end?.kind === 'paused';
        if (end?.kind === 'error') {
          error = end.message;
          void vscode.window.showErrorMessage(vscode.l10n.t('Log search failed: {0}', end.message));
        }
      };
      await Promise.all([files(), first || s.tablesMore ? readTables(s, limit, ac.signal, add) : Promise.resolve()]);
    });
    if (running === ac) running = undefined;
    if (state !== s) return undefined;
    const canLoadMore = !ac.signal.aborted && (s.filesMore || s.tablesMore);
    const groups = s.grouper.list();
    deps.results.set(groups, canLoadMore);
    if (first && s.count === 0 && !ac.signal.aborted) void vscode.window.showInformationMessage(vscode.l10n.t('No log entries match.'));
    return { count: s.count, groups: groups.map((g) => ({ key: g.key, count: g.count })), canLoadMore, files: s.files.length, error };
  };

  const subs = [
    vscode.commands.registerCommand('etaitur.logs.search', async (text?: unknown, groupBy?: unknown): Promise<LogSearchSummary | undefined> => {
      // Tests and keybindings pass the query (and grouping) as arguments; otherwise ask.
      const input = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: vscode.l10n.t('Search logs'),
        prompt: vscode.l10n.t('Text or /regex/, level:Warning, from:2026-11-24, to:…, UserId=42, SourceContext^=ETaitur.Arest'),
      });
      if (input === undefined) return undefined;
      let by: GroupBy | undefined = GROUPS.find((g) => g === groupBy) ?? (typeof text === 'string' ? 'exception' : undefined);
      if (!by) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('Exception type'), by: 'exception' as GroupBy },
            { label: vscode.l10n.t('Message template'), by: 'template' as GroupBy },
            { label: vscode.l10n.t('Correlation id'), by: 'correlation' as GroupBy },
            { label: vscode.l10n.t('No grouping'), by: 'none' as GroupBy },
          ],
          { title: vscode.l10n.t('Group results by') },
        );
        if (!pick) return undefined;
        by = pick.by;
      }
      let query: LogQuery;
      try {
        query = parseQueryString(input);
        if (query.regex && query.text) new RegExp(query.text);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Invalid regular expression: {0}', String(e)));
        return undefined;
      }
      const sources = await resolveSources();
      if (!sources) return undefined;
      state?.run?.cancel();
      state = { query, grouper: new Grouper(by), files: sources.files, tables: sources.tables, filesMore: false, tablesSkip: 0, tablesMore: false, count: 0 };
      deps.results.set([], false);
      return run(true);
    }),
    vscode.commands.registerCommand('etaitur.logs.loadMore', () => run(false)),
    vscode.commands.registerCommand('etaitur.logs.cancel', () => running?.abort()),
    vscode.commands.registerCommand('etaitur.logs.openEntry', async (e?: LogEntry) => {
      // Invoked by the results tree with its entry; without one there is nothing to open.
      if (!e) return void vscode.window.showInformationMessage(vscode.l10n.t('Choose a log entry in the Log search view.'));
      const uri = deps.entries.add(e, readLogsConfig().maskPersonalData);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'etaitur-log');
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand('etaitur.logs.openFrame', (method?: string, file?: string, line?: number) => {
      // Invoked by links in an entry document; without a stack frame there is nothing to open.
      if (typeof method !== 'string' || typeof file !== 'string' || typeof line !== 'number') {
        return void vscode.window.showInformationMessage(vscode.l10n.t('Choose a stack frame link in a log entry.'));
      }
      return openFrame(method, file, line);
    }),
    vscode.commands.registerCommand('etaitur.logs.scanPersonalData', async () => {
      const sources = await resolveSources();
      if (!sources) return;
      const files = sources.files;
      const rgPath = await engine();
      // The scan runs in the worker (rg finds candidate lines; the detectors run only on them).
      let end: ScanEnd | undefined;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, cancellable: true, title: vscode.l10n.t('Scanning logs for personal data…') }, async (p, token) => {
        const scan = deps.worker.scanPersonalData(files.map((f) => f.file), 0.5, rgPath, (file) => p.report({ message: path.basename(file), increment: 100 / files.length }));
        token.onCancellationRequested(() => scan.cancel());
        end = await scan.done;
      });
      if (!end) return;
      if (end.kind === 'error') return void vscode.window.showErrorMessage(vscode.l10n.t('Log search failed: {0}', end.message));
      if (end.cancelled) return;
      const findings = end.findings;
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save the incident report'),
        filters: { Markdown: ['md'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: `${vscode.workspace.workspaceFolders[0].uri.path}/andmekaitse-intsident-${new Date().toISOString().slice(0, 10)}.md` }),
      });
      if (!target) return;
      // showSaveDialog asks before overwriting an existing file.
      await vscode.workspace.fs.writeFile(target, Buffer.from(incidentReport(findings, files.length, new Date()), 'utf8'));
      await vscode.window.showTextDocument(target);
    }),
  ];
  return vscode.Disposable.from(...subs, { dispose: () => { running?.abort(); void deps.worker.dispose(); } });
}
