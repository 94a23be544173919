import { strict as assert } from 'node:assert';
import { parseScript } from '../../../server/src/sql/parser';
import { Schema, type TableInfo } from '../../../server/src/schema/model';
import { col } from './helpers';
import { classifierFromRows, guessMapping, rowsFromSeedScript } from '../../../server/src/classifier/importTable';
import { parseClassifier } from '../../../server/src/classifier/parse';
import { validateClassifier } from '../../../server/src/classifier/validate';

const dokumendiLiik: TableInfo = {
  schema: 'dbo',
  name: 'DokumendiLiik',
  kind: 'table',
  description: 'Dokumendi liigid',
  columns: [
    col('DokumendiLiikId', 'int', { identity: true, nullable: false }),
    col('Kood', 'nvarchar', { maxLength: 20, nullable: false }),
    col('Nimetus', 'nvarchar', { maxLength: 200, nullable: false }),
    col('NimetusEn', 'nvarchar', { maxLength: 200 }),
    col('NimetusRu', 'nvarchar', { maxLength: 200 }),
    col('KehtivAlates', 'date', { nullable: false }),
    col('KehtivKuni', 'date'),
    col('Jarjekord', 'int'),
  ],
  primaryKey: { kind: 'primary', columns: ['DokumendiLiikId'] },
  uniqueKeys: [{ kind: 'unique', columns: ['Kood'] }],
  foreignKeys: [],
};
const schema = new Schema([dokumendiLiik]);

const seed = `-- Seed: dokumendi liigid
SET NOCOUNT ON;
INSERT INTO [dbo].[DokumendiLiik] ([Kood], [Nimetus], [NimetusEn], [NimetusRu], [KehtivAlates], [KehtivKuni], [Jarjekord])
VALUES (N'OTSUS', N'Kohtuotsus', N'Court judgment', N'Решение суда', '2012-01-01', NULL, 10),
       (N'MAKSEKASK', N'Maksekäsk', N'Payment order', N'Платёжный приказ', '2012-01-01', NULL, 20);
GO
INSERT INTO dbo.DokumendiLiik (Kood, Nimetus, KehtivAlates, Jarjekord) VALUES (N'01', N'Vana liik', '2010-01-01', 99);
INSERT INTO dbo.DokumendiLiik (Kood, Nimetus, KehtivAlates) VALUES (N'ARVUTATUD', N'Arvutatud ' + N'nimi', GETDATE());
INSERT INTO dbo.Muu (Kood) VALUES (N'X');
`;

describe('classifier import', () => {
  it('guesses the key and the name/date/order columns from an Estonian table', () => {
    assert.deepEqual(guessMapping(dokumendiLiik), {
      key: 'Kood',
      columns: { et: 'Nimetus', en: 'NimetusEn', ru: 'NimetusRu', from: 'KehtivAlates', until: 'KehtivKuni', order: 'Jarjekord' },
    });
  });

  it('reads literal rows from a seed script, skipping computed ones and other tables', () => {
    const { rows, skipped } = rowsFromSeedScript(parseScript(seed), dokumendiLiik, schema);
    assert.equal(rows.length, 3);
    assert.equal(skipped, 1);
    assert.equal(rows[1].NimetusRu, 'Платёжный приказ');
    assert.equal(rows[0].KehtivKuni, null);
  });

  it('writes a classifier file that parses and validates clean against the table', () => {
    const { rows } = rowsFromSeedScript(parseScript(seed), dokumendiLiik, schema);
    const text = classifierFromRows(dokumendiLiik, guessMapping(dokumendiLiik)!, rows);
    const file = parseClassifier(text);
    assert.deepEqual(file.values.map((v) => v.code.value), ['OTSUS', 'MAKSEKASK', '01']);
    assert.equal(file.values[1].fields.get('et')?.value, 'Maksekäsk');
    const problems = validateClassifier(file, { schema });
    // Only the old row lacks its English and Russian names.
    assert.deepEqual(problems.map((p) => p.code), ['missing-translation']);
  });
});
