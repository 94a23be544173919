// SELECT queries, set operations, WITH (CTEs), TOP, ORDER BY, OUTPUT, OPTION; FROM clauses are in tableSources.ts.

import type {
  Cte,
  Expression,
  Identifier,
  OrderItem,
  OutputClause,
  QueryExpression,
  SelectItem,
  SelectQuery,
  SetOperation,
  Top,
  WithClause,
} from '../ast';
import { RESERVED } from '../tokens';
import type { Parser } from './core';
import { expression, expressionList, literalFrom, stringAlias } from './expressions';
import { tableSources } from './tableSources';

/** True when the current token starts a query (after an opening parenthesis). */
export function startsQuery(p: Parser, at = 0): boolean {
  if (p.isWord('SELECT', at) || p.isWord('WITH', at)) return true;
  // ((SELECT ...) UNION (SELECT ...))
  let k = at;
  while (p.isOp('(', k)) k++;
  return k > at && p.isWord('SELECT', k);
}

export function withClause(p: Parser): WithClause {
  const start = p.expectWord('WITH').start;
  const ctes: Cte[] = [];
  if (p.isWord('XMLNAMESPACES') && p.isOp('(', 1)) {
    // WITH XMLNAMESPACES ('urn:x' AS x, DEFAULT 'urn:y') [, cte AS (...)]
    p.next();
    p.skipParens();
    if (!p.acceptOp(',')) return { kind: 'With', ctes, range: p.range(start) };
  }
  if (p.isWord('CHANGE_TRACKING_CONTEXT') && p.isOp('(', 1)) {
    // WITH CHANGE_TRACKING_CONTEXT (@kontekst) UPDATE ...: tags the change, no CTE follows
    p.next();
    p.skipParens();
    return { kind: 'With', ctes, range: p.range(start) };
  }
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
  if (p.isOp('(')) {
    // TOP (10) * FROM ...: the parentheses end the expression, the star is the select list
    const open = p.next().start;
    const inner = expression(p);
    p.expectOp(')');
    expr = { kind: 'Paren', expr: inner, range: p.range(open) };
  } else {
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
  if (p.acceptWord('INTO')) {
    q.into = p.objectName();
    // SELECT ... INTO arhiiv.T ON [ARHIIV] FROM ...: the new table's filegroup (SQL Server 2017)
    if (p.isWord('ON') && (p.peek().type === 'quoted' || p.peek().type === 'word')) p.pos += 2;
  }
  if (p.acceptWord('FROM')) q.from = tableSources(p);
  if (p.acceptWord('WHERE')) q.where = expression(p);
  if (p.isWord('GROUP') && p.isWord('BY', 1)) {
    p.pos += 2;
    p.acceptWord('ALL');
    q.groupBy = groupByList(p);
  }
  if (p.acceptWord('HAVING')) q.having = expression(p);
  if (startsWindowClause(p)) {
    // WINDOW w AS (PARTITION BY ...), v AS (w ORDER BY ...): named windows, not modelled
    p.next();
    do {
      p.identifier();
      p.expectWord('AS');
      p.skipParens();
    } while (p.acceptOp(','));
  }
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
    p.next(); // XML | JSON | BROWSE (BROWSE is reserved)
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
      groupingElements(p, out);
    } else if ((p.isWord('ROLLUP') || p.isWord('CUBE')) && p.isOp('(', 1)) {
      p.next();
      groupingElements(p, out);
    } else out.push(expression(p));
  } while (p.acceptOp(','));
  // legacy GROUP BY a, b WITH ROLLUP | CUBE
  if (p.isWord('WITH') && (p.isWord('ROLLUP', 1) || p.isWord('CUBE', 1))) p.pos += 2;
  return out;
}

/** ( element, ... ) of GROUPING SETS / ROLLUP / CUBE; an element may be (a, b), () or a nested ROLLUP/CUBE. */
function groupingElements(p: Parser, out: Expression[]): void {
  p.expectOp('(');
  do {
    if ((p.isWord('ROLLUP') || p.isWord('CUBE')) && p.isOp('(', 1)) {
      p.next();
      groupingElements(p, out);
    } else if (p.isOp('(') && !startsQuery(p, 1)) {
      p.next();
      if (!p.isOp(')')) out.push(...expressionList(p));
      p.expectOp(')');
    } else out.push(expression(p));
  } while (p.acceptOp(','));
  p.expectOp(')');
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '||=']);

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
  if (p.isNameToken(t) && !(t.type === 'word' && NOT_ALIAS.has(t.upper)) && !(t.type === 'word' && p.isOp(':', 1)) && !startsUnreservedStatement(p) && !startsWindowClause(p)) return p.identifier();
  return undefined;
}

/** WINDOW w AS ( ... ) after FROM/WHERE/GROUP BY/HAVING. */
function startsWindowClause(p: Parser): boolean {
  return p.isWord('WINDOW') && p.isNameToken(p.peek()) && p.isWord('AS', 2) && p.isOp('(', 3);
}

/** DISABLE TRIGGER, ENABLE TRIGGER, SEND ON, GET/MOVE CONVERSATION: statements whose first word is not reserved. */
export function startsUnreservedStatement(p: Parser): boolean {
  const t = p.tok;
  if (t.type !== 'word') return false;
  switch (t.upper) {
    case 'DISABLE':
    case 'ENABLE':
      return p.isWord('TRIGGER', 1);
    case 'SEND':
      return p.isWord('ON', 1) && p.isWord('CONVERSATION', 2);
    case 'GET':
    case 'MOVE':
      return p.isWord('CONVERSATION', 1);
    default:
      return false;
  }
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
    if (p.isWord('OUTPUT')) {
      // OUTPUT ... INTO @log OUTPUT ...: a second list returned to the client; parsed, not kept
      p.next();
      selectItems(p);
    }
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
