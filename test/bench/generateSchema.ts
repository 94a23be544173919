// Deterministic generator of large, realistic e-Täitur-style schemas for benchmarks and tests:
// the same tables as DDL files (SSDT layout, one CREATE TABLE per file) and as a Schema for snapshots.

import { rng } from '../support/rng';
import { ColumnInfo, DEFAULT_SCHEMA_OPTIONS, Schema, TableInfo } from '../../server/src/schema/model';

const STEMS = [
  'Menetlus', 'Volgnik', 'Toiming', 'Isik', 'Arest', 'Klassifikaator', 'Noue', 'Sissenoudja', 'Taitedokument',
  'Makse', 'Konto', 'Pank', 'Dokument', 'Teavitus', 'Kohtutaitur', 'Aadress', 'Vara', 'Soiduk', 'Kinnistu', 'Palk',
];
const SUFFIXES = ['', 'Ajalugu', 'Seos', 'Liik', 'Staatus', 'Rida', 'Logi', 'Arhiiv', 'Tuup', 'Osa', 'Muudatus', 'Lisa'];
const SCHEMAS = ['dbo', 'dbo', 'dbo', 'klass', 'arhiiv'];

interface ColSpec {
  name: string;
  sqlType: string;
  info: Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'>;
  notNull: boolean;
  default?: string;
}

const COLUMN_POOL: ColSpec[] = [
  { name: 'Kood', sqlType: 'nvarchar(20)', info: { type: 'nvarchar', maxLength: 20 }, notNull: true },
  { name: 'Nimetus', sqlType: 'nvarchar(200)', info: { type: 'nvarchar', maxLength: 200 }, notNull: true },
  { name: 'KehtivAlates', sqlType: 'date', info: { type: 'date' }, notNull: true, default: '(getdate())' },
  { name: 'KehtivKuni', sqlType: 'date', info: { type: 'date' }, notNull: false },
  { name: 'Summa', sqlType: 'decimal(12,2)', info: { type: 'decimal', precision: 12, scale: 2 }, notNull: false },
  { name: 'Markus', sqlType: 'nvarchar(max)', info: { type: 'nvarchar', maxLength: -1 }, notNull: false },
  { name: 'Loodud', sqlType: 'datetime2(0)', info: { type: 'datetime2', scale: 0 }, notNull: true, default: '(sysdatetime())' },
  { name: 'Muudetud', sqlType: 'datetime', info: { type: 'datetime' }, notNull: false },
  { name: 'MuutjaKasutaja', sqlType: 'varchar(50)', info: { type: 'varchar', maxLength: 50 }, notNull: false },
  { name: 'Isikukood', sqlType: 'char(11)', info: { type: 'char', maxLength: 11 }, notNull: false },
  { name: 'Number', sqlType: 'nvarchar(30)', info: { type: 'nvarchar', maxLength: 30 }, notNull: true },
  { name: 'Staatus', sqlType: 'nvarchar(10)', info: { type: 'nvarchar', maxLength: 10 }, notNull: true },
  { name: 'Kuupaev', sqlType: 'date', info: { type: 'date' }, notNull: false },
  { name: 'Aktiivne', sqlType: 'bit', info: { type: 'bit' }, notNull: true, default: '((1))' },
  { name: 'Selgitus', sqlType: 'nvarchar(500)', info: { type: 'nvarchar', maxLength: 500 }, notNull: false },
  { name: 'ViiteNumber', sqlType: 'varchar(20)', info: { type: 'varchar', maxLength: 20 }, notNull: false },
  { name: 'Allikas', sqlType: 'nvarchar(50)', info: { type: 'nvarchar', maxLength: 50 }, notNull: false },
  { name: 'Jarjekord', sqlType: 'int', info: { type: 'int' }, notNull: false },
  { name: 'Kogus', sqlType: 'bigint', info: { type: 'bigint' }, notNull: false },
  { name: 'Guid', sqlType: 'uniqueidentifier', info: { type: 'uniqueidentifier' }, notNull: true, default: '(newid())' },
  { name: 'Pohjus', sqlType: 'nvarchar(1000)', info: { type: 'nvarchar', maxLength: 1000 }, notNull: false },
  { name: 'Protsent', sqlType: 'decimal(5,2)', info: { type: 'decimal', precision: 5, scale: 2 }, notNull: false },
];


export interface GeneratedTable {
  schema: string;
  name: string;
  idColumn: string;
  columns: ColSpec[];
  fks: { column: string; refSchema: string; refTable: string; refColumn: string }[];
}

export interface GenerateOptions {
  tables: number;
  /** Average columns per table, including the key and FK columns (default 20). */
  columnsPerTable?: number;
  seed?: number;
}

