import * as assert from 'node:assert/strict';
import { parseScript } from '../../../server/src/sql/parser';
import { LineIndex } from '../../../server/src/text/lineIndex';
import { documentSymbols } from '../../../server/src/features/symbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { signatureHelp } from '../../../server/src/features/signatureHelp';
import { definition } from '../../../server/src/features/definition';
import { generateTableDdl } from '../../../server/src/features/schemaDdl';
import { schema, VOLGNIK } from './schemaFixture';

const SCRIPT = [
  '/* Parandus: menetluse staatus',
  '   pilet #4711 */',
  'DECLARE @id int = 42, @uus nvarchar(10) = N\'LÕPETATUD\';',
  'SELECT * INTO #varu FROM dbo.Menetlus WHERE MenetlusId = @id;',
  'GO',
  'BEGIN TRY',
  '    BEGIN TRAN;',
  '    UPDATE dbo.Menetlus SET Staatus = N\'LÕPETATUD\' WHERE MenetlusId = 42;',
  '    COMMIT;',
  'END TRY',
  'BEGIN CATCH',
  '    IF @@TRANCOUNT > 0 ROLLBACK;',
  '    THROW;',
  'END CATCH;',
].join('\n');

describe('symbols, folding, signature help, definition', () => {
  it('lists batches, statements and declared variables', () => {
    const syms = documentSymbols(SCRIPT, parseScript(SCRIPT));
    assert.deepEqual(syms.map((s) => s.name), ['Batch 1', 'Batch 2']);
    const vars = syms[0].children[0].children.map((c) => c.name);
    assert.deepEqual(vars, ['@id', '@uus']);
    assert.equal(syms[1].children[0].detail, 'TryCatch');
  });

  it('folds the comment, batches and TRY/CATCH', () => {
    const folds = foldingRanges(parseScript(SCRIPT), new LineIndex(SCRIPT));
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 1 && f.kind === 'comment'));
    assert.ok(folds.some((f) => f.startLine === 5 && f.endLine >= 8 && !f.kind), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === 10 && f.endLine >= 12 && !f.kind), JSON.stringify(folds));
  });

  it('shows the active parameter of DATEADD and CONVERT', () => {
    const t = 'SELECT DATEADD(day, 30, ';
    const s = signatureHelp(t, t.length)!;
    assert.equal(s.label, 'DATEADD(datepart, number, date)');
    assert.equal(s.activeParameter, 2);
    const c = "SELECT CONVERT(nvarchar(10), ISNULL(x, '1,2'), ";
    assert.equal(signatureHelp(c, c.length)!.activeParameter, 2);
    assert.equal(signatureHelp('SELECT foo(', 11), undefined);
  });

  it('goes to the DDL file, or to generated DDL for a snapshot table', () => {
    const d = definition('SELECT * FROM dbo.Menetlus', 20, schema)!;
    assert.equal(d.kind, 'file');
    const g = definition('SELECT v.Nimi FROM dbo.Volgnik v', 10, schema)!;
    assert.ok(g.kind === 'generated');
    if (g.kind === 'generated') {
      assert.equal(g.uri, 'etaitur-schema:/dbo/Volgnik.sql');
      assert.match(generateTableDdl(VOLGNIK).text.split('\n')[g.line], /\[Nimi\] nvarchar\(100\) NOT NULL/);
    }
  });

});
