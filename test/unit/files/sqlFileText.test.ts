import * as assert from 'node:assert/strict';
import { decodeSqlFile } from '../../../server/src/files/sqlFileText';

const sql = "CREATE TABLE dbo.Võlgnik (Nimi nvarchar(50) NOT NULL DEFAULT N'Šokk žürii');\r\nGO\r\n";

describe('decodeSqlFile', () => {
  it('reads UTF-8 with and without a BOM', () => {
    assert.equal(decodeSqlFile(Buffer.from(sql, 'utf8')), sql);
    assert.equal(decodeSqlFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sql, 'utf8')])), sql);
  });

  it('reads UTF-16 LE (SSMS "Unicode") and BE by their BOM, and LE without one', () => {
    assert.equal(decodeSqlFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sql, 'utf16le')])), sql);
    assert.equal(decodeSqlFile(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sql, 'utf16le').swap16()])), sql);
    assert.equal(decodeSqlFile(Buffer.from(sql, 'utf16le')), sql);
  });

  it('falls back to windows-1257 for bytes that are not UTF-8', () => {
    const cp1257 = Buffer.from([...Buffer.from('N\'', 'latin1'), 0xf5, 0xe4, 0xf6, 0xfc, 0xd0, 0xde, 0xf0, 0xfe, 0x27]);
    assert.equal(decodeSqlFile(cp1257), "N'õäöüŠŽšž'");
  });

  it('keeps mostly-UTF-8 text with one stray byte as UTF-8', () => {
    const mixed = Buffer.concat([Buffer.from("CREATE TABLE dbo.Võlgnik (Märkus nvarchar(10) DEFAULT N'õäöü', X char(1) DEFAULT '", 'utf8'), Buffer.from([0xe9]), Buffer.from("');", 'utf8')]);
    assert.match(decodeSqlFile(mixed), /^CREATE TABLE dbo\.Võlgnik \(Märkus nvarchar\(10\) DEFAULT N'õäöü'/);
  });

  it('never throws on short or empty input', () => {
    for (const b of [[], [0xff], [0xfe], [0xef, 0xbb], [0xfe, 0xff, 0x00], [0x00, 0x00, 0x00, 0x00]]) decodeSqlFile(Buffer.from(b));
  });
});
