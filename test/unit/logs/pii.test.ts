import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { incidentReport } from '../../../client/src/logs/incidentReport';
import { detectPii, ibanValid, maskPii } from '../../../client/src/logs/piiDetectors';
import { PII_PREFILTER, scanFileForPii } from '../../../client/src/logs/piiScan';
import { rgAvailable } from '../../../client/src/logs/rgEngine';
import { rng, validPersonalCode, writeRolled } from './generateLogs';

describe('logs: data-protection detectors', () => {
  it('finds personal codes, IBANs, e-mails, phones and cards, masked', () => {
    const text = 'Võlgnik isikukood 37605030299, konto EE382200221020145685, e-post mari.maasikas@näide.ee mari.maasikas@example.ee, tel +372 5123 4567, kaart 4111 1111 1111 1111';
    const hits = detectPii(text);
    assert.deepEqual(hits.map((h) => h.kind).sort(), ['card', 'email', 'iban', 'personalCode', 'phone']);
    for (const h of hits) assert.ok(!h.masked.includes(text.slice(h.offset, h.offset + h.length)) || h.kind === 'email' && false, h.kind);
    const masked = maskPii(text);
    for (const raw of ['37605030299', 'EE382200221020145685', 'mari.maasikas@example.ee', '5123 4567', '4111 1111 1111 1111']) assert.ok(!masked.includes(raw), raw);
    assert.ok(hits.find((h) => h.kind === 'personalCode')!.score >= 0.8, 'context word raises score');
  });
  it('checks IBAN mod 97 for EE and others', () => {
    assert.equal(ibanValid('EE382200221020145685'), true);
    assert.equal(ibanValid('EE382200221020145686'), false);
    assert.equal(ibanValid('DE89 3704 0044 0532 0130 00'), true);
    assert.equal(ibanValid('GB82WEST12345698765432'), true);
  });
  it('ignores digits inside GUIDs, longer digit runs and invalid codes', () => {
    assert.deepEqual(detectPii('CorrelationId 3f2a9c1e-0b7d-4e39-39001011236a-000000000000'), []);
    assert.deepEqual(detectPii('Menetlus 1390010112360 ja 390010112361'), []);
    assert.deepEqual(detectPii('kaart 4111 1111 1111 1112'), []);
  });
  it('precision on random 11-digit numbers: about 1 in 456 pass, none ranked high without context', () => {
    const r = rng(11);
    let passed = 0, high = 0;
    const N = 200000;
    for (let i = 0; i < N; i++) {
      const n = String(Math.floor(r() * 9e10) + 1e10);
      const hits = detectPii(`Toiming ${n} salvestatud`).filter((h) => h.kind === 'personalCode');
      if (hits.length) passed++;
      if (hits.some((h) => h.score >= 0.8)) high++;
    }
    const rate = N / passed;
    assert.ok(rate > 300 && rate < 700, `1 in ${rate.toFixed(0)}`);
    assert.equal(high, 0);
    let withContext = 0;
    for (let i = 0; i < 100; i++) if (detectPii(`"PersonCode":"${validPersonalCode(r)}"`).some((h) => h.score >= 0.8)) withContext++;
    assert.equal(withContext, 100);
  });
});

describe('logs: data-protection scan and incident report', function () {
  this.timeout(30000);
  it('the engine prefilter keeps every line a detector finds something in, and skips plain CLEF lines', () => {
    const pre = new RegExp(PII_PREFILTER);
    const lines = [
      '{"@t":"2026-11-24T08:15:10Z","@mt":"Võlgnik {Isikukood}","Isikukood":"38001010009"}',
      'Makse kontole EE38 2200 2210 2014 5685 ebaõnnestus',
      'Makse kontole EE382200221020145685 ebaõnnestus',
      '{"@t":"2026-11-24T08:15:10Z","Email":"mari.maasikas@näide.ee"}',
      'Teade saadetud aadressile mari.maasikas@example.ee',
      'Helista +372 5123 4567 või 00372 612 3456',
      'Kaart 4111 1111 1111 1111 tagasi lükatud',
      'Kaart 4111-1111-1111-1111',
    ];
    for (const l of lines) {
      if (detectPii(l).length) assert.ok(pre.test(l), l);
    }
    assert.ok(lines.filter((l) => detectPii(l).length).length >= 6);
    assert.ok(!pre.test('{"@t":"2026-11-24T08:15:10.250Z","@mt":"Toiming {ToimingId} salvestatud","ToimingId":55120,"UserId":42,"SourceContext":"ETaitur.Toiming"}'));
  });

  it('counts per file and day; the report never contains raw personal data', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etaitur-pii-'));
    try {
      const files = await writeRolled(dir, 'clef', 2, 500, 3, 50);
      const raw = (await fs.readFile(files[1], 'utf8')).match(/"Isikukood":"(\d{11})"/g)!.map((s) => s.slice(13, 24));
      assert.equal(raw.length, 10);
      const findings = (await Promise.all(files.map((f) => scanFileForPii(f, 0.8)))).flat();
      const codes = findings.filter((f) => f.kind === 'personalCode');
      // CLEF keeps the code once per entry, in the Isikukood property.
      assert.equal(codes.reduce((n, f) => n + f.count, 0), 20);
      assert.deepEqual([...new Set(codes.map((f) => f.day))], ['2026-11-20', '2026-11-21']);
      const md = incidentReport(findings, files.length, new Date(Date.UTC(2026, 10, 24)));
      for (const code of raw) assert.ok(!md.includes(code), 'raw code in report');
      assert.ok(!/[1-8]\d{10}/.test(md.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '')));
      assert.match(md, /personal identification codes \/ isikukoodid: 20/);
      assert.match(md, /\| 2026-11-21 \|/);
      if (await rgAvailable('rg')) {
        // The rg engine finds the same candidate lines (gz included).
        const viaRg = (await Promise.all(files.map((f) => scanFileForPii(f, 0.8, undefined, 'rg')))).flat();
        assert.deepEqual(viaRg, findings);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
