// A small literal schema for the pure feature tests.
import { Schema, type ColumnInfo, type TableInfo } from '../../../server/src/schema/model';

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, type, nullable: true, identity: false, computed: false, ...extra });

export const MENETLUS: TableInfo = {
  schema: 'dbo', name: 'Menetlus', kind: 'table', description: 'Täitemenetlus', uniqueKeys: [],
  primaryKey: { kind: 'primary', columns: ['MenetlusId'] },
  foreignKeys: [{ columns: ['VolgnikId'], refSchema: 'dbo', refTable: 'Volgnik', refColumns: ['VolgnikId'] }],
  columns: [
    col('MenetlusId', 'int', { nullable: false, identity: true }),
    col('Number', 'nvarchar', { maxLength: 20, nullable: false, description: 'Menetluse number' }),
    col('Staatus', 'nvarchar', { maxLength: 10, nullable: false, default: "(N'AVATUD')" }),
    col('VolgnikId', 'int', { nullable: false }),
    col('NoudeSumma', 'decimal', { precision: 12, scale: 2 }),
  ],
  location: { file: '/ddl/Menetlus.sql', start: { line: 0, character: 0 }, end: { line: 0, character: 21 } },
};

export const VOLGNIK: TableInfo = {
  schema: 'dbo', name: 'Volgnik', kind: 'table', uniqueKeys: [], foreignKeys: [],
  primaryKey: { kind: 'primary', columns: ['VolgnikId'] },
  columns: [col('VolgnikId', 'int', { nullable: false, identity: true }), col('Isikukood', 'char', { maxLength: 11 }), col('Nimi', 'nvarchar', { maxLength: 100, nullable: false })],
};

export const TOIMING: TableInfo = {
  schema: 'menetlus', name: 'Toiming', kind: 'table', uniqueKeys: [], foreignKeys: [],
  columns: [col('ToimingId', 'int', { nullable: false, identity: true }), col('MenetlusId', 'int', { nullable: false }), col('Liik', 'nvarchar', { maxLength: 20, nullable: false })],
};

export const schema = new Schema([MENETLUS, VOLGNIK, TOIMING]);
