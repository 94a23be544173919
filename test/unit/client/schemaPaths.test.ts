import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isGlob, planSchemaPaths } from '../../../client/src/schema/schemaPaths';

describe('planSchemaPaths', () => {
  const base = path.resolve('/srv/etaitur-andmebaas');

  it('resolves folders and files against the workspace folder, keeps absolute paths', () => {
    const plan = planSchemaPaths(['schema', 'Tables/dbo.Menetlus.sql', '/opt/ddl/Võlgnik.sql'], base);
    assert.deepEqual(plan.paths, [path.join(base, 'schema'), path.join(base, 'Tables/dbo.Menetlus.sql'), path.resolve('/opt/ddl/Võlgnik.sql')]);
    assert.deepEqual(plan.globs, []);
  });

  it('passes globs through for the workspace file search and drops blank entries', () => {
    const plan = planSchemaPaths(['Tables\\**\\*.sql', '  ', '', 'Views/{dbo,ait}.*.sql'], base);
    assert.deepEqual(plan.globs, ['Tables/**/*.sql', 'Views/{dbo,ait}.*.sql']);
    assert.deepEqual(plan.paths, []);
  });

  it('tells globs from paths', () => {
    assert.equal(isGlob('schema/*.sql'), true);
    assert.equal(isGlob('schema/Menetlus[1].sql'), true);
    assert.equal(isGlob('schema/etaitur.sql'), false);
  });
});
