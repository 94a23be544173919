// Drift between a classifier file and its table's rows: the comparison, where it is shown, and the edits taking the database's side.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { validateClassifier } from '../../../server/src/classifier/validate';
import {
  compareWithData, driftColumns, driftProblems, parseDataSnapshot, SnapshotError, takeDatabaseEdits, type DataRow, type DriftEdit,
} from '../../../server/src/classifier/drift';

const KLASS = readFileSync(path.join(__dirname, '../../fixtures/classifiers/menetluse-staatus.klass'), 'utf8');

/** The table as the file describes it: rows the database would return (dates as Date, order as number). */
function rowsMatchingFile(): DataRow[] {
  const d = (s: string) => new Date(s + 'T00:00:00Z');
  return [
    { Kood: '01', Nimetus: 'Menetluses', NimetusEn: 'In proceedings', NimetusRu: 'В производстве', KehtivAlates: d('2010-01-01'), KehtivKuni: null, Jarjekord: 10 },
    { Kood: '02', Nimetus: 'Peatatud', NimetusEn: 'Suspended', NimetusRu: 'Приостановлено', KehtivAlates: d('2010-01-01'), KehtivKuni: null, Jarjekord: 20 },
    { Kood: '03', Nimetus: 'Lõpetatud', NimetusEn: 'Closed', NimetusRu: 'Завершено', KehtivAlates: d('2010-01-01'), KehtivKuni: null, Jarjekord: 30 },
    { Kood: 'NO', Nimetus: 'Lõpetatud (vana)', NimetusEn: 'Closed (old)', NimetusRu: 'Завершено (старое)', KehtivAlates: d('2010-01-01'), KehtivKuni: d('2019-12-31'), Jarjekord: 99 },
  ];
}

