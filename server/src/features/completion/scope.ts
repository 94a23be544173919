// What the resolver sees at the cursor: the script up to the end of the cursor's batch, parsed with a
// placeholder name at the cursor so that a half-typed statement (`SELECT m. FROM ...`, `WHERE `) still
// parses and the resolver records its scope. One implementation of scope: the checker's.
import type { Schema } from '../../schema/model';
import { parseScript } from '../../sql/parser';
import type { Script } from '../../sql/ast';
import { resolveScript, scopeAt, type Source, type TypeInfo, type VariableDecl } from '../../resolve';
import { aliasesIn, batchBounds } from './context';

/** An identifier nobody writes; appended to the word being typed. */
export const CURSOR_PLACEHOLDER = 'etaitur_kursor_0';

export interface CursorScope {
  /** Row sources visible at the cursor, innermost query first (aliases, tables, temp tables, CTEs, derived tables). */
  sources: Source[];
  /** Variables declared in the cursor's batch before the cursor. */
  variables: VariableDecl[];
  /** Temp tables the script creates up to the cursor's batch (they survive GO). */
  tempTables: Source[];
}

/** How to parse the probe text; the server passes one that reuses the document's parsed batches before the cursor. */
export type Parse = (text: string) => Script;

/** `placeholder: false` for complete text (hover): the name under the cursor stays as written. */
export function cursorScope(text: string, offset: number, schema?: Schema, options: { placeholder?: boolean; parse?: Parse } = {}): CursorScope {
  const b = batchBounds(text, offset);
  const probe = options.placeholder === false ? text.slice(0, b.end) : text.slice(0, offset) + CURSOR_PLACEHOLDER + text.slice(offset, b.end);
  let script: Script;
  let res: ReturnType<typeof resolveScript>;
  try {
    script = (options.parse ?? parseScript)(probe);
    res = resolveScript(script, schema && schema.size > 0 ? schema : undefined, { scopes: true });
  } catch {
    return { sources: [], variables: [], tempTables: [] }; // a resolver bug must not cost completion: callers fall back
  }
  const at = offset + 1;
  const batch = script.batches.findIndex((x) => x.range.start <= at && at <= x.range.end);
  return {
    sources: scopeAt(res, at),
    variables: res.declarations.filter((d) => d.batch === batch && d.range.start <= offset),
    tempTables: [...res.createdTables.values()].filter((s) => s.kind === 'temp'),
  };
}

export function typeLabel(t: TypeInfo | undefined): string {
  if (!t) return '';
  if (t.maxLength !== undefined) return `${t.name}(${t.maxLength === -1 ? 'max' : t.maxLength})`;
  if (t.precision !== undefined) return `${t.name}(${t.precision},${t.scale ?? 0})`;
  return t.name;
}

/**
 * Names of the tables visible at an offset in complete text (hover, definition): alias or table name ->
 * [schema, table], from the resolver's scope; read from the text only when the statement doesn't parse.
 */
export function aliasesAt(text: string, offset: number, schema?: Schema, parse?: Parse): Map<string, string[]> {
  const scope = cursorScope(text, offset, schema, { placeholder: false, parse });
  if (!scope.sources.length) {
    const b = batchBounds(text, offset);
    return aliasesIn(text.slice(b.start, b.end));
  }
  const out = new Map<string, string[]>();
  for (const s of scope.sources) if (s.table && !out.has(s.name.toLowerCase())) out.set(s.name.toLowerCase(), [s.table.schema, s.table.name]);
  return out;
}
