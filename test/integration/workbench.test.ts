// Integration tests in a real extension host, on the demo workspace (test/fixtures/demo-workspace).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, api } from './host';
import { waitFor } from './waitFor';

function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the demo workspace is open');
  return f.uri.fsPath;
}

/** The language server is another engineer's part; until dist/server.js is more than the placeholder these are pending. */
function serverLanded(): boolean {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const file = path.join(ext.extensionPath, 'dist', 'server.js');
  return fs.existsSync(file) && fs.statSync(file).size > 2048;
}

async function openScript(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'skriptid', name));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'sql');
  return doc;
}

describe('e-Täitur Workbench in VS Code', () => {
  it('activates and contributes its view container and views', async () => {
    const a = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.isActive, true);
    assert.ok(a.ctx);
    const views = ext.packageJSON.contributes.views.etaitur.map((v: { id: string }) => v.id);
    assert.deepEqual(views, ['etaitur.tickets', 'etaitur.logs', 'etaitur.schema', 'etaitur.classifiers']);
  });

  it('loads the schema browser from the workspace DDL: schemas > tables > typed columns', async () => {
    const { ctx } = await api();
    const state = await waitFor('schema loaded', () => (ctx.schema.current.kind === 'loaded' ? ctx.schema.current : undefined));
    assert.equal(state.source, 'ddl');
    const roots = ctx.schemaTree.getChildren();
    assert.deepEqual(roots.map((n) => n.label), ['dbo']);
    const tables = ctx.schemaTree.getChildren(roots[0]).map((n) => String(n.label));
    for (const t of ['Menetlus', 'Volgnik', 'Isik', 'Toiming', 'Arest', 'Makse', 'MenetluseStaatus', 'vAktiivneMenetlus']) {
      assert.ok(tables.includes(t), `tree has ${t} (got ${tables.join(', ')})`);
    }
    const menetlus = ctx.schemaTree.getChildren(roots[0]).find((n) => n.label === 'Menetlus')!;
    assert.equal(menetlus.contextValue, 'etaitur.table');
    const cols = ctx.schemaTree.getChildren(menetlus);
    const staatus = cols.find((c) => c.label === 'Staatus');
    assert.equal(staatus?.description, 'nvarchar(10) NOT NULL');
    const id = cols.find((c) => c.label === 'MenetlusId');
    assert.equal(id?.description, 'int IDENTITY NOT NULL');
  });

  it('shows the schema source and table count in the status bar', async () => {
    const { ctx } = await api();
    await waitFor('schema loaded', () => ctx.schema.current.kind === 'loaded' || undefined);
    assert.match(ctx.schemaStatus.item.text, /DDL: 15 (tables|tabelit)/);
    assert.equal(ctx.schemaStatus.item.command, 'etaitur.schema.reload');
  });

  it('registers every contributed command, and each of its own commands runs', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
    const { ctx } = await api();
    const state = await vscode.commands.executeCommand<{ kind: string }>('etaitur.schema.reload');
    assert.equal(state.kind, 'loaded');
    assert.equal(ctx.schema.current.kind, 'loaded');
    await vscode.commands.executeCommand('etaitur.showOutput');
    await vscode.commands.executeCommand('etaitur.server.restart');
    assert.ok(ctx.client, 'a language client exists after restart');
  });

  it('reports the fixture script mistakes as diagnostics', async function () {
    if (!serverLanded()) this.skip(); // PENDING: language server (server/src/lsp) not landed yet
    const doc = await openScript('002_volgniku_aadress_vigane.sql');
    const codes = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      const c = d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
      return c.includes('unknown-column') ? c : undefined;
    });
    for (const c of ['unknown-column', 'string-truncation', 'personal-data-literal']) assert.ok(codes.includes(c), `${c} in ${codes}`);
    const good = await openScript('003_arest_lopetamine_korrektne.sql');
    const bad = await openScript('001_staatuse_parandus_vigane.sql');
    const badCodes = await waitFor('diagnostics of 001', () => {
      const c = vscode.languages.getDiagnostics(bad.uri).map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
      return c.includes('update-without-where') ? c : undefined;
    });
    assert.ok(badCodes.includes('no-transaction'));
    const errors = vscode.languages.getDiagnostics(good.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  it('completes table names and columns from the schema', async function () {
    if (!serverLanded()) this.skip(); // PENDING: language server not landed yet
    const doc = await openScript('004_makse_paring_korrektne.sql');
    const line = doc.lineAt(2).text; // FROM dbo.Menetlus AS m
    assert.match(line, /FROM dbo\.Menetlus/);
    const pos = new vscode.Position(2, line.indexOf('dbo.') + 4);
    const labels = await waitFor('completion', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const l = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return l.includes('Menetlus') ? l : undefined;
    });
    assert.ok(labels.includes('Volgnik'));
  });

  it('hovers a table with its columns', async function () {
    if (!serverLanded()) this.skip(); // PENDING: language server not landed yet
    const doc = await openScript('004_makse_paring_korrektne.sql');
    const line = doc.lineAt(2).text; // FROM dbo.Menetlus AS m
    const pos = new vscode.Position(2, line.indexOf('Menetlus') + 2);
    const text = await waitFor('hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const t = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      return /Menetlus/.test(t) ? t : undefined;
    });
    assert.doesNotMatch(text, /Makse/, 'the hover is about the table under the cursor');
  });

  it('finds references of a table by resolution across the workspace scripts, not in comments', async function () {
    if (!serverLanded()) this.skip(); // PENDING: language server not landed yet
    const doc = await openScript('004_makse_paring_korrektne.sql');
    const line = doc.lineAt(2).text; // FROM dbo.Menetlus AS m
    const pos = new vscode.Position(2, line.indexOf('Menetlus') + 2);
    const refs = await waitFor('references', async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
      return r && r.some((l) => l.uri.fsPath.endsWith('001_staatuse_parandus_vigane.sql')) ? r : undefined;
    });
    const where = refs.map((l) => `${path.basename(l.uri.fsPath)}:${l.range.start.line}`);
    assert.ok(where.includes('004_makse_paring_korrektne.sql:2'), where.join(', '));
    assert.ok(where.includes('002_volgniku_aadress_vigane.sql:8'), where.join(', '));
    assert.ok(!where.includes('004_makse_paring_korrektne.sql:0'), 'the comment "Menetluse ..." is not a reference');
  });
});
