// Spawns the built server (run `npm run build` first) and speaks LSP to it over stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');

describe('language server over stdio', function () {
  let client: LspClient;
  let ws: string;
  let uri: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')), 'run npm run build first');
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-lsp-'));
    uri = pathToFileURL(path.join(ws, 'parandus.sql')).toString();
    client = new LspClient(ROOT);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    const init = (await client.initialize(ws)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.completionProvider);
  });
  after(async () => { await client.stop(); fs.rmSync(ws, { recursive: true, force: true }); });

  it('publishes diagnostics on open and again after a change', async () => {
    const first = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'unknown-table'));
    client.open(uri, "UPDATE dbo.Menetlu SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 1;\n");
    const d1 = await first;
    assert.equal(d1.diagnostics.find((d) => d.code === 'unknown-table')!.range.start.line, 0);
    const second = client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    client.change(uri, 2, "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 1;\n");
    const d2 = await second;
    assert.ok(!d2.diagnostics.some((d) => d.code === 'unknown-table'), JSON.stringify(d2.diagnostics));
    assert.ok(d2.diagnostics.some((d) => d.code === 'no-transaction'));
  });

  it('completes alias columns and hovers a column', async () => {
    const text = 'SELECT m. FROM dbo.Menetlus m\nWHERE m.Number = 1;\n';
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 3);
    client.change(uri, 3, text);
    await done;
    const c = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
    const labels = c.items.map((i) => i.label);
    assert.ok(labels.includes('Number') && labels.includes('MenetlusId'), labels.join(','));
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10 } });
    assert.match(h!.contents.value, /nvarchar\(20\) NOT NULL/);
  });

  it('goes to the CREATE TABLE line in the DDL file', async () => {
    const text = 'SELECT * FROM dbo.Menetlus;\n';
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 4);
    client.change(uri, 4, text);
    await done;
    const d = await client.request<{ uri: string; range: { start: { line: number } } } | null>('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.ok(d, 'a definition');
    assert.equal(d!.uri, pathToFileURL(SCHEMA).toString());
    const expected = fs.readFileSync(SCHEMA, 'utf8').split('\n').findIndex((l) => /^CREATE TABLE dbo\.Menetlus \(/.test(l));
    assert.ok(expected > 0);
    assert.equal(d!.range.start.line, expected);
  });

  it('offers "did you mean" and the safe template as code actions', async () => {
    const text = 'UPDATE dbo.Menetlus SET Staatuss = 1 WHERE MenetlusId = 1;\n';
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 5);
    client.change(uri, 5, text);
    const pub = await done;
    const diag = pub.diagnostics.find((x) => x.code === 'unknown-column');
    assert.ok(diag, JSON.stringify(pub.diagnostics));
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag!.range, context: { diagnostics: pub.diagnostics } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Did you mean 'Staatus'?"), titles.join(' | '));
    assert.ok(titles.some((t) => /safe fix template/.test(t)));
    assert.ok(titles.includes('Disable unknown-column for this line'));
  });

  it('survives a garbage document and keeps answering', async () => {
    const garbage = "\u0000BEGIN TRY (((( ' [unterminated \n GO 999999999999 \uFFFF @@@ ]]] CASE WHEN END END END /* never closed";
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 6);
    client.change(uri, 6, garbage);
    await done;
    for (let ch = 0; ch < 40; ch += 7) {
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: ch } });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: ch } });
    }
    const s = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(s));
    assert.equal(client.proc.exitCode, null);
  });

  it('reloads the schema when settings change', async () => {
    const text = 'SELECT * FROM dbo.Menetlus;\n';
    client.settings = { schema: { ddl: [], snapshot: '' } };
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 7);
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    client.change(uri, 7, text);
    await done;
    const h = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.equal(h, null);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const h2 = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.match(h2!.contents.value, /table dbo\.Menetlus/);
  });
});
