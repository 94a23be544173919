import { strict as assert } from 'node:assert';
import { entryMatcher, parsePropertyFilter, parseQueryString } from '../../../client/src/logs/query';
import { parseClefLine } from '../../../client/src/logs/clef';

describe('logs: query', () => {
  it('parses the search box', () => {
    const q = parseQueryString('level:Warning from:2026-11-24 to:2026-11-25 UserId=42 SourceContext^=ETaitur.Arest Arestimine ebaõnnestus');
    assert.equal(q.minLevel, 'Warning');
    assert.equal(q.fromMs, Date.UTC(2026, 10, 24));
    assert.equal(q.toMs, Date.UTC(2026, 10, 25));
    assert.deepEqual(q.properties, [{ name: 'UserId', op: '=', value: '42' }, { name: 'SourceContext', op: 'startsWith', value: 'ETaitur.Arest' }]);
    assert.equal(q.text, 'Arestimine ebaõnnestus');
    const r = parseQueryString('/Menetlus(e|es) \\d+/ level:err');
    assert.equal(r.regex, true);
    assert.equal(r.text, 'Menetlus(e|es) \\d+');
    assert.equal(r.minLevel, 'Error');
  });
  it('parses property filters in words', () => {
    assert.deepEqual(parsePropertyFilter('SourceContext starts with ETaitur.Arest'), { name: 'SourceContext', op: 'startsWith', value: 'ETaitur.Arest' });
    assert.deepEqual(parsePropertyFilter("Register != 'Äriregister'"), { name: 'Register', op: '!=', value: 'Äriregister' });
    assert.equal(parsePropertyFilter('???'), undefined);
  });
  it('matches entries on numbers and strings', () => {
    const e = parseClefLine('{"@t":"2026-11-24T10:00:00Z","@mt":"Toiming {ToimingId} salvestatud","@l":"Warning","ToimingId":7,"UserId":42,"SourceContext":"ETaitur.Arest.ArestService"}', 'a', 1)!;
    assert.equal(entryMatcher(parseQueryString('UserId=42 level:Warning salvestatud'))(e), true);
    assert.equal(entryMatcher(parseQueryString('UserId=4'))(e), false);
    assert.equal(entryMatcher(parseQueryString('level:Error'))(e), false);
    assert.equal(entryMatcher(parseQueryString('SourceContext^=ETaitur.Menetlus'))(e), false);
    assert.equal(entryMatcher(parseQueryString('from:2026-11-25'))(e), false);
  });
});
