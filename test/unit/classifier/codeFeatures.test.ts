// Completion of classifier codes in fix scripts and hover on a code literal (names in et/en/ru).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClassifierCatalog } from '../../../server/src/classifier/catalog';
import { complete } from '../../../server/src/features/completion';
import { hover } from '../../../server/src/features/hover';
import { fixtureSchema } from '../rules/helpers';

const KLASS_FILE = path.join(__dirname, '../../fixtures/classifiers/menetluse-staatus.klass');
const catalog = ClassifierCatalog.fromFiles([{ file: KLASS_FILE, text: readFileSync(KLASS_FILE, 'utf8') }], '2026-11-24');

/** Completion at the `|` in the text. */
function at(textWithCursor: string, classifiers: ClassifierCatalog | null = catalog) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const r = complete(text, offset, fixtureSchema(), classifiers ?? undefined);
  return { r, text, offset, apply: (label: string) => {
    const item = r.items.find((i) => i.label === label)!;
    return text.slice(0, r.replaceStart) + (item.insertText ?? item.label) + text.slice(offset);
  } };
}

describe('classifier codes: completion', () => {
  it('offers the codes with their names after `Column =` (foreign key to the classifier), quoted for you', () => {
    const { r, apply } = at('UPDATE dbo.Menetlus SET Staatus = | WHERE MenetlusId = 12;');
    assert.deepEqual(r.items.map((i) => i.label), ['01', '02', '03', 'NO']);
    assert.equal(r.items[0].kind, 'value');
    assert.equal(r.items[0].detail, 'Menetluses / In proceedings / В производстве');
    assert.match(r.items[3].detail!, /\(expired 2019-12-31\)$/);
    assert.match(r.items[3].documentation!, /use 03/);
    assert.equal(apply('02'), "UPDATE dbo.Menetlus SET Staatus = N'02' WHERE MenetlusId = 12;");
  });

  it('inside N\'…\' it completes the prefix and closes the quote unless the editor already did', () => {
    const a = at("SELECT * FROM dbo.Menetlus m WHERE m.Staatus = N'0|");
    assert.deepEqual(a.r.items.map((i) => i.label), ['01', '02', '03']);
    assert.equal(a.apply('03'), "SELECT * FROM dbo.Menetlus m WHERE m.Staatus = N'03'");
    const b = at("SELECT * FROM dbo.Menetlus m WHERE m.Staatus <> N'|'");
    assert.equal(b.apply('NO'), "SELECT * FROM dbo.Menetlus m WHERE m.Staatus <> N'NO'");
  });

  it('works in an IN list and for the classifier table\'s own key', () => {
    assert.deepEqual(at("DELETE FROM dbo.Toiming WHERE MenetlusId IN (SELECT MenetlusId FROM dbo.Menetlus WHERE Staatus IN (N'01', N'|").r.items.map((i) => i.label), ['01', '02', '03', 'NO']);
    assert.equal(at('SELECT Nimetus FROM dbo.MenetluseStaatus WHERE Kood = |').r.items.length, 4);
  });

  it('offers no codes for other columns or without classifier files', () => {
    assert.ok(!at('UPDATE dbo.Arest SET Staatus = | WHERE ArestId = 1;').r.items.some((i) => i.kind === 'value'));
    assert.ok(!at('UPDATE dbo.Menetlus SET Number = | WHERE MenetlusId = 1;').r.items.some((i) => i.kind === 'value'));
    assert.ok(!at('UPDATE dbo.Menetlus SET Staatus = | WHERE MenetlusId = 1;', null).r.items.some((i) => i.kind === 'value'));
  });
});

describe('classifier codes: hover', () => {
  const h = (textWithCursor: string, classifiers: ClassifierCatalog | null = catalog) => {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    return { h: hover(text, offset, fixtureSchema(), classifiers ?? undefined), text };
  };

  it('shows the names in Estonian, English and Russian over the literal', () => {
    const { h: r, text } = h("GO\nUPDATE dbo.Menetlus SET Staatus = N'0|3' WHERE MenetlusId = 12;");
    assert.ok(r);
    assert.equal(text.slice(r.start, r.end), "N'03'");
    assert.match(r.markdown, /\*\*MENETLUSE_STAATUS\*\* `03`/);
    assert.match(r.markdown, /\| et \| Lõpetatud \|\n\| en \| Closed \|\n\| ru \| Завершено \|/);
  });

  it('warns on an expired code and names the replacement; says so for an unknown code', () => {
    assert.match(h("SELECT * FROM dbo.Menetlus WHERE Staatus = 'N|O'").h!.markdown, /expired 2019-12-31: use 03 — kehtis kuni 2019-12-31: kasuta koodi 03/);
    assert.match(h("SELECT * FROM dbo.Menetlus WHERE Staatus = 'X|X'").h!.markdown, /Not a code of this classifier/);
  });

  it('leaves other literals to the other hovers', () => {
    assert.equal(h("SELECT * FROM dbo.Menetlus WHERE Number = N'T-|1'").h, undefined);
    assert.equal(h("SELECT * FROM dbo.Menetlus WHERE Staatus = N'0|3'", null).h, undefined);
  });
});
