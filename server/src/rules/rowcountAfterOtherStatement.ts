import type * as A from '../sql/ast';
import type { Rule } from './rule';
import { nodesOfKind } from './util';

/** Statements that reset @@ROWCOUNT (to 0 or 1). */
const RESETS = new Set(['Print', 'SetOption', 'Transaction', 'Raiserror', 'Use', 'Cursor', 'SetVariable', 'If', 'Declare',
  'SetIdentityInsert', 'Drop', 'CreateTable', 'AlterTable', 'CreateIndex', 'Truncate']);
/** How the message names a statement kind. */
const SHOWN: Record<string, string> = {
  SetOption: 'SET', SetVariable: 'SET', SetIdentityInsert: 'SET IDENTITY_INSERT', Drop: 'DROP', CreateTable: 'CREATE TABLE',
  AlterTable: 'ALTER TABLE', CreateIndex: 'CREATE INDEX', Truncate: 'TRUNCATE TABLE',
};

/** Start offsets of every @@ROWCOUNT read, sorted: a node reads it when one falls inside its range. */
function rowcountReader(script: A.Script): (n: { range: A.Span } | undefined) => boolean {
  const starts = nodesOfKind<A.VariableRef>(script, 'Variable').filter((v) => /^@@rowcount$/i.test(v.name)).map((v) => v.range.start).sort((a, b) => a - b);
  return (n) => {
    if (!n || !starts.length) return false;
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < n.range.start) lo = mid + 1; else hi = mid; }
    return lo < starts.length && starts[lo] < n.range.end;
  };
}

function head(st: A.Statement): { range: A.Span } | undefined {
  if (st.kind === 'If') return st.condition;
  if (st.kind === 'While') return st.condition;
  if (st.kind === 'Block' || st.kind === 'TryCatch') return undefined;
  return st;
}

export const rowcountAfterOtherStatement: Rule = {
  id: 'rowcount-after-other-statement',
  defaultSeverity: 'warning',
  category: 'correctness',
  description: { en: '@@ROWCOUNT read after a statement that resets it (PRINT, SET, IF, COMMIT ...).', et: '@@ROWCOUNT loetakse pärast lauset, mis selle nullib (PRINT, SET, IF, COMMIT ...).' },
  check(ctx) {
    const readsRowcount = rowcountReader(ctx.script);
    const lists: A.Statement[][] = [
      ...(ctx.script.batches ?? []).map((b) => b.statements ?? []),
      ...nodesOfKind<A.BlockStatement>(ctx.script, 'Block').map((b) => b.statements ?? []),
      ...nodesOfKind<A.TryCatchStatement>(ctx.script, 'TryCatch').flatMap((t) => [t.tryStatements ?? [], t.catchStatements ?? []]),
      ...nodesOfKind<A.CreateRoutineStatement>(ctx.script, 'CreateRoutine').map((r) => r.body ?? []),
    ];
    for (const list of lists) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const h = head(list[i]);
        if (!h || !prev || !RESETS.has(prev.kind) || !readsRowcount(h)) continue;
        // DECLARE does not reset @@ROWCOUNT unless it initialises.
        if (prev.kind === 'Declare' && !prev.items?.some((d) => d.init)) continue;
        // SELECT @a = @@ERROR, @b = @@ROWCOUNT reads both at once: fine. IF that itself reads @@ROWCOUNT is also fine here.
        if (prev.kind === 'If' && readsRowcount(prev.condition)) continue;
        ctx.report(list[i].range.start === list[i].range.end ? list[i].range : { start: list[i].range.start, end: Math.min(list[i].range.end, list[i].range.start + 80) },
          `@@ROWCOUNT here reports the preceding ${SHOWN[prev.kind] ?? prev.kind.toUpperCase()} statement, not the data change.`,
          `@@ROWCOUNT näitab siin eelnevat ${SHOWN[prev.kind] ?? prev.kind.toUpperCase()} lauset, mitte andmemuudatust.`);
      }
    }
  },
};
