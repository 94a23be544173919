// unknown-classifier-code: codes written to or compared with classifier columns, against the workspace's .klass files.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClassifierCatalog } from '../../../server/src/classifier/catalog';
import { checkScript } from '../../../server/src/check';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { generateDeploySql } from '../../../server/src/classifier/deploySql';
import { fixtureSchema, tx } from '../rules/helpers';
import { codeActions } from '../../../server/src/features/codeActions';

const KLASS_FILE = path.join(__dirname, '../../fixtures/classifiers/menetluse-staatus.klass');
const KLASS = readFileSync(KLASS_FILE, 'utf8');
const TODAY = '2026-11-24';

/** A second version of the file: code 02 deprecated (still valid) in favour of 01. */
const WITH_DEPRECATED_02 = KLASS.replace(/(value 02\n(?: {2}.*\n)*)/, '$1  deprecated replacedBy 01\n');

function catalog(text = KLASS): ClassifierCatalog {
  return ClassifierCatalog.fromFiles([{ file: KLASS_FILE, text }], TODAY);
}

function found(sql: string, classifiers: ClassifierCatalog | null = catalog()) {
  return checkScript(sql, { schema: fixtureSchema(), classifiers: classifiers ?? undefined }).findings.filter((f) => f.code === 'unknown-classifier-code');
}

describe('unknown-classifier-code', () => {
  it('flags an unknown code assigned through the foreign key Menetlus.Staatus → MenetluseStaatus.Kood', () => {
    const f = found(tx("UPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1042;"));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /'04' is not a code of classifier MENETLUSE_STAATUS \(column Staatus\); known: 01, 02, 03, NO/);
    assert.match(f[0].messageEt, /ei ole klassifikaatori MENETLUSE_STAATUS kood/);
  });

  it('accepts known, valid codes in SET, WHERE, IN and INSERT VALUES', () => {
    const sql = tx(`UPDATE dbo.Menetlus SET Staatus = N'02' WHERE Staatus = N'01' AND MenetlusId = 7;
INSERT INTO dbo.Menetlus (Number, Staatus, KohtutaiturId) VALUES (N'T-2024-001', N'01', 3);
SELECT COUNT(*) FROM dbo.Menetlus WHERE Staatus IN (N'01', N'02');`);
    assert.deepEqual(found(sql), []);
  });

  it('flags a comparison, an IN item and an INSERT value, each once', () => {
    const sql = tx(`DELETE FROM dbo.Toiming WHERE MenetlusId IN (SELECT MenetlusId FROM dbo.Menetlus WHERE Staatus = N'LOPET');
SELECT Number FROM dbo.Menetlus m WHERE N'X9' <> m.Staatus OR m.Staatus IN (N'01', N'77');
INSERT INTO dbo.Menetlus (Number, Staatus, KohtutaiturId) VALUES (N'T-2024-002', N'ÕÕ', 3);`);
    assert.deepEqual(found(sql).map((f) => sql.slice(f.range.start, f.range.end)), ["N'LOPET'", "N'X9'", "N'77'", "N'ÕÕ'"]);
  });

  it('treats codes as text: 1 is not 01', () => {
    const f = found(tx('UPDATE dbo.Menetlus SET Staatus = 1 WHERE MenetlusId = 5;'));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /'1' is not a code/);
  });

  it('checks the classifier table\'s own key column', () => {
    const f = found(tx("UPDATE dbo.MenetluseStaatus SET Nimetus = N'Menetluses' WHERE Kood = N'1';"));
    assert.equal(f.length, 1);
  });

  it('reports an expired code with its replacement', () => {
    const f = found(tx("UPDATE dbo.Menetlus SET Staatus = N'NO' WHERE MenetlusId = 12;"));
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'Code NO of MENETLUSE_STAATUS expired on 2019-12-31. Use 03 instead.');
    assert.equal(f[0].messageEt, 'Klassifikaatori MENETLUSE_STAATUS kood NO kehtis kuni 2019-12-31. Kasuta koodi 03.');
    assert.equal(f[0].data?.replacement, '03');
  });

  it('an expired code is still the same code in another letter case (case-insensitive database)', () => {
    assert.match(found(tx("UPDATE dbo.Menetlus SET Staatus = N'no' WHERE MenetlusId = 12;"))[0].message, /expired/);
  });

  it('before its until date a deprecated code is deprecated, not expired', () => {
    const early = ClassifierCatalog.fromFiles([{ file: KLASS_FILE, text: KLASS }], '2019-06-01');
    const f = found(tx("UPDATE dbo.Menetlus SET Staatus = N'NO' WHERE MenetlusId = 12;"), early);
    assert.deepEqual(f.map((x) => x.message), ['Code NO of MENETLUSE_STAATUS is deprecated. Use 03 instead.']);
  });

  it('reports a deprecated code that is still valid, with its replacement', () => {
    const f = found(tx("UPDATE dbo.Menetlus SET Staatus = N'02' WHERE MenetlusId = 12;"), catalog(WITH_DEPRECATED_02));
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'Code 02 of MENETLUSE_STAATUS is deprecated. Use 01 instead.');
  });

  it('is silent for columns with no classifier (Arest.Staatus has no foreign key), without files, and when disabled', () => {
    assert.deepEqual(found(tx("UPDATE dbo.Arest SET Staatus = N'ZZ' WHERE ArestId = 3;")), []);
    assert.deepEqual(found(tx("UPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1;"), null), []);
    assert.deepEqual(found(tx("UPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1;"), ClassifierCatalog.fromFiles([], TODAY)), []);
    assert.deepEqual(found(tx("-- etaitur-disable-next-line unknown-classifier-code\nUPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1;")), []);
  });

  it('ignores a broken classifier file instead of failing', () => {
    const broken = ClassifierCatalog.fromFiles([{ file: 'katki.klass', text: 'value\n  et\n\u0000table' }, { file: KLASS_FILE, text: KLASS }], TODAY);
    assert.equal(broken.size, 1);
    assert.equal(found(tx("UPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1;"), broken).length, 1);
  });

  it('the generated deploy script of the file passes the checker with the catalog, with no findings', () => {
    const sql = generateDeploySql(parseClassifier(KLASS), { schema: fixtureSchema(), sourceName: 'menetluse-staatus.klass', today: TODAY });
    assert.deepEqual(checkScript(sql, { schema: fixtureSchema(), classifiers: catalog() }).findings.map((f) => `${f.code}: ${f.message}`), []);
  });

  it('offers the replacement of an expired code as the preferred quick fix, keeping N\'…\'', () => {
    const sql = tx("UPDATE dbo.Menetlus SET Staatus = N'NO' WHERE MenetlusId = 12;");
    const f = found(sql);
    const fix = codeActions(sql, f[0].range, f, fixtureSchema()).find((a) => a.fixes === 'unknown-classifier-code' && a.preferred);
    assert.ok(fix);
    assert.equal(fix.title, 'Replace with code 03');
    assert.deepEqual(fix.edits, [{ start: f[0].range.start, end: f[0].range.end, newText: "N'03'" }]);
    const unknown = found(tx("UPDATE dbo.Menetlus SET Staatus = N'04' WHERE MenetlusId = 1;"));
    assert.ok(!codeActions(sql, unknown[0].range, unknown, fixtureSchema()).some((a) => a.title.startsWith('Replace with code')));
  });
});
