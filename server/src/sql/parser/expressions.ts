// Expressions, by precedence: OR < AND < NOT < predicates/comparison < + - & | ^ < * / % < unary < COLLATE < primary.

import type {
  BinaryOperator,
  CaseExpression,
  Expression,
  FunctionCall,
  Identifier,
  Literal,
  OverClause,
  Span,
} from '../ast';
import { identifierName, stringValue } from '../lexer';
import type { Token } from '../tokens';
import { makeObjectName, ParseError, type Parser } from './core';
import { orderByList, queryExpression, startsQuery } from './queries';

export function expression(p: Parser): Expression {
  p.enter();
  try {
    return orExpr(p);
  } finally {
    p.leave();
  }
}

const CONDITION_OPS = new Set(['AND', 'OR', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>', 'IS DISTINCT FROM', 'IS NOT DISTINCT FROM']);

/**
 * A value that must not be a condition (UPDATE ... SET a = x AND b = y, SET @v = a > b): T-SQL has no boolean
 * values, SQL Server reports incorrect syntax. `=` is left out (SET @v = col = expr is valid).
 */
export function rejectCondition(value: Expression): void {
  const k = value.kind;
  const condition =
    (k === 'Binary' && CONDITION_OPS.has(value.op)) || (k === 'Unary' && value.op === 'NOT') ||
    k === 'IsNull' || k === 'Like' || k === 'Between' || k === 'In' || k === 'Exists';
  if (!condition) return;
  const and = k === 'Binary' && value.op === 'AND';
  throw new ParseError(
    and
      ? 'a condition where a value is expected: separate SET assignments with a comma, not AND'
      : 'a condition where a value is expected (T-SQL has no boolean values: use CASE WHEN ... THEN 1 ELSE 0 END)',
    value.range,
  );
}

/** A value without AND/OR/NOT and comparisons (`BETWEEN x AND y` bounds outside predicates). */
export function valueExpression(p: Parser): Expression {
  p.enter();
  try {
    return additive(p);
  } finally {
    p.leave();
  }
}

function orExpr(p: Parser): Expression {
  let left = andExpr(p);
  while (p.isWord('OR')) {
    p.next();
    const right = andExpr(p);
    left = bin('OR', conditionOperand(left, 'OR'), conditionOperand(right, 'OR'));
  }
  return left;
}

/**
 * T-SQL has no boolean values: AND/OR join conditions. A bare literal there (`WHERE Staatus = N'A' OR N'B'`,
 * `AND 1`) is SQL Server's error 4145 ("non-boolean type ... where a condition is expected"); the batch fails.
 */
function conditionOperand(e: Expression, op: string): Expression {
  if (e.kind === 'Literal') {
    throw new ParseError(`a value where a condition is expected: ${e.raw} after or before ${op} needs a comparison (x = ${e.raw})`, e.range);
  }
  return e;
}

function bin(op: BinaryOperator, left: Expression, right: Expression): Expression {
  return { kind: 'Binary', op, left, right, range: { start: left.range.start, end: right.range.end } };
}

function andExpr(p: Parser): Expression {
  let left = notExpr(p);
  while (p.isWord('AND')) {
    p.next();
    const right = notExpr(p);
    left = bin('AND', conditionOperand(left, 'AND'), conditionOperand(right, 'AND'));
  }
  return left;
}

function notExpr(p: Parser): Expression {
  if (p.isWord('NOT')) {
    const start = p.next().start;
    p.enter();
    let operand: Expression;
    try {
      operand = notExpr(p);
    } finally {
      p.leave();
    }
    return { kind: 'Unary', op: 'NOT', operand, range: { start, end: operand.range.end } };
  }
  return predicate(p);
}

const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>']);

function predicate(p: Parser): Expression {
  const left = additive(p);
  const start = left.range.start;
  const t = p.tok;
  if (t.type === 'op' && t.text === '*=') p.fail('old-style outer join *= is not supported since SQL Server 2012 (use LEFT JOIN)');
  if (t.type === 'op' && COMPARISON.has(t.text)) {
    const opEnd = t.end;
    const op = t.text as BinaryOperator;
    p.next();
    if (op === '=' && p.isOp('*') && p.tok.start === opEnd) p.fail('old-style outer join =* is not supported since SQL Server 2012 (use RIGHT JOIN)');
    if ((p.isWord('ALL') || p.isWord('ANY') || p.isWord('SOME')) && p.isOp('(', 1)) {
      const quantifier = p.next().upper as 'ALL' | 'ANY' | 'SOME';
      p.expectOp('(');
      const query = queryExpression(p);
      p.expectOp(')');
      return { kind: 'Quantified', op, quantifier, left, query, range: p.range(start) };
    }
    const right = additive(p);
    return bin(op, left, right);
  }
  if (t.type !== 'word') return left;
  if (t.upper === 'IS') {
    p.next();
    const not = p.acceptWord('NOT');
    if (p.isWord('DISTINCT') && p.isWord('FROM', 1)) {
      // a IS [NOT] DISTINCT FROM b: a null-safe comparison (SQL Server 2022)
      p.pos += 2;
      const right = additive(p);
      return bin(not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', left, right);
    }
    p.expectWord('NULL');
    return { kind: 'IsNull', expr: left, not, range: p.range(start) };
  }
  let not = false;
  if (t.upper === 'NOT' && (p.isWord('LIKE', 1) || p.isWord('BETWEEN', 1) || p.isWord('IN', 1))) {
    p.next();
    not = true;
  }
  if (p.acceptWord('LIKE')) {
    const pattern = additive(p);
    const escape = p.acceptWord('ESCAPE') ? additive(p) : undefined;
    return { kind: 'Like', expr: left, pattern, escape, not, range: p.range(start) };
  }
  if (p.acceptWord('BETWEEN')) {
    const low = additive(p);
    p.expectWord('AND');
    const high = additive(p);
    return { kind: 'Between', expr: left, low, high, not, range: p.range(start) };
  }
  if (p.acceptWord('IN')) {
    p.expectOp('(');
    if (startsQuery(p)) {
      const subquery = queryExpression(p);
      p.expectOp(')');
      return { kind: 'In', expr: left, subquery, not, range: p.range(start) };
    }
    const list = expressionList(p);
    p.expectOp(')');
    return { kind: 'In', expr: left, list, not, range: p.range(start) };
  }
  return left;
}

function additive(p: Parser): Expression {
  let left = multiplicative(p);
  for (;;) {
    const t = p.tok;
    if (t.type === 'op' && (t.text === '+' || t.text === '-' || t.text === '&' || t.text === '|' || t.text === '^' || t.text === '||')) {
      p.next();
      left = bin(t.text as BinaryOperator, left, multiplicative(p));
    } else if (t.type === 'op' && (t.text === '<' || t.text === '>') && p.isOp(t.text, 1) && p.peek().start === t.end) {
      // a << 2, a >> 1: bit shifts (SQL Server 2022), lexed as two adjacent < or >
      p.pos += 2;
      left = bin(t.text === '<' ? '<<' : '>>', left, multiplicative(p));
    } else return left;
  }
}

function multiplicative(p: Parser): Expression {
  let left = unary(p);
  for (;;) {
    const t = p.tok;
    if (t.type === 'op' && (t.text === '*' || t.text === '/' || t.text === '%')) {
      p.next();
      left = bin(t.text as BinaryOperator, left, unary(p));
    } else return left;
  }
}

function unary(p: Parser): Expression {
  const t = p.tok;
  if (t.type === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
    p.next();
    p.enter();
    let operand: Expression;
    try {
      operand = unary(p);
    } finally {
      p.leave();
    }
    return { kind: 'Unary', op: t.text as '-' | '+' | '~', operand, range: { start: t.start, end: operand.range.end } };
  }
  let e = primary(p);
  for (;;) {
    if (p.isWord('COLLATE')) {
      p.next();
      const c = p.identifier(true);
      e = { kind: 'Collate', expr: e, collation: c.name, range: { start: e.range.start, end: c.range.end } };
    } else if (p.isWord('AT') && p.isWord('TIME', 1) && p.isWord('ZONE', 2)) {
      p.pos += 3;
      const zone = primary(p);
      e = { kind: 'AtTimeZone', expr: e, zone, range: { start: e.range.start, end: zone.range.end } };
    } else return e;
  }
}

export function expressionList(p: Parser): Expression[] {
  const out = [expression(p)];
  while (p.acceptOp(',')) out.push(expression(p));
  return out;
}

const LITERAL_TYPES: Record<string, Literal['literalType']> = {
  string: 'string',
  nstring: 'nstring',
  integer: 'integer',
  decimal: 'decimal',
  float: 'float',
  money: 'money',
  binary: 'binary',
};

/** Reserved words that are nevertheless function names when followed by '('. */
const RESERVED_FUNCTIONS = new Set(['LEFT', 'RIGHT', 'UPDATE', 'COALESCE', 'NULLIF', 'USER', 'IDENTITY', 'CONTAINS', 'FREETEXT']);
/** Niladic functions written without parentheses. */
const NILADIC = new Set(['CURRENT_TIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'USER', 'CURRENT_DATE']);
const CAST_FNS = new Set(['CAST', 'TRY_CAST', 'CONVERT', 'TRY_CONVERT', 'PARSE', 'TRY_PARSE']);

export function literalFrom(t: Token): Literal {
  const literalType = LITERAL_TYPES[t.type];
  const isStr = literalType === 'string' || literalType === 'nstring';
  return { kind: 'Literal', literalType, value: isStr ? stringValue(t) : t.text, raw: t.text, range: { start: t.start, end: t.end } };
}

function primary(p: Parser): Expression {
  const t = p.tok;
  if (t.error) p.fail('invalid token');
  switch (t.type) {
    case 'string':
    case 'nstring':
    case 'integer':
    case 'decimal':
    case 'float':
    case 'money':
    case 'binary':
      p.next();
      return literalFrom(t);
    case 'var':
    case 'sysvar':
      p.next();
      if (t.type === 'var' && p.isOp('.') && p.peek().type === 'word') {
        // @xml.value('...', 'int'): method call on a variable; @g.Lat: a property (a call without arguments)
        p.next();
        const m = p.identifier(true);
        const v: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
        if (!p.isOp('(')) return methodCalls(p, { kind: 'FunctionCall', name: makeObjectName([v, m], p.range(t.start)), args: [], range: p.range(t.start) });
        return methodCalls(p, functionCall(p, [v, m], t.start));
      }
      return { kind: 'Variable', name: t.text, system: t.type === 'sysvar', range: { start: t.start, end: t.end } };
    case 'op':
      if (t.text === '(') {
        p.next();
        let inner: Expression;
        if (startsQuery(p)) {
          const query = queryExpression(p);
          p.expectOp(')');
          inner = { kind: 'Subquery', query, range: p.range(t.start) };
        } else {
          const expr = expression(p);
          p.expectOp(')');
          inner = { kind: 'Paren', expr, range: p.range(t.start) };
        }
        return methodCalls(p, inner);
      }
      if (t.text === '*') {
        p.next();
        return { kind: 'Star', range: { start: t.start, end: t.end } };
      }
      if (t.text === '{') return odbcEscape(p);
      return p.fail('expected an expression');
    case 'word':
    case 'quoted':
      return wordPrimary(p, t);
    default:
      return p.fail('expected an expression');
  }
}

/**
 * ODBC escapes: {d '2026-11-24'}, {t '10:00:00'}, {ts '...'}, {guid '...'} become a string literal
 * spanning the braces; {fn UCASE(x)} the function call (arguments parsed as plain expressions, so
 * the ODBC {fn CONVERT(x, SQL_VARCHAR)} order is accepted too).
 */
function odbcEscape(p: Parser): Expression {
  const start = p.expectOp('{').start;
  const t = p.tok;
  const u = t.type === 'word' ? t.upper : '';
  if ((u === 'D' || u === 'T' || u === 'TS' || u === 'GUID') && p.peek().type === 'string') {
    p.next();
    const lit = literalFrom(p.next());
    p.expectOp('}');
    lit.range = p.range(start);
    lit.raw = p.text.slice(start, lit.range.end);
    return lit;
  }
  if (u !== 'FN') p.fail('expected d, t, ts, guid or fn');
  p.next();
  const id = p.identifier(true);
  const fc = functionCall(p, [id], id.range.start);
  p.expectOp('}');
  fc.range = p.range(start);
  return fc;
}

/**
 * (SELECT ... FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'): an xml method called on a
 * parenthesised expression; modelled as a call of the method with the object as first argument.
 */
function methodCalls(p: Parser, e: Expression): Expression {
  while (p.isOp('.') && p.peek().type === 'word') {
    p.next();
    const m = p.identifier(true);
    let fc: FunctionCall;
    if (p.isOp('(')) fc = functionCall(p, [m], m.range.start);
    else fc = { kind: 'FunctionCall', name: makeObjectName([m], m.range), args: [], range: m.range }; // geography::Point(...).Lat
    fc.args.unshift(e);
    fc.range = p.range(e.range.start);
    e = fc;
  }
  return e;
}

function wordPrimary(p: Parser, t: Token): Expression {
  if (t.type === 'word') {
    const u = t.upper;
    if (u === 'NULL' || u === 'DEFAULT') {
      p.next();
      return { kind: 'Literal', literalType: u === 'NULL' ? 'null' : 'default', value: t.text, raw: t.text, range: { start: t.start, end: t.end } };
    }
    if (u === 'CASE') return caseExpr(p);
    if (CAST_FNS.has(u) && p.isOp('(', 1)) return methodCalls(p, castExpr(p)); // CAST(@s AS xml).value(...)
    if (u === 'EXISTS') {
      p.next();
      p.expectOp('(');
      const query = queryExpression(p);
      p.expectOp(')');
      return { kind: 'Exists', query, range: p.range(t.start) };
    }
    if (u === 'NEXT' && p.isWord('VALUE', 1) && p.isWord('FOR', 2)) {
      p.pos += 3;
      const sequence = p.objectName();
      if (p.isWord('OVER')) overClause(p); // NEXT VALUE FOR sq OVER (ORDER BY ...): numbering order only
      return { kind: 'NextValueFor', sequence, range: p.range(t.start) };
    }
    if (u === 'MATCH' && p.isOp('(', 1)) {
      // MATCH(a-(s)->b): a graph pattern (arrows are no expression), kept as an opaque call
      p.next();
      const id: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
      p.skipParens();
      return { kind: 'FunctionCall', name: makeObjectName([id], id.range), args: [], range: p.range(t.start) };
    }
    if (NILADIC.has(u) && !p.isOp('(', 1)) {
      p.next();
      const id: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
      return { kind: 'FunctionCall', name: makeObjectName([id], id.range), args: [], range: id.range };
    }
    if (RESERVED_FUNCTIONS.has(u) && p.isOp('(', 1)) {
      p.next();
      const id: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
      if (u === 'CONTAINS' || u === 'FREETEXT') return fullTextPredicate(p, id);
      return functionCall(p, [id], t.start);
    }
  }
  // multi-part name: column, qualified column, t.*, or function call
  const parts: Identifier[] = [p.identifier()];
  while (p.isOp('.')) {
    const dot = p.next();
    if (p.isOp('*')) {
      const star = p.next();
      return { kind: 'Star', qualifier: parts, range: { start: t.start, end: star.end } };
    }
    if (p.isOp('.')) {
      parts.push({ kind: 'Identifier', name: '', quoted: false, range: { start: dot.end, end: dot.end } });
      continue;
    }
    parts.push(p.identifier(true));
  }
  if (p.isOp('(')) return methodCalls(p, functionCall(p, parts, t.start)); // @h.GetDescendant(NULL, NULL).ToString()
  if (parts.length <= 3 && p.isOp('::') && p.peek().type === 'word' && p.isOp('(', 2)) {
    // geography::Point(59.43, 24.75, 4326), hierarchyid::GetRoot(), dbo.Tüüp::Loo(): a static method of a CLR type
    p.next();
    parts.push(p.identifier(true));
    return methodCalls(p, functionCall(p, parts, t.start));
  }
  const column = parts[parts.length - 1];
  const ref: Expression = { kind: 'ColumnRef', parts, column, range: p.range(t.start) };
  if (parts.length > 1) ref.qualifier = parts.slice(0, -1);
  return ref;
}

/**
 * CONTAINS | FREETEXT ( column | (col1, col2) | * | PROPERTY(col, 'p'), search [, LANGUAGE lang] ):
 * the columns of a list become separate arguments, * a Star argument.
 */
function fullTextPredicate(p: Parser, id: Identifier): FunctionCall {
  const start = id.range.start;
  const fc: FunctionCall = { kind: 'FunctionCall', name: makeObjectName([id], id.range), args: [], range: id.range };
  p.expectOp('(');
  if (p.isOp('*')) {
    const star = p.next();
    fc.args.push({ kind: 'Star', range: { start: star.start, end: star.end } });
  } else if (p.isOp('(') && !startsQuery(p, 1)) {
    p.next();
    fc.args.push(...expressionList(p));
    p.expectOp(')');
  } else fc.args.push(expression(p));
  p.expectOp(',');
  fc.args.push(expression(p));
  if (p.acceptOp(',')) {
    p.expectWord('LANGUAGE');
    fc.args.push(expression(p));
  }
  p.expectOp(')');
  fc.range = p.range(start);
  return fc;
}

function functionCall(p: Parser, parts: Identifier[], start: number): FunctionCall {
  const nameRange: Span = { start, end: parts[parts.length - 1].range.end };
  const fc: FunctionCall = { kind: 'FunctionCall', name: makeObjectName(parts, nameRange), args: [], range: nameRange };
  p.expectOp('(');
  if (p.isOp('*')) {
    p.next();
    fc.star = true;
  } else if (!p.isOp(')')) {
    if (p.acceptWord('DISTINCT')) fc.distinct = true;
    else p.acceptWord('ALL');
    // TRIM(BOTH | LEADING | TRAILING chars FROM x)
    if ((p.isWord('BOTH') || p.isWord('LEADING') || p.isWord('TRAILING')) && !p.isOp(')', 1) && !p.isOp(',', 1) && !p.isOp('.', 1)) {
      p.next();
      p.acceptWord('FROM'); // TRIM(TRAILING FROM x): no characters given
    }
    fc.args = jsonConstructorArgs(p);
    if (p.isWord('ORDER') && p.isWord('BY', 1)) {
      // JSON_ARRAYAGG(x ORDER BY y [NULL ON NULL]) (SQL Server 2025)
      p.pos += 2;
      fc.withinGroup = orderByList(p);
      if ((p.isWord('ABSENT') || p.isWord('NULL')) && p.isWord('ON', 1) && p.isWord('NULL', 2)) p.pos += 3;
    }
    // TRIM(chars FROM x), and similar keyword separators: keep the argument after it
    while (p.isWord('FROM') || p.isWord('AS')) {
      p.next();
      if (p.tok.type === 'word' && !p.isOp('(', 1) && !p.isOp('.', 1) && p.isOp(')', 1)) {
        p.next(); // AS type without params
      } else fc.args.push(expression(p));
    }
  }
  p.expectOp(')');
  if ((p.isWord('IGNORE') || p.isWord('RESPECT')) && p.isWord('NULLS', 1)) p.pos += 2;
  if (p.isWord('WITHIN') && p.isWord('GROUP', 1)) {
    p.pos += 2;
    p.expectOp('(');
    if (p.isWord('GRAPH') && p.isWord('PATH', 1)) p.pos += 2; // STRING_AGG(n.Nimi, '->') WITHIN GROUP (GRAPH PATH): SHORTEST_PATH order
    else {
      p.expectWord('ORDER');
      p.expectWord('BY');
      fc.withinGroup = orderByList(p);
    }
    p.expectOp(')');
  }
  if (p.isWord('OVER')) fc.over = overClause(p);
  fc.range = p.range(start);
  return fc;
}

/**
 * Arguments, also of JSON_OBJECT('key': value, ... [ABSENT | NULL ON NULL]) and
 * JSON_ARRAY(a, b [ABSENT | NULL ON NULL]): keys and values become plain arguments.
 */
function jsonConstructorArgs(p: Parser): Expression[] {
  const out: Expression[] = [];
  do {
    if ((p.isWord('ABSENT') || p.isWord('NULL')) && p.isWord('ON', 1) && p.isWord('NULL', 2)) break;
    out.push(expression(p));
    if (p.acceptOp(':')) out.push(expression(p));
  } while (p.acceptOp(','));
  if ((p.isWord('ABSENT') || p.isWord('NULL')) && p.isWord('ON', 1) && p.isWord('NULL', 2)) p.pos += 3;
  return out;
}

function overClause(p: Parser): OverClause {
  const start = p.expectWord('OVER').start;
  const over: OverClause = { kind: 'Over', partitionBy: [], orderBy: [], range: { start, end: start } };
  if (!p.isOp('(')) {
    // OVER w: a window named in the WINDOW clause (SQL Server 2022)
    p.identifier();
    over.range = p.range(start);
    return over;
  }
  p.expectOp('(');
  // OVER (w ORDER BY ...): a named window refined
  if (p.isNameToken() && !p.isWord('PARTITION') && !p.isWord('ORDER') && !p.isWord('ROWS') && !p.isWord('RANGE')) p.next();
  if (p.acceptWord('PARTITION')) {
    p.expectWord('BY');
    over.partitionBy = expressionList(p);
  }
  if (p.acceptWord('ORDER')) {
    p.expectWord('BY');
    over.orderBy = orderByList(p);
  }
  if (p.isWord('ROWS') || p.isWord('RANGE')) {
    const fs = p.tok.start;
    while (!p.atEnd() && !p.isOp(')')) {
      if (p.isOp('(')) p.skipParens();
      else p.next();
    }
    over.frame = p.textFrom(fs);
  }
  p.expectOp(')');
  over.range = p.range(start);
  return over;
}

function caseExpr(p: Parser): CaseExpression {
  const start = p.expectWord('CASE').start;
  const c: CaseExpression = { kind: 'Case', whens: [], range: { start, end: start } };
  if (!p.isWord('WHEN')) c.operand = expression(p);
  while (p.isWord('WHEN')) {
    const ws = p.next().start;
    const when = expression(p);
    p.expectWord('THEN');
    const then = expression(p);
    c.whens.push({ when, then, range: p.range(ws) });
  }
  if (c.whens.length === 0) p.fail('expected WHEN');
  if (p.acceptWord('ELSE')) c.else = expression(p);
  p.expectWord('END');
  c.range = p.range(start);
  return c;
}

function castExpr(p: Parser): Expression {
  const t = p.next();
  const fn = t.upper as 'CAST' | 'TRY_CAST' | 'CONVERT' | 'TRY_CONVERT' | 'PARSE' | 'TRY_PARSE';
  p.expectOp('(');
  if (fn === 'CONVERT' || fn === 'TRY_CONVERT') {
    const dataType = p.dataType();
    p.expectOp(',');
    const expr = expression(p);
    const style = p.acceptOp(',') ? expression(p) : undefined;
    p.expectOp(')');
    return { kind: 'Cast', fn, expr, dataType, style, range: p.range(t.start) };
  }
  const expr = expression(p);
  p.expectWord('AS');
  const dataType = p.dataType();
  if (p.acceptWord('USING')) expression(p);
  p.expectOp(')');
  return { kind: 'Cast', fn, expr, dataType, range: p.range(t.start) };
}

/** An alias given as a string: SELECT x AS 'Nimi'. */
export function stringAlias(t: Token): Identifier {
  return { kind: 'Identifier', name: t.type === 'quoted' ? identifierName(t) : stringValue(t), quoted: true, range: { start: t.start, end: t.end } };
}
