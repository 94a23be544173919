import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseScript } from '../../../server/src/sql/parser';
import { commonPrefix, commonSuffix, reparse, type ReparseStats } from '../../../server/src/lsp/incrementalParse';
import { rng } from '../../support/rng';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');
const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.sql')).sort().map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));

const SCRIPT = [
  "SET XACT_ABORT ON;",
  "GO",
  "SELECT m.Id INTO #vana FROM dbo.Menetlus m WHERE m.Staatus = N'AVATUD';",
  "GO -- varukoopia",
  "BEGIN TRAN;",
  "UPDATE dbo.Menetlus SET Staatus = N'LÕPETATUD' WHERE Id IN (SELECT Id FROM #vana);",
  "/* kontroll */ IF @@ROWCOUNT <> 1 ROLLBACK ELSE COMMIT;",
  "GO",
  "DECLARE @nimi nvarchar(100) = N'Mägi';",
  "UPDATE [dbo].[Isik] SET [Perenimi] = @nimi WHERE Isikukood = '39001010002';",
  "GO 2",
  "PRINT 'valmis';",
  "",
].join('\n');

/** Applies one edit and checks the incremental tree equals a full parse of the new text. */
function check(oldText: string, at: number, remove: number, insert: string): ReparseStats {
  const old = parseScript(oldText);
  const newText = oldText.slice(0, at) + insert + oldText.slice(at + remove);
  let stats: ReparseStats | undefined;
  const got = reparse(oldText, old, newText, (s) => { stats = s; });
  assert.deepStrictEqual(got, parseScript(newText), `edit at ${at} -${remove} +${JSON.stringify(insert)}`);
  return stats!;
}

