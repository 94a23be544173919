import * as assert from 'node:assert/strict';
import { columnTypeText } from '../../../client/src/schema/columnType';
import type { ColumnInfo } from '../../../server/src/schema/model';

const col = (c: Partial<ColumnInfo> & { type: string }): ColumnInfo => ({ name: 'X', nullable: true, identity: false, computed: false, ...c });

describe('columnTypeText', () => {
  it('writes lengths, MAX, precision and scale as SQL Server does', () => {
    assert.equal(columnTypeText(col({ name: 'Staatus', type: 'nvarchar', maxLength: 10, nullable: false })), 'nvarchar(10) NOT NULL');
    assert.equal(columnTypeText(col({ name: 'Markus', type: 'nvarchar', maxLength: -1 })), 'nvarchar(max) NULL');
    assert.equal(columnTypeText(col({ name: 'NoudeSumma', type: 'decimal', precision: 12, scale: 2 })), 'decimal(12,2) NULL');
    assert.equal(columnTypeText(col({ name: 'Loodud', type: 'datetime2', scale: 0, nullable: false })), 'datetime2(0) NOT NULL');
  });

  it('marks identity and computed columns', () => {
    assert.equal(columnTypeText(col({ name: 'MenetlusId', type: 'int', identity: true, nullable: false })), 'int IDENTITY NOT NULL');
    assert.equal(columnTypeText(col({ name: 'Jaak', type: 'decimal', computed: true })), 'decimal computed NULL');
  });
});
