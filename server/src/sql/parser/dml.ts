// DML: INSERT, UPDATE, DELETE, MERGE and their SET items, WHERE [CURRENT OF], OUTPUT.

import type {
  ColumnRef,
  DeleteStatement,
  Expression,
  InsertSource,
  InsertStatement,
  MergeAction,
  MergeClause,
  MergeStatement,
  SetItem,
  Statement,
  UpdateStatement,
  WithClause,
} from '../ast';
import { makeObjectName, type Parser } from './core';
import { otherStatement } from './ddl';
import { expression, expressionList, rejectCondition } from './expressions';
import { optionClause, optionalAlias, outputClause, queryExpression, top, withClause } from './queries';
import { rowsetTarget, tableHints, tableRef, tableSources } from './tableSources';
import { cursorName, execStatement } from './statements';

export function insertStatement(p: Parser, w?: WithClause): InsertStatement {
  const start = w ? w.range.start : p.tok.start;
  p.expectWord('INSERT');
  const topClause = p.isWord('TOP') ? top(p) : undefined;
  p.acceptWord('INTO');
  const target = rowsetTarget(p) ?? p.objectName();
  const hints: string[] = [];
  if (p.isWord('WITH') && p.isOp('(', 1)) {
    p.next();
    const hs = p.tok.start;
    p.skipParens();
    hints.push(...p.textFrom(hs).slice(1, -1).split(',').map((s) => s.trim().toUpperCase()));
  }
  const columns = p.isOp('(') && !p.isWord('SELECT', 1) && !p.isWord('WITH', 1) ? p.parenIdentifierList() : undefined;
  const output = p.isWord('OUTPUT') ? outputClause(p) : undefined;
  const source = insertSource(p);
  const option = optionClause(p);
  return { kind: 'Insert', with: w, top: topClause, target, hints, columns, output, source, option, range: p.range(start) };
}

function insertSource(p: Parser): InsertSource {
  const start = p.tok.start;
  if (p.acceptWord('VALUES')) {
    const rows: Expression[][] = [];
    const rowRanges = [];
    do {
      const rs = p.expectOp('(').start;
      rows.push(p.isOp(')') ? [] : expressionList(p));
      p.expectOp(')');
      rowRanges.push(p.range(rs));
    } while (p.acceptOp(','));
    return { kind: 'Values', rows, rowRanges, range: p.range(start) };
  }
  if (p.isWord('DEFAULT') && p.isWord('VALUES', 1)) {
    p.pos += 2;
    return { kind: 'DefaultValues', range: p.range(start) };
  }
  if (p.isWord('EXEC') || p.isWord('EXECUTE')) {
    const exec = execStatement(p);
    return { kind: 'Exec', exec, range: exec.range };
  }
  if (p.isWord('SELECT') || p.isOp('(')) return { kind: 'Query', query: queryExpression(p), range: p.range(start) };
  if (p.isWord('WITH')) {
    // INSERT ... WITH cte AS (...) SELECT
    withClause(p);
    return { kind: 'Query', query: queryExpression(p), range: p.range(start) };
  }
  return p.fail('expected VALUES, SELECT, EXEC or DEFAULT VALUES');
}

/** a, t.a, dbo.t.a as a ColumnRef (not a full expression: `=` follows). */
function columnRef(p: Parser): ColumnRef {
  const start = p.tok.start;
  const parts = [p.identifier()];
  while (p.acceptOp('.')) parts.push(p.identifier(true));
  const ref: ColumnRef = { kind: 'ColumnRef', parts, column: parts[parts.length - 1], range: p.range(start) };
  if (parts.length > 1) ref.qualifier = parts.slice(0, -1);
  return ref;
}

