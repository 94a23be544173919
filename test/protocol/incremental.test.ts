// Incremental diagnostics, watched files and the UI language, over stdio against the built server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diag } from './lspClient';
import { rng } from '../support/rng';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');

const SCRIPT = [
  'SET XACT_ABORT ON;',
  'GO',
  "SELECT m.MenetlusId INTO #vana FROM dbo.Menetlus m WHERE m.Staatus = N'AVATUD';",
  'GO',
  'BEGIN TRAN;',
  "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE MenetlusId IN (SELECT MenetlusId FROM #vana);",
  'IF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT;',
  'GO',
  "DECLARE @nimi nvarchar(100) = N'Mägi';",
  "UPDATE dbo.Menetlus SET Staatus = @nimi WHERE Number = '2024-1' AND Staatus = NULL;",
  'GO',
  "DELETE FROM dbo.Menetlus WHERE MenetlusId = (SELECT MAX(MenetlusId) FROM #vana);",
  '',
].join('\n');

const key = (d: Diag) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

describe('language server: incremental diagnostics, watched files, language', function () {
  let client: LspClient;
  let ws: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')), 'run npm run build first');
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-lsp-inc-'));
    client = new LspClient(ROOT);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    await client.initialize(ws);
  });
  after(async () => { await client.stop(); fs.rmSync(ws, { recursive: true, force: true }); });

  it('after 60 random edits the diagnostics equal those of the same text opened fresh', async () => {
    const uri = pathToFileURL(path.join(ws, 'muudetav.sql')).toString();
    const r = rng(99);
    let text = SCRIPT;
    const opened = client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    client.open(uri, text, 1);
    await opened;
    const pieces = ['x', ' ', '\n', '\nGO\n', "'", '/*', '*/', '#vana', 'Staatus', ';', 'WHERE 1 = 1'];
    let last!: Diag[];
    for (let v = 2; v <= 61; v++) {
      const at = Math.floor(r() * (text.length + 1));
      text = text.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + text.slice(at + (r() < 0.3 ? 3 : 0));
      const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === v);
      client.change(uri, v, text);
      last = (await done).diagnostics;
    }
    const fresh = pathToFileURL(path.join(ws, 'värske.sql')).toString();
    const f = client.waitForDiagnostics((p) => p.uri === fresh);
    client.open(fresh, text, 1);
    assert.deepEqual(last.map(key).sort(), (await f).diagnostics.map(key).sort());
  });

  it('re-checks open documents when a watched DDL file changes', async () => {
    const ddl = path.join(ws, 'skeem.sql');
    fs.writeFileSync(ddl, 'CREATE TABLE dbo.Isik (IsikId int NOT NULL PRIMARY KEY, Nimi nvarchar(100) NOT NULL);\n');
    client.settings = { schema: { ddl: [ddl], snapshot: '' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = pathToFileURL(path.join(ws, 'tagastus.sql')).toString();
    const before = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'unknown-table'));
    client.open(uri, "BEGIN TRAN;\nUPDATE dbo.Tagastus SET Summa = 0 WHERE TagastusId = 7;\nCOMMIT;\n");
    await before;
    fs.appendFileSync(ddl, 'CREATE TABLE dbo.Tagastus (TagastusId int NOT NULL PRIMARY KEY, Summa decimal(12,2) NULL);\n');
    const after = client.waitForDiagnostics((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'unknown-table'));
    client.filesChanged([ddl]);
    const d = await after;
    assert.ok(!d.diagnostics.some((x) => x.code === 'unknown-column'), JSON.stringify(d.diagnostics));
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('re-checks open documents when etaitur.json changes', async () => {
    const uri = pathToFileURL(path.join(ws, 'reeglid.sql')).toString();
    const before = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'no-transaction'));
    client.open(uri, "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 1;\n");
    await before;
    const cfg = path.join(ws, 'etaitur.json');
    fs.writeFileSync(cfg, JSON.stringify({ rules: { 'no-transaction': 'off' } }));
    const after = client.waitForDiagnostics((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'no-transaction'));
    client.filesChanged([cfg], 1);
    await after;
    fs.rmSync(cfg);
    const again = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'no-transaction'));
    client.filesChanged([cfg], 3);
    await again;
  });

  it('finds references by resolution across open documents and workspace files', async () => {
    const dir = path.join(ws, 'parandused');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '01-vana.sql'), "SELECT m.Staatus FROM dbo.Menetlus m;\nSELECT Staatus FROM #ajutine; -- Staatus\nPRINT 'Staatus';\n");
    fs.writeFileSync(path.join(dir, '02-muu.sql'), 'SELECT Nimi FROM dbo.Volgnik;\n');
    const uri = pathToFileURL(path.join(ws, 'viited.sql')).toString();
    const text = "UPDATE x SET Staatus = N'LÕPETATUD' FROM dbo.Menetlus x WHERE x.MenetlusId = 5;\n";
    const done = client.waitForDiagnostics((p) => p.uri === uri);
    client.open(uri, text);
    await done;
    const refs = await client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/references', {
      textDocument: { uri }, position: { line: 0, character: 15 }, context: { includeDeclaration: false },
    });
    const got = refs.map((r) => `${path.basename(new URL(r.uri).pathname)}:${r.range.start.line}:${r.range.start.character}`).sort();
    // Other documents this suite opened refer to it too (reeglid.sql); the temp table, comment and string don't count.
    assert.deepEqual(got.filter((g) => /^(01-vana|02-muu|viited|reeglid)\.sql/.test(g)), ['01-vana.sql:0:9', 'reeglid.sql:0:24', 'viited.sql:0:13']);
  });

  it('answers in Estonian when the client says so (code actions, hover)', async () => {
    const et = new LspClient(ROOT);
    try {
      et.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
      await et.initialize(ws, { locale: 'et' });
      const uri = pathToFileURL(path.join(ws, 'eesti.sql')).toString();
      const done = et.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'unknown-column'));
      et.open(uri, 'UPDATE dbo.Menetlus SET Staatuss = 1 WHERE MenetlusId = 1;\n');
      const pub = await done;
      const diag = pub.diagnostics.find((x) => x.code === 'unknown-column')!;
      const actions = await et.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: pub.diagnostics } });
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes("Kas mõtlesite 'Staatus'?"), titles.join(' | '));
      assert.ok(titles.includes('Lülita unknown-column selle rea jaoks välja'), titles.join(' | '));
      assert.ok(titles.some((t) => /turvalisse parandusmalli/.test(t)), titles.join(' | '));
      const h = await et.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } });
      assert.match(h.contents.value, /Primaarvõti: MenetlusId/);
    } finally { await et.stop(); }
  });
});
