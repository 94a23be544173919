// Completion: pure, `complete(text, offset, schema)`; each kind of suggestion lives in its own file.
import type { Schema, TableInfo } from '../../schema/model';
import { aliasesIn, completionContext, RESERVED } from './context';
import { columnsOf, columnsOfSource, scopeColumns } from './columns';
import { cursorScope, CURSOR_PLACEHOLDER, type Parse } from './scope';
import { insertColumnCompletions } from './insertColumns';
import { keywordCompletions } from './keywords';
import { schemaCompletions, tableCompletions } from './tables';
import type { CompletionEntry } from './types';
import { tempTableCompletions, variableCompletions } from './variables';
import type { ClassifierCatalog } from '../../classifier/catalog';
import { classifierCodeCompletions } from '../classifierCodes';

export type { CompletionEntry, CompletionKind } from './types';

export interface CompletionResult { items: CompletionEntry[]; replaceStart: number }

const TABLE_POSITION = /\b(?:FROM|JOIN|UPDATE|INTO|APPLY|TABLE|USING|MERGE)\s+(?:\[[^\]]*\]\.|[\p{L}_][\p{L}\p{N}_]*\.)*[\p{L}\p{N}_#\[]*$/iu;

function resolveTable(schema: Schema | undefined, parts: string[] | undefined): TableInfo | undefined {
  if (!schema || !parts) return undefined;
  return schema.findTable(parts[parts.length - 1], parts.length > 1 ? parts[parts.length - 2] : undefined);
}

export function complete(text: string, offset: number, schema?: Schema, classifiers?: ClassifierCatalog, parse?: Parse): CompletionResult {
  const codes = classifierCodeCompletions(text, offset, schema, classifiers); if (codes) return finish(codes.items, codes.replaceStart);
  const ctx = completionContext(text, offset);
  const items: CompletionEntry[] = [];
  const scope = cursorScope(text, offset, schema, { parse });
  // The resolver records no scope for a statement it cannot parse even with the placeholder (a broken
  // clause after the cursor): then, and only then, the aliases are read from the text.
  const fallback = scope.sources.length ? undefined : aliasesIn(ctx.batchText);
  const sourceNamed = (name: string) => scope.sources.find((s) => (schema ? schema.equalNames(s.name, name) : s.name.toLowerCase() === name.toLowerCase()));

  if (ctx.qualifier) {
    const q = ctx.qualifier;
    const isSchema = !!schema && q.length === 1 && schema.schemas().some((s) => schema.equalNames(s, q[0]));
    // `menetlus.` after FROM is a schema even when a table has the same name.
    const schemaPosition = isSchema && TABLE_POSITION.test(ctx.batchBefore);
    const src = q.length === 1 && !schemaPosition ? sourceNamed(q[0]) : undefined;
    const viaAlias = src?.table ?? (q.length === 1 && !schemaPosition && fallback ? resolveTable(schema, fallback.get(q[0].toLowerCase())) : undefined);
    if (src && !src.table) items.push(...columnsOfSource(src, ctx.prefix, 1));
    const direct = viaAlias ?? (schemaPosition || src ? undefined : resolveTable(schema, q));
    if (direct) items.push(...columnsOf(direct, ctx.prefix, 1));
    if (isSchema && !viaAlias && !src) items.push(...tableCompletions(schema!, ctx.prefix, q[0]));
    return finish(items, ctx.replaceStart);
  }
  if (ctx.prefix.startsWith('@')) return finish(variableCompletions(scope.variables, ctx.prefix), ctx.replaceStart);
  if (ctx.prefix.startsWith('#')) return finish(tempTableCompletions(scope.tempTables, ctx.prefix), ctx.replaceStart);

  if (schema) {
    const insertCols = insertColumnCompletions(schema, ctx.batchBefore, ctx.prefix);
    if (insertCols) return finish(insertCols, ctx.replaceStart);
  }
  const before = ctx.batchBefore.slice(0, ctx.batchBefore.length - ctx.prefix.length);
  if (TABLE_POSITION.test(ctx.batchBefore)) {
    if (schema) { items.push(...tableCompletions(schema, ctx.prefix)); items.push(...schemaCompletions(schema, ctx.prefix)); }
    items.push(...tempTableCompletions(scope.tempTables, ctx.prefix));
    return finish(items, ctx.replaceStart);
  }
  const p = ctx.prefix.toLowerCase();
  if (fallback) {
    if (schema) {
      const tables = [...new Set([...fallback.values()].map((x) => resolveTable(schema, x)).filter((t): t is TableInfo => !!t))];
      items.push(...scopeColumns(schema, tables, ctx.prefix));
      for (const [alias] of fallback) if (alias.startsWith(p) && !RESERVED.has(alias.toUpperCase())) items.push({ label: alias, kind: 'table', rank: 6, detail: 'alias' });
    }
  } else {
    const seen = new Set<string>();
    for (const src of scope.sources) {
      for (const e of columnsOfSource(src, ctx.prefix, 5)) {
        const k = e.label.toLowerCase();
        if (!seen.has(k)) { seen.add(k); items.push(e); }
      }
      if (src.name.toLowerCase().startsWith(p) && src.name !== CURSOR_PLACEHOLDER) items.push({ label: src.name, kind: 'table', rank: 6, detail: src.table ? `alias of ${src.table.schema}.${src.table.name}` : src.kind });
    }
  }
  const trimmed = before.trimEnd();
  const atStart = trimmed === '' || /(?:;|\bBEGIN|\bEND|\bTRY|\bCATCH|\bELSE|\bTRAN(?:SACTION)?|\bGO|\))\s*$/i.test(trimmed) || /\n\s*$/.test(before);
  items.push(...keywordCompletions(ctx.prefix, atStart));
  items.push(...variableCompletions(scope.variables, ctx.prefix));
  return finish(items, ctx.replaceStart);
}

function finish(items: CompletionEntry[], replaceStart: number): CompletionResult {
  items.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return { items, replaceStart };
}
