// Every contributed command runs in the extension host and settles: quick inputs it opens are dismissed,
// commands that need configuration (tracker, log sources, connections) end after showing their message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, demoFile } from './host';
import { waitFor } from './waitFor';

type Outcome = { ok: true } | { ok: false; error: string };

/**
 * Starts the command without awaiting it, then polls: each round dismisses any quick pick / input box
 * (a save dialog in code-server is one too) until the command's promise settles, bounded by timeoutMs.
 */
async function runDismissing(id: string, timeoutMs = 10_000): Promise<Outcome> {
  let outcome: Outcome | undefined;
  void Promise.resolve(vscode.commands.executeCommand(id)).then(
    () => (outcome = { ok: true }),
    (e: unknown) => (outcome = { ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
  return waitFor(`${id} to settle`, async () => {
    if (outcome) return outcome;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    return outcome;
  }, timeoutMs);
}

describe('every contributed command runs', () => {
  it('each command settles without hanging or throwing', async function () {
    this.timeout(120_000);
    const { ctx } = await api();
    await waitFor('schema loaded', () => ctx.schema.current.kind === 'loaded' || undefined);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length >= 20, `many commands contributed (got ${contributed.length})`);
    // A SQL script is active so that dry run and others see a realistic editor; the classifier command gets its own file.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(demoFile('skriptid', '003_arest_lopetamine_korrektne.sql')));
    const failures: string[] = [];
    for (const id of contributed) {
      if (id === 'etaitur.classifier.generateDeploySql') {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(demoFile('klassifikaatorid', 'menetluse-staatus.klass')));
      }
      const before = vscode.window.visibleTextEditors.length;
      const r = await runDismissing(id);
      if (!r.ok) failures.push(`${id}: ${r.error}`);
      // Close what the command opened (report, entry document, deploy SQL) so the next one starts clean.
      for (let i = vscode.window.visibleTextEditors.length; i > before; i--) {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    }
    assert.deepEqual(failures, []);
    // The shell is still healthy after all of them.
    assert.equal(ctx.schema.current.kind, 'loaded');
  });
});

describe('feature views when unconfigured', () => {
  for (const id of ['etaitur.tickets', 'etaitur.logs']) {
    it(`${id} is contributed and its provider answers getChildren`, async () => {
      const { ctx } = await api();
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const views: string[] = ext.packageJSON.contributes.views.etaitur.map((v: { id: string }) => v.id);
      assert.ok(views.includes(id), `${id} contributed`);
      const provider = ctx.treeProviders.get(id);
      assert.ok(provider, `${id} has a registered tree provider`);
      const roots = await provider.getChildren();
      assert.ok(Array.isArray(roots), `${id} getChildren() gives a list`);
      for (const n of roots) assert.ok(await provider.getTreeItem(n), `${id} renders its root nodes`);
    });
  }
});

describe('classifier files', () => {
  it('a .klass file opens with the etaitur-classifier language', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(demoFile('klassifikaatorid', 'menetluse-staatus.klass'));
    assert.equal(doc.languageId, 'etaitur-classifier');
    assert.match(doc.getText(), /\S/, 'the fixture is not empty');
  });
});
