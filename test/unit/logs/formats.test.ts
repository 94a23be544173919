import { strict as assert } from 'node:assert';
import { parseClefLine, renderTemplate } from '../../../client/src/logs/clef';
import { parseEntries } from '../../../client/src/logs/entries';
import { DEFAULT_PATTERNS, compileLayout, matchHeader } from '../../../client/src/logs/textLayout';
import { LogFormat } from '../../../client/src/logs/model';
import { entries as genEntries, generateText } from './generateLogs';

const fmt = (flavour: 'serilog' | 'nlog' | 'log4net'): LogFormat => ({ kind: 'text', flavour, pattern: DEFAULT_PATTERNS[flavour] });

describe('logs: CLEF', () => {
  it('renders @mt with properties and reads level, time, exception', () => {
    const e = parseClefLine(String.raw`{"@t":"2026-11-24T08:15:02.123Z","@mt":"Arestimine ebaõnnestus menetluses {MenetlusNumber}","@l":"Error","@x":"System.InvalidOperationException: Arest on juba lõpetatud\n   at ETaitur.Arest.ArestService.Salvesta(Int32 id) in C:\\src\\ETaitur\\Arest\\ArestService.cs:line 42","MenetlusNumber":"184/2025/1234","UserId":42,"SourceContext":"ETaitur.Arest.ArestService"}`, 'a.json', 3)!;
    assert.equal(e.message, 'Arestimine ebaõnnestus menetluses 184/2025/1234');
    assert.equal(e.level, 'Error');
    assert.equal(e.timeMs, Date.UTC(2026, 10, 24, 8, 15, 2, 123));
    assert.equal(e.properties.UserId, 42);
    assert.match(e.exception!, /ArestService\.cs:line 42/);
    assert.equal(e.line, 3);
  });
  it('defaults a missing @l to Information and keeps @m when present', () => {
    const e = parseClefLine('{"@t":"2026-11-24T08:00:00Z","@m":"Valmis","@mt":"{X}","X":1}', 'a', 1)!;
    assert.equal(e.level, 'Information');
    assert.equal(e.message, 'Valmis');
  });
  it('renders escaped braces, formats and destructured properties', () => {
    assert.equal(renderTemplate('{{x}} {@Dto} {N:000} {Missing}', { Dto: { Id: 1 }, N: 5 }), '{x} {"Id":1} 5 {Missing}');
  });
  it('keeps invalid JSON lines and a torn last line as text', () => {
    const text = generateText('clef', 1, 3) + 'not json at all\n' + '{"@t":"2026-11-24T08:00:00Z","@mt":"Toimi';
    const es = parseEntries(text, { kind: 'clef' }, 'x.json');
    assert.equal(es.length, 5);
    assert.equal(es[3].unparsed, true);
    assert.equal(es[3].message, 'not json at all');
    assert.equal(es[4].unparsed, true);
    assert.match(es[4].raw, /Toimi$/);
  });
});

describe('logs: text layouts', () => {
  for (const flavour of ['serilog', 'nlog', 'log4net'] as const) {
    it(`${flavour}: one entry per generated entry, stack traces kept whole`, () => {
      const gen = [...genEntries(5, Date.UTC(2026, 10, 20), 200)];
      const es = parseEntries(generateText(flavour, 5, 200, Date.UTC(2026, 10, 20)), fmt(flavour), 'f.log');
      assert.equal(es.length, 200);
      es.forEach((e, i) => {
        assert.equal(e.level, gen[i].level, `entry ${i}`);
        assert.equal(e.timeMs, gen[i].time.getTime());
        assert.ok(!e.unparsed);
        if (gen[i].exception && flavour !== 'nlog') assert.match(e.exception!, /:line \d+/);
      });
      if (flavour !== 'serilog') assert.equal(es[0].properties.SourceContext, gen[0].ctx);
    });
  }
  it('parses a custom Serilog pattern with a SourceContext', () => {
    const l = compileLayout('serilog', '[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}');
    assert.equal(l.header.test('[2026-11-24 08:00:00 INF] ETaitur.Arest.ArestService: Tere'), true);
    const h = matchHeader(l, '[2026-11-24 08:00:00 WRN] ETaitur.Arest.ArestService: Ärge muretsege')!;
    assert.equal(h.level, 'Warning');
    assert.equal(h.logger, 'ETaitur.Arest.ArestService');
    assert.equal(h.message, 'Ärge muretsege');
  });
  it('log4net with a torn last line and a comma in milliseconds', () => {
    const es = parseEntries('2026-11-24 08:00:00,123 [5] ERROR ETaitur.Arest.ArestService - Viga\nSystem.Exception: x\n   at A.B.C() in C:\\a\\B.cs:line 1\n2026-11-24 08:00:01,5', fmt('log4net'), 'a.log');
    assert.equal(es.length, 2);
    assert.equal(es[0].timeMs, Date.UTC(2026, 10, 24, 8, 0, 0, 123));
    assert.match(es[0].exception!, /B\.cs:line 1/);
  });
  it('does not crash on garbage', () => {
    const es = parseEntries('\u0000\u0001{{{{\n\n]]]\n', fmt('nlog'), 'g.log');
    assert.ok(es.every((e) => e.unparsed));
  });
});