export function generateTables(opts: GenerateOptions): GeneratedTable[] {
  const rand = rng(opts.seed ?? 42);
  const perTable = opts.columnsPerTable ?? 20;
  const out: GeneratedTable[] = [];
  for (let i = 0; i < opts.tables; i++) {
    const stem = STEMS[i % STEMS.length];
    const suffix = SUFFIXES[Math.floor(i / STEMS.length) % SUFFIXES.length];
    const round = Math.floor(i / (STEMS.length * SUFFIXES.length));
    const name = `${stem}${suffix}${round ? round : ''}`;
    const schema = SCHEMAS[i % SCHEMAS.length];
    const idColumn = `${name}Id`;
    const fks: GeneratedTable['fks'] = [];
    const fkCount = i === 0 ? 0 : 1 + Math.floor(rand() * 2);
    for (let f = 0; f < fkCount; f++) {
      const ref = out[Math.floor(rand() * out.length)];
      const column = `${ref.name}Id${f ? f + 1 : ''}`;
      if (column === idColumn || fks.some((x) => x.column === column)) continue;
      fks.push({ column, refSchema: ref.schema, refTable: ref.name, refColumn: ref.idColumn });
    }
    const columns: ColSpec[] = [];
    const want = Math.max(0, perTable - 1 - fks.length);
    const start = Math.floor(rand() * COLUMN_POOL.length);
    for (let c = 0; c < want; c++) {
      const base = COLUMN_POOL[(start + c) % COLUMN_POOL.length];
      const lap = Math.floor(c / COLUMN_POOL.length);
      columns.push(lap ? { ...base, name: `${base.name}${lap + 1}` } : base);
    }
    out.push({ schema, name, idColumn, columns, fks });
  }
  return out;
}

const q = (n: string) => `[${n}]`;

/** CREATE TABLE text for one table, with an N'' description via sp_addextendedproperty. */
export function tableDdl(t: GeneratedTable): string {
  const lines = [`    ${q(t.idColumn)} int IDENTITY(1,1) NOT NULL`];
  for (const fk of t.fks) lines.push(`    ${q(fk.column)} int NOT NULL`);
  for (const c of t.columns) {
    lines.push(`    ${q(c.name)} ${c.sqlType} ${c.notNull ? 'NOT NULL' : 'NULL'}${c.default ? ` CONSTRAINT ${q(`DF_${t.name}_${c.name}`)} DEFAULT ${c.default}` : ''}`);
  }
  lines.push(`    CONSTRAINT ${q(`PK_${t.name}`)} PRIMARY KEY CLUSTERED (${q(t.idColumn)})`);
  for (const fk of t.fks) {
    lines.push(`    CONSTRAINT ${q(`FK_${t.name}_${fk.column}`)} FOREIGN KEY (${q(fk.column)}) REFERENCES ${q(fk.refSchema)}.${q(fk.refTable)} (${q(fk.refColumn)})`);
  }
  return (
    `CREATE TABLE ${q(t.schema)}.${q(t.name)} (\n${lines.join(',\n')}\n);\nGO\n` +
    `EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Tabel ${t.name}: täitemenetluse andmed (õäöü)',\n` +
    `    @level0type = N'SCHEMA', @level0name = N'${t.schema}', @level1type = N'TABLE', @level1name = N'${t.name}';\nGO\n`
  );
}

/** One file per table, as in an SSDT project: <schema>/Tables/<schema>.<name>.sql. */
export function generateDdlFiles(opts: GenerateOptions): { path: string; text: string }[] {
  return generateTables(opts).map((t) => ({ path: `${t.schema}/Tables/${t.schema}.${t.name}.sql`, text: tableDdl(t) }));
}

/** The same tables as a Schema, built directly (no parsing), for snapshots. */
export function generateSchema(opts: GenerateOptions): Schema {
  const tables: TableInfo[] = generateTables(opts).map((t) => ({
    schema: t.schema,
    name: t.name,
    kind: 'table',
    description: `Tabel ${t.name}: täitemenetluse andmed (õäöü)`,
    columns: [
      { name: t.idColumn, type: 'int', nullable: false, identity: true, computed: false },
      ...t.fks.map((fk) => ({ name: fk.column, type: 'int', nullable: false, identity: false, computed: false })),
      ...t.columns.map((c) => ({ name: c.name, ...c.info, nullable: !c.notNull, identity: false, computed: false, ...(c.default ? { default: c.default } : {}) })),
    ],
    primaryKey: { name: `PK_${t.name}`, kind: 'primary', columns: [t.idColumn] },
    uniqueKeys: [],
    foreignKeys: t.fks.map((fk) => ({ name: `FK_${t.name}_${fk.column}`, columns: [fk.column], refSchema: fk.refSchema, refTable: fk.refTable, refColumns: [fk.refColumn] })),
  }));
  return new Schema(tables, DEFAULT_SCHEMA_OPTIONS);
}
