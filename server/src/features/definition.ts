// Go to definition for tables and columns (find references: references.ts, by resolution).
import type { Schema, SourceLocation, TableInfo } from '../schema/model';
import { aliasesAt } from './completion/scope';
import { aliasTable, nameAt } from './hover';
import { generateTableDdl, schemaUri } from './schemaDdl';

export type DefinitionTarget =
  | { kind: 'file'; location: SourceLocation }
  | { kind: 'generated'; uri: string; line: number };

export interface SymbolAt { table: TableInfo; column?: string }

/** The table (and column) named at an offset, through aliases. */
export function symbolAt(text: string, offset: number, schema: Schema): SymbolAt | undefined {
  const n = nameAt(text, offset);
  if (!n) return undefined;
  const word = n.parts[n.index];
  const qual = n.parts.slice(0, n.index);
  const aliases = aliasesAt(text, offset, schema);
  if (n.index === n.parts.length - 1 || qual.length === 0) {
    if (qual.length === 1 && aliases.has(qual[0].toLowerCase())) {
      const t = aliasTable(schema, aliases, qual[0]);
      if (t && schema.findColumn(t, word)) return { table: t, column: schema.findColumn(t, word)!.name };
    }
    const t = schema.findTable(word, qual.length ? qual[qual.length - 1] : undefined);
    if (t) return { table: t };
    if (n.parts.length > 1 && n.index === 0) {
      const a = aliasTable(schema, aliases, word);
      if (a) return { table: a };
    }
  }
  const owners = qual.length ? [aliasTable(schema, aliases, qual[qual.length - 1]) ?? schema.findTable(qual[qual.length - 1])]
    : [...aliases.values()].map((p) => schema.findTable(p[p.length - 1], p.length > 1 ? p[p.length - 2] : undefined));
  for (const t of owners) {
    const c = t && schema.findColumn(t, word);
    if (t && c) return { table: t, column: c.name };
  }
  return undefined;
}

export function definition(text: string, offset: number, schema: Schema): DefinitionTarget | undefined {
  const s = symbolAt(text, offset, schema);
  if (!s) return undefined;
  const col = s.column ? schema.findColumn(s.table, s.column) : undefined;
  const loc = col?.location ?? (s.column ? undefined : s.table.location) ?? s.table.location;
  if (loc?.file) return { kind: 'file', location: loc };
  const ddl = generateTableDdl(s.table);
  return { kind: 'generated', uri: schemaUri(s.table), line: s.column ? ddl.columnLines.get(s.column.toLowerCase()) ?? 0 : 0 };
}
