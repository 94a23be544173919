// Maps the catalog query's four result sets into the Schema model. Pure; tolerant of odd rows.
import { ColumnInfo, ForeignKeyInfo, KeyInfo, Schema, SynonymInfo, TableInfo } from '../model';

export type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === null || v === undefined || v === '' ? undefined : Number(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';

/** Types for which precision/scale are meaningful to the checker. */
const NUMERIC = new Set(['decimal', 'numeric']);
const LENGTHED = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);

export function mapCatalog(recordsets: Row[][]): { schema: Schema; warnings: string[] } {
  const warnings: string[] = [];
  const [objects = [], columns = [], keys = [], fks = [], synonymRows = []] = recordsets;
  const byId = new Map<number, TableInfo>();
  for (const o of objects) {
    const id = num(o.object_id);
    const name = str(o.name);
    if (id === undefined || !name) continue;
    const t: TableInfo = {
      schema: str(o.schema_name) ?? 'dbo',
      name,
      kind: str(o.type)?.trim() === 'V' ? 'view' : 'table',
      columns: [],
      uniqueKeys: [],
      foreignKeys: [],
    };
    const d = str(o.description);
    if (d) t.description = d;
    byId.set(id, t);
  }
  for (const c of columns) {
    const t = byId.get(num(c.object_id) ?? -1);
    const name = str(c.name);
    if (!t || !name) continue;
    const type = (str(c.type_name) ?? 'sql_variant').toLowerCase();
    const col: ColumnInfo = {
      name,
      type,
      nullable: bool(c.is_nullable),
      identity: bool(c.is_identity),
      computed: bool(c.is_computed),
    };
    if (LENGTHED.has(type)) col.maxLength = num(c.max_length);
    if (NUMERIC.has(type)) {
      col.precision = num(c.precision);
      col.scale = num(c.scale);
    }
    const def = str(c.default_definition);
    if (def) col.default = def;
    const d = str(c.description);
    if (d) col.description = d;
    t.columns.push(col);
  }
  const keyMap = new Map<string, KeyInfo & { table: TableInfo }>();
  for (const k of keys) {
    const t = byId.get(num(k.object_id) ?? -1);
    const column = str(k.column_name);
    if (!t || !column) continue;
    const id = num(k.object_id) + '/' + str(k.name);
    let key = keyMap.get(id);
    if (!key) {
      key = { table: t, name: str(k.name), kind: bool(k.is_primary_key) ? 'primary' : 'unique', columns: [] };
      keyMap.set(id, key);
    }
    key.columns.push(column);
  }
  for (const { table, ...key } of keyMap.values()) {
    if (key.kind === 'primary') table.primaryKey = key;
    else table.uniqueKeys.push(key);
  }
  const fkMap = new Map<string, ForeignKeyInfo & { table: TableInfo }>();
  for (const f of fks) {
    const t = byId.get(num(f.object_id) ?? -1);
    const column = str(f.column_name);
    const refColumn = str(f.ref_column);
    if (!t || !column || !refColumn) continue;
    const id = num(f.object_id) + '/' + str(f.name);
    let fk = fkMap.get(id);
    if (!fk) {
      fk = { table: t, name: str(f.name), columns: [], refSchema: str(f.ref_schema) ?? 'dbo', refTable: str(f.ref_table) ?? '', refColumns: [] };
      fkMap.set(id, fk);
    }
    fk.columns.push(column);
    fk.refColumns.push(refColumn);
  }
  for (const { table, ...fk } of fkMap.values()) table.foreignKeys.push(fk);
  if (recordsets.length < 5) warnings.push(`catalog read returned ${recordsets.length} of 5 result sets`);
  const synonyms: SynonymInfo[] = [];
  for (const r of synonymRows) {
    const name = str(r.name);
    const targetName = str(r.target_name);
    if (!name || !targetName) continue;
    const syn: SynonymInfo = { schema: str(r.schema_name) ?? 'dbo', name, targetSchema: str(r.target_schema) ?? 'dbo', targetName };
    const db = str(r.target_database);
    const server = str(r.target_server);
    if (db) syn.targetDatabase = db;
    if (server) syn.targetServer = server;
    synonyms.push(syn);
  }
  return { schema: new Schema([...byId.values()], undefined, synonyms), warnings };
}
