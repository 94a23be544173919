// Path-sensitive tracking of the transaction depth through a script: IF/ELSE, TRY/CATCH, GOTO/labels,
// RETURN, WHILE, GO (transactions survive batches). States are small sets of {depth, opener}.
import type * as A from '../sql/ast';
import { nodesByKind } from '../sql/visit';

export interface TxState {
  depth: number;
  /** The BEGIN TRAN that opened the outermost open transaction. */
  opener?: A.Span;
}

export interface TxEvents {
  /** Called for every statement with the states that can hold before it. */
  onStatement?(st: A.Statement, states: TxState[]): void;
  /** A path ends (RETURN, end of script or routine) with these states. */
  onExit?(states: TxState[], at: A.Span | undefined): void;
}

const MAX_DEPTH = 4;

function uniq(states: TxState[]): TxState[] {
  const m = new Map<string, TxState>();
  for (const s of states) m.set(`${s.depth}:${s.opener?.start ?? -1}`, s);
  return [...m.values()];
}

/** Does a condition test @@TRANCOUNT / XACT_STATE()? Returns which branch has an open transaction. */
function tranTest(cond: A.Expression | undefined): 'thenOpen' | 'thenClosed' | 'thenOpenElseAny' | undefined {
  const r = tranTestInner(cond);
  return r;
}

function tranTestInner(cond: A.Expression | undefined): 'thenOpen' | 'thenClosed' | 'thenOpenElseAny' | undefined {
  if (!cond) return undefined;
  let e: A.Expression = cond;
  while (e.kind === 'Paren') e = e.expr;
  let negate = false;
  if (e.kind === 'Unary' && e.op === 'NOT') { negate = true; e = e.operand; while (e.kind === 'Paren') e = e.expr; }
  if (e.kind !== 'Binary') return undefined;
  const isTc = (x: A.Expression) => (x.kind === 'Variable' && /^@@trancount$/i.test(x.name)) || (x.kind === 'FunctionCall' && /^xact_state$/i.test(x.name?.name?.name ?? ''));
  const isZero = (x: A.Expression) => x.kind === 'Literal' && x.value === '0';
  let r: 'thenOpen' | 'thenClosed' | 'thenOpenElseAny' | undefined;
  const [l, rr] = [e.left, e.right];
  if (isTc(l) && isZero(rr)) r = e.op === '=' ? 'thenClosed' : (['>', '<>', '!='].includes(e.op) ? 'thenOpen' : undefined);
  else if (isTc(rr) && isZero(l)) r = e.op === '=' ? 'thenClosed' : (['<', '<>', '!='].includes(e.op) ? 'thenOpen' : undefined);
  else if (isTc(l) && e.op === '>=' && rr.kind === 'Literal' && rr.value === '1') r = 'thenOpen';
  else if (isTc(l) && e.op === '=' && rr.kind === 'Literal' && /^1$/.test(rr.value)) r = 'thenOpen';
  else if (isTc(l) && e.op === '=' && rr.kind === 'Unary' && rr.op === '-') r = 'thenOpenElseAny';
  if (!r) return undefined;
  if (negate) return r === 'thenOpen' ? 'thenClosed' : r === 'thenClosed' ? 'thenOpen' : undefined;
  return r;
}

function raiserrorStops(st: A.RaiserrorStatement, inTry: boolean): boolean {
  const sev = st.args?.[1];
  const n = sev?.kind === 'Literal' && sev.literalType === 'integer' ? Number(sev.value) : undefined;
  if (n === undefined) return false;
  return n >= 20 || (inTry && n >= 11);
}

class Flow {
  private pending = new Map<string, TxState[]>();
  /** States seen inside each open TRY (what its CATCH can start with); `last` skips re-adding an unchanged list. */
  private catchCollect: { states: TxState[]; last?: TxState[] }[] = [];
  private savepoints = new Set<string>();
  /** States leaving each enclosing WHILE by BREAK or CONTINUE, innermost last. */
  private loops: { breaks: TxState[]; continues: TxState[] }[] = [];

  constructor(private readonly ev: TxEvents) {}

  resetBatch(): void {
    this.pending = new Map();
  }

  list(sts: A.Statement[] | undefined, states: TxState[]): TxState[] {
    let cur = states;
    for (const st of sts ?? []) cur = this.stmt(st, cur);
    return cur;
  }

  private note(states: TxState[]): void {
    for (const c of this.catchCollect) {
      if (c.last === states) continue;
      c.last = states;
      for (const x of states) c.states.push(x);
    }
  }

