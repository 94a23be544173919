import * as assert from 'node:assert/strict';
import { langOf, msg, MESSAGE_KEYS } from '../../../server/src/features/messages';
import { codeActions } from '../../../server/src/features/codeActions';

describe('server messages (English and Estonian)', () => {
  it('every message has both languages, different where words are translated, with the same placeholders', () => {
    for (const k of MESSAGE_KEYS) {
      const en = msg('en', k);
      const et = msg('et', k);
      assert.ok(en && et, k);
      assert.deepEqual(en.match(/\{\d\}/g) ?? [], et.match(/\{\d\}/g) ?? [], k);
    }
    assert.equal(msg('et', 'didYouMean', 'Staatus'), "Kas mõtlesite 'Staatus'?");
  });

  it('reads the UI language from the locale', () => {
    assert.equal(langOf('et'), 'et');
    assert.equal(langOf('ET-ee'), 'et');
    assert.equal(langOf('en-US'), 'en');
    assert.equal(langOf('eto'), 'en');
    assert.equal(langOf(undefined), 'en');
  });

  it('code-action titles follow the language', () => {
    const text = "UPDATE dbo.Menetlus SET Nimi = 'Õun' WHERE Staatus = NULL;";
    const findings = [
      { code: 'non-ascii-without-n', range: { start: text.indexOf("'Õun'"), end: text.indexOf("'Õun'") + 5 } },
      { code: 'equals-null', range: { start: text.indexOf('Staatus = NULL'), end: text.indexOf('Staatus = NULL') + 14 } },
    ];
    const titles = codeActions(text, { start: 0, end: text.length }, findings, undefined, 'et').map((a) => a.title);
    assert.deepEqual(titles, ["Lisa N-eesliide (N'...')", 'Kasuta IS NULL', 'Mähi valik turvalisse parandusmalli',
      'Lülita non-ascii-without-n selle rea jaoks välja', 'Lülita equals-null selle rea jaoks välja']);
  });
});
