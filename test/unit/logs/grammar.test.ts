import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Rule { match?: string; patterns?: Rule[] }
const grammar = JSON.parse(readFileSync(path.join(__dirname, '../../../syntaxes/log.tmLanguage.json'), 'utf8')) as { scopeName: string; repository: Record<string, Rule> };
const re = (name: string) => new RegExp(grammar.repository[name].match!, 'm');

describe('logs: TextMate grammar', () => {
  it('has scope text.log.etaitur and highlights frames, levels, timestamps, exceptions', () => {
    assert.equal(grammar.scopeName, 'text.log.etaitur');
    const m = re('frame').exec('   at ETaitur.Arest.ArestService.Salvesta(Int32 id) in C:\\src\\ETaitur\\Arest\\ArestService.cs:line 42')!;
    assert.equal(m[2], 'ETaitur.Arest.ArestService.Salvesta');
    assert.equal(m[7], '42');
    assert.equal(re('timestamp').exec('2026-11-24 08:15:02.123 +02:00 [ERR] x')![0], '2026-11-24 08:15:02.123 +02:00');
    assert.equal(re('exception').exec('System.InvalidOperationException: Arest on juba lõpetatud')![1], 'System.InvalidOperationException');
    const levels = grammar.repository.level.patterns!.map((p) => new RegExp(p.match!));
    assert.ok(levels[0].test('[ERR]') && levels[1].test('|WARN|') && !levels[0].test('ERRATA'));
  });
});
