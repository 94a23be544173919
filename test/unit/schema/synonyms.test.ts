import * as assert from 'node:assert/strict';
import { checkScript } from '../../../server/src/check/checkScript';
import { schemaFromDdlTexts } from '../../../server/src/schema/ddlSource';
import { Schema, type TableInfo } from '../../../server/src/schema/model';
import { parseSnapshot, serializeSnapshot, toSnapshot } from '../../../server/src/schema/snapshotFormat';
import { readSynonym } from '../../../server/src/schema/synonyms';

const volgnik: TableInfo = {
  schema: 'menetlus',
  name: 'Volgnik',
  kind: 'table',
  uniqueKeys: [],
  foreignKeys: [],
  columns: [
    { name: 'VolgnikId', type: 'int', nullable: false, identity: true, computed: false },
    { name: 'Nimi', type: 'nvarchar', maxLength: 100, nullable: false, identity: false, computed: false },
  ],
};

describe('synonyms', () => {
  it('reads CREATE SYNONYM with brackets, omitted schemas and three- and four-part targets', () => {
    assert.deepEqual(readSynonym('CREATE SYNONYM [dbo].[Võlgnik] FOR [menetlus].[Võlgnik];', 'dbo'), { schema: 'dbo', name: 'Võlgnik', targetSchema: 'menetlus', targetName: 'Võlgnik' });
    assert.deepEqual(readSynonym('create synonym Isik for Isik_v2', 'dbo'), { schema: 'dbo', name: 'Isik', targetSchema: 'dbo', targetName: 'Isik_v2' });
    assert.deepEqual(readSynonym('CREATE SYNONYM arhiiv.[Vana ]]nimi] FOR Register.dbo.Isik', 'dbo'), { schema: 'arhiiv', name: 'Vana ]nimi', targetSchema: 'dbo', targetName: 'Isik', targetDatabase: 'Register' });
    assert.deepEqual(readSynonym('CREATE SYNONYM dbo.Rr FOR [RR-SRV].Rahvastik..Isik', 'dbo'), { schema: 'dbo', name: 'Rr', targetSchema: 'dbo', targetName: 'Isik', targetDatabase: 'Rahvastik', targetServer: 'RR-SRV' });
    assert.equal(readSynonym('CREATE SYNONYM dbo.X', 'dbo'), undefined);
    assert.equal(readSynonym('CREATE TYPE dbo.X FROM int', 'dbo'), undefined);
    assert.equal(readSynonym('CREATE SYNONYM a.b.c FOR d', 'dbo'), undefined);
  });

  it('finds the target through the synonym: qualified, unqualified, in precedence after a table of that name', () => {
    const own: TableInfo = { ...volgnik, schema: 'dbo', name: 'Isik', columns: [] };
    const s = new Schema([volgnik, own], undefined, [
      { schema: 'dbo', name: 'Volgnik', targetSchema: 'menetlus', targetName: 'Volgnik' },
      { schema: 'dbo', name: 'Isik', targetSchema: 'menetlus', targetName: 'Volgnik' },
    ]);
    assert.equal(s.findTable('Volgnik', 'dbo'), volgnik);
    assert.equal(s.findTable('VOLGNIK', 'DBO'), volgnik);
    assert.equal(s.findTable('Isik'), own, 'a table beats a synonym of the same name');
    assert.equal(s.findTable('Puudub', 'dbo'), undefined);
  });

  it('gives an open stand-in (no columns, so any column) for a target in another database or not in the schema', () => {
    const s = new Schema([volgnik], undefined, [
      { schema: 'dbo', name: 'RrIsik', targetSchema: 'dbo', targetName: 'Isik', targetDatabase: 'Rahvastik' },
      { schema: 'dbo', name: 'fnSumma', targetSchema: 'dbo', targetName: 'fn_Summa' },
    ]);
    const rr = s.findTable('RrIsik');
    assert.ok(rr);
    assert.deepEqual([rr.schema, rr.name, rr.columns.length], ['dbo', 'RrIsik', 0]);
    assert.equal(s.findTable('RrIsik'), rr, 'the same object every time');
    assert.ok(s.findTable('fnSumma'));
  });

  it('lets a fix script use a synonym like its target, and a dropped synonym is gone', () => {
    const { schema } = schemaFromDdlTexts([
      {
        path: 'skeem.sql',
        text: `CREATE TABLE menetlus.Volgnik (VolgnikId int IDENTITY NOT NULL PRIMARY KEY, Nimi nvarchar(100) NOT NULL, Staatus nvarchar(10) NOT NULL);
GO
CREATE SYNONYM dbo.Volgnik FOR menetlus.Volgnik;
GO
CREATE SYNONYM dbo.Vana FOR menetlus.Volgnik;
GO
DROP SYNONYM dbo.Vana;
GO
CREATE SYNONYM dbo.Rahvastik FOR RR.dbo.Isik;`,
      },
    ]);
    const codes = (sql: string) => checkScript(sql, { schema }).findings.map((f) => f.code).filter((c) => !/transaction|xact|rowcount/.test(c));
    assert.deepEqual(codes(`INSERT INTO dbo.Volgnik (Nimi, Staatus) VALUES (N'Kask', N'UUS');`), []);
    assert.deepEqual(codes(`INSERT INTO Volgnik (Nimi) VALUES (N'Kask');`), ['missing-not-null']);
    assert.deepEqual(codes(`UPDATE v SET v.Nimii = N'x' FROM dbo.Volgnik v WHERE v.VolgnikId = 1;`), ['unknown-column']);
    assert.deepEqual(codes(`SELECT r.Eesnimi FROM dbo.Rahvastik r;`), [], 'another database: not checked');
    assert.deepEqual(codes(`SELECT * FROM dbo.Vana;`), ['unknown-table']);
  });

  it('round-trips synonyms through a snapshot and leaves the field out when there are none', () => {
    const syn = [{ schema: 'dbo', name: 'Volgnik', targetSchema: 'menetlus', targetName: 'Volgnik' }, { schema: 'dbo', name: 'Rr', targetSchema: 'dbo', targetName: 'Isik', targetDatabase: 'Rahvastik', targetServer: 'RR' }];
    const text = serializeSnapshot(toSnapshot(new Schema([volgnik], undefined, syn), { source: { kind: 'ddl' } }));
    const r = parseSnapshot(text);
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.deepEqual(r.schema.synonyms, syn);
    assert.equal(r.schema.findTable('Volgnik', 'dbo')?.schema, 'menetlus');
    assert.ok(!('synonyms' in JSON.parse(serializeSnapshot(toSnapshot(new Schema([volgnik]), { source: { kind: 'ddl' } })))));
    const bad = JSON.parse(text);
    bad.synonyms[0].target = 'x';
    const e = parseSnapshot(bad);
    assert.ok(!e.ok);
    assert.equal(e.path, '$.synonyms[0].target');
  });
});
