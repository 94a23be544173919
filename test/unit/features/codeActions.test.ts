import * as assert from 'node:assert/strict';
import { codeActions, type CodeActionEntry } from '../../../server/src/features/codeActions';
import { checkScript } from '../../../server/src/check';
import { schema } from './schemaFixture';

function apply(text: string, a: CodeActionEntry): string {
  let out = text;
  for (const e of [...a.edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('code actions', () => {
  it('wraps the script in the safe template, which then has no safety findings for transactions', () => {
    const text = "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 42;\n";
    const wrap = codeActions(text, { start: 0, end: 0 }, [])!.find((a) => /safe fix template/.test(a.title))!;
    const out = apply(text, wrap);
    assert.match(out, /^SET XACT_ABORT ON;\nBEGIN TRY\n    BEGIN TRAN;\n    UPDATE/);
    assert.match(out, /IF @@ROWCOUNT <> 1\n\s+THROW/);
    assert.match(out, /BEGIN CATCH\n    IF @@TRANCOUNT > 0 ROLLBACK;\n    THROW;\nEND CATCH;/);
    const codes = checkScript(out, { schema }).findings.map((f) => f.code);
    for (const c of ['no-transaction', 'unbalanced-transaction', 'missing-xact-abort', 'syntax-error']) assert.ok(!codes.includes(c), codes.join(','));
  });

  it('suggests the closest column for unknown-column', () => {
    const text = 'UPDATE dbo.Menetlus SET Staatuss = 1 WHERE MenetlusId = 1;';
    const f = { code: 'unknown-column', range: { start: text.indexOf('Staatuss'), end: text.indexOf('Staatuss') + 8 } };
    const a = codeActions(text, f.range, [f], schema).find((x) => x.title.startsWith('Did you mean'))!;
    assert.equal(a.title, "Did you mean 'Staatus'?");
    assert.equal(apply(text, a), 'UPDATE dbo.Menetlus SET Staatus = 1 WHERE MenetlusId = 1;');
  });

  it('suggests the closest table, replacing only the name part', () => {
    const text = 'DELETE FROM dbo.Volgnk WHERE VolgnikId = 7;';
    const s = text.indexOf('dbo.Volgnk');
    const f = { code: 'unknown-table', range: { start: s, end: s + 10 } };
    const a = codeActions(text, f.range, [f], schema).find((x) => x.title.startsWith('Did you mean'))!;
    assert.equal(apply(text, a), 'DELETE FROM dbo.Volgnik WHERE VolgnikId = 7;');
  });

  it('adds the N prefix to a non-ASCII literal', () => {
    const text = "UPDATE dbo.Volgnik SET Nimi = 'Õie Mägi' WHERE VolgnikId = 1;";
    const s = text.indexOf("'Õie");
    const f = { code: 'non-ascii-without-n', range: { start: s, end: s + 10 } };
    const a = codeActions(text, f.range, [f]).find((x) => x.title.includes('N prefix'))!;
    assert.match(apply(text, a), /= N'Õie Mägi'/);
  });

  it('rewrites = NULL to IS NULL', () => {
    const text = 'SELECT * FROM dbo.Menetlus WHERE NoudeSumma = NULL';
    const s = text.indexOf('NoudeSumma');
    const f = { code: 'equals-null', range: { start: s, end: text.length } };
    const a = codeActions(text, f.range, [f]).find((x) => x.title === 'Use IS NULL')!;
    assert.equal(apply(text, a), 'SELECT * FROM dbo.Menetlus WHERE NoudeSumma IS NULL');
  });

  it('disables a rule for the next line, keeping indentation', () => {
    const text = 'BEGIN\n    DELETE FROM #varu;\nEND';
    const s = text.indexOf('DELETE');
    const f = { code: 'delete-without-where', range: { start: s, end: s + 17 } };
    const a = codeActions(text, f.range, [f]).find((x) => x.title.startsWith('Disable'))!;
    assert.equal(apply(text, a), 'BEGIN\n    -- etaitur-disable-next-line delete-without-where\n    DELETE FROM #varu;\nEND');
  });
});
