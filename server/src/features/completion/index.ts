// Completion: pure, `complete(text, offset, schema)`; each kind of suggestion lives in its own file.
import type { Schema, TableInfo } from '../../schema/model';
import { aliasesIn, completionContext, RESERVED } from './context';
import { columnsOf, scopeColumns } from './columns';
import { insertColumnCompletions } from './insertColumns';
import { keywordCompletions } from './keywords';
import { schemaCompletions, tableCompletions } from './tables';
import type { CompletionEntry } from './types';
import { tempTableCompletions, variableCompletions } from './variables';

export type { CompletionEntry, CompletionKind } from './types';

export interface CompletionResult { items: CompletionEntry[]; replaceStart: number }

const TABLE_POSITION = /\b(?:FROM|JOIN|UPDATE|INTO|APPLY|TABLE|USING|MERGE)\s+(?:\[[^\]]*\]\.|[\p{L}_][\p{L}\p{N}_]*\.)*[\p{L}\p{N}_#\[]*$/iu;

function resolveTable(schema: Schema | undefined, parts: string[] | undefined): TableInfo | undefined {
  if (!schema || !parts) return undefined;
  return schema.findTable(parts[parts.length - 1], parts.length > 1 ? parts[parts.length - 2] : undefined);
}

export function complete(text: string, offset: number, schema?: Schema): CompletionResult {
  const ctx = completionContext(text, offset);
  const items: CompletionEntry[] = [];
  const aliases = aliasesIn(ctx.batchText);

  if (ctx.qualifier) {
    const q = ctx.qualifier;
    const isSchema = !!schema && q.length === 1 && schema.schemas().some((s) => schema.equalNames(s, q[0]));
    // `menetlus.` after FROM is a schema even when a table has the same name.
    const schemaPosition = isSchema && TABLE_POSITION.test(ctx.batchBefore);
    const viaAlias = q.length === 1 && !schemaPosition ? resolveTable(schema, aliases.get(q[0].toLowerCase())) : undefined;
    const direct = viaAlias ?? (schemaPosition ? undefined : resolveTable(schema, q));
    if (direct) items.push(...columnsOf(direct, ctx.prefix, 1));
    if (isSchema && !viaAlias) items.push(...tableCompletions(schema!, ctx.prefix, q[0]));
    return finish(items, ctx.replaceStart);
  }
  if (ctx.prefix.startsWith('@')) return finish(variableCompletions(ctx.batchText, ctx.prefix), ctx.replaceStart);
  if (ctx.prefix.startsWith('#')) return finish(tempTableCompletions(text, ctx.prefix), ctx.replaceStart);

  if (schema) {
    const insertCols = insertColumnCompletions(schema, ctx.batchBefore, ctx.prefix);
    if (insertCols) return finish(insertCols, ctx.replaceStart);
  }
  const before = ctx.batchBefore.slice(0, ctx.batchBefore.length - ctx.prefix.length);
  if (TABLE_POSITION.test(ctx.batchBefore)) {
    if (schema) { items.push(...tableCompletions(schema, ctx.prefix)); items.push(...schemaCompletions(schema, ctx.prefix)); }
    items.push(...tempTableCompletions(text, ctx.prefix));
    return finish(items, ctx.replaceStart);
  }
  if (schema) {
    const tables = [...new Set([...aliases.values()].map((p) => resolveTable(schema, p)).filter((t): t is TableInfo => !!t))];
    items.push(...scopeColumns(schema, tables, ctx.prefix));
    for (const [alias] of aliases) if (alias.startsWith(ctx.prefix.toLowerCase()) && !RESERVED.has(alias.toUpperCase())) items.push({ label: alias, kind: 'table', rank: 6, detail: 'alias' });
  }
  const trimmed = before.trimEnd();
  const atStart = trimmed === '' || /(?:;|\bBEGIN|\bEND|\bTRY|\bCATCH|\bELSE|\bTRAN(?:SACTION)?|\bGO|\))\s*$/i.test(trimmed) || /\n\s*$/.test(before);
  items.push(...keywordCompletions(ctx.prefix, atStart));
  items.push(...variableCompletions(ctx.batchText, ctx.prefix));
  return finish(items, ctx.replaceStart);
}

function finish(items: CompletionEntry[], replaceStart: number): CompletionResult {
  items.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return { items, replaceStart };
}
