import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { validateClassifier, valueFitsColumn } from '../../../server/src/classifier/validate';
import { generateDeploySql } from '../../../server/src/classifier/deploySql';
import { Schema, type TableInfo } from '../../../server/src/schema/model';
import { col } from './helpers';

const fixture = readFileSync(path.join(__dirname, '../../fixtures/classifiers/menetluse-staatus.klass'), 'utf8');

const staatus: TableInfo = {
  schema: 'dbo',
  name: 'MenetluseStaatus',
  kind: 'table',
  columns: [
    col('Kood', 'nvarchar', { maxLength: 10, nullable: false }),
    col('Nimetus', 'nvarchar', { maxLength: 100, nullable: false }),
    col('NimetusEn', 'nvarchar', { maxLength: 100 }),
    col('NimetusRu', 'nvarchar', { maxLength: 100 }),
    col('KehtivAlates', 'date', { nullable: false }),
    col('KehtivKuni', 'date'),
    col('Jarjekord', 'int'),
  ],
  primaryKey: { kind: 'primary', columns: ['Kood'] },
  uniqueKeys: [],
  foreignKeys: [],
};
const schema = new Schema([staatus]);

const codes = (problems: { code: string }[]): string[] => problems.map((p) => p.code);

describe('classifier files', () => {
  it('parses the header, values, deprecation and comments, keeping codes as text', () => {
    const file = parseClassifier(fixture);
    assert.deepEqual(file.problems, []);
    assert.equal(file.header.name?.value, 'MENETLUSE_STAATUS');
    assert.deepEqual(file.header.table?.value, { schema: 'dbo', name: 'MenetluseStaatus' });
    assert.equal(file.header.columns.get('ru')?.value, 'NimetusRu');
    assert.deepEqual(file.values.map((v) => v.code.value), ['01', '02', '03', 'NO']);
    assert.equal(file.values[2].fields.get('et')?.value, 'Lõpetatud');
    assert.equal(file.values[2].comment, 'Lõpetatud täitmisega; asendas 2019. aastal koodi NO.');
    assert.equal(file.values[3].deprecated?.value.replacedBy, '03');
    const code01 = file.values[0].code;
    assert.equal(fixture.slice(code01.range.start, code01.range.end), '01');
  });

  it('keeps 1e3, 007 and NO as text codes', () => {
    const file = parseClassifier('table dbo.X\nkey Kood\nvalue 1e3\n  et Tuhat\nvalue 007\n  et Seitse\nvalue NO\n  et Ei\n');
    assert.deepEqual(file.values.map((v) => v.code.value), ['1e3', '007', 'NO']);
  });

  it('the fixture is valid against its table', () => {
    assert.deepEqual(validateClassifier(parseClassifier(fixture), { schema }), []);
  });

  it('reports syntax problems and goes on', () => {
    const file = parseClassifier('table dbo.X\nkey Kood\n  et orphan\nvalue 01\n  colour sinine\n  et Üks\nvalue 02\n  et Kaks\n');
    assert.deepEqual(codes(file.problems), ['classifier-syntax', 'classifier-syntax']);
    assert.equal(file.values.length, 2);
    assert.equal(file.values[0].fields.get('et')?.value, 'Üks');
  });

  it('finds duplicate codes, bad dates, until before from, missing translations', () => {
    const text = `table dbo.MenetluseStaatus
key Kood
languages et en
value 01
  et Üks
  en One
  from 2024-02-30
value 01
  et Üks uuesti
  en One again
value 02
  et Kaks
  from 2024-05-01
  until 2024-04-30
`;
    const found = codes(validateClassifier(parseClassifier(text)));
    assert.deepEqual(found.sort(), ['duplicate-code', 'invalid-date', 'missing-translation', 'until-before-from'].sort());
  });

  it('finds unknown parents and replacements and parent cycles', () => {
    const text = `table dbo.Liik
key Kood
value A
  et A
  parent B
value B
  et B
  parent A
value C
  et C
  parent X
value D
  et D
  deprecated replacedBy Z
`;
    const found = codes(validateClassifier(parseClassifier(text)));
    assert.ok(found.includes('parent-cycle'), found.join());
    assert.ok(found.includes('unknown-parent'));
    assert.ok(found.includes('unknown-replacement'));
  });

  it('checks the file against the schema: table, columns, key, types, lengths, NOT NULL', () => {
    const text = `table dbo.MenetluseStaatus
key Kood
column et Nimetus
column en NimetusInglise
column order Jarjekord
value 01_PIKK_KOOD_X
  et Menetluses
  order kümme
value 02
  en Suspended
`;
    const found = codes(validateClassifier(parseClassifier(text), { schema }));
    assert.ok(found.includes('unknown-column'), 'NimetusInglise');
    assert.equal(found.filter((c) => c === 'value-does-not-fit').length, 2, found.join());
    assert.ok(found.includes('missing-not-null'), 'KehtivAlates is NOT NULL without a default and unmapped');
    assert.ok(validateClassifier(parseClassifier('table dbo.Puudub\nkey Kood\nvalue 1\n'), { schema }).some((p) => p.code === 'unknown-table'));
    const notKey = validateClassifier(parseClassifier('table dbo.MenetluseStaatus\nkey Nimetus\ncolumn from KehtivAlates\nvalue 1\n  from 2020-01-01\n'), { schema });
    assert.ok(notKey.some((p) => p.code === 'key-not-unique'));
  });

  it('value fit: lengths, integers, varchar vs non-ASCII', () => {
    assert.equal(valueFitsColumn('abc', col('K', 'nvarchar', { maxLength: 3 })), undefined);
    assert.ok(valueFitsColumn('abcd', col('K', 'nvarchar', { maxLength: 3 })));
    assert.ok(valueFitsColumn('õun', col('K', 'varchar', { maxLength: 10 })));
    assert.ok(valueFitsColumn('300', col('K', 'tinyint')));
    assert.equal(valueFitsColumn('-5', col('K', 'int')), undefined);
  });

  it('generates an idempotent MERGE in the safe template, with deactivation and a guard', () => {
    const sql = generateDeploySql(parseClassifier(fixture), { schema, sourceName: 'menetluse-staatus.klass', today: '2026-11-24' });
    assert.match(sql, /SET XACT_ABORT ON;/);
    assert.match(sql, /MERGE \[dbo\]\.\[MenetluseStaatus\] WITH \(HOLDLOCK\) AS t/);
    assert.match(sql, /\(N'01', N'Menetluses', N'In proceedings', N'В производстве', '2010-01-01', NULL, 10\)/);
    assert.match(sql, /WHEN NOT MATCHED BY SOURCE AND \(t\.\[KehtivKuni\] IS NULL OR t\.\[KehtivKuni\] > '2026-11-24'\) THEN/);
    assert.match(sql, /> 4\n\s+THROW 50001/);
    assert.match(sql, /IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;/);
  });

  it('a shared table is merged through a filtered CTE and inserts the type', () => {
    const sql = generateDeploySql(parseClassifier("table dbo.Klassifikaator\nkey Kood\ntype Tyyp = DOKUMENDI_LIIK\ncolumn et Nimetus\nvalue OTSUS\n  et Otsus\n"));
    assert.match(sql, /WITH t AS \(SELECT \* FROM \[dbo\]\.\[Klassifikaator\] WHERE \[Tyyp\] = N'DOKUMENDI_LIIK'\)/);
    assert.match(sql, /INSERT \(\[Kood\], \[Nimetus\], \[Tyyp\]\) VALUES \(s\.\[Kood\], s\.\[Nimetus\], N'DOKUMENDI_LIIK'\)/);
  });

  it('never throws on arbitrary text', () => {
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 500; i++) {
      const chars = [...fixture];
      for (let k = 0; k < 20; k++) chars.splice(Math.floor(rnd() * chars.length), Math.floor(rnd() * 5), String.fromCharCode(Math.floor(rnd() * 128)));
      validateClassifier(parseClassifier(chars.join('')), { schema });
    }
  });
});

