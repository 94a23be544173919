// Classifier (.klass) documents over LSP: diagnostics against the schema, symbols, formatting and deploy SQL.
// Spawns the built server (run `npm run build` first).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA = path.join(ROOT, 'test/fixtures/schema/etaitur.sql');
const KLASS = path.join(ROOT, 'test/fixtures/classifiers/menetluse-staatus.klass');

/** The fixture file maps every column the fixture table dbo.MenetluseStaatus has. */
function fitToFixtureTable(text: string): string {
  return text;
}

describe('classifier documents over LSP', function () {
  let client: LspClient;
  let ws: string;
  let uri: string;
  let clean: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')), 'run npm run build first');
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-klass-'));
    uri = pathToFileURL(path.join(ws, 'menetluse-staatus.klass')).toString();
    clean = fitToFixtureTable(fs.readFileSync(KLASS, 'utf8'));
    client = new LspClient(ROOT);
    client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
    const init = (await client.initialize(ws)) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.documentFormattingProvider, 'formatting capability');
  });
  after(async () => { await client.stop(); fs.rmSync(ws, { recursive: true, force: true }); });

  it('reports a duplicate code and until before from, and nothing for the clean file', async () => {
    const broken = clean.replace('  until  2019-12-31', '  until  2009-12-31') + '\nvalue 02\n  et     Peatatud uuesti\n  from   2011-01-01\n';
    const first = client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    void client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'etaitur-classifier', version: 1, text: broken } });
    const d1 = await first;
    const codes = d1.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('duplicate-code'), JSON.stringify(d1.diagnostics));
    assert.ok(codes.includes('until-before-from'), JSON.stringify(d1.diagnostics));
    const dup = d1.diagnostics.find((d) => d.code === 'duplicate-code')!;
    assert.equal(broken.split('\n')[dup.range.start.line].trim(), 'value 02');
    const until = d1.diagnostics.find((d) => d.code === 'until-before-from')!;
    assert.match(broken.split('\n')[until.range.start.line], /until\s+2009-12-31/);
    // SQL rules must not run on a classifier file.
    assert.ok(!codes.includes('no-transaction'), JSON.stringify(codes));

    const second = client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    client.change(uri, 2, clean);
    const d2 = await second;
    assert.deepEqual(d2.diagnostics.filter((d) => d.severity === 1 || d.severity === 2), [], JSON.stringify(d2.diagnostics));
  });

  it('flags a column the table does not have', async () => {
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 3);
    client.change(uri, 3, clean.replace('column      et     Nimetus', 'column      et     Nimetus\ncolumn      parent YlemKood'));
    const d = await done;
    const unknown = d.diagnostics.find((x) => x.code === 'unknown-column');
    assert.ok(unknown, JSON.stringify(d.diagnostics));
    assert.match(unknown!.message, /YlemKood/);
  });

  it('lists the codes as symbols', async () => {
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 4);
    client.change(uri, 4, clean);
    await done;
    const symbols = await client.request<{ name: string; detail?: string; range: { start: { line: number }; end: { line: number } } }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['01', '02', '03', 'NO']);
    assert.equal(symbols[0].detail, 'Menetluses');
    assert.ok(symbols[0].range.end.line > symbols[0].range.start.line);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, 4);
  });

  it('formats a misaligned file with one whole-document edit, and leaves a formatted one alone', async () => {
    const messy = clean.replace('  et     Menetluses', '  et Menetluses').replace('key         Kood', 'key Kood');
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 5);
    client.change(uri, 5, messy);
    await done;
    const edits = await client.request<{ range: { start: { line: number; character: number } }; newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, { line: 0, character: 0 });
    assert.notEqual(edits[0].newText, messy);
    assert.match(edits[0].newText, /\n {2}et {5}Menetluses\n/);

    const again = client.waitForDiagnostics((p) => p.uri === uri && p.version === 6);
    client.change(uri, 6, edits[0].newText);
    await again;
    const none = await client.request<unknown[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(none, []);
  });

  it('serves the deploy SQL request against the current schema', async () => {
    const done = client.waitForDiagnostics((p) => p.uri === uri && p.version === 7);
    client.change(uri, 7, clean);
    await done;
    const r = await client.request<{ sql?: string; error?: string }>('etaitur/classifierDeploySql', { uri });
    assert.equal(r.error, undefined);
    assert.match(r.sql!, /MERGE\s+\[dbo\]\.\[MenetluseStaatus\]/);
    assert.match(r.sql!, /N'Lõpetatud \(vana\)'/);
    assert.match(r.sql!, /\[NimetusRu\]/);
    assert.ok(!/YlemKood/.test(r.sql!), 'only mapped columns');

    const missing = await client.request<{ sql?: string; error?: string }>('etaitur/classifierDeploySql', { uri: pathToFileURL(path.join(ws, 'puudub.klass')).toString() });
    assert.equal(missing.sql, undefined);
    assert.ok(missing.error);
  });
});

describe('classifier diagnostics in Estonian', function () {
  it('uses the Estonian messages when the client locale is et', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'etaitur-klass-et-'));
    const client = new LspClient(ROOT);
    try {
      client.settings = { schema: { ddl: [SCHEMA], snapshot: '' } };
      const root = pathToFileURL(ws).toString();
      await client.conn.sendRequest('initialize', {
        processId: process.pid, rootUri: root, locale: 'et', workspaceFolders: [{ uri: root, name: 'ws' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      });
      await client.conn.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(ws, 'staatus.klass')).toString();
      const text = fitToFixtureTable(fs.readFileSync(KLASS, 'utf8')) + '\nvalue 01\n  et     Menetluses uuesti\n  from   2010-01-01\n';
      const done = client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'duplicate-code'));
      void client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'etaitur-classifier', version: 1, text } });
      const d = (await done).diagnostics.find((x) => x.code === 'duplicate-code')!;
      assert.equal(d.message, 'Kood 01 on kaks korda.');
    } finally {
      await client.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
