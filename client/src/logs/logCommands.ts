// Commands of the log view: search, load more, cancel, open entry, open frame, data-protection scan.
import * as vscode from 'vscode';
import { EntryDocuments, openFrame } from './entryDocument';
import { GroupBy, Grouper } from './grouping';
import { incidentReport } from './incidentReport';
import { readLogsConfig } from './logConfig';
import { LogResultsProvider } from './logSearchView';
import { LogEntry } from './model';
import { PiiFinding, scanFileForPii } from './piiScan';
import { LogQuery, parseQueryString } from './query';
import { rgAvailable } from './rgEngine';
import { SearchFile, searchLogs } from './search';
import { listSourceFiles } from './sources';
import * as path from 'node:path';

export interface LogCommandDeps {
  readonly results: LogResultsProvider;
  readonly entries: EntryDocuments;
  /** Path of VS Code's own ripgrep. */
  readonly rgPath: string;
}

interface SearchState { query: LogQuery; groupBy: GroupBy; files: SearchFile[]; shown: number; grouper: Grouper }

async function resolveFiles(): Promise<SearchFile[] | undefined> {
  const cfg = readLogsConfig();
  if (cfg.sources.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No log sources: set etaitur.logs.sources.'));
    return undefined;
  }
  const out: SearchFile[] = [];
  for (const s of cfg.sources) for (const file of await listSourceFiles(s.path)) out.push({ file, format: s.format });
  return out;
}

export function registerLogCommands(deps: LogCommandDeps): vscode.Disposable {
  let state: SearchState | undefined;
  let running: AbortController | undefined;
  let rg: string | undefined | null = null;

  const engine = async (): Promise<string | undefined> => {
    if (rg === null) rg = (await rgAvailable(deps.rgPath)) ? deps.rgPath : (await rgAvailable('rg')) ? 'rg' : undefined;
    return rg;
  };

  const run = async (more: boolean): Promise<void> => {
    if (!state) return;
    running?.abort();
    const ac = new AbortController();
    running = ac;
    const s = state;
    const limit = readLogsConfig().resultLimit;
    deps.results.mask = readLogsConfig().maskPersonalData;
    const rgPath = await engine();
    await vscode.window.withProgress({ location: { viewId: 'etaitur.logs' }, cancellable: true, title: vscode.l10n.t('Searching logs…') }, async (_p, token) => {
      token.onCancellationRequested(() => ac.abort());
      let seen = 0;
      let got = 0;
      let lastPaint = 0;
      for await (const e of searchLogs(s.files, s.query, { rgPath, signal: ac.signal, limit: s.shown + limit })) {
        if (++seen <= s.shown) continue; // already shown before "load more"
        s.grouper.add(e);
        got++;
        if (got - lastPaint >= 50) { lastPaint = got; deps.results.set(s.grouper.list(), false); }
      }
      s.shown += got;
      deps.results.set(s.grouper.list(), got >= limit && !ac.signal.aborted);
      if (!more && got === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No log entries match.'));
    });
  };

  const subs = [
    vscode.commands.registerCommand('etaitur.logs.search', async () => {
      const input = await vscode.window.showInputBox({
        title: vscode.l10n.t('Search logs'),
        prompt: vscode.l10n.t('Text or /regex/, level:Warning, from:2026-11-24, to:…, UserId=42, SourceContext^=ETaitur.Arest'),
      });
      if (input === undefined) return;
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Exception type'), by: 'exception' as GroupBy },
          { label: vscode.l10n.t('Message template'), by: 'template' as GroupBy },
          { label: vscode.l10n.t('Correlation id'), by: 'correlation' as GroupBy },
          { label: vscode.l10n.t('No grouping'), by: 'none' as GroupBy },
        ],
        { title: vscode.l10n.t('Group results by') },
      );
      if (!pick) return;
      let query: LogQuery;
      try {
        query = parseQueryString(input);
        if (query.regex && query.text) new RegExp(query.text);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Invalid regular expression: {0}', String(e)));
        return;
      }
      const files = await resolveFiles();
      if (!files) return;
      state = { query, groupBy: pick.by, files, shown: 0, grouper: new Grouper(pick.by) };
      await run(false);
    }),
    vscode.commands.registerCommand('etaitur.logs.loadMore', () => run(true)),
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
      const files = await resolveFiles();
      if (!files) return;
      const findings: PiiFinding[] = [];
      const ac = new AbortController();
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, cancellable: true, title: vscode.l10n.t('Scanning logs for personal data…') }, async (p, token) => {
        token.onCancellationRequested(() => ac.abort());
        for (const f of files) {
          if (ac.signal.aborted) return;
          p.report({ message: path.basename(f.file), increment: 100 / files.length });
          findings.push(...(await scanFileForPii(f.file, 0.5, ac.signal)));
        }
      });
      if (ac.signal.aborted) return;
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
  return vscode.Disposable.from(...subs, { dispose: () => running?.abort() });
}
