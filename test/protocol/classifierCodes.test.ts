// Classifier files in the workspace over LSP: unknown-classifier-code in SQL documents (from the .klass file on
// disk, then from its unsaved edits), code completion and hover, and the drift request with its quick fixes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diag } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');
const KLASS = fs.readFileSync(path.join(ROOT, 'test/fixtures/classifiers/menetluse-staatus.klass'), 'utf8');
const SQL = "SET XACT_ABORT ON;\nBEGIN TRAN;\nUPDATE dbo.Menetlus SET Staatus = N'05' WHERE MenetlusId = 12;\nIF @@ROWCOUNT <> 1 ROLLBACK; ELSE COMMIT;\n";

describe('classifier codes and drift over LSP', function () {
  let client: LspClient;
  let ws: string;
  let sqlUri: string;
  let klassUri: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')), 'run npm run build first');
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-codes-'));
    fs.mkdirSync(path.join(ws, 'klassifikaatorid'));
    fs.writeFileSync(path.join(ws, 'klassifikaatorid', 'menetluse-staatus.klass'), KLASS);
    sqlUri = pathToFileURL(path.join(ws, 'parandus.sql')).toString();
    klassUri = pathToFileURL(path.join(ws, 'klassifikaatorid', 'menetluse-staatus.klass')).toString();
    client = new LspClient(ROOT);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    await client.initialize(ws);
  });
  after(async () => { await client.stop(); fs.rmSync(ws, { recursive: true, force: true }); });

  it('flags a code the workspace\'s classifier file does not define, and stops once the file (unsaved) defines it', async () => {
    const first = client.waitForDiagnostics((p) => p.uri === sqlUri && p.version === 1);
    client.open(sqlUri, SQL);
    const d = (await first).diagnostics.filter((x) => x.code === 'unknown-classifier-code');
    assert.equal(d.length, 1, JSON.stringify((await first).diagnostics));
    assert.deepEqual(d[0].range.start, { line: 2, character: 34 });

    const cleared = client.waitForDiagnostics((p) => p.uri === sqlUri && !p.diagnostics.some((x) => x.code === 'unknown-classifier-code'));
    void client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: klassUri, languageId: 'etaitur-classifier', version: 1, text: KLASS + '\nvalue 05\n  et     Ühendatud\n  en     Merged\n  ru     Объединено\n' } });
    await cleared;
  });

  it('completes codes with their names and shows them on hover', async () => {
    const done = client.waitForDiagnostics((p) => p.uri === sqlUri && p.version === 2);
    client.change(sqlUri, 2, SQL.replace("N'05'", "N'03'"));
    await done;
    const list = await client.request<{ items: { label: string; detail?: string; textEdit?: { newText: string } }[] }>('textDocument/completion', { textDocument: { uri: sqlUri }, position: { line: 2, character: 37 } });
    assert.deepEqual(list.items.map((i) => i.label), ['01', '02', '03', '05']); // the prefix 0 is typed
    assert.equal(list.items.find((i) => i.label === '05')!.detail, 'Ühendatud / Merged / Объединено');
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: sqlUri }, position: { line: 2, character: 37 } });
    assert.match(h!.contents.value, /\| ru \| Завершено \|/);
  });

  it('shows drift from rows sent for the classifier file, with quick fixes for both sides, and clears it', async () => {
    const rows = [
      { Kood: '01', Nimetus: 'Menetluses', NimetusEn: 'In proceedings', NimetusRu: 'В производстве', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 10 },
      { Kood: '02', Nimetus: 'Peatatud ajutiselt', NimetusEn: 'Suspended', NimetusRu: 'Приостановлено', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 20 },
      { Kood: '03', Nimetus: 'Lõpetatud', NimetusEn: 'Closed', NimetusRu: 'Завершено', KehtivAlates: '2010-01-01', KehtivKuni: null, Jarjekord: 30 },
      { Kood: 'NO', Nimetus: 'Lõpetatud (vana)', NimetusEn: 'Closed (old)', NimetusRu: 'Завершено (старое)', KehtivAlates: '2010-01-01', KehtivKuni: '2019-12-31', Jarjekord: 99 },
      { Kood: '07', Nimetus: 'Arhiveeritud', NimetusEn: 'Archived', NimetusRu: 'Архивировано', KehtivAlates: '2024-01-01', KehtivKuni: null, Jarjekord: 70 },
    ];
    const shown = client.waitForDiagnostics((p) => p.uri === klassUri && p.diagnostics.some((x) => x.code === 'drift-value-differs'));
    const r = await client.request<{ missingInFile: number; missingInDatabase: number; differs: number }>('etaitur/classifierDrift', { uri: klassUri, rows, source: 'andmed.json' });
    assert.deepEqual(r, { missingInFile: 1, missingInDatabase: 1, differs: 1 });
    const diags = (await shown).diagnostics.filter((x) => x.code?.startsWith('drift-'));
    assert.deepEqual(diags.map((x) => x.code).sort(), ['drift-missing-in-database', 'drift-missing-in-file', 'drift-value-differs']);
    const differs = diags.find((x) => x.code === 'drift-value-differs') as Diag;
    assert.match(differs.message, /Code 02: et is 'Peatatud' here but 'Peatatud ajutiselt' in the database\. \(andmed\.json\)/);

    const actions = await client.request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> }; command?: { command: string } }[]>('textDocument/codeAction', {
      textDocument: { uri: klassUri }, range: differs.range, context: { diagnostics: [differs] },
    });
    assert.equal(actions[0].title, "Take the database's value (et)");
    assert.equal(actions[0].edit!.changes[klassUri][0].newText, 'Peatatud ajutiselt');
    assert.equal(actions[1].command!.command, 'etaitur.classifier.generateDeploySql');

    const gone = client.waitForDiagnostics((p) => p.uri === klassUri && !p.diagnostics.some((x) => x.code?.startsWith('drift-')));
    await client.request('etaitur/classifierDrift', { uri: klassUri, rows: null });
    await gone;
  });

  it('requires names in the languages of etaitur.classifiers.requiredLanguages when the file has no languages line', async () => {
    const uri = pathToFileURL(path.join(ws, 'klassifikaatorid', 'toimingu-liik.klass')).toString();
    const text = 'classifier TOIMINGU_LIIK\ntable dbo.Klassifikaator\nkey Kood\ntype Tyyp = TOIMINGU_LIIK\ncolumn et Nimetus\n\nvalue AREST\n  et Arestimine\n';
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' }, classifiers: { requiredLanguages: ['et', 'en'] } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const shown = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((x) => x.code === 'missing-translation'));
    void client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'etaitur-classifier', version: 1, text } });
    assert.match((await shown).diagnostics.find((x) => x.code === 'missing-translation')!.message, /Code AREST has no name in en\./);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    const back = client.waitForDiagnostics((p) => p.uri === uri && !p.diagnostics.some((x) => x.code === 'missing-translation'));
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await back;
  });
});
