// Column references: bound to the one source in scope that has the column, or recorded as
// unknown (with candidates for did-you-mean) or ambiguous. Open sources (columns unknown) keep quiet.
import type * as A from '../sql/ast';
import type { ResolverState, Scope } from './state';
import type { Source, SourceColumn } from './types';

/** Functions called without parentheses, which a parser may read as column names. */
const NILADIC = new Set(['current_timestamp', 'current_user', 'session_user', 'system_user', 'user', 'current_date']);

/** The source a qualifier (alias, table name, schema.table) names, innermost scope first. */
export function findSourceByQualifier(r: ResolverState, q: A.Identifier[], s: Scope): Source | undefined {
  const last = r.key(q[q.length - 1].name);
  for (let x: Scope | undefined = s; x; x = x.parent) {
    for (const src of x.sources) if (r.key(src.name) === last) return src;
    // dbo.Menetlus.Number when Menetlus has an alias is an error in SQL Server; accept the table name when no alias.
    for (const src of x.sources) if (src.table && r.key(src.table.name) === last && (!src.ref?.alias || q.length > 1)) return src;
  }
  return undefined;
}

export function columnRef(r: ResolverState, ref: A.ColumnRef, s: Scope): void {
  const name = ref.column?.name;
  if (!name) return;
  const first = name.charCodeAt(0);
  if (first === 36 /* $ */ || first === 64 /* @ */) return;
  const qualified = !!ref.qualifier?.length;
  if (!qualified && NILADIC.has(r.lower(name))) return;
  const key = r.key(name);
  if (qualified) {
    const src = findSourceByQualifier(r, ref.qualifier!, s);
    if (!src) return; // unknown qualifier: could be a function, a type method, another db: stay silent
    if (!src.columns) {
      r.res.columns.set(ref, { source: src });
      return;
    }
    const col = r.findColumn(src.columns, key);
    if (col) {
      r.res.columns.set(ref, { source: src, column: col });
      if (r.addedInThisBatch(col)) r.res.sameBatchColumns.push({ ref, source: src });
    }
    else if (src.kind !== 'unknown' && src.kind !== 'external') {
      r.res.unknownColumns.push({ ref, candidates: r.columnNames(src.columns), source: src });
    }
    return;
  }
  let innermost: Source[] | undefined;
  for (let x: Scope | undefined = s; x; x = x.parent) {
    if (x.aliases?.has(key)) return;
    // the first hit, and the others only when there are several (no array per reference)
    let hitSrc: Source | undefined;
    let hitCol: SourceColumn | undefined;
    let more: Source[] | undefined;
    let open = false;
    for (const src of x.sources) {
      if (!src.columns) {
        open = true;
        continue;
      }
      const col = r.findColumn(src.columns, key);
      if (!col) continue;
      if (!hitSrc) {
        hitSrc = src;
        hitCol = col;
      } else (more ??= [hitSrc]).push(src);
    }
    if (!innermost && x.sources.length) innermost = x.sources;
    if (hitSrc) {
      if (more) r.res.ambiguousColumns.push({ ref, sources: more });
      r.res.columns.set(ref, { source: hitSrc, column: hitCol });
      if (hitCol && r.addedInThisBatch(hitCol)) r.res.sameBatchColumns.push({ ref, source: hitSrc });
      return;
    }
    if (open) return;
  }
  if (!innermost || !innermost.length) return;
  if (innermost.some((src) => src.kind === 'unknown' || src.kind === 'external')) return;
  const candidates = innermost.length === 1 ? r.columnNames(innermost[0].columns ?? []) : innermost.flatMap((src) => src.columns ?? []).map((c) => c.name);
  r.res.unknownColumns.push({ ref, candidates, source: innermost.length === 1 ? innermost[0] : undefined });
}
