// SELECT queries, set operations, WITH (CTEs), TOP, ORDER BY, table sources and joins, OUTPUT.

import type {
  ColumnDefinition,
  Cte,
  Expression,
  Identifier,
  Join,
  JoinType,
  OrderItem,
  OutputClause,
  QueryExpression,
  SelectItem,
  SelectQuery,
  SetOperation,
  TableRef,
  TableSource,
  Top,
  WithClause,
} from '../ast';
import { RESERVED } from '../tokens';
import type { Parser } from './core';
import { expression, expressionList, literalFrom, stringAlias } from './expressions';

/** True when the current token starts a query (after an opening parenthesis). */
export function startsQuery(p: Parser): boolean {
  if (p.isWord('SELECT') || p.isWord('WITH')) return true;
  // ((SELECT ...) UNION (SELECT ...))
  let k = 0;
  while (p.isOp('(', k)) k++;
  return k > 0 && p.isWord('SELECT', k);
}

export function withClause(p: Parser): WithClause {
  const start = p.expectWord('WITH').start;
  const ctes: Cte[] = [];
  do {
    const cs = p.tok.start;
    const name = p.identifier();
    const columns = p.isOp('(') ? p.parenIdentifierList() : undefined;
    p.expectWord('AS');
    p.expectOp('(');
    const query = queryExpression(p);
    p.expectOp(')');
    ctes.push({ kind: 'Cte', name, columns, query, range: p.range(cs) });
  } while (p.acceptOp(','));
  return { kind: 'With', ctes, range: p.range(start) };
}

export function queryExpression(p: Parser): QueryExpression {
  p.enter();
  try {
    return setOperations(p);
  } finally {
    p.leave();
  }
}

/** UNION [ALL] and EXCEPT, left to right, over INTERSECT terms (INTERSECT binds tighter). */
function setOperations(p: Parser): QueryExpression {
  const start = p.tok.start;
  let left = intersections(p);
  for (;;) {
    let op: 'UNION' | 'UNION ALL' | 'EXCEPT';
    if (p.acceptWord('UNION')) op = p.acceptWord('ALL') ? 'UNION ALL' : 'UNION';
    else if (p.acceptWord('EXCEPT')) op = 'EXCEPT';
    else break;
    const right = intersections(p);
    left = { kind: 'SetOperation', op, left, right, orderBy: [], range: p.range(start) };
  }
  if (left.kind === 'SetOperation') hoistOrderBy(left);
  return left;
}

function intersections(p: Parser): QueryExpression {
  const start = p.tok.start;
  let left = queryTerm(p);
  while (p.acceptWord('INTERSECT')) {
    const right = queryTerm(p);
    left = { kind: 'SetOperation', op: 'INTERSECT', left, right, orderBy: [], range: p.range(start) };
  }
  return left;
}

/** ORDER BY / OFFSET after the last operand belong to the whole set operation. */
function hoistOrderBy(whole: SetOperation): void {
  let last = whole.right;
  while (last.kind === 'SetOperation') last = last.right;
  if (last.kind !== 'Select' || (last.orderBy.length === 0 && !last.offset)) return;
  whole.orderBy = last.orderBy;
  whole.offset = last.offset;
  whole.fetch = last.fetch;
  last.orderBy = [];
  last.offset = undefined;
  last.fetch = undefined;
}

function queryTerm(p: Parser): QueryExpression {
  if (p.isOp('(')) {
    const start = p.next().start;
    const query = queryExpression(p);
    p.expectOp(')');
    const orderBy = p.isWord('ORDER') ? orderByClause(p) : [];
    return { kind: 'ParenQuery', query, orderBy, range: p.range(start) };
  }
  return selectQuery(p);
}

export function top(p: Parser): Top {
  const start = p.expectWord('TOP').start;
  let expr: Expression;
  if (p.isOp('(')) expr = expression(p);
  else {
    const t = p.tok;
    if (t.type !== 'integer' && t.type !== 'decimal' && t.type !== 'var') p.fail('expected a number after TOP');
    p.next(); // TOP 10 * would otherwise parse as a product
    expr = t.type === 'var' ? { kind: 'Variable', name: t.text, system: false, range: { start: t.start, end: t.end } } : literalFrom(t);
  }
  const percent = p.acceptWord('PERCENT');
  let withTies = false;
  if (p.isWord('WITH') && p.isWord('TIES', 1)) {
    p.pos += 2;
    withTies = true;
  }
  return { kind: 'Top', expr, percent, withTies, range: p.range(start) };
}

