import { strict as assert } from 'node:assert';
import { JitWarmup } from '../../../server/src/lsp/jitWarmup';

const SCRIPT = `BEGIN TRAN;
UPDATE [dbo].[Menetlus] SET Staatus = N'LÕPETATUD' WHERE MenetlusId = 4211;
IF @@ROWCOUNT <> 1 ROLLBACK; ELSE COMMIT;
GO
`;

/** Waits (event-loop turns, no fixed sleep) until `cond` holds, failing after 5 s. */
async function until(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('language server: idle warm-up of the checker', () => {
  it('checks only while idle and stops once its budget is spent', async () => {
    const log: string[] = [];
    let idleCalls = 0;
    const w = new JitWarmup(3, () => { idleCalls++; log.push('idle?'); return idleCalls > 3; }, () => {
      log.push('check');
      const t = performance.now();
      while (performance.now() - t < 0.5) { /* a check that takes 0.5 ms */ }
    });
    w.offer({ text: SCRIPT });
    assert.equal(w.active, true);
    await until(() => !w.active);
    assert.ok(w.spent >= 3, `spent ${w.spent}`);
    assert.ok(log.indexOf('check') > 3, 'no check before the fourth idle answer');
    const checks = log.filter((x) => x === 'check').length;
    assert.ok(checks >= 1 && checks <= 6, `${checks} checks of at least 0.5 ms for a 3 ms budget`);
    w.offer({ text: SCRIPT });
    assert.equal(w.active, false, 'a spent budget starts nothing');
  });

  it('does nothing after dispose', async () => {
    let checks = 0;
    const w = new JitWarmup(100, () => true, () => { checks++; });
    w.offer({ text: SCRIPT });
    w.dispose();
    await until(() => !w.active);
    assert.equal(checks, 0);
  });

  it('warms with at most ~48 KB of a long script, cut at a line end', async () => {
    const seen: string[] = [];
    const w = new JitWarmup(1, () => true, (text) => {
      seen.push(text);
      const t = performance.now();
      while (performance.now() - t < 1) { /* spend the budget */ }
    });
    w.offer({ text: SCRIPT.repeat(1_000) });
    await until(() => !w.active);
    assert.equal(seen.length, 1);
    assert.ok(seen[0].length <= 48_000 && seen[0].length > 40_000, String(seen[0].length));
    assert.ok(seen[0].endsWith('\n') && SCRIPT.repeat(1_000).startsWith(seen[0]));
  });

  it('stops for good when a warm-up check throws', async () => {
    let checks = 0;
    const w = new JitWarmup(1_000, () => true, () => { checks++; throw new Error('broken schema'); });
    w.offer({ text: SCRIPT });
    await until(() => !w.active);
    assert.equal(checks, 1);
    w.offer({ text: SCRIPT });
    assert.equal(w.active, false);
  });
});
