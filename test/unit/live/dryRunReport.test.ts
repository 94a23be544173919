// The dry-run report in both UI languages: the frame, our own reasons and warnings are translated;
// what SQL Server sent (messages, errors) stays as it came.
import { strict as assert } from 'node:assert';
import { planDryRun } from '../../../server/src/live/dryRun/rewrite';
import { renderDryRunMarkdown, type DryRunReport } from '../../../server/src/live/dryRun/report';

const SCRIPT = `USE arhiiv;
BEGIN TRAN;
UPDATE m SET Staatus = N'LÕPETATUD' FROM dbo.Menetlus m JOIN dbo.Isik i ON i.IsikId = m.VolgnikId WHERE i.Perenimi = N'Tamm';
EXEC sp_executesql N'UPDATE dbo.Arest SET Staatus = N''X'' WHERE ArestId = 1';
COMMIT;
`;

function report(): DryRunReport {
  const plan = planDryRun(SCRIPT, { database: 'ETAITUR_TEST', preview: {} });
  return {
    status: 'refused',
    database: 'ETAITUR_TEST',
    server: 'sql01',
    batches: [{ index: 0, firstLine: 1, counts: [{ line: 3, rows: 2 }], messages: [{ line: 3, text: 'Warning: Null value is eliminated by an aggregate.' }], errors: [{ number: 547, severity: 16, line: 3, text: 'The UPDATE statement conflicted with the FOREIGN KEY constraint.' }], elapsedMs: 12 }],
    refused: plan.refused,
    rewrites: plan.rewrites,
    warnings: plan.warnings,
    rolledBack: true,
    totalElapsedMs: 15,
    previewSkipped: plan.previewSkipped,
  };
}

describe('dry-run report languages', () => {
  it('plans reasons and warnings in both languages', () => {
    const r = report();
    assert.deepEqual(r.refused.map((x) => [x.line, x.what]), [[1, 'USE arhiiv']]);
    assert.match(r.refused[0].reasonEt, /valitud andmebaasis/);
    assert.deepEqual(r.previewSkipped?.map((x) => [x.line, x.reasonEt]), [[3, 'lausel on FROM-osa (ühendused või alias)']]);
    assert.deepEqual(r.warnings.map((w) => w.line), [4]);
  });

  it('renders Estonian without English frame text, and English by default', () => {
    const et = renderDryRunMarkdown(report(), 'et');
    for (const s of ['# Proovikäivitus: ETAITUR_TEST serveris sql01', '**Keeldutud:', '## Keeldutud laused', '| Rida | Lause | Miks |', 'proovikäivitus käib ainult valitud andmebaasis', '## Ümber kirjutatud transaktsioonilaused', '## Pakk 1 (alates realt 1, 12 ms)', '- ⚠ rida 4: dünaamilist SQL-i', '**Viga 547** real 3', '## Ridade eelvaateta', 'lõpp-ROLLBACK saadetud: jah']) {
      assert.ok(et.includes(s), `missing in Estonian: ${s}\n${et}`);
    }
    for (const s of ['Refused', 'Batch', 'Line', 'Rows affected', 'Why', 'the dry run runs only']) assert.ok(!et.includes(s), `English left in Estonian: ${s}`);
    assert.ok(et.includes('The UPDATE statement conflicted'), "the server's own error text is kept");
    const en = renderDryRunMarkdown(report());
    for (const s of ['# Dry run: ETAITUR_TEST on sql01', '## Refused statements', 'the dry run runs only against the chosen database', '- ⚠ line 4: dynamic SQL', '**Error 547** at line 3']) {
      assert.ok(en.includes(s), `missing in English: ${s}`);
    }
  });
});