function apply(text: string, edits: DriftEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('classifier drift', () => {
  const file = parseClassifier(KLASS);

  it('finds nothing when the table holds what the file says (dates, numbers, nchar padding)', () => {
    const rows = rowsMatchingFile();
    rows[0].Kood = '01        '; // nchar(10)
    assert.deepEqual(compareWithData(file, rows), []);
  });

  it('reads the key, then the mapped columns', () => {
    assert.deepEqual(driftColumns(file), ['Kood', 'Nimetus', 'NimetusEn', 'NimetusRu', 'KehtivAlates', 'KehtivKuni', 'Jarjekord']);
  });

  it('finds codes only in the database, codes only in the file, and values that differ', () => {
    const rows = rowsMatchingFile().filter((r) => r.Kood !== '02');
    rows[0].NimetusEn = 'In proceeding';
    rows[2].KehtivKuni = '2020-01-31T00:00:00.000Z';
    rows.push({ Kood: '04', Nimetus: 'Tagastatud', NimetusEn: null, NimetusRu: '', KehtivAlates: '2024-03-01', KehtivKuni: null, Jarjekord: 40 });
    const items = compareWithData(file, rows);
    assert.deepEqual(items.map((i) => i.kind === 'differs' ? `${i.code} ${i.field} ${i.fileValue}→${i.dbValue}` : `${i.kind} ${i.code}`), [
      '01 en In proceedings→In proceeding',
      'missingInDatabase 02',
      'NO until 2019-12-31→2020-01-31',
      'missingInFile 04',
    ]);
    const problems = driftProblems(file, items);
    assert.deepEqual(problems.map((p) => KLASS.slice(p.range.start, p.range.end)), ['In proceedings', '02', '2019-12-31', 'dbo.MenetluseStaatus']);
    assert.equal(problems[3].message, 'Code 04 is in the database but not in this file (Tagastatud).');
    assert.equal(problems[0].messageEt, "Kood 01: en on siin 'In proceedings', andmebaasis 'In proceeding'.");
  });

  it('a NULL in the database differs from a value in the file and the other way round', () => {
    const rows = rowsMatchingFile();
    rows[1].NimetusRu = null;
    rows[2].KehtivKuni = new Date('2025-06-30T00:00:00Z');
    const items = compareWithData(file, rows);
    assert.deepEqual(items.map((i) => i.kind === 'differs' && `${i.code} ${i.field} ${i.fileValue}→${i.dbValue}`), ['02 ru Приостановлено→undefined', '03 until undefined→2025-06-30']);
  });

  it('taking the database side makes the file agree with the rows, and the result still validates', () => {
    const rows = rowsMatchingFile().filter((r) => r.Kood !== '02');
    rows[0].NimetusEn = 'In proceeding';
    rows[1].NimetusRu = null;
    rows[1].KehtivKuni = new Date('2025-06-30T00:00:00Z');
    rows.push({ Kood: '04', Nimetus: 'Tagastatud', NimetusEn: 'Returned', NimetusRu: ' Возвращено', KehtivAlates: '2024-03-01', Jarjekord: 40 });
    let text = KLASS;
    // One item at a time, re-parsing in between, as a user applying quick fixes would.
    for (let guard = 0; guard < 20; guard++) {
      const items = compareWithData(parseClassifier(text), rows);
      if (!items.length) break;
      text = apply(text, takeDatabaseEdits(text, items[0]));
    }
    const after = parseClassifier(text);
    assert.deepEqual(compareWithData(after, rows), []);
    assert.ok(!/value 02/.test(text));
    assert.match(text, /value 04\n {2}et {5}Tagastatud\n {2}en {5}Returned\n {2}ru {5}" Возвращено"\n {2}from {3}2024-03-01\n {2}order {2}40\n$/);
    assert.deepEqual(validateClassifier(after).filter((p) => p.severity === 'error'), []);
  });

  it('removing a code also removes the comment above it', () => {
    const rows = rowsMatchingFile().filter((r) => r.Kood !== '03');
    const item = compareWithData(file, rows)[0];
    const text = apply(KLASS, takeDatabaseEdits(KLASS, item));
    assert.ok(!text.includes('Lõpetatud täitmisega'));
    assert.match(text, /value 02\n(?: {2}.*\n)+\nvalue NO\n/);
  });

  it('a shared table: only rows of the file\'s type are compared', () => {
    const shared = parseClassifier('classifier DOKUMENDI_LIIK\ntable dbo.Klassifikaator\nkey Kood\ntype Tyyp = DOKUMENDI_LIIK\ncolumn et Nimetus\n\nvalue OTSUS\n  et Otsus\n');
    const rows = [
      { Tyyp: 'DOKUMENDI_LIIK', Kood: 'OTSUS', Nimetus: 'Otsus' },
      { Tyyp: 'TOIMINGU_LIIK', Kood: 'AREST', Nimetus: 'Arest' },
    ];
    assert.deepEqual(compareWithData(shared, rows), []);
    assert.deepEqual(compareWithData(shared, [...rows, { Tyyp: 'DOKUMENDI_LIIK', Kood: 'TEADE', Nimetus: 'Teade' }]).map((i) => i.code), ['TEADE']);
  });

  it('reads a data snapshot file and rejects malformed ones with a reason', () => {
    const s = parseDataSnapshot(JSON.stringify({ table: 'dbo.MenetluseStaatus', readAt: '2026-11-24T10:00:00Z', rows: [{ Kood: '01' }] }));
    assert.equal(s.table, 'dbo.MenetluseStaatus');
    assert.equal(s.rows.length, 1);
    assert.equal(parseDataSnapshot('[{"Kood":"01"}]').rows.length, 1);
    for (const bad of ['{', '{"rows": 3}', '{"rows": [1]}', 'null']) assert.throws(() => parseDataSnapshot(bad), SnapshotError);
  });

  it('the demo workspace\'s data snapshot drifts from its classifier file as the demo shows', () => {
    const demo = path.join(__dirname, '../../fixtures/demo-workspace/klassifikaatorid');
    const snap = parseDataSnapshot(readFileSync(path.join(demo, 'menetluse-staatus.andmed.json'), 'utf8'));
    const items = compareWithData(parseClassifier(readFileSync(path.join(demo, 'menetluse-staatus.klass'), 'utf8')), snap.rows);
    assert.deepEqual(items.map((i) => `${i.kind} ${i.code}`), ['differs 02', 'missingInDatabase NO', 'missingInFile 05']);
  });
});
