// Columns of an INSERT's target inside its column list: `INSERT INTO dbo.Toiming (|`.
import type { Schema } from '../../schema/model';
import { columnsOf } from './columns';
import type { CompletionEntry } from './types';

export function insertTargetAt(batchBefore: string): string[] | undefined {
  const m = /\bINSERT\s+(?:INTO\s+)?((?:(?:\[[^\]]+\]|[\p{L}_#][\p{L}\p{N}_#$]*)\.){0,2}(?:\[[^\]]+\]|[\p{L}_#][\p{L}\p{N}_#$]*))\s*\(([^()]*)$/iu.exec(batchBefore);
  if (!m) return undefined;
  return m[1].split('.').map((p) => p.replace(/^\[|\]$/g, ''));
}

export function insertColumnCompletions(schema: Schema, batchBefore: string, prefix: string): CompletionEntry[] | undefined {
  const target = insertTargetAt(batchBefore);
  if (!target) return undefined;
  const name = target[target.length - 1];
  const t = schema.findTable(name, target.length > 1 ? target[target.length - 2] : undefined);
  if (!t) return [];
  const m = /\(([^()]*)$/.exec(batchBefore);
  const already = new Set((m?.[1] ?? '').split(',').map((s) => s.trim().replace(/^\[|\]$/g, '').toLowerCase()));
  // Identity and computed columns are rarely inserted: rank them last.
  return columnsOf(t, prefix, 2).filter((e) => !already.has(e.label.toLowerCase())).map((e) => {
    const c = schema.findColumn(t, e.label);
    return c && (c.identity || c.computed) ? { ...e, rank: e.rank + 20 } : e;
  });
}
