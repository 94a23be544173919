// Column types as the schema keeps them: from a DataType node, and the type SQL Server derives for a
// plain expression (a computed column, a view's select item).

import type { ColumnRef, DataType, Expression } from '../sql/ast';
import type { ColumnInfo } from './model';

/** Types whose first parameter is a length (characters for the n-types, as SQL Server's sys.columns is not). */
const LENGTH_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);
const PRECISION_SCALE_TYPES = new Set(['decimal', 'numeric']);
const SCALE_ONLY_TYPES = new Set(['datetime2', 'time', 'datetimeoffset']);

export function columnTypeFields(dt: DataType | undefined): Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'> {
  if (!dt) return { type: 'sql_variant' };
  const type = dt.name.toLowerCase();
  const p = dt.params;
  // sysname is SQL Server's own alias type: nvarchar(128), NOT NULL unless the column says NULL.
  if (type === 'sysname') return { type: 'nvarchar', maxLength: 128 };
  if (LENGTH_TYPES.has(type)) return { type, maxLength: p[0] === 'max' ? -1 : typeof p[0] === 'number' ? p[0] : 1 };
  if (PRECISION_SCALE_TYPES.has(type)) {
    return { type, precision: typeof p[0] === 'number' ? p[0] : 18, scale: typeof p[1] === 'number' ? p[1] : 0 };
  }
  if (SCALE_ONLY_TYPES.has(type)) return { type, scale: typeof p[0] === 'number' ? p[0] : 7 };
  if (type === 'float' && typeof p[0] === 'number') return { type, precision: p[0] };
  return { type };
}

export type TypeFields = Pick<ColumnInfo, 'type' | 'maxLength' | 'precision' | 'scale'>;

const INT_FUNCTIONS = new Set(['len', 'datalength', 'datepart', 'year', 'month', 'day', 'datediff', 'charindex', 'patindex', 'isnumeric', 'isdate', 'checksum', 'binary_checksum', 'row_number', 'rank', 'dense_rank', 'ntile', 'count']);
const FUNCTION_TYPES: Record<string, TypeFields> = {
  getdate: { type: 'datetime' }, getutcdate: { type: 'datetime' }, current_timestamp: { type: 'datetime' },
  sysdatetime: { type: 'datetime2', scale: 7 }, sysutcdatetime: { type: 'datetime2', scale: 7 },
  sysdatetimeoffset: { type: 'datetimeoffset', scale: 7 }, newid: { type: 'uniqueidentifier' },
  count_big: { type: 'bigint' }, eomonth: { type: 'date' },
};

/** The type of an expression where it is plain: a CAST/CONVERT, a column, a literal, a function of known type, ISNULL/COALESCE of one. */
export function expressionType(e: Expression, column: (ref: ColumnRef) => ColumnInfo | undefined): TypeFields | undefined {
  switch (e.kind) {
    case 'Paren':
    case 'Collate':
      return expressionType(e.expr, column);
    case 'Cast':
      return columnTypeFields(e.dataType);
    case 'ColumnRef': {
      const c = column(e);
      if (!c || c.type === 'sql_variant') return undefined;
      const out: TypeFields = { type: c.type };
      if (c.maxLength !== undefined) out.maxLength = c.maxLength;
      if (c.precision !== undefined) out.precision = c.precision;
      if (c.scale !== undefined) out.scale = c.scale;
      return out;
    }
    case 'Literal':
      if (e.literalType === 'string' || e.literalType === 'nstring') return { type: e.literalType === 'nstring' ? 'nvarchar' : 'varchar', maxLength: Math.max(1, e.value.length) };
      return e.literalType === 'integer' ? { type: 'int' } : undefined;
    case 'FunctionCall': {
      const name = e.name.name.name.toLowerCase();
      if (INT_FUNCTIONS.has(name)) return { type: 'int' };
      if ((name === 'isnull' || name === 'coalesce') && e.args[0]) return expressionType(e.args[0], column);
      return FUNCTION_TYPES[name];
    }
    default:
      return undefined;
  }
}
