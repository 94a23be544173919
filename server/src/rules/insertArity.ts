import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { allStatements } from './util';
import { dmlTarget } from './dml';
import { insertableColumns } from './assignments';
import type { Resolution, Source } from '../resolve/types';

/** The FROM's table references with their bound sources, in order; undefined when one is not a plain table. */
function fromTables(from: A.TableSource[] | undefined, res: Resolution): Source[] | undefined {
  const out: Source[] = [];
  const visit = (t: A.TableSource | undefined): boolean => {
    if (!t) return false;
    if (t.kind === 'Join') return visit(t.left) && visit(t.right);
    if (t.kind !== 'TableRef') return false;
    const src = res.tables.get(t);
    if (!src?.columns) return false;
    out.push(src);
    return true;
  };
  for (const t of from ?? []) if (!visit(t)) return undefined;
  return out;
}

/** How many columns a SELECT returns; `*` and `t.*` count the columns of known tables; undefined when unknown. */
function selectWidth(q: A.QueryExpression | undefined, res: Resolution): number | undefined {
  if (!q) return undefined;
  if (q.kind === 'ParenQuery') return selectWidth(q.query, res);
  if (q.kind === 'SetOperation') return selectWidth(q.left, res);
  if (q.kind !== 'Select') return undefined;
  let width = 0;
  let tables: Source[] | undefined | null = null;
  for (const c of q.columns ?? []) {
    if (c?.kind !== 'Star') { width++; continue; }
    if (tables === null) tables = fromTables(q.from, res);
    if (!tables) return undefined;
    const qual = c.qualifier?.length ? c.qualifier[c.qualifier.length - 1].name.toLowerCase() : undefined;
    const hit = qual === undefined ? tables : tables.filter((t) => t.name.toLowerCase() === qual);
    if (qual !== undefined && hit.length !== 1) return undefined;
    for (const t of hit) width += t.columns!.length;
  }
  return width;
}

/** The SELECTs of a set operation, left to right (a plain query is its own only branch). */
function queryBranches(q: A.QueryExpression | undefined): A.QueryExpression[] {
  if (!q) return [];
  if (q.kind === 'SetOperation') return [...queryBranches(q.left), ...queryBranches(q.right)];
  return [q];
}

export const insertArity: Rule = {
  id: 'insert-arity',
  defaultSeverity: 'error',
  category: 'schema',
  needsSchema: true,
  description: { en: 'INSERT column count and value count differ.', et: 'INSERT-i veergude ja väärtuste arv erineb.' },
  check(ctx) {
    for (const { st } of allStatements(ctx.script)) {
      if (st.kind === 'Merge') {
        // WHEN NOT MATCHED THEN INSERT (cols) VALUES (...)
        for (const c of st.clauses ?? []) {
          const a = c?.action;
          if (a?.kind !== 'MergeInsert' || !a.values) continue;
          let want = a.columns?.length;
          if (want === undefined) {
            const t = dmlTarget(st, ctx.resolution);
            want = t ? insertableColumns(t)?.length : undefined;
          }
          if (want !== undefined && want !== a.values.length) ctx.report(a.range, `INSERT has ${want} column(s) but VALUES has ${a.values.length} value(s).`, `INSERT-il on ${want} veergu, aga VALUES-is on ${a.values.length} väärtust.`);
        }
        continue;
      }
      if (st.kind !== 'Insert') continue;
      let expected = st.columns?.length;
      if (expected === undefined) {
        const t = dmlTarget(st, ctx.resolution);
        expected = t ? insertableColumns(t)?.length : undefined;
      }
      if (expected === undefined) continue;
      const src = st.source;
      if (src?.kind === 'Values') {
        (src.rows ?? []).forEach((row, i) => {
          if (row.length !== expected) {
            const r = src.rowRanges?.[i] ?? src.range;
            ctx.report(r, `INSERT has ${expected} column(s) but this row has ${row.length} value(s).`, `INSERT-il on ${expected} veergu, aga real on ${row.length} väärtust.`);
          }
        });
      } else if (src?.kind === 'Query') {
        // every branch of UNION [ALL] / EXCEPT / INTERSECT must have the INSERT's width
        for (const branch of queryBranches(src.query)) {
          const w = selectWidth(branch, ctx.resolution);
          if (w !== undefined && w !== expected) {
            ctx.report(branch === src.query ? src.range : branch.range, `INSERT has ${expected} column(s) but the SELECT returns ${w}.`, `INSERT-il on ${expected} veergu, aga SELECT tagastab ${w}.`);
            break;
          }
        }
      }
    }
  },
};
