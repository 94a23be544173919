// Reads a classifier table's rows from a live database for the drift check: one read-only SELECT of the
// mapped columns (filtered on the type column of a shared table), on a connection opened and closed here.
import sql from 'mssql';
import type { ConnectionProfile } from '../live/profile';
import type { LiveError } from '../live/errors';
import { withReadOnlyConnection, type ReadOnlyTimeouts } from '../live/readOnlyConnection';
import type { ClassifierFile } from './model';
import { driftColumns, type ClassifierDataSnapshot, type DataRow } from './drift';

function bracket(name: string): string {
  return '[' + name.replace(/]/g, ']]') + ']';
}

/** The SELECT for a file's table, or undefined when the file names no table or key. */
export function driftQuery(file: ClassifierFile): { sql: string; type?: string } | undefined {
  const h = file.header;
  if (!h.table || !h.key) return undefined;
  const table = (h.table.value.schema ? bracket(h.table.value.schema) + '.' : '') + bracket(h.table.value.name);
  const cols = driftColumns(file).map(bracket).join(', ');
  const type = h.typeColumn?.value;
  return {
    sql: `SELECT ${cols} FROM ${table}${type ? ` WHERE ${bracket(type.column)} = @type` : ''};`,
    type: type?.value,
  };
}

export class ClassifierReadError extends Error {
  constructor(readonly info: LiveError) { super(info.message.en); }
}

export type ReadRowsOptions = ReadOnlyTimeouts;

/** Reads the rows; errors come back described (no password in them). */
export async function readClassifierRows(profile: ConnectionProfile, password: string, file: ClassifierFile, o: ReadRowsOptions = {}): Promise<ClassifierDataSnapshot> {
  const q = driftQuery(file);
  if (!q) throw new Error('The classifier file names no table or key column.');
  return withReadOnlyConnection(profile, password, o, async (pool) => {
    const request = pool.request();
    if (q.type !== undefined) request.input('type', sql.NVarChar, q.type);
    const result = await request.query<DataRow>(q.sql);
    const h = file.header.table!.value;
    return { table: `${h.schema ? h.schema + '.' : ''}${h.name}`, readAt: new Date().toISOString(), rows: [...(result.recordset ?? [])] };
  }, (info) => new ClassifierReadError(info));
}