describe('incremental parse (per GO batch)', () => {
  it('re-parses only the batch that was typed in, reusing the others', () => {
    const at = SCRIPT.indexOf('Staatus = N\'LÕPETATUD\'');
    const s = check(SCRIPT, at, 0, 'x');
    assert.equal(s.full, false);
    assert.equal(s.reusedBefore, 2);
    assert.equal(s.parsed, 1);
    assert.equal(s.reusedAfter, 2);
  });

  it('typing after a GO (the next batch starts right there) re-parses two batches, not the whole script', () => {
    const go = SCRIPT.indexOf('\nGO\nDECLARE') + 3;
    const spaced = SCRIPT.slice(0, go) + '  ' + SCRIPT.slice(go);
    for (const [from, at, remove, insert] of [[SCRIPT, go, 0, ' '], [spaced, go, 2, ''], [spaced, go + 1, 1, ''], [SCRIPT, go - 4, 0, ';']] as const) {
      const s = check(from, at, remove, insert);
      assert.equal(s.full, false, `edit at ${at} -${remove} +${JSON.stringify(insert)}`);
      assert.ok(s.reusedBefore + s.reusedAfter >= 2);
    }
    // One edit spanning the end of the line before the GO and the GO line itself (the bench's keystroke pattern).
    const oldText = SCRIPT.slice(0, go - 3) + '  ' + SCRIPT.slice(go - 3);
    const newText = SCRIPT.slice(0, go) + ' ' + SCRIPT.slice(go);
    let stats: ReparseStats | undefined;
    assert.deepStrictEqual(reparse(oldText, parseScript(oldText), newText, (x) => { stats = x; }), parseScript(newText));
    assert.equal(stats!.full, false);
  });

  it('finds the common prefix and suffix exactly (chunked comparison), also around surrogate pairs and chunk edges', () => {
    const r = rng(99);
    const alphabet = ['a', 'G', 'O', '\n', ' ', 'õ', 'ä', '😀', "N'", ';'];
    const naive = (a: string, b: string) => {
      let p = 0;
      while (p < Math.min(a.length, b.length) && a[p] === b[p]) p++;
      let s = 0;
      while (s < Math.min(a.length, b.length) - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
      return [p, s];
    };
    for (let i = 0; i < 300; i++) {
      let a = '';
      const n = Math.floor(r() * (i % 3 === 0 ? 9000 : 300));
      for (let k = 0; k < n; k++) a += alphabet[Math.floor(r() * alphabet.length)];
      const at = Math.floor(r() * (a.length + 1));
      const b = a.slice(0, at) + (r() < 0.7 ? alphabet[Math.floor(r() * alphabet.length)] : '') + a.slice(Math.min(a.length, at + Math.floor(r() * 3)));
      const p = commonPrefix(a, b);
      assert.deepStrictEqual([p, commonSuffix(a, b, Math.min(a.length, b.length) - p)], naive(a, b), `case ${i}`);
    }
    assert.equal(commonPrefix('x'.repeat(5000), 'x'.repeat(5000)), 5000);
    assert.equal(commonSuffix('y' + 'x'.repeat(4096), 'z' + 'x'.repeat(4096), 4097), 4096);
  });

  it('moves the batches after the edit (temp tables, comments, GO n keep their places)', () => {
    check(SCRIPT, SCRIPT.indexOf('SET XACT_ABORT'), 0, '-- algus\nPRINT 1;\n');
    check(SCRIPT, SCRIPT.indexOf('#vana FROM'), 5, '#uus');
  });

  it('falls back correctly when the edit adds, removes or hides a GO', () => {
    check(SCRIPT, SCRIPT.indexOf('BEGIN TRAN'), 0, 'GO\n');
    const go = SCRIPT.indexOf('\nGO\nDECLARE') + 1;
    check(SCRIPT, go, 3, '');
    check(SCRIPT, go, 0, '/* ');
    check(SCRIPT, go + 2, 0, ' x');
    check(SCRIPT, SCRIPT.indexOf("N'Mägi'"), 0, "'");
    check(SCRIPT, SCRIPT.indexOf('GO -- varukoopia') + 2, 0, ' 3');
  });

  it('equals a full parse after 3,000 random edits of the corpus scripts', () => {
    const r = rng(4242);
    const pieces = ['x', ' ', '\n', 'GO', '\nGO\n', "'", "N'", '/*', '*/', '--', '[', ']', '(', ')', ';', 'BEGIN ', 'END', 'õ', '\r\n', '"'];
    let reused = 0;
    for (let i = 0; i < 2000; i++) {
      const text = corpus[i % corpus.length] + '\nGO\n' + corpus[(i * 7 + 3) % corpus.length];
      const at = Math.floor(r() * (text.length + 1));
      const remove = r() < 0.3 ? Math.floor(r() * 12) : 0;
      const insert = r() < 0.8 ? pieces[Math.floor(r() * pieces.length)] : '';
      const s = check(text, at, remove, insert);
      if (!s.full && s.reusedBefore + s.reusedAfter > 0) reused++;
    }
    assert.ok(reused > 1000, `batches were reused in only ${reused} of 2000 edits`);
  });

  it('chains: each result is the base for the next edit', () => {
    const r = rng(7);
    let text = SCRIPT;
    let tree = parseScript(text);
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(r() * (text.length + 1));
      const next = text.slice(0, at) + (r() < 0.5 ? 'a' : r() < 0.5 ? '\nGO\n' : '') + text.slice(at + (r() < 0.3 ? 1 : 0));
      tree = reparse(text, tree, next);
      text = next;
      assert.deepStrictEqual(tree, parseScript(text));
    }
  });

  it('with reuseAfter=false reuses only the batches before the edit and leaves the old tree untouched', () => {
    const old = parseScript(SCRIPT);
    const copy = structuredClone(old);
    const cursor = SCRIPT.indexOf('WHERE Id IN');
    const end = SCRIPT.indexOf('\nGO\nDECLARE') + 4;
    const probe = SCRIPT.slice(0, cursor) + 'etaitur_kursor_0 ' + SCRIPT.slice(cursor, end);
    let stats: ReparseStats | undefined;
    const got = reparse(SCRIPT, old, probe, (s) => { stats = s; }, false);
    assert.deepStrictEqual(got, parseScript(probe));
    assert.deepStrictEqual(old, copy);
    assert.equal(stats!.reusedBefore, 2);
    assert.equal(stats!.reusedAfter, 0);
  });
});
