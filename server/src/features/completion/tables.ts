// Schemas, tables and views. Large schemas: filter by prefix and cap, never list 36,000 items.
import type { Schema, TableInfo } from '../../schema/model';
import type { CompletionEntry } from './types';

export const TABLE_LIMIT = 300;

export function tableDetail(t: TableInfo): string {
  return `${t.kind} ${t.schema}.${t.name} (${t.columns.length} columns)`;
}

export function schemaCompletions(schema: Schema, prefix: string): CompletionEntry[] {
  const p = prefix.toLowerCase();
  return schema.schemas().filter((s) => s.toLowerCase().startsWith(p)).map((s) => ({ label: s, kind: 'schema' as const, rank: 40, detail: 'schema' }));
}

export function tableCompletions(schema: Schema, prefix: string, inSchema?: string): CompletionEntry[] {
  const p = prefix.toLowerCase();
  const out: CompletionEntry[] = [];
  for (const t of schema.tables) {
    if (inSchema && !schema.equalNames(t.schema, inSchema)) continue;
    const n = t.name.toLowerCase();
    if (p && !n.startsWith(p) && !n.includes(p)) continue;
    const exact = n.startsWith(p) ? 0 : 5;
    const dflt = schema.equalNames(t.schema, schema.options.defaultSchema) || inSchema ? 0 : 2;
    out.push({
      label: t.name, kind: t.kind, rank: 10 + exact + dflt, detail: tableDetail(t), documentation: t.description,
      insertText: inSchema || dflt === 0 ? undefined : `${t.schema}.${t.name}`,
    });
    if (out.length >= TABLE_LIMIT * 4) break;
  }
  out.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return out.slice(0, TABLE_LIMIT);
}
