// User-defined alias types (CREATE TYPE dbo.Isikukood FROM nchar(11) NOT NULL), as SSDT projects keep
// them in their own folder: a column declared with one has the base type's length, precision and
// nullability, which the schema rules need (string-truncation, type-mismatch, missing-not-null).

import { lex } from '../sql/lexer';
import { readName, tokenName } from './tokenNames';

/** SQL Server's system types: any other type name in a column definition may be an alias type. */
export const SYSTEM_TYPES: ReadonlySet<string> = new Set(
  ('bigint binary bit char cursor date datetime datetime2 datetimeoffset decimal float geography geometry ' +
    'hierarchyid image int money nchar ntext numeric nvarchar real rowversion smalldatetime smallint smallmoney ' +
    'sql_variant sysname table text time timestamp tinyint uniqueidentifier varbinary varchar xml json vector').split(' '),
);

export interface AliasType {
  /** Schema as written, or undefined for the default schema. */
  schema?: string;
  name: string;
  /** The base type: a lower-cased system type name and its parameters, as DataType has them. */
  base: { name: string; params: (number | 'max')[] };
  /** NOT NULL in the type's definition (a column without its own NULL / NOT NULL inherits it). */
  notNull: boolean;
}

/** Reads `CREATE TYPE [schema.]name FROM base_type [(n[, m] | max)] [NULL | NOT NULL]`; undefined for any other text (table types too). */
export function readAliasType(statementText: string): AliasType | undefined {
  const toks = lex(statementText).tokens;
  let i = 0;
  const word = (w: string): boolean => toks[i]?.type === 'word' && toks[i].upper === w && (i++, true);
  const op = (o: string): boolean => toks[i]?.type === 'op' && toks[i].text === o && (i++, true);
  if (!word('CREATE') || !word('TYPE')) return undefined;
  const name = readName(toks, i);
  if (!name || name.parts.length > 2 || name.parts.includes('')) return undefined;
  const parts = name.parts;
  i = name.next;
  if (!word('FROM')) return undefined;
  const baseName = tokenName(toks[i]);
  if (!baseName) return undefined;
  i++;
  const params: (number | 'max')[] = [];
  if (op('(')) {
    for (;;) {
      const t = toks[i];
      if (t?.type === 'integer') params.push(Number(t.text));
      else if (t?.type === 'word' && t.upper === 'MAX') params.push('max');
      else return undefined;
      i++;
      if (op(')')) break;
      if (!op(',')) return undefined;
    }
  }
  const notNull = word('NOT') && word('NULL');
  return {
    schema: parts.length === 2 ? parts[0] : undefined,
    name: parts[parts.length - 1],
    base: { name: baseName.toLowerCase(), params },
    notNull,
  };
}
