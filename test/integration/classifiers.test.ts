// Classifier files in the real extension host: the Classifiers view, unknown codes in a fix script, and the
// drift check driven by a data snapshot file with its quick fixes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, demoFile } from './host';
import { waitFor } from './waitFor';

const codesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));

describe('classifiers in the extension host', () => {
  it('the Classifiers view lists the workspace classifier with its codes; an expired code is marked; a code opens its line', async () => {
    const { ctx } = await api();
    const provider = ctx.treeProviders.get('etaitur.classifiers') as vscode.TreeDataProvider<unknown> | undefined;
    assert.ok(provider, 'the classifiers view has a provider');
    const roots = await waitFor('classifiers', async () => {
      const r = (await provider.getChildren()) ?? [];
      return r.length ? r : undefined;
    });
    const root = await provider.getTreeItem(roots[0]);
    assert.equal(root.label, 'MENETLUSE_STAATUS');
    const codes = (await provider.getChildren(roots[0])) ?? [];
    const items = await Promise.all(codes.map((c) => provider.getTreeItem(c)));
    assert.deepEqual(items.map((i) => i.label), ['01', '02', '03', 'NO']);
    assert.match(String(items[3].description), /\(expired 2019-12-31 → 03\)$/);
    assert.equal(items[0].command?.command, 'vscode.open');
    const sel = (items[0].command!.arguments![1] as { selection: vscode.Range }).selection;
    const doc = await vscode.workspace.openTextDocument(demoFile('klassifikaatorid', 'menetluse-staatus.klass'));
    assert.equal(doc.lineAt(sel.start.line).text, 'value 01');
  });

  it('a fix script gets unknown-classifier-code for a code the classifier file lacks', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(demoFile('skriptid', '001_staatuse_parandus_vigane.sql'));
    await vscode.window.showTextDocument(doc);
    await waitFor('unknown-classifier-code', () => codesOf(doc.uri).includes('unknown-classifier-code') || undefined);
  });

  it('checks drift from a data snapshot file and offers quick fixes for both sides', async () => {
    await api();
    const uri = vscode.Uri.file(demoFile('klassifikaatorid', 'menetluse-staatus.klass'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-drift-'));
    const snapshot = path.join(dir, 'menetluse-staatus.andmed.json');
    fs.writeFileSync(snapshot, JSON.stringify({ table: 'dbo.MenetluseStaatus', rows: [
      { Kood: '01', Nimetus: 'Menetluses', NimetusEn: 'In proceedings', NimetusRu: 'В производстве', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 10 },
      { Kood: '02', Nimetus: 'Peatatud', NimetusEn: 'Suspended', NimetusRu: 'Приостановлено', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 25 },
      { Kood: '03', Nimetus: 'Lõpetatud', NimetusEn: 'Closed', NimetusRu: 'Завершено', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 30 },
      { Kood: 'NO', Nimetus: 'Lõpetatud (vana)', NimetusEn: 'Closed (old)', NimetusRu: 'Завершено (старое)', KehtivAlates: '2010-01-01', KehtivKuni: '2019-12-31', Jarjekord: 99 },
    ] }));
    try {
      const r = await vscode.commands.executeCommand<{ differs: number; missingInFile: number; missingInDatabase: number }>('etaitur.classifier.checkDrift', uri, snapshot);
      assert.deepEqual(r, { missingInFile: 0, missingInDatabase: 0, differs: 1 });
      const diag = await waitFor('drift diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'drift-value-differs'));
      assert.match(diag.message, /Code 02: order is '20' here but '25' in the database/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes("Take the database's value (order)"), titles.join(' | '));
      assert.ok(titles.includes("Keep the file's state: generate the deploy SQL"), titles.join(' | '));
      await vscode.commands.executeCommand('etaitur.classifier.checkDrift', uri, 'clear');
      await waitFor('drift cleared', () => !codesOf(uri).some((c) => c.startsWith('drift-')) || undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports a classifier file from a seed script, and never replaces an existing file unless told', async () => {
    const { ctx } = await api();
    await waitFor('schema loaded', () => ctx.schema.current.kind === 'loaded' || undefined);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-import-'));
    const seed = path.join(dir, 'seed.sql');
    fs.writeFileSync(seed, "INSERT INTO dbo.MenetluseStaatus (Kood, Nimetus, KehtivAlates, Jarjekord) VALUES\n  (N'01', N'Menetluses', '2010-01-01', 10),\n  (N'02', N'Peatatud', '2010-01-01', 20);\nGO\n");
    const target = path.join(dir, 'menetluse-staatus.klass');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('etaitur.classifier.import', { table: 'dbo.MenetluseStaatus', seedScript: seed, target });
      assert.equal(written?.fsPath, target);
      const text = fs.readFileSync(target, 'utf8');
      assert.match(text, /^table\s+dbo\.MenetluseStaatus$/m);
      assert.match(text, /^value 02\n {2}et\s+Peatatud$/m);
      fs.writeFileSync(target, '# käsitsi muudetud\n');
      const refused = await vscode.commands.executeCommand('etaitur.classifier.import', { table: 'dbo.MenetluseStaatus', seedScript: seed, target, overwrite: false });
      assert.equal(refused, undefined);
      assert.equal(fs.readFileSync(target, 'utf8'), '# käsitsi muudetud\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
