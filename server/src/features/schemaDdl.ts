// Read-only generated DDL for a table from a snapshot or live schema (served behind `etaitur-schema:` URIs).
import type { TableInfo } from '../schema/model';
import { columnType } from './completion/columns';

function q(name: string): string { return `[${name.replace(/]/g, ']]')}]`; }

export function schemaUri(t: TableInfo): string {
  return `etaitur-schema:/${encodeURIComponent(t.schema)}/${encodeURIComponent(t.name)}.sql`;
}

export function parseSchemaUri(uri: string): { schema: string; name: string } | undefined {
  const m = /^etaitur-schema:\/+([^/]+)\/([^/]+)\.sql$/.exec(uri);
  return m ? { schema: decodeURIComponent(m[1]), name: decodeURIComponent(m[2]) } : undefined;
}

/** The DDL text and the 0-based line of each column (by lower-cased name). */
export function generateTableDdl(t: TableInfo): { text: string; columnLines: Map<string, number> } {
  const lines: string[] = [`-- Generated from the schema snapshot (read-only)`];
  if (t.description) lines.push(`-- ${t.description.replace(/\r?\n/g, ' ')}`);
  lines.push(`CREATE ${t.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(t.schema)}.${q(t.name)} (`);
  const columnLines = new Map<string, number>();
  t.columns.forEach((c, i) => {
    columnLines.set(c.name.toLowerCase(), lines.length);
    const def = c.default ? ` DEFAULT ${c.default}` : '';
    const desc = c.description ? ` -- ${c.description.replace(/\r?\n/g, ' ')}` : '';
    lines.push(`    ${q(c.name)} ${columnType(c)}${def}${i < t.columns.length - 1 || t.primaryKey ? ',' : ''}${desc}`);
  });
  if (t.primaryKey) lines.push(`    ${t.primaryKey.name ? `CONSTRAINT ${q(t.primaryKey.name)} ` : ''}PRIMARY KEY (${t.primaryKey.columns.map(q).join(', ')})`);
  lines.push(');');
  for (const f of t.foreignKeys) lines.push(`-- FK (${f.columns.join(', ')}) REFERENCES ${f.refSchema}.${f.refTable} (${f.refColumns.join(', ')})`);
  return { text: lines.join('\n') + '\n', columnLines };
}