function orderByClause(p: Parser): OrderItem[] {
  p.expectWord('ORDER');
  p.expectWord('BY');
  return orderByList(p);
}

export function orderByList(p: Parser): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = expression(p);
    let direction: 'ASC' | 'DESC' | undefined;
    if (p.isWord('ASC') || p.isWord('DESC')) direction = p.next().upper as 'ASC' | 'DESC';
    items.push({ kind: 'OrderItem', expr, direction, range: p.range(expr.range.start) });
  } while (p.acceptOp(','));
  return items;
}

export function selectQuery(p: Parser): SelectQuery {
  const start = p.expectWord('SELECT').start;
  const q: SelectQuery = { kind: 'Select', distinct: false, columns: [], from: [], groupBy: [], orderBy: [], range: { start, end: start } };
  if (p.acceptWord('DISTINCT')) q.distinct = true;
  else p.acceptWord('ALL');
  if (p.isWord('TOP')) q.top = top(p);
  q.columns = selectItems(p);
  if (p.acceptWord('INTO')) q.into = p.objectName();
  if (p.acceptWord('FROM')) q.from = tableSources(p);
  if (p.acceptWord('WHERE')) q.where = expression(p);
  if (p.isWord('GROUP') && p.isWord('BY', 1)) {
    p.pos += 2;
    p.acceptWord('ALL');
    q.groupBy = groupByList(p);
  }
  if (p.acceptWord('HAVING')) q.having = expression(p);
  if (p.isWord('ORDER') && p.isWord('BY', 1)) q.orderBy = orderByClause(p);
  if (p.isWord('OFFSET')) {
    p.next();
    q.offset = expression(p);
    if (!p.acceptWord('ROWS')) p.expectWord('ROW');
    if (p.acceptWord('FETCH')) {
      if (!p.acceptWord('NEXT')) p.expectWord('FIRST');
      q.fetch = expression(p);
      if (!p.acceptWord('ROWS')) p.expectWord('ROW');
      p.expectWord('ONLY');
    }
  }
  if (p.isWord('FOR') && (p.isWord('XML', 1) || p.isWord('JSON', 1) || p.isWord('BROWSE', 1))) {
    const fs = p.next().start;
    while (!p.atEnd() && (p.tok.type === 'word' || p.isOp(',') || p.isOp('(')) && !(p.tok.type === 'word' && RESERVED.has(p.tok.upper) && p.tok.upper !== 'ROOT')) {
      if (p.isOp('(')) p.skipParens();
      else p.next();
    }
    q.forClause = p.textFrom(fs);
  }
  q.range = p.range(start);
  return q;
}

function groupByList(p: Parser): Expression[] {
  const out: Expression[] = [];
  do {
    if (p.isWord('GROUPING') && p.isWord('SETS', 1)) {
      p.pos += 2;
      p.expectOp('(');
      do {
        out.push(expression(p));
      } while (p.acceptOp(','));
      p.expectOp(')');
    } else out.push(expression(p));
  } while (p.acceptOp(','));
  return out;
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=']);

export function selectItems(p: Parser): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(selectItem(p));
  while (p.acceptOp(','));
  return items;
}

function selectItem(p: Parser): SelectItem {
  const t = p.tok;
  const start = t.start;
  // SELECT @v = expr
  if (t.type === 'var' && p.peek().type === 'op' && ASSIGN_OPS.has(p.peek().text)) {
    p.next();
    const op = p.next().text;
    const expr = expression(p);
    return { kind: 'SelectAssign', variable: { kind: 'Variable', name: t.text, system: false, range: { start: t.start, end: t.end } }, op, expr, range: p.range(start) };
  }
  // alias = expr
  if ((p.isNameToken(t) || t.type === 'string') && p.isOp('=', 1)) {
    p.next();
    p.next();
    const expr = expression(p);
    const alias = t.type === 'string' ? stringAlias(t) : { kind: 'Identifier' as const, name: p.text.slice(t.start, t.end), quoted: t.type === 'quoted', range: { start: t.start, end: t.end } };
    if (t.type === 'quoted') alias.name = stringAlias(t).name;
    return { kind: 'SelectColumn', expr, alias, range: p.range(start) };
  }
  const expr = expression(p);
  if (expr.kind === 'Star') return expr;
  const alias = optionalAlias(p);
  return { kind: 'SelectColumn', expr, alias, range: p.range(start) };
}

