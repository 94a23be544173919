// FROM clauses: table sources, joins (nested too), APPLY, table hints, FOR SYSTEM_TIME, TABLESAMPLE,
// PIVOT/UNPIVOT, derived tables, table-valued and rowset functions (OPENJSON ... WITH, OPENQUERY ...).

import type {
  ColumnDefinition,
  DerivedTable,
  Expression,
  FunctionCall,
  Identifier,
  Join,
  JoinType,
  ObjectName,
  SelectItem,
  SelectQuery,
  SetOperation,
  TableFunctionRef,
  TableRef,
  TableSource,
} from '../ast';
import { identifierName } from '../lexer';
import { RESERVED, type Token } from '../tokens';
import { ParseError, type Parser } from './core';
import { expression, expressionList, valueExpression } from './expressions';
import { deleteStatement, insertStatement, mergeStatement, updateStatement } from './dml';
import { optionalAlias, queryExpression, startsQuery } from './queries';

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
    if (left.kind === 'Join' && isPivot(p)) left = pivoted(p, left); // a JOIN b ON ... PIVOT (...) AS pv
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

/**
 * INSERT INTO | UPDATE | DELETE OPENQUERY(VANA, '...'): a rowset function as the target of a change,
 * named after the function with the name also as its server part (a remote table is not checked).
 */
export function rowsetTarget(p: Parser): ObjectName | undefined {
  const t = p.tok;
  if (t.type !== 'word' || !(t.upper === 'OPENQUERY' || t.upper === 'OPENROWSET' || t.upper === 'OPENDATASOURCE') || !p.isOp('(', 1)) return undefined;
  p.next();
  p.skipParens();
  skipRemoteName(p);
  const id: Identifier = { kind: 'Identifier', name: t.text, quoted: false, range: { start: t.start, end: t.end } };
  return { kind: 'ObjectName', parts: [id], name: id, server: id, range: p.range(t.start) };
}

/** OPENDATASOURCE(...).Taitur.dbo.Isik: the remote object's name (database parts may be empty). */
function skipRemoteName(p: Parser): void {
  while (p.isOp('.') && (p.isNameToken(p.peek()) || p.peek().type === 'word' || p.isOp('.', 1))) {
    p.next();
    if (!p.isOp('.')) p.next();
  }
}

/** A named table with alias and hints (targets of UPDATE/DELETE/MERGE use this too). */
export function tableRef(p: Parser, allowAlias = true): TableRef {
  const start = p.tok.start;
  const name = rowsetTarget(p) ?? p.objectName();
  const ref: TableRef = { kind: 'TableRef', name, hints: [], range: name.range };
  if (p.isWord('FOR') && p.isWord('SYSTEM_TIME', 1)) systemTime(p);
  else if (p.isWord('FOR') && p.isWord('PATH', 1)) p.pos += 2; // graph: Isik FOR PATH AS i2, in MATCH(SHORTEST_PATH(...))
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
    valueExpression(p);
    p.expectWord('AND');
    valueExpression(p);
  } else if (p.acceptWord('CONTAINED')) {
    p.expectWord('IN');
    p.skipParens();
  } else p.fail('expected AS OF, FROM, BETWEEN, CONTAINED IN or ALL');
}

function tablePrimary(p: Parser): TableSource {
  const source = tablePrimaryInner(p);
  return isPivot(p) ? pivoted(p, source) : source;
}

function isPivot(p: Parser): boolean {
  return (p.isWord('PIVOT') || p.isWord('UNPIVOT')) && p.isOp('(', 1);
}

/**
 * source PIVOT | UNPIVOT ( ... ) AS alias, repeated. A derived table keeps its query, takes the new
 * alias and, when its own columns are known, the pivoted column list. Any other source (a table, a
 * join, a function) becomes a derived table over SELECT * FROM it, so that only the new alias is
 * visible; `pivot` records the column change (the source's columns are known only with a schema).
 */