  stmt(st: A.Statement, states: TxState[]): TxState[] {
    if (!st) return states;
    if (st.kind === 'Label') {
      const key = st.label?.name?.toLowerCase() ?? '';
      const incoming = this.pending.get(key) ?? [];
      this.pending.delete(key);
      states = uniq([...states, ...incoming]);
    }
    if (states.length === 0) return states; // unreachable code
    this.ev.onStatement?.(st, states);
    let out: TxState[];
    switch (st.kind) {
      case 'Transaction': {
        if (st.action === 'begin') out = states.map((s) => ({ depth: Math.min(MAX_DEPTH, s.depth + 1), opener: s.depth === 0 ? st.range : s.opener }));
        else if (st.action === 'commit') out = states.map((s) => (s.depth <= 1 ? { depth: 0 } : { depth: s.depth - 1, opener: s.opener }));
        else if (st.action === 'rollback') {
          const n = st.name && 'name' in st.name ? st.name.name.toLowerCase() : '';
          out = n && this.savepoints.has(n) ? states : states.map(() => ({ depth: 0 }));
        } else {
          if (st.name && 'name' in st.name) this.savepoints.add(st.name.name.toLowerCase());
          out = states;
        }
        break;
      }
      case 'If': {
        const t = tranTest(st.condition);
        const thenIn = t === 'thenOpen' || t === 'thenOpenElseAny' ? states.filter((s) => s.depth > 0) : t === 'thenClosed' ? states.filter((s) => s.depth === 0) : states;
        const elseIn = t === 'thenOpen' ? states.filter((s) => s.depth === 0) : t === 'thenClosed' ? states.filter((s) => s.depth > 0) : states;
        const a = thenIn.length ? this.stmt(st.then, thenIn) : [];
        const b = st.else ? (elseIn.length ? this.stmt(st.else, elseIn) : []) : elseIn;
        out = uniq([...a, ...b]);
        break;
      }
      case 'While': {
        // The condition filters like IF's (WHILE @@TRANCOUNT > 0 ROLLBACK leaves nothing open); CONTINUE goes
        // back to the condition, BREAK straight to the loop's exit. One pass over the body approximates the rest.
        const t = tranTest(st.condition);
        const enter = (xs: TxState[]) => (t === 'thenOpen' || t === 'thenOpenElseAny' ? xs.filter((s) => s.depth > 0) : t === 'thenClosed' ? xs.filter((s) => s.depth === 0) : xs);
        const leave = (xs: TxState[]) => (t === 'thenOpen' ? xs.filter((s) => s.depth === 0) : t === 'thenClosed' ? xs.filter((s) => s.depth > 0) : xs);
        const loop = { breaks: [] as TxState[], continues: [] as TxState[] };
        this.loops.push(loop);
        const first = enter(states);
        const once = first.length ? this.stmt(st.body, first) : [];
        this.loops.pop();
        out = uniq([...leave([...states, ...once, ...loop.continues]), ...loop.breaks]);
        break;
      }
      case 'Break':
      case 'Continue': {
        const loop = this.loops[this.loops.length - 1];
        if (!loop) { out = states; break; }
        for (const s of states) (st.kind === 'Break' ? loop.breaks : loop.continues).push(s);
        out = [];
        break;
      }
      case 'Block':
        out = this.list(st.statements, states);
        break;
      case 'TryCatch': {
        const collected = { states: [...states], last: states };
        this.catchCollect.push(collected);
        const afterTry = this.list(st.tryStatements, states);
        this.catchCollect.pop();
        const afterCatch = this.list(st.catchStatements, uniq(collected.states));
        out = uniq([...afterTry, ...afterCatch]);
        break;
      }
      case 'Goto': {
        const key = st.label?.name?.toLowerCase() ?? '';
        this.pending.set(key, uniq([...(this.pending.get(key) ?? []), ...states]));
        out = [];
        break;
      }
      case 'Return':
        this.ev.onExit?.(states, st.range);
        out = [];
        break;
      case 'Throw':
        // Ends the batch with an error; XACT_ABORT or the caller deals with the transaction.
        out = [];
        break;
      case 'Raiserror':
        // Severity 11-19 inside TRY jumps to CATCH (the states are already noted for it); outside TRY
        // the script goes on. Severity 20+ WITH LOG ends the connection.
        out = raiserrorStops(st, this.catchCollect.length > 0) ? [] : states;
        break;
      case 'CreateRoutine':
        // A routine body is its own world: analysed separately.
        out = states;
        break;
      default:
        out = states;
    }
    this.note(out);
    return out;
  }
}

/** Runs the analysis over the whole script (and separately over each routine body). */
export function analyseTransactions(script: A.Script, ev: TxEvents): void {
  const flow = new Flow(ev);
  let states: TxState[] = [{ depth: 0 }];
  let last: A.Span | undefined;
  for (const b of script.batches ?? []) {
    flow.resetBatch();
    const cur = flow.list(b.statements, states.length ? states : [{ depth: 0 }]);
    // A batch that ended by THROW/RETURN: the next batch still runs with what was open.
    states = cur.length ? cur : states;
    if (b.statements?.length) last = b.statements[b.statements.length - 1].range;
  }
  ev.onExit?.(states, last);
  // Routine bodies.
  for (const r of (nodesByKind(script).get('CreateRoutine') ?? []) as unknown as A.CreateRoutineStatement[]) {
    if (r.routineType === 'TRIGGER') continue;
    const f = new Flow(ev);
    const end = f.list(r.body, [{ depth: 0 }]);
    ev.onExit?.(end, r.range);
  }
}

export interface TxFacts {
  statements: { st: A.Statement; states: TxState[] }[];
  exits: TxState[][];
}

const factsCache = new WeakMap<A.Script, TxFacts>();

/** The analysis result, computed once per tree and shared by the transaction rules. */
export function transactionFacts(script: A.Script): TxFacts {
  let f = factsCache.get(script);
  if (!f) {
    const facts: TxFacts = { statements: [], exits: [] };
    analyseTransactions(script, {
      onStatement: (st, states) => facts.statements.push({ st, states }),
      onExit: (states) => facts.exits.push(states),
    });
    f = facts;
    factsCache.set(script, f);
  }
  return f;
}