export function setItems(p: Parser): SetItem[] {
  const items: SetItem[] = [];
  do {
    const start = p.tok.start;
    const item: SetItem = { kind: 'SetItem', op: '=', value: undefined as unknown as Expression, range: { start, end: start } };
    if (p.tok.type === 'var') {
      const v = p.next();
      item.variable = { kind: 'Variable', name: v.text, system: false, range: { start: v.start, end: v.end } };
      if (p.isOp('=') && (p.peek().type === 'word' || p.peek().type === 'quoted')) {
        // @v = col = expr
        const save = p.pos;
        p.next();
        const c = columnRef(p);
        if (p.isOp('=')) item.column = c;
        else p.pos = save;
      }
    } else {
      item.column = columnRef(p);
      if (p.isOp('(') && item.column.parts.length > 1) {
        methodSetItem(p, item);
        items.push(item);
        continue;
      }
    }
    const op = p.tok;
    if (op.type !== 'op' || !['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '||='].includes(op.text)) p.fail("expected '='");
    p.next();
    item.op = op.text;
    item.value = expression(p);
    rejectCondition(item.value);
    item.range = p.range(start);
    items.push(item);
  } while (p.acceptOp(','));
  return items;
}

/**
 * SET XmlVeerg.modify('...') | Tekst.WRITE(N'x', 0, NULL): a method that changes the column in place.
 * The column loses its last part (the method); the value is the call, op '.'.
 */
function methodSetItem(p: Parser, item: SetItem): void {
  const whole = item.column!;
  const method = whole.parts[whole.parts.length - 1];
  const parts = whole.parts.slice(0, -1);
  const column: ColumnRef = { kind: 'ColumnRef', parts, column: parts[parts.length - 1], range: { start: whole.range.start, end: parts[parts.length - 1].range.end } };
  if (parts.length > 1) column.qualifier = parts.slice(0, -1);
  item.column = column;
  p.expectOp('(');
  const args = p.isOp(')') ? [] : expressionList(p);
  p.expectOp(')');
  item.op = '.';
  item.value = { kind: 'FunctionCall', name: makeObjectName([method], method.range), args, range: p.range(method.range.start) };
  item.range = p.range(item.range.start);
}

/** What UPDATE and DELETE share after their target: OUTPUT, FROM, WHERE [CURRENT OF], OPTION. */
function changeTail<S extends UpdateStatement | DeleteStatement>(p: Parser, s: S, start: number): S {
  if (p.isWord('OUTPUT')) s.output = outputClause(p);
  if (p.acceptWord('FROM')) s.from = tableSources(p);
  if (p.acceptWord('WHERE')) {
    if (p.isWord('CURRENT') && p.isWord('OF', 1)) {
      p.pos += 2;
      p.acceptWord('GLOBAL');
      s.currentOf = cursorName(p);
    } else s.where = expression(p);
  }
  s.option = optionClause(p);
  s.range = p.range(start);
  return s;
}

export function updateStatement(p: Parser, w?: WithClause): Statement {
  const start = w ? w.range.start : p.tok.start;
  if (!w && p.isWord('STATISTICS', 1)) return otherStatement(p, start, 'UPDATE STATISTICS');
  p.expectWord('UPDATE');
  const topClause = p.isWord('TOP') ? top(p) : undefined;
  const target = tableRef(p, false);
  p.expectWord('SET');
  const set = setItems(p);
  return changeTail(p, { kind: 'Update', with: w, top: topClause, target, set, from: [], range: { start, end: start } }, start);
}

export function deleteStatement(p: Parser, w?: WithClause): DeleteStatement {
  const start = w ? w.range.start : p.tok.start;
  p.expectWord('DELETE');
  const topClause = p.isWord('TOP') ? top(p) : undefined;
  p.acceptWord('FROM');
  const target = tableRef(p, false);
  return changeTail(p, { kind: 'Delete', with: w, top: topClause, target, from: [], range: { start, end: start } }, start);
}

export function mergeStatement(p: Parser, w?: WithClause): MergeStatement {
  const start = w ? w.range.start : p.tok.start;
  p.expectWord('MERGE');
  const topClause = p.isWord('TOP') ? top(p) : undefined;
  p.acceptWord('INTO');
  // USING is not reserved: MERGE dbo.Isik USING ... must not take it for the target's alias
  const target = tableRef(p, false);
  if (!p.isWord('USING')) {
    target.alias = optionalAlias(p);
    const h = tableHints(p); // MERGE dbo.Isik AS i WITH (HOLDLOCK) USING ...
    if (h) target.hints.push(...h);
    target.range = p.range(target.range.start);
  }
  p.expectWord('USING');
  const sources = tableSources(p);
  if (sources.length !== 1) p.fail('expected one source table');
  p.expectWord('ON');
  const on = expression(p);
  const clauses: MergeClause[] = [];
  while (p.isWord('WHEN')) {
    const cs = p.next().start;
    let match: MergeClause['match'] = 'MATCHED';
    if (p.acceptWord('NOT')) {
      p.expectWord('MATCHED');
      match = 'NOT MATCHED BY TARGET';
      if (p.acceptWord('BY')) {
        if (p.acceptWord('SOURCE')) match = 'NOT MATCHED BY SOURCE';
        else p.expectWord('TARGET');
      }
    } else p.expectWord('MATCHED');
    const condition = p.acceptWord('AND') ? expression(p) : undefined;
    p.expectWord('THEN');
    const as = p.tok.start;
    let action: MergeAction;
    if (p.acceptWord('UPDATE')) {
      p.expectWord('SET');
      action = { kind: 'MergeUpdate', set: setItems(p), range: p.range(as) };
    } else if (p.acceptWord('DELETE')) {
      action = { kind: 'MergeDelete', range: p.range(as) };
    } else {
      p.expectWord('INSERT');
      if (p.isWord('DEFAULT')) {
        p.next();
        p.expectWord('VALUES');
        action = { kind: 'MergeInsert', defaultValues: true, range: p.range(as) };
      } else {
        const columns = p.isOp('(') ? p.parenIdentifierList() : undefined;
        p.expectWord('VALUES');
        p.expectOp('(');
        const values = expressionList(p);
        p.expectOp(')');
        action = { kind: 'MergeInsert', columns, values, defaultValues: false, range: p.range(as) };
      }
    }
    clauses.push({ kind: 'MergeClause', match, condition, action, range: p.range(cs) });
  }
  if (clauses.length === 0) p.fail('expected WHEN');
  const output = p.isWord('OUTPUT') ? outputClause(p) : undefined;
  const option = optionClause(p);
  return { kind: 'Merge', with: w, top: topClause, target, source: sources[0], on, clauses, output, option, range: p.range(start) };
}