function pivoted(p: Parser, source: TableSource): TableSource {
  let out = source;
  while (isPivot(p)) {
    const unpivot = p.next().upper === 'UNPIVOT';
    const change = pivotClause(p, unpivot);
    const alias = optionalAlias(p);
    const info: NonNullable<DerivedTable['pivot']> = change
      ? { removed: change.removed, added: change.added.map((c) => c.name) }
      : { removed: [], added: [], shape: 'unknown' };
    if (out.kind === 'DerivedTable' && !out.pivot) {
      const before = derivedColumnNames(out);
      out.columns = before && change ? pivotedColumns(before, change) : undefined;
      if (alias) out.alias = alias;
    } else {
      const r = out.range;
      const star: SelectItem = { kind: 'Star', range: { start: r.start, end: r.start } };
      const query: SelectQuery = { kind: 'Select', distinct: false, columns: [star], from: [out], groupBy: [], orderBy: [], range: { start: r.start, end: r.end } };
      out = { kind: 'DerivedTable', query, alias, range: { start: r.start, end: r.end } };
    }
    out.pivot = info;
    out.range = p.range(out.range.start);
  }
  return out;
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
        let pivotColumn = p.identifier();
        while (p.acceptOp('.')) pivotColumn = p.identifier(true); // FOR k.Liik
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

const ROWSET_FUNCTIONS = new Set(['OPENQUERY', 'OPENROWSET', 'OPENXML', 'OPENDATASOURCE', 'CONTAINSTABLE', 'FREETEXTTABLE', 'SEMANTICKEYPHRASETABLE', 'SEMANTICSIMILARITYTABLE', 'SEMANTICSIMILARITYDETAILSTABLE', 'CHANGETABLE']);

function tablePrimaryInner(p: Parser): TableSource {
  const start = p.tok.start;
  // FROM ::fn_dblog(NULL, NULL), ::fn_trace_gettable(...): the old spelling of a system table-valued function
  if (p.isOp('::') && p.peek().type === 'word' && p.isOp('(', 2)) p.next();
  const t = p.tok;
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
    if (p.isWord('MERGE') || p.isWord('UPDATE') || p.isWord('DELETE') || p.isWord('INSERT')) return composableDml(p, start);
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
    skipRemoteName(p);
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

/**
 * INSERT INTO arhiiv.Logi SELECT ... FROM (MERGE | UPDATE | DELETE | INSERT ... OUTPUT ...) AS m: composable
 * DML. The statement is parsed for its syntax only; the source is an opaque table whose columns
 * are the OUTPUT list's names (or the column aliases given).
 */
function composableDml(p: Parser, start: number): TableFunctionRef {
  const kw = p.tok;
  const stmt = kw.upper === 'MERGE' ? mergeStatement(p) : kw.upper === 'UPDATE' ? updateStatement(p) : kw.upper === 'DELETE' ? deleteStatement(p) : insertStatement(p);
  p.expectOp(')');
  const id: Identifier = { kind: 'Identifier', name: kw.text, quoted: false, range: { start: kw.start, end: kw.end } };
  const call: FunctionCall = { kind: 'FunctionCall', name: { kind: 'ObjectName', parts: [id], name: id, range: id.range }, args: [], range: id.range };
  const tf = tableFunctionTail(p, call, start);
  const output = 'output' in stmt ? stmt.output : undefined;
  if (!tf.columns && output) {
    const names: Identifier[] = [];
    for (const item of output.items) {
      const name = item.kind === 'SelectColumn' ? (item.alias ?? (item.expr.kind === 'ColumnRef' ? item.expr.column : undefined)) : undefined;
      if (!name) return tf; // a * or an unnamed expression: columns unknown
      names.push({ kind: 'Identifier', name: name.name, quoted: name.quoted, range: name.range });
    }
    tf.columns = names;
  }
  return tf;
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
    if (p.isWord('COLLATE')) p.pos += 2; // OPENROWSET(BULK ...) WITH (Nimi varchar(50) COLLATE Latin1_General_100_BIN2_UTF8 2)
    if (p.tok.type === 'string' || p.tok.type === 'nstring' || p.tok.type === 'integer') p.next(); // '$.path' or a column ordinal
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
