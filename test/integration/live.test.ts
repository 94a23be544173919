// The live connection in a real extension host, against the TDS test server started here: connect with
// a profile and a password in secret storage, see the status bar, schema browser and diagnostics use
// the live schema, survive a dropped connection, dry-run a script with the report opened beside it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATALOG_QUERY, CHANGE_QUERY } from '../../server/src/schema/live/catalogQuery';
import { ROLLBACK_SQL, TRANCOUNT_SQL, BEGIN_SQL } from '../../server/src/live/dryRun/runner';
import type { DryRunReport } from '../../server/src/live/dryRun/report';
import { TdsTestServer, type TdsReply } from '../tds/server/server';
import { catalogReplies, changeStampReply } from '../tds/fixtures/catalog';
import { api } from './host';
import { waitFor } from './waitFor';

const PROFILE = 'ETAITUR_TEST';
const PASSWORD = 'Testi-Parool-Ä9';

const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line}`);

describe('live SQL Server (TDS test server)', function () {
  this.timeout(60_000);
  let server: TdsTestServer;
  let down = false;
  let updated = false;
  const handler = (r: { sql: string }): TdsReply[] => {
    if (down) return [{ kind: 'drop' }];
    if (r.sql === CHANGE_QUERY) return changeStampReply(5, 1);
    if (r.sql === CATALOG_QUERY) return catalogReplies();
    if (r.sql === TRANCOUNT_SQL) return [{ kind: 'result', columns: [{ name: 'trancount', type: 'int' }], rows: [[2]] }];
    if (r.sql.startsWith('SELECT TOP (11) * FROM dbo.Menetlus WHERE')) {
      return [{ kind: 'result', columns: [{ name: 'Id', type: 'int' }, { name: 'Staatus', type: 'nvarchar' }], rows: [[5, updated ? 'LÕPETATUD' : 'AVATUD'], [6, updated ? 'LÕPETATUD' : 'AVATUD']] }];
    }
    if (r.sql.includes('UPDATE dbo.Menetlus')) {
      updated = true;
      return [{ kind: 'done', rowCount: 2 }, { kind: 'info', message: 'Staatus muudetud', line: 3 }];
    }
    return [{ kind: 'done' }];
  };

  before(async () => {
    server = new TdsTestServer({ handler });
    await server.start();
    const { ctx } = await api();
    // The password as a user would have entered it: in secret storage, never in settings.
    await ctx.extension.secrets.store(`etaitur.db.password.${PROFILE}`, PASSWORD);
    await vscode.workspace.getConfiguration('etaitur').update('connections', [{
      name: PROFILE, server: '127.0.0.1', port: server.port, database: 'eTaitur',
      authentication: { kind: 'sql', user: 'workbench' }, encrypt: false, trustServerCertificate: true,
    }], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('etaitur.live.disconnect');
    const { ctx } = await api();
    await ctx.extension.secrets.delete(`etaitur.db.password.${PROFILE}`);
    await vscode.workspace.getConfiguration('etaitur').update('connections', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.stop();
  });

  it('connects: status bar, schema browser and the language server use the live schema', async () => {
    const { ctx } = await api();
    await waitFor('the DDL schema', () => ctx.schema.current.kind === 'loaded' && ctx.schema.current.source === 'ddl');
    const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: 'SELECT Nimi FROM dbo.Võlgnik;\nSELECT Eesnimi FROM dbo.Isik;\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor('DDL diagnostics', () => codes(doc.uri).includes('unknown-table@0') || undefined);

    assert.equal(await vscode.commands.executeCommand('etaitur.live.connect'), true);
    assert.equal(server.logins[0].password, PASSWORD);
    assert.equal(server.logins[0].readOnlyIntent, true);
    const state = await waitFor('live schema', () => (ctx.schema.current.kind === 'loaded' && ctx.schema.current.live?.link === 'online' ? ctx.schema.current : undefined));
    assert.equal(state.source, 'live');
    // What the next start uses at once, offline: the profile's name and its cached catalog snapshot.
    assert.equal(ctx.extension.workspaceState.get('etaitur.live.lastProfile'), PROFILE);
    assert.equal(state.live?.snapshotPath, vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'schema-cache', `${PROFILE}.schema.json`).fsPath);
    const cached = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(state.live!.snapshotPath))).toString('utf8')) as { source?: { kind?: string } };
    assert.equal(cached.source?.kind, 'live');
    assert.match(ctx.schemaStatus.item.text, new RegExp(`${PROFILE} · 4 `));
    assert.equal(ctx.schemaStatus.item.command, 'etaitur.live.refresh');
    const roots = ctx.schemaTree.getChildren().map((n) => String(n.label));
    assert.deepEqual(roots.sort(), ['dbo', 'klass']);
    const dbo = ctx.schemaTree.getChildren().find((n) => n.label === 'dbo')!;
    assert.ok(ctx.schemaTree.getChildren(dbo).some((n) => n.label === 'Võlgnik'));
    // The server checks against the live snapshot: Võlgnik exists there, Isik does not.
    await waitFor('live diagnostics', () => {
      const c = codes(doc.uri);
      return c.includes('unknown-table@1') && !c.includes('unknown-table@0') ? c : undefined;
    });
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('etaitur').get('connections')).includes(PASSWORD));

    // A restarted language server is told again (the live schema is the extension's state, not the server's).
    await vscode.commands.executeCommand('etaitur.server.restart');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '\n'));
    await waitFor('live diagnostics after a server restart', () => {
      const c = codes(doc.uri);
      return c.includes('unknown-table@2') && !c.includes('unknown-table@1') ? c : undefined;
    });
  });

  it('keeps the cached schema when the connection drops, warns in the status bar, and recovers', async () => {
    const { ctx } = await api();
    down = true;
    await vscode.commands.executeCommand('etaitur.live.refresh');
    const lost = await waitFor('reconnecting', () => (ctx.schema.current.kind === 'loaded' && ctx.schema.current.live?.link === 'reconnecting' ? ctx.schema.current : undefined));
    assert.equal(lost.result.schema.size, 5, 'the schema stays');
    assert.ok(ctx.schemaStatus.item.backgroundColor, 'warning colour');
    assert.match(ctx.schemaStatus.item.text, /debug-disconnect/);
    down = false;
    await vscode.commands.executeCommand('etaitur.live.refresh');
    await waitFor('online again', () => ctx.schema.current.kind === 'loaded' && ctx.schema.current.live?.link === 'online');
    assert.equal(ctx.schemaStatus.item.backgroundColor, undefined);
  });

  it('dry-runs a script: always rolled back, report beside the script', async () => {
    const script = await vscode.workspace.openTextDocument({
      language: 'sql',
      content: "BEGIN TRAN\nUPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE Id IN (5, 6)\nPRINT N'Staatus muudetud'\nCOMMIT\n",
    });
    await vscode.window.showTextDocument(script, vscode.ViewColumn.One);
    const before = server.statements.length;
    const report = await vscode.commands.executeCommand<DryRunReport>('etaitur.dryRun', script.uri);
    assert.equal(report?.status, 'completed');
    assert.equal(report.rolledBack, true);
    const sent = server.statements.slice(before);
    assert.equal(sent[0], BEGIN_SQL);
    assert.equal(sent.at(-1), ROLLBACK_SQL);
    assert.ok(!sent.some((s) => /\bCOMMIT\b/i.test(s)), 'the script’s COMMIT was rewritten');
    const beside = await waitFor('report beside', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown' && e.document.getText().includes('# Dry run: eTaitur')));
    assert.notEqual(beside.viewColumn, vscode.ViewColumn.One);
    assert.match(beside.document.getText(), /nothing was committed/);
    assert.match(beside.document.getText(), /\| 2 \| 2 \|/);
    // Row preview: primary key Id from the live schema, so "after" re-selects the same rows by key.
    assert.ok(sent.includes('SELECT TOP (11) * FROM dbo.Menetlus WHERE ([Id] = 5) OR ([Id] = 6);'));
    assert.match(beside.document.getText(), /### Rows of UPDATE dbo\.Menetlus \(line 2\)/);
    assert.match(beside.document.getText(), /\| 6 \| \*\*LÕPETATUD\*\* \|/);
  });

  it('disconnect goes back to the DDL schema', async () => {
    const { ctx } = await api();
    await vscode.commands.executeCommand('etaitur.live.disconnect');
    await waitFor('DDL again', () => ctx.schema.current.kind === 'loaded' && ctx.schema.current.source === 'ddl');
    assert.doesNotMatch(ctx.schemaStatus.item.text, new RegExp(PROFILE));
    assert.equal(ctx.extension.workspaceState.get('etaitur.live.lastProfile'), undefined, 'no cached start after an explicit disconnect');
  });
});
