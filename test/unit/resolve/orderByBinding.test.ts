import { strict as assert } from 'node:assert';
import { parseScript } from '../../../server/src/sql/parser';
import { resolveScript } from '../../../server/src/resolve';
import type { ColumnRef } from '../../../server/src/sql/ast';
import { walk } from '../../../server/src/sql/visit';
import { fixtureSchema } from '../rules/helpers';

function columnRefs(script: object): ColumnRef[] {
  const out: ColumnRef[] = [];
  walk(script, (n) => { if (n.kind === 'ColumnRef') out.push(n as unknown as ColumnRef); });
  return out;
}

describe('resolve: ORDER BY a select-list column', () => {
  it('binds a bare ORDER BY name to the one select-list column of that name, not ambiguously to the join', () => {
    const sql = 'SELECT m.MenetlusId, mk.Summa FROM dbo.Menetlus m JOIN dbo.Makse mk ON mk.MenetlusId = m.MenetlusId ORDER BY MenetlusId DESC';
    const script = parseScript(sql);
    const res = resolveScript(script, fixtureSchema());
    assert.equal(res.ambiguousColumns?.length ?? 0, 0);
    const last = columnRefs(script).filter((r) => r.column.name === 'MenetlusId').sort((a, b) => b.range.start - a.range.start)[0];
    assert.equal(sql.slice(last.range.start - 9, last.range.start), 'ORDER BY ');
    assert.equal(res.columns.get(last)?.source.table?.name, 'Menetlus');
  });
});
