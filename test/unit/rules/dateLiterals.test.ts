import { strict as assert } from 'node:assert';
import { findings, tx } from './helpers';

/** The type-mismatch messages for one UPDATE of dbo.Menetlus.AlgusKuupaev (date) and dbo.Toiming.Kuupaev (datetime). */
function mismatches(dateValue: string, datetimeValue = "'2024-01-31T10:00:00'"): string[] {
  const sql = tx(`UPDATE dbo.Menetlus SET AlgusKuupaev = ${dateValue} WHERE MenetlusId = 7;
UPDATE dbo.Toiming SET Kuupaev = ${datetimeValue} WHERE ToimingId = 7;`);
  return findings(sql).filter((f) => f.code === 'type-mismatch').map((f) => f.message);
}

describe('type-mismatch: date strings', () => {
  it("accepts 'YYYY-MM-DD', 'YYYYMMDD', ISO 8601 with T (and Z), and a time of day", () => {
    for (const [d, dt] of [
      ["'2026-11-24'", "'2026-11-24'"],
      ["'20261124'", "'20261124 23:59:59'"],
      ["'2026-11-24'", "'2026-11-24T08:30:00.123'"],
      ["N'2024-02-29'", "'2026-11-24T08:30:00Z'"],
      ["'2026-11-24'", "'08:30'"],
    ]) assert.deepEqual(mismatches(d, dt), [], `${d} / ${dt}`);
  });

  it('reports DATEFORMAT-dependent forms with the ISO advice, in English and Estonian', () => {
    for (const v of ["'24.11.2026'", "'11/24/2026'", "'24/11/2026'", "'2026/11/24'", "'24 nov 2026'", "N'24.11.26'"]) {
      const m = mismatches(v);
      assert.equal(m.length, 1, v);
      assert.match(m[0], /DATEFORMAT.*'YYYY-MM-DD' or 'YYYYMMDD'/, v);
    }
    const sql = tx("UPDATE dbo.Menetlus SET AlgusKuupaev = '24.11.2026' WHERE MenetlusId = 7;");
    const f = findings(sql).find((x) => x.code === 'type-mismatch');
    assert.match(f?.messageEt ?? '', /AAAA-KK-PP/);
  });

  it('reports impossible dates and times as plain conversion errors', () => {
    assert.deepEqual(mismatches("'2026-02-29'"), ["'2026-02-29' cannot be converted to date (column AlgusKuupaev)."]);
    assert.deepEqual(mismatches("'20261324'"), ["'20261324' cannot be converted to date (column AlgusKuupaev)."]);
    assert.deepEqual(mismatches("'2026-11-24'", "'2026-11-24T25:00:00'"), ["'2026-11-24T25:00:00' cannot be converted to datetime (column Kuupaev)."]);
    assert.deepEqual(mismatches("'2026-11-24'", "'1700-01-01'"), ["'1700-01-01' cannot be converted to datetime (column Kuupaev)."]);
  });

  it('checks comparisons and BETWEEN too', () => {
    const sql = "SELECT MenetlusId FROM dbo.Menetlus WHERE AlgusKuupaev BETWEEN '01.01.2026' AND '2026-12-31' OR LoppKuupaev = '20261124'";
    assert.deepEqual(findings(sql).filter((f) => f.code === 'type-mismatch').map((f) => sql.slice(f.range.start, f.range.end)), ["'01.01.2026'"]);
  });
});
