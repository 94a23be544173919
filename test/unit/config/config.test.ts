import { strict as assert } from 'node:assert';
import { parseConfig, ConfigError } from '../../../server/src/config/config';
import { checkScript } from '../../../server/src/check/checkScript';

const known = new Set(['no-transaction', 'update-without-where', 'equals-null']);

describe('config: etaitur.json', () => {
  it('parses rules, schema and caseSensitive', () => {
    const c = parseConfig('{"rules": {"no-transaction": "off", "equals-null": "error"}, "schema": {"snapshot": "schema.json"}, "caseSensitive": true}', known);
    assert.deepEqual(c.rules, { 'no-transaction': 'off', 'equals-null': 'error' });
    assert.equal(c.schema?.snapshot, 'schema.json');
    assert.equal(c.caseSensitive, true);
  });
  it('gives clear errors', () => {
    assert.throws(() => parseConfig('{', known), ConfigError);
    assert.throws(() => parseConfig('{"rules": {"no-transaction": "loud"}}', known), /"rules"."no-transaction" must be/);
    assert.throws(() => parseConfig('{"rules": {"puudub": "off"}}', known), /unknown rule id "puudub"/);
    assert.throws(() => parseConfig('[]', known), /JSON object/);
  });
  it('severities and "off" apply in checkScript', () => {
    const sql = "UPDATE dbo.Menetlus SET Staatus = N'A'";
    const off = checkScript(sql, { config: { rules: { 'update-without-where': 'off' }, caseSensitive: false } }).findings;
    assert.ok(!off.some((f) => f.code === 'update-without-where'));
    const info = checkScript(sql, { config: { rules: { 'update-without-where': 'info' }, caseSensitive: false } }).findings;
    assert.equal(info.find((f) => f.code === 'update-without-where')?.severity, 'info');
  });
});

describe('config: inline disables', () => {
  const codesOf = (sql: string) => checkScript(sql).findings.map((f) => f.code);
  const UPD = "UPDATE dbo.Menetlus SET Staatus = N'A'";
  it('disable-next-line with ids', () => {
    assert.ok(!codesOf(`-- etaitur-disable-next-line update-without-where, no-transaction\n${UPD}`).some((c) => c === 'update-without-where' || c === 'no-transaction'));
    assert.ok(codesOf(`-- etaitur-disable-next-line equals-null\n${UPD}`).includes('update-without-where'));
  });
  it('disable-line and blocks; no id means all', () => {
    assert.ok(!codesOf(`${UPD} -- etaitur-disable-line update-without-where`).includes('update-without-where'));
    const block = `-- etaitur-disable\n${UPD}\n-- etaitur-enable\n${UPD}`;
    assert.equal(codesOf(block).filter((c) => c === 'update-without-where').length, 1);
  });
});
