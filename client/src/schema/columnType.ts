// Pure: a column's type as SQL Server writes it, e.g. "nvarchar(100) NOT NULL", "decimal(12,2) NULL".
import type { ColumnInfo } from '../../../server/src/schema/model';

const LENGTH_TYPES = new Set(['char', 'nchar', 'varchar', 'nvarchar', 'binary', 'varbinary']);
const PRECISION_TYPES = new Set(['decimal', 'numeric']);
const SCALE_TYPES = new Set(['datetime2', 'time', 'datetimeoffset']);

export function columnTypeText(c: ColumnInfo): string {
  let t = c.type;
  if (LENGTH_TYPES.has(c.type) && c.maxLength !== undefined) t += `(${c.maxLength === -1 ? 'max' : c.maxLength})`;
  else if (PRECISION_TYPES.has(c.type) && c.precision !== undefined) t += `(${c.precision},${c.scale ?? 0})`;
  else if (SCALE_TYPES.has(c.type) && c.scale !== undefined) t += `(${c.scale})`;
  const flags = [c.identity ? 'IDENTITY' : '', c.computed ? 'computed' : '', c.nullable ? 'NULL' : 'NOT NULL'];
  return [t, ...flags.filter((f) => f !== '')].join(' ');
}