/** Words that follow a table or expression but are never an implicit alias. */
const NOT_ALIAS = new Set(['THROW', 'APPLY', 'OFFSET', 'ROWS', 'ROW', 'FETCH']);

export function optionalAlias(p: Parser): Identifier | undefined {
  if (p.acceptWord('AS')) {
    const t = p.tok;
    if (t.type === 'string' || t.type === 'nstring') {
      p.next();
      return stringAlias(t);
    }
    return p.identifier(true);
  }
  const t = p.tok;
  if (t.type === 'string' && !t.error) {
    p.next();
    return stringAlias(t);
  }
  if (p.isNameToken(t) && !(t.type === 'word' && NOT_ALIAS.has(t.upper)) && !(t.type === 'word' && p.isOp(':', 1))) return p.identifier();
  return undefined;
}

export function tableSources(p: Parser): TableSource[] {
  const out = [joinedTable(p)];
  while (p.acceptOp(',')) out.push(joinedTable(p));
  return out;
}

function joinType(p: Parser): JoinType | undefined {
  const u = p.tok.type === 'word' ? p.tok.upper : '';
  const hint = (k: number): number => (['HASH', 'LOOP', 'MERGE', 'REMOTE'].includes(p.peek(k).upper) ? 1 : 0);
  if (u === 'JOIN') {
    p.next();
    return 'INNER';
  }
  if (u === 'INNER' && p.isWord('JOIN', 1 + hint(1))) {
    p.pos += 2 + hint(1);
    return 'INNER';
  }
  if (u === 'LEFT' || u === 'RIGHT' || u === 'FULL') {
    let k = 1;
    if (p.isWord('OUTER', 1)) k++;
    k += hint(k);
    if (!p.isWord('JOIN', k)) return undefined;
    p.pos += k + 1;
    return u;
  }
  if (u === 'CROSS' && p.isWord('JOIN', 1)) {
    p.pos += 2;
    return 'CROSS';
  }
  if (u === 'CROSS' && p.isWord('APPLY', 1)) {
    p.pos += 2;
    return 'CROSS APPLY';
  }
  if (u === 'OUTER' && p.isWord('APPLY', 1)) {
    p.pos += 2;
    return 'OUTER APPLY';
  }
  return undefined;
}

function joinedTable(p: Parser): TableSource {
  p.enter();
  try {
    return joins(p);
  } finally {
    p.leave();
  }
}

function joins(p: Parser): TableSource {
  let left = tablePrimary(p);
  for (;;) {
    const jt = joinType(p);
    if (!jt) return left;
    const right = tablePrimary(p);
    const join: Join = { kind: 'Join', joinType: jt, left, right, range: { start: left.range.start, end: right.range.end } };
    if (jt === 'INNER' || jt === 'LEFT' || jt === 'RIGHT' || jt === 'FULL') {
      p.expectWord('ON');
      join.on = expression(p);
    }
    join.range = p.range(left.range.start);
    left = join;
  }
}

const LEGACY_HINTS = new Set(['NOLOCK', 'READUNCOMMITTED', 'UPDLOCK', 'HOLDLOCK', 'ROWLOCK', 'TABLOCK', 'TABLOCKX', 'PAGLOCK', 'READPAST', 'XLOCK', 'SERIALIZABLE', 'REPEATABLEREAD', 'READCOMMITTED', 'NOWAIT', 'INDEX']);

/** WITH (NOLOCK, INDEX(ix)) or legacy (NOLOCK): returns upper-cased hint words, or undefined if none here. */
export function tableHints(p: Parser): string[] | undefined {
  const legacy = p.isOp('(') && p.peek().type === 'word' && LEGACY_HINTS.has(p.peek().upper);
  if (!legacy && !(p.isWord('WITH') && p.isOp('(', 1))) return undefined;
  if (!legacy) p.next();
  p.expectOp('(');
  const hints: string[] = [];
  let depth = 1;
  while (!p.atEnd() && depth > 0) {
    const t = p.next();
    if (t.type === 'op' && t.text === '(') depth++;
    else if (t.type === 'op' && t.text === ')') depth--;
    else if (t.type === 'word' && depth === 1) hints.push(t.upper);
  }
  if (depth > 0) p.fail("expected ')'");
  return hints;
}

