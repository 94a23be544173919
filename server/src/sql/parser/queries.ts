// SELECT queries, set operations, WITH (CTEs), TOP, ORDER BY, table sources and joins, OUTPUT.

import type {
  ColumnDefinition,
  Cte,
  DerivedTable,
  Expression,
  FunctionCall,
  Identifier,
  Join,
  JoinType,
  OrderItem,
  OutputClause,
  QueryExpression,
  SelectItem,
  SelectQuery,
  SetOperation,
  TableFunctionRef,
  TableRef,
  TableSource,
  Top,
  WithClause,
} from '../ast';
import { identifierName } from '../lexer';
import { RESERVED, type Token } from '../tokens';
import { ParseError, type Parser } from './core';
import { expression, expressionList, literalFrom, stringAlias } from './expressions';

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
  if (p.acceptWord('INTO')) q.into = p.objectName();
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

function nestedJoins(p: Parser): TableSource {
  p.enter();
  try {
    return joins(p, true);
  } finally {
    p.leave();
  }
}

function joinedTable(p: Parser): TableSource {
  p.enter();
  try {
    return joins(p);
  } finally {
    p.leave();
  }
}

function joins(p: Parser, nested = false): TableSource {
  let left = tablePrimary(p);
  for (;;) {
    if (nested && p.isWord('ON')) return left;
    const jt = joinType(p);
    if (!jt) return left;
    const qualified = jt === 'INNER' || jt === 'LEFT' || jt === 'RIGHT' || jt === 'FULL';
    // A LEFT JOIN B JOIN C ON c.x = b.x ON b.x = a.x: the right side is itself a join chain
    const right = qualified ? nestedJoins(p) : tablePrimary(p);
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
  if (p.isWord('FOR') && p.isWord('SYSTEM_TIME', 1)) systemTime(p);
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

/** FOR SYSTEM_TIME AS OF x | FROM x TO y | BETWEEN x AND y | CONTAINED IN (x, y) | ALL: skipped. */
function systemTime(p: Parser): void {
  p.pos += 2;
  if (p.acceptWord('ALL')) return;
  if (p.acceptWord('AS')) {
    p.expectWord('OF');
    expression(p);
  } else if (p.acceptWord('FROM')) {
    expression(p);
    p.expectWord('TO');
    expression(p);
  } else if (p.acceptWord('BETWEEN')) {
    expression(p); // x AND y parses as one AND expression
    if (p.acceptWord('AND')) expression(p);
  } else if (p.acceptWord('CONTAINED')) {
    p.expectWord('IN');
    p.skipParens();
  } else p.fail('expected AS OF, FROM, BETWEEN, CONTAINED IN or ALL');
}

function tablePrimary(p: Parser): TableSource {
  const source = tablePrimaryInner(p);
  // PIVOT / UNPIVOT ( ... ) AS alias: the pivoted source keeps the new alias; a derived table also
  // gets the pivoted column list when its own columns are known (otherwise the clause is skipped)
  while ((p.isWord('PIVOT') || p.isWord('UNPIVOT')) && p.isOp('(', 1)) {
    const unpivot = p.next().upper === 'UNPIVOT';
    const change = pivotClause(p, unpivot);
    const alias = optionalAlias(p);
    if (alias && 'alias' in source) source.alias = alias;
    if (source.kind === 'DerivedTable') {
      const before = derivedColumnNames(source);
      source.columns = before && change ? pivotedColumns(before, change) : undefined;
    }
    source.range = p.range(source.range.start);
  }
  return source;
}

interface PivotChange {
  /** Source columns consumed by the operator. */
  removed: string[];
  /** New output columns. */
  added: Identifier[];
}

/**
 * PIVOT (agg(valueColumn) FOR pivotColumn IN ([a], [b])) or UNPIVOT (value FOR name IN (c1, c2)).
 * Returns the column change, or undefined when the clause has an unexpected shape (it is then skipped).
 */
function pivotClause(p: Parser, unpivot: boolean): PivotChange | undefined {
  const open = p.pos;
  try {
    const change = pivotShape(p, unpivot);
    if (change) return change;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
  }
  p.pos = open;
  p.skipParens();
  return undefined;
}

function pivotShape(p: Parser, unpivot: boolean): PivotChange | undefined {
  p.expectOp('(');
  const copy = (id: Identifier): Identifier => ({ kind: 'Identifier', name: id.name, quoted: id.quoted, range: id.range });
  if (unpivot) {
    if (p.isNameToken() && p.isWord('FOR', 1)) {
      const value = p.identifier();
      p.next();
      const name = p.identifier(true);
      if (p.acceptWord('IN') && p.isOp('(')) {
        const cols = p.parenIdentifierList();
        if (p.acceptOp(')')) return { removed: cols.map((c) => c.name), added: [copy(value), copy(name)] };
      }
    }
  } else {
    const agg = p.tok.type === 'word' && p.isOp('(', 1) ? p.pos : -1;
    if (agg >= 0) {
      p.next();
      const argStart = p.pos + 1; // after the (
      p.skipParens();
      // SUM(Summa) / MAX(s.[Summa]): the value column; a computed argument consumes no known column
      const inner = p.tokens.slice(argStart, p.pos - 1);
      const plain = inner.length > 0 && inner.every((t) => t.type === 'quoted' || (t.type === 'word' && !RESERVED.has(t.upper)) || (t.type === 'op' && t.text === '.'));
      const used = plain ? inner.filter((t) => t.type !== 'op') : [];
      if (p.acceptWord('FOR') && p.isNameToken()) {
        const pivotColumn = p.identifier();
        if (p.acceptWord('IN') && p.isOp('(')) {
          const values = p.parenIdentifierList();
          if (p.acceptOp(')')) {
            const valueColumn = used.length ? identifierText(used[used.length - 1]) : undefined;
            return { removed: valueColumn ? [valueColumn, pivotColumn.name] : [pivotColumn.name], added: values.map(copy) };
          }
        }
      }
    }
  }
  return undefined;
}

function identifierText(t: Token): string {
  return t.type === 'quoted' ? identifierName(t) : t.text;
}

/** Output column names of a derived table when every one is known (no *, no unnamed expression). */
function derivedColumnNames(d: DerivedTable): Identifier[] | undefined {
  if (d.columns) return d.columns;
  let q = d.query;
  while (q.kind === 'SetOperation') q = q.left;
  if (q.kind !== 'Select') return undefined;
  const out: Identifier[] = [];
  for (const c of q.columns) {
    if (c.kind !== 'SelectColumn') return undefined;
    const id = c.alias ?? (c.expr.kind === 'ColumnRef' ? c.expr.column : undefined);
    if (!id) return undefined;
    out.push({ kind: 'Identifier', name: id.name, quoted: id.quoted, range: id.range });
  }
  return out;
}

function pivotedColumns(before: Identifier[], change: PivotChange): Identifier[] {
  const removed = new Set(change.removed.map((n) => n.toLowerCase()));
  return [...before.filter((c) => !removed.has(c.name.toLowerCase())), ...change.added];
}

const ROWSET_FUNCTIONS = new Set(['OPENQUERY', 'OPENROWSET', 'OPENXML', 'OPENDATASOURCE']);

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
  if (t.type === 'word' && ROWSET_FUNCTIONS.has(t.upper) && p.isOp('(', 1)) {
    // OPENQUERY(srv, '...'), OPENROWSET(BULK ..., SINGLE_CLOB), OPENXML(@h, '/x', 2): arguments not modelled
    p.next();
    const id: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
    p.skipParens();
    const call: FunctionCall = { kind: 'FunctionCall', name: { kind: 'ObjectName', parts: [id], name: id, range: id.range }, args: [], range: p.range(start) };
    return tableFunctionTail(p, call, start);
  }
  const varMethod = t.type === 'var' && p.isOp('.', 1) && p.isOp('(', 3); // @x.nodes('/a') AS n(c)
  if ((t.type === 'var' && !varMethod) || (t.type !== 'var' && !p.isOp('(', 1 + nameLength(p)))) {
    const ref = tableRef(p);
    if (p.isWord('TABLESAMPLE')) {
      p.next();
      p.acceptWord('SYSTEM');
      p.skipParens();
      if (p.isWord('REPEATABLE') && p.isOp('(', 1)) {
        p.next();
        p.skipParens();
      }
      if (!ref.alias) ref.alias = optionalAlias(p);
      ref.range = p.range(start);
    }
    return ref;
  }
  // table-valued function
  const call = expression(p);
  if (call.kind !== 'FunctionCall') return p.fail('expected a table');
  return tableFunctionTail(p, call, start);
}

/** After a table-valued function call: WITH (columns), alias, (column aliases). */
function tableFunctionTail(p: Parser, call: FunctionCall, start: number): TableFunctionRef {
  const tf: TableFunctionRef = { kind: 'TableFunctionRef', call, range: call.range };
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