describe('classifier formatting and outline', () => {
  // Imported lazily so the suite above stays independent of these modules.
  const { formatClassifier } = require('../../../server/src/classifier/format') as typeof import('../../../server/src/classifier/format');
  const { classifierSymbols, classifierFoldingRanges } = require('../../../server/src/classifier/outline') as typeof import('../../../server/src/classifier/outline');

  it('aligns fields, separates blocks, and is idempotent', () => {
    const messy = 'classifier X\ntable dbo.Liik\nkey Kood\n\n\nvalue A\n   et  Esimene\n  order 1\n  en First\nvalue B\n\tet Teine\n';
    const formatted = formatClassifier(messy);
    assert.equal(formatted, 'classifier  X\ntable       dbo.Liik\nkey         Kood\n\nvalue A\n  et     Esimene\n  order  1\n  en     First\n\nvalue B\n  et  Teine\n');
    assert.equal(formatClassifier(formatted), formatted);
    assert.deepEqual(parseClassifier(formatted).values.map((v) => v.fields.get('et')?.value), ['Esimene', 'Teine']);
  });

  it('leaves a file with syntax problems untouched', () => {
    const bad = 'table dbo.X\n  et orphan\n';
    assert.equal(formatClassifier(bad), bad);
  });

  it('the fixture is already formatted', () => {
    assert.equal(formatClassifier(fixture), fixture);
  });

  it('lists values as symbols with their Estonian names and folds blocks', () => {
    const file = parseClassifier(fixture);
    const symbols = classifierSymbols(file);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.deprecated]), [
      ['01', 'Menetluses', false],
      ['02', 'Peatatud', false],
      ['03', 'Lõpetatud', false],
      ['NO', 'Lõpetatud (vana)', true],
    ]);
    assert.equal(classifierFoldingRanges(file).length, 4);
  });
});