/** A named table with alias and hints (targets of UPDATE/DELETE/MERGE use this too). */
export function tableRef(p: Parser, allowAlias = true): TableRef {
  const start = p.tok.start;
  const name = p.objectName();
  const ref: TableRef = { kind: 'TableRef', name, hints: [], range: name.range };
  let h = tableHints(p);
  if (h) ref.hints.push(...h);
  if (allowAlias) {
    ref.alias = optionalAlias(p);
    h = tableHints(p);
    if (h) ref.hints.push(...h);
  }
  ref.range = p.range(start);
  return ref;
}

function tablePrimary(p: Parser): TableSource {
  const source = tablePrimaryInner(p);
  // PIVOT / UNPIVOT ( ... ) AS alias: not modelled; the pivoted source keeps the new alias
  while ((p.isWord('PIVOT') || p.isWord('UNPIVOT')) && p.isOp('(', 1)) {
    p.next();
    p.skipParens();
    const alias = optionalAlias(p);
    if (alias && 'alias' in source) source.alias = alias;
    source.range = p.range(source.range.start);
  }
  return source;
}

function tablePrimaryInner(p: Parser): TableSource {
  const t = p.tok;
  const start = t.start;
  if (p.isOp('(')) {
    if (p.isWord('VALUES', 1)) {
      p.pos += 2;
      const rows: Expression[][] = [];
      do {
        p.expectOp('(');
        rows.push(expressionList(p));
        p.expectOp(')');
      } while (p.acceptOp(','));
      p.expectOp(')');
      const alias = optionalAlias(p);
      const columns = alias && p.isOp('(') ? p.parenIdentifierList() : undefined;
      return { kind: 'ValuesTable', rows, alias, columns, range: p.range(start) };
    }
    p.next();
    if (startsQuery(p)) {
      const query = queryExpression(p);
      p.expectOp(')');
      const alias = optionalAlias(p);
      const columns = alias && p.isOp('(') ? p.parenIdentifierList() : undefined;
      return { kind: 'DerivedTable', query, alias, columns, range: p.range(start) };
    }
    const inner = joinedTable(p);
    p.expectOp(')');
    inner.range = p.range(start);
    return inner;
  }
  if (t.type === 'var' || !p.isOp('(', 1 + nameLength(p))) {
    const ref = tableRef(p);
    if (p.isWord('TABLESAMPLE')) {
      p.next();
      p.skipParens();
      ref.range = p.range(start);
    }
    return ref;
  }
  // table-valued function
  const call = expression(p);
  if (call.kind !== 'FunctionCall') p.fail('expected a table');
  const tf: TableSource = { kind: 'TableFunctionRef', call, range: call.range };
  if (p.isWord('WITH') && p.isOp('(', 1)) {
    p.next();
    tf.withColumns = withColumnList(p);
  }
  tf.alias = optionalAlias(p);
  if (tf.alias && p.isOp('(')) tf.columns = p.parenIdentifierList();
  tf.range = p.range(start);
  return tf;
}

/** OPENJSON(...) / OPENXML(...) WITH ( name type [ 'path' ] [ AS JSON ], ... ): the columns the function returns. */
function withColumnList(p: Parser): ColumnDefinition[] {
  p.expectOp('(');
  const out: ColumnDefinition[] = [];
  do {
    const start = p.tok.start;
    const name = p.identifier(true);
    const dataType = p.dataType();
    if (p.tok.type === 'string' || p.tok.type === 'nstring') p.next();
    if (p.isWord('AS') && p.isWord('JSON', 1)) p.pos += 2;
    out.push({ kind: 'ColumnDefinition', name, dataType, range: p.range(start) });
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

/** Number of tokens in the multi-part name at the cursor, minus one (a.b.c -> 4). */
function nameLength(p: Parser): number {
  let k = 0;
  while (p.isOp('.', k + 1)) k += p.isOp('.', k + 2) ? 1 : 2;
  return k;
}

export function outputClause(p: Parser): OutputClause {
  const start = p.expectWord('OUTPUT').start;
  const items = selectItems(p);
  const out: OutputClause = { kind: 'Output', items, range: p.range(start) };
  if (p.isWord('INTO')) {
    const is = p.next().start;
    const target = p.objectName();
    const columns = p.isOp('(') ? p.parenIdentifierList() : undefined;
    out.into = { target, columns, range: p.range(is) };
  }
  out.range = p.range(start);
  return out;
}

/** OPTION ( ... ) as text. */
export function optionClause(p: Parser): string | undefined {
  if (!(p.isWord('OPTION') && p.isOp('(', 1))) return undefined;
  const start = p.next().start;
  p.skipParens();
  return p.textFrom(start);
}
