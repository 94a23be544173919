import * as assert from 'assert';
import { identifierName, lex, stringValue } from '../../../server/src/sql/lexer';

function types(text: string): string[] {
  return lex(text).tokens.filter((t) => t.type !== 'eof').map((t) => `${t.type}:${t.text}`);
}

describe('lexer', () => {
  it('separates words, quoted identifiers, variables and temp names', () => {
    assert.deepStrictEqual(types('SELECT [Menetlus Id], "Nimi", @Summa, @@ROWCOUNT FROM #Ajutine, ##Globaalne'), [
      'word:SELECT', 'quoted:[Menetlus Id]', 'op:,', 'quoted:"Nimi"', 'op:,', 'var:@Summa', 'op:,', 'sysvar:@@ROWCOUNT',
      'word:FROM', 'word:#Ajutine', 'op:,', 'word:##Globaalne',
    ]);
  });

  it('unescapes ]] in brackets and "" in quotes', () => {
    const toks = lex('[a]]b] "c""d"').tokens;
    assert.strictEqual(identifierName(toks[0]), 'a]b');
    assert.strictEqual(identifierName(toks[1]), 'c"d');
  });

  it("reads N'' and '' strings with '' escapes across lines", () => {
    const toks = lex("N'Jüri ''Õun''\nŠmidt' 'x'").tokens;
    assert.strictEqual(toks[0].type, 'nstring');
    assert.strictEqual(stringValue(toks[0]), "Jüri 'Õun'\nŠmidt");
    assert.strictEqual(toks[1].type, 'string');
    assert.strictEqual(stringValue(toks[1]), 'x');
  });

  it('classifies numbers, money and binary literals', () => {
    assert.deepStrictEqual(types('42 3.14 .5 1e3 2.5E-2 $12.50 0x1FAB'), [
      'integer:42', 'decimal:3.14', 'decimal:.5', 'float:1e3', 'float:2.5E-2', 'money:$12.50', 'binary:0x1FAB',
    ]);
  });

  it('reads two-character operators', () => {
    assert.deepStrictEqual(types('a += 1 b != c !< d !> e <> f <= g >= h OBJECT::x'), [
      'word:a', 'op:+=', 'integer:1', 'word:b', 'op:!=', 'word:c', 'op:!<', 'word:d', 'op:!>', 'word:e', 'op:<>', 'word:f',
      'op:<=', 'word:g', 'op:>=', 'word:h', 'word:OBJECT', 'op:::', 'word:x',
    ]);
  });

  it('collects line and nested block comments', () => {
    const r = lex('-- Redmine #4821\nSELECT /* väline /* sisemine */ veel */ 1');
    assert.deepStrictEqual(r.comments.map((c) => [c.text, c.block]), [
      ['-- Redmine #4821', false],
      ['/* väline /* sisemine */ veel */', true],
    ]);
    assert.deepStrictEqual(types('-- x\nSELECT /* a /* b */ c */ 1'), ['word:SELECT', 'integer:1']);
  });

  it('flags unterminated strings, identifiers and comments instead of throwing', () => {
    assert.ok(lex("SELECT 'abc").tokens.some((t) => t.type === 'string' && t.error));
    assert.ok(lex('SELECT [abc').tokens.some((t) => t.type === 'quoted' && t.error));
    assert.ok(lex('SELECT /* abc').tokens.some((t) => t.error === 'unterminated comment'));
  });

  it('marks tokens that start a line', () => {
    const toks = lex('SELECT 1\nGO 2').tokens;
    assert.deepStrictEqual(toks.map((t) => t.nl), [true, false, true, false, true]);
  });

  it('gives word tokens an upper-cased form and exact offsets', () => {
    const t = lex('  update dbo.Menetlus').tokens[0];
    assert.deepStrictEqual([t.upper, t.start, t.end], ['UPDATE', 2, 8]);
  });
  it('interns repeated words: exact text and upper case past table growth', () => {
    // 3000 distinct names (the word table starts at 1024 slots and grows), each used twice, mixed case
    const names = Array.from({ length: 3000 }, (_, i) => `Menetlus_${i}_Õ${i % 7}`);
    const text = names.map((n) => `UPDATE dbo.${n} SET Staatus = N'LÕPETATUD' WHERE ${n}.Id = ${n.length};`).join('\n');
    const words = lex(text).tokens.filter((t) => t.type === 'word');
    for (const t of words) {
      assert.strictEqual(t.text, text.slice(t.start, t.end));
      assert.strictEqual(t.upper, t.text.toUpperCase());
    }
    assert.strictEqual(new Set(words.map((t) => t.text)).size, 3000 + ['UPDATE', 'dbo', 'SET', 'Staatus', 'WHERE', 'Id'].length);
    // words differing only in case stay apart; a collision of hash and length still compares the characters
    // ("Aa" and "BB" have the same 31-polynomial hash and length)
    const cased = lex('nimi NIMI Nimi nimi Aa BB Aa BB').tokens.slice(0, 8).map((t) => t.text);
    assert.deepStrictEqual(cased, ['nimi', 'NIMI', 'Nimi', 'nimi', 'Aa', 'BB', 'Aa', 'BB']);
  });
  it('keeps words exact when many share one hash (crafted input stays linear: not interned past a few probes)', () => {
    // 4096 distinct 24-character words built from "Aa"/"BB" blocks, all with the same 31-polynomial hash
    const words = Array.from({ length: 1 << 12 }, (_, m) => Array.from({ length: 12 }, (_, b) => ((m >> b) & 1 ? 'Aa' : 'BB')).join(''));
    const text = words.map((w) => `UPDATE dbo.${w} SET Nimi = N'Õun' WHERE ${w}.Id = 1;`).join('\n');
    const toks = lex(text).tokens.filter((t) => t.type === 'word');
    assert.strictEqual(toks.length, words.length * 8);
    for (const t of toks) {
      assert.strictEqual(t.text, text.slice(t.start, t.end));
      assert.strictEqual(t.upper, t.text.toUpperCase());
    }
  });
});
