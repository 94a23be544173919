// Round trip: the fixture classifier, deployed against the fixture schema, passes the project's own checker.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { validateClassifier } from '../../../server/src/classifier/validate';
import { generateDeploySql } from '../../../server/src/classifier/deploySql';
import { checkScript } from '../../../server/src/check';
import { loadDdlSchema } from '../../../server/src/schema/ddlSource';
import type { Schema } from '../../../server/src/schema/model';

const FIXTURES = path.join(__dirname, '../../fixtures');
const fixture = readFileSync(path.join(FIXTURES, 'classifiers/menetluse-staatus.klass'), 'utf8');

/** The fixture file maps every column of dbo.MenetluseStaatus in the fixture schema (et/en/ru names, order). */
const fitted = fixture;

describe('classifier deploy SQL through the checker', () => {
  let schema: Schema;
  before(async () => { schema = (await loadDdlSchema([path.join(FIXTURES, 'schema/etaitur.sql')])).schema; });

  for (const removed of ['deactivate', 'delete', 'keep'] as const) {
    it(`is clean with removed ${removed}`, () => {
      const file = parseClassifier(fitted.replace(/^removed\s+\w+/m, `removed     ${removed}`));
      assert.deepEqual(validateClassifier(file, { schema }).filter((p) => p.severity !== 'info'), []);
      const sql = generateDeploySql(file, { schema, sourceName: 'menetluse-staatus.klass', today: '2026-11-24' });
      assert.match(sql, /MERGE/);
      const findings = checkScript(sql, { schema }).findings;
      assert.deepEqual(findings.map((f) => `${f.code} ${f.severity} @${f.range.start}: ${f.message} [${sql.slice(f.range.start, f.range.end).slice(0, 80)}]`), []);
    });
  }

  it('the checker does flag a broken variant (the test can fail)', () => {
    const sql = generateDeploySql(parseClassifier(fitted), { schema, today: '2026-11-24' }).replace('[KehtivKuni]', '[KehtivKuuni]');
    assert.ok(checkScript(sql, { schema }).findings.some((f) => f.severity === 'error'));
  });
});
