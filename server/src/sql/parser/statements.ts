// Statement dispatch, statement lists with error recovery, control flow and DML.

import type {
  CursorDefinition,
  DeclareItem,
  ErrorStatement,
  ExecArgument,
  ExecStatement,
  Expression,
  Identifier,
  Statement,
  TransactionStatement,
  VariableRef,
  WithClause,
} from '../ast';
import { STATEMENT_START } from '../tokens';
import { ParseError, type Parser } from './core';
import { alterStatement, createStatement, dropStatement, otherStatement, permissionStatement, tableDefinition } from './ddl';
import { expression, expressionList, rejectCondition } from './expressions';
import { deleteStatement, insertStatement, mergeStatement, updateStatement } from './dml';
import { optionClause, queryExpression, selectQuery, startsUnreservedStatement, withClause } from './queries';

/** Parses statements until the batch ends or `stop` says so (e.g. at END). Never throws. */
export function statementList(p: Parser, stopAtEnd: boolean, firstInBatch = false): Statement[] {
  const out: Statement[] = [];
  while (!p.atEnd()) {
    if (stopAtEnd && p.isWord('END') && !p.isWord('CONVERSATION', 1)) break;
    out.push(statement(p, firstInBatch && out.length === 0));
  }
  return out;
}

/** One statement (and its optional `;`); a parse error becomes an ErrorStatement. */
export function statement(p: Parser, firstInBatch = false): Statement {
  const startPos = p.pos;
  const start = p.tok.start;
  try {
    p.enter();
    let s: Statement | undefined;
    try {
      s = statementInner(p, firstInBatch);
    } finally {
      p.leave();
    }
    if (!s) throw new ParseError('expected a statement', { start, end: p.tok.end });
    p.acceptOp(';');
    return s;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    if (p.pos === startPos) p.next();
    recover(p);
    const err: ErrorStatement = { kind: 'Error', message: e.message, errorRange: e.range, range: p.range(start) };
    const first = p.tokens[startPos];
    if (first && first.type === 'word') err.partial = first.upper;
    p.acceptOp(';');
    return err;
  }
}

/** Skips to a plausible statement start: a statement keyword outside parentheses, `;`, END or batch end. */
function recover(p: Parser): void {
  let depth = 0;
  let caseDepth = 0;
  while (!p.atEnd()) {
    const t = p.tok;
    if (t.type === 'op') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth = Math.max(0, depth - 1);
      else if (t.text === ';' && depth === 0) return;
    } else if (t.type === 'word') {
      if (t.upper === 'CASE') caseDepth++;
      else if (t.upper === 'END' && caseDepth > 0) {
        caseDepth--;
        p.next();
        continue;
      }
      if (depth === 0 && STATEMENT_START.has(t.upper) && (t.nl || t.upper === 'END' || t.upper === 'ELSE')) return;
      if (depth === 0 && t.nl && p.isOp(':', 1)) return; // label
    }
    p.next();
  }
}

function statementInner(p: Parser, firstInBatch: boolean): Statement | undefined {
  const t = p.tok;
  if (t.type === 'op') {
    if (t.text === ';') {
      p.next();
      return { kind: 'Empty', range: { start: t.start, end: t.end } };
    }
    if (t.text === '(') return selectStatement(p);
    if ((t.text === ':' && t.nl && p.peek().type === 'word') || (t.text === '!' && t.nl && p.isOp('!', 1) && p.peek().start === t.end)) {
      // SQLCMD command (:setvar, :r, :on error, !! shell command): the rest of the line
      p.next();
      while (!p.atEnd() && !p.tok.nl) p.next();
      return { kind: 'Other', keyword: 'SQLCMD', range: p.range(t.start) };
    }
    return p.fail('expected a statement');
  }
  if (t.type !== 'word') {
    // [dbo].[p_Parandus] @a = 1 as the first statement of a batch: a procedure call without EXEC
    if (t.type === 'quoted' && firstInBatch && !t.error && !p.isOp(':', 1)) return execBody(p, t.start);
    return p.fail('expected a statement');
  }
  const u = t.upper;
  switch (u) {
    case 'SELECT':
      return selectStatement(p);
    case 'WITH':
      if (p.isOp('(', 1)) return p.fail('expected a statement');
      return withStatement(p);
    case 'INSERT':
      return insertStatement(p);
    case 'UPDATE':
      return updateStatement(p);
    case 'DELETE':
      return deleteStatement(p);
    case 'MERGE':
      return mergeStatement(p);
    case 'DECLARE':
      return declareStatement(p);
    case 'SET':
      return setStatement(p);
    case 'IF':
      return ifStatement(p);
    case 'WHILE': {
      p.next();
      const condition = expression(p);
      const body = statement(p);
      return { kind: 'While', condition, body, range: p.range(t.start) };
    }
    case 'BEGIN':
      return beginStatement(p);
    case 'COMMIT':
    case 'ROLLBACK':
    case 'SAVE':
      return transactionStatement(p);
    case 'EXEC':
    case 'EXECUTE':
      // EXECUTE AS USER = N'...' | CALLER | LOGIN = ... : a context switch, not a call
      if (p.isWord('AS', 1)) return otherStatement(p, t.start, 'EXECUTE AS');
      return execStatement(p);
    case 'PRINT': {
      p.next();
      const expr = expression(p);
      return { kind: 'Print', expr, range: p.range(t.start) };
    }
    case 'RAISERROR':
      return raiserror(p);
    case 'THROW': {
      p.next();
      const args = startsExpression(p) ? expressionList(p) : [];
      return { kind: 'Throw', args, range: p.range(t.start) };
    }
    case 'RETURN': {
      p.next();
      if (p.isOp('(') && p.isWord('WITH', 1) && !p.isOp('(', 2)) {
        // inline table-valued function: RETURN (WITH cte AS (...) SELECT ...) is its query
        p.next();
        const w = withClause(p);
        const query = queryExpression(p);
        p.expectOp(')');
        return { kind: 'SelectStatement', with: w, query, range: p.range(t.start) };
      }
      const expr = startsExpression(p) ? expression(p) : undefined;
      return { kind: 'Return', expr, range: p.range(t.start) };
    }
    case 'GOTO': {
      p.next();
      const label = p.identifier(true);
      return { kind: 'Goto', label, range: p.range(t.start) };
    }
    case 'BREAK':
      p.next();
      return { kind: 'Break', range: { start: t.start, end: t.end } };
    case 'CONTINUE':
      p.next();
      return { kind: 'Continue', range: { start: t.start, end: t.end } };
    case 'WAITFOR': {
      p.next();
      if (p.acceptWord('DELAY')) return { kind: 'Waitfor', delay: expression(p), range: p.range(t.start) };
      if (p.acceptWord('TIME')) return { kind: 'Waitfor', time: expression(p), range: p.range(t.start) };
      return otherStatement(p, t.start, 'WAITFOR');
    }
    case 'OPEN':
    case 'CLOSE':
    case 'DEALLOCATE': {
      // OPEN SYMMETRIC KEY k DECRYPTION BY ..., CLOSE MASTER KEY, CLOSE ALL SYMMETRIC KEYS: not cursors
      if (u !== 'DEALLOCATE' && ((p.isWord('SYMMETRIC', 1) && p.isWord('KEY', 2)) || (p.isWord('MASTER', 1) && p.isWord('KEY', 2)) || (p.isWord('ALL', 1) && p.isWord('SYMMETRIC', 2)))) {
        return otherStatement(p, t.start, `${u} KEY`);
      }
      p.next();
      p.acceptWord('GLOBAL');
      const cursor = cursorName(p);
      return { kind: 'Cursor', action: u.toLowerCase() as 'open' | 'close' | 'deallocate', cursor, range: p.range(t.start) };
    }
    case 'FETCH':
      return fetchStatement(p);
    case 'USE': {
      p.next();
      const database = p.identifier(true);
      return { kind: 'Use', database, range: p.range(t.start) };
    }
    case 'CREATE':
      return createStatement(p);
    case 'ALTER':
      return alterStatement(p);
    case 'DROP':
      return dropStatement(p);
    case 'TRUNCATE': {
      p.next();
      p.expectWord('TABLE');
      const table = p.objectName();
      if (p.isWord('WITH') && p.isOp('(', 1)) {
        p.next();
        p.skipParens();
      }
      return { kind: 'Truncate', table, range: p.range(t.start) };
    }
    case 'GRANT':
    case 'DENY':
    case 'REVOKE':
      return permissionStatement(p);
    case 'END':
      if (p.isWord('CONVERSATION', 1)) return otherStatement(p, t.start, 'END CONVERSATION');
      return p.fail('END without BEGIN');
    case 'ELSE':
      return p.fail('ELSE without IF');
  }
  // label:
  if (p.isOp(':', 1) && !t.error) {
    const label = p.identifier(true);
    p.next();
    return { kind: 'Label', label, range: p.range(t.start) };
  }
  if (OTHER_STATEMENTS.has(u)) return otherStatement(p, t.start, u);
  // a procedure call without EXEC is allowed as the first statement of a batch
  if (firstInBatch && p.isNameToken()) return execBody(p, t.start);
  return p.fail(`unknown statement '${t.text}'`);
}

const OTHER_STATEMENTS = new Set([
  'DBCC', 'BULK', 'CHECKPOINT', 'RECONFIGURE', 'KILL', 'BACKUP', 'RESTORE', 'ENABLE', 'DISABLE', 'SHUTDOWN', 'REVERT',
  'SETUSER', 'RECEIVE', 'SEND', 'GET', 'MOVE', 'READTEXT', 'WRITETEXT', 'UPDATETEXT', 'ADD', 'END CONVERSATION',
]);

/** Reserved words that can begin an expression (RETURN NULLIF(...), RETURN CURRENT_TIMESTAMP). */
const RESERVED_EXPRESSION_STARTS = new Set([
  'NULL', 'CASE', 'CAST', 'CONVERT', 'TRY_CONVERT', 'NULLIF', 'COALESCE', 'LEFT', 'RIGHT',
  'CURRENT_TIMESTAMP', 'CURRENT_USER', 'CURRENT_DATE', 'SESSION_USER', 'SYSTEM_USER', 'USER',
]);

/** Whether the next token can begin an optional trailing expression (RETURN x, THROW a, b, c). */
function startsExpression(p: Parser): boolean {
  const t = p.tok;
  if (p.atEnd()) return false;
  if (t.type === 'op') return t.text === '(' || t.text === '-' || t.text === '+' || t.text === '~' || t.text === '{';
  if (t.type === 'word') {
    if (STATEMENT_START.has(t.upper) || p.isOp(':', 1)) return false;
    return p.isNameToken(t) || RESERVED_EXPRESSION_STARTS.has(t.upper);
  }
  return true;
}

export function cursorName(p: Parser): Identifier {
  if (p.tok.type === 'var') return p.variableIdentifier();
  return p.identifier(true);
}

function selectStatement(p: Parser, w?: WithClause): Statement {
  const start = w ? w.range.start : p.tok.start;
  const query = queryExpression(p);
  const option = optionClause(p);
  return { kind: 'SelectStatement', with: w, query, option, range: p.range(start) };
}

function withStatement(p: Parser): Statement {
  const w = withClause(p);
  if (p.isWord('SELECT') || p.isOp('(')) return selectStatement(p, w);
  if (p.isWord('INSERT')) return insertStatement(p, w);
  if (p.isWord('UPDATE')) return updateStatement(p, w);
  if (p.isWord('DELETE')) return deleteStatement(p, w);
  if (p.isWord('MERGE')) return mergeStatement(p, w);
  return p.fail('expected SELECT, INSERT, UPDATE, DELETE or MERGE after WITH');
}

const CURSOR_OPTIONS = new Set(['LOCAL', 'GLOBAL', 'FORWARD_ONLY', 'SCROLL', 'STATIC', 'KEYSET', 'DYNAMIC', 'FAST_FORWARD', 'READ_ONLY', 'SCROLL_LOCKS', 'OPTIMISTIC', 'TYPE_WARNING', 'INSENSITIVE']);

function cursorDefinition(p: Parser, start: number, options: string[]): CursorDefinition {
  while (p.tok.type === 'word' && CURSOR_OPTIONS.has(p.tok.upper)) options.push(p.next().upper);
  p.expectWord('FOR');
  const w = p.isWord('WITH') && !p.isOp('(', 1) ? withClause(p) : undefined;
  const query = queryExpression(p);
  const def: CursorDefinition = { kind: 'CursorDefinition', options, query, range: p.range(start) };
  if (w) def.with = w;
  if (p.isWord('FOR') && (p.isWord('UPDATE', 1) || p.isWord('READ', 1))) {
    p.next();
    if (p.acceptWord('READ')) p.expectWord('ONLY');
    else {
      p.next();
      def.forUpdate = p.acceptWord('OF') ? p.identifierList() : true;
    }
  }
  def.range = p.range(start);
  return def;
}

function declareStatement(p: Parser): Statement {
  const start = p.expectWord('DECLARE').start;
  const items: DeclareItem[] = [];
  do {
    const is = p.tok.start;
    if (p.tok.type !== 'var') {
      // DECLARE name [INSENSITIVE] [SCROLL] CURSOR ...
      const name = p.identifier();
      const options: string[] = [];
      while (p.isWord('INSENSITIVE') || p.isWord('SCROLL')) options.push(p.next().upper);
      const cs = p.expectWord('CURSOR').start;
      const cursor = cursorDefinition(p, cs, options);
      items.push({ kind: 'DeclareItem', name, cursor, range: p.range(is) });
      continue;
    }
    const name = p.variableIdentifier();
    p.acceptWord('AS');
    const item: DeclareItem = { kind: 'DeclareItem', name, range: { start: is, end: is } };
    if (p.isWord('TABLE')) {
      p.next();
      item.table = tableDefinition(p);
    } else if (p.isWord('CURSOR')) {
      p.next();
    } else {
      item.dataType = p.dataType();
      if (p.acceptOp('=')) item.init = expression(p);
    }
    item.range = p.range(is);
    items.push(item);
  } while (p.acceptOp(','));
  return { kind: 'Declare', items, range: p.range(start) };
}

function setStatement(p: Parser): Statement {
  const start = p.expectWord('SET').start;
  const t = p.tok;
  if (t.type === 'var' && p.isOp('.', 1)) {
    // SET @x.modify('...'): an xml method call, not an assignment
    return otherStatement(p, start, 'SET');
  }
  if (t.type === 'var') {
    p.next();
    const variable: VariableRef = { kind: 'Variable', name: t.text, system: false, range: { start: t.start, end: t.end } };
    const op = p.tok;
    if (op.type !== 'op' || !['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '||='].includes(op.text)) p.fail("expected '='");
    p.next();
    if (p.isWord('CURSOR')) {
      const cs = p.next().start;
      const cursor = cursorDefinition(p, cs, []);
      return { kind: 'SetVariable', variable, op: op.text, value: { kind: 'Literal', literalType: 'null', value: '', raw: '', range: cursor.range }, cursor, range: p.range(start) };
    }
    const value = expression(p);
    rejectCondition(value);
    return { kind: 'SetVariable', variable, op: op.text, value, range: p.range(start) };
  }
  if (p.acceptWord('IDENTITY_INSERT')) {
    const table = p.objectName();
    const v = p.tok;
    if (!(p.isWord('ON') || p.isWord('OFF'))) p.fail('expected ON or OFF');
    p.next();
    return { kind: 'SetIdentityInsert', table, on: v.upper === 'ON', range: p.range(start) };
  }
  if (p.isWord('TRANSACTION') || p.isWord('TRAN')) {
    p.next();
    p.expectWord('ISOLATION');
    p.expectWord('LEVEL');
    const words: string[] = [];
    while (p.tok.type === 'word' && !p.tok.nl && ['READ', 'COMMITTED', 'UNCOMMITTED', 'REPEATABLE', 'SERIALIZABLE', 'SNAPSHOT'].includes(p.tok.upper)) words.push(p.next().upper);
    if (words.length === 0) p.fail('expected an isolation level');
    return { kind: 'SetOption', options: ['TRANSACTION ISOLATION LEVEL'], value: words.join(' '), range: p.range(start) };
  }
  // SET NOCOUNT ON | SET ANSI_NULLS, QUOTED_IDENTIFIER OFF | SET STATISTICS IO, TIME ON | SET DATEFORMAT dmy
  const options: string[] = [];
  do {
    if (p.tok.type !== 'word' || p.tok.error) p.fail('expected an option name');
    const words = [p.next().upper];
    while (p.tok.type === 'word' && !p.tok.nl && !p.isWord('ON') && !p.isWord('OFF') && (p.isWord('ON', 1) || p.isWord('OFF', 1) || p.isOp(',', 1))) words.push(p.next().upper);
    options.push(words.join(' '));
  } while (p.acceptOp(','));
  const v = p.tok;
  let value = '';
  if (v.type === 'word' && (v.upper === 'ON' || v.upper === 'OFF')) {
    p.next();
    value = v.upper;
  } else if (!p.atEnd() && !p.isOp(';') && !(v.type === 'word' && (v.nl || STATEMENT_START.has(v.upper)))) {
    const vs = v.start;
    if (v.type === 'word') p.next();
    else expression(p);
    value = p.textFrom(vs).toUpperCase();
  }
  return { kind: 'SetOption', options, value, range: p.range(start) };
}

function ifStatement(p: Parser): Statement {
  const start = p.expectWord('IF').start;
  const condition = expression(p);
  if (p.atEnd()) p.fail('expected a statement after IF');
  const then = statement(p);
  const s: Statement = { kind: 'If', condition, then, range: p.range(start) };
  if (p.acceptWord('ELSE')) {
    if (p.atEnd()) p.fail('expected a statement after ELSE');
    s.else = statement(p);
  }
  s.range = p.range(start);
  return s;
}

/** Statements up to END [kw]; a missing END becomes an ErrorStatement at the end of the list. */
function blockBody(p: Parser, endWord?: string): Statement[] {
  const list = statementList(p, true);
  if (p.isWord('END') && (!endWord || p.isWord(endWord, 1))) {
    const end = p.next();
    if (endWord) p.next();
    // SQL Server rejects BEGIN END and BEGIN TRY END TRY without a statement (comments and ; do not
    // count; a label does); an empty CATCH block is allowed
    if (endWord !== 'CATCH' && !list.some((s) => s.kind !== 'Empty')) {
      const message = endWord ? `BEGIN ${endWord} needs at least one statement` : 'BEGIN...END needs at least one statement';
      list.push({ kind: 'Error', message, errorRange: { start: end.start, end: end.end }, range: { start: end.start, end: end.end } });
    }
  } else {
    const t = p.tok;
    const message = endWord ? `expected END ${endWord}` : 'expected END';
    list.push({ kind: 'Error', message, errorRange: { start: t.start, end: t.end }, range: { start: t.start, end: t.end } });
    if (p.isWord('END')) p.next();
  }
  return list;
}

function beginStatement(p: Parser): Statement {
  const t = p.next();
  const start = t.start;
  if (p.isWord('TRAN') || p.isWord('TRANSACTION') || p.isWord('DISTRIBUTED')) {
    const distributed = p.acceptWord('DISTRIBUTED');
    p.next();
    if (distributed && !(p.tokens[p.pos - 1].upper === 'TRAN' || p.tokens[p.pos - 1].upper === 'TRANSACTION')) p.fail('expected TRANSACTION');
    const s: TransactionStatement = { kind: 'Transaction', action: 'begin', range: { start, end: start } };
    if (distributed) s.distributed = true;
    transactionName(p, s);
    if (p.isWord('WITH') && p.isWord('MARK', 1)) {
      p.pos += 2;
      if (p.tok.type === 'string' || p.tok.type === 'nstring') p.next();
    }
    s.range = p.range(start);
    return s;
  }
  if (p.acceptWord('TRY')) {
    const tryStatements = blockBody(p, 'TRY');
    const tryRange = p.range(start);
    const cs = p.tok.start;
    if (!(p.isWord('BEGIN') && p.isWord('CATCH', 1))) p.fail('expected BEGIN CATCH');
    p.pos += 2;
    const catchStatements = blockBody(p, 'CATCH');
    return { kind: 'TryCatch', tryStatements, catchStatements, tryRange, catchRange: p.range(cs), range: p.range(start) };
  }
  if (p.isWord('CATCH')) p.fail('BEGIN CATCH without BEGIN TRY');
  if (p.isWord('CONVERSATION') || p.isWord('DIALOG')) return otherStatement(p, start, 'BEGIN');
  if (p.isWord('ATOMIC') && p.isWord('WITH', 1) && p.isOp('(', 2)) {
    // BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english'): natively compiled body
    p.pos += 2;
    p.skipParens();
  }
  const statements = blockBody(p);
  return { kind: 'Block', statements, range: p.range(start) };
}

function transactionName(p: Parser, s: TransactionStatement): void {
  const t = p.tok;
  if (t.type === 'var') {
    p.next();
    s.name = { kind: 'Variable', name: t.text, system: false, range: { start: t.start, end: t.end } };
  } else if (p.isNameToken(t) && !(t.type === 'word' && (STATEMENT_START.has(t.upper) || p.isOp(':', 1))) && !startsUnreservedStatement(p)) {
    s.name = p.identifier();
  }
}

function transactionStatement(p: Parser): TransactionStatement {
  const t = p.next();
  const action = t.upper === 'COMMIT' ? 'commit' : t.upper === 'ROLLBACK' ? 'rollback' : 'save';
  const s: TransactionStatement = { kind: 'Transaction', action, range: { start: t.start, end: t.end } };
  if (p.isWord('TRAN') || p.isWord('TRANSACTION')) {
    p.next();
    transactionName(p, s);
  } else if (action !== 'save') p.acceptWord('WORK');
  else p.fail('expected TRANSACTION');
  if (action === 'commit' && p.isWord('WITH') && p.isOp('(', 1)) {
    p.next();
    p.skipParens();
  }
  s.range = p.range(t.start);
  return s;
}

function raiserror(p: Parser): Statement {
  const start = p.expectWord('RAISERROR').start;
  let args: Expression[];
  if (p.isOp('(')) {
    p.next();
    args = expressionList(p);
    p.expectOp(')');
  } else args = expressionList(p); // legacy RAISERROR 50001 'text'
  const options: string[] = [];
  if (p.acceptWord('WITH')) {
    do {
      const o = p.tok;
      if (o.type !== 'word') p.fail('expected NOWAIT, LOG or SETERROR');
      options.push(p.next().upper);
    } while (p.acceptOp(','));
  }
  return { kind: 'Raiserror', args, options, range: p.range(start) };
}

export function execStatement(p: Parser): ExecStatement {
  const start = p.next().start; // EXEC / EXECUTE
  if (p.isOp('(')) {
    p.next();
    const dynamic = expressionList(p);
    p.expectOp(')');
    const s: ExecStatement = { kind: 'Exec', args: [], dynamic, range: p.range(start) };
    execTail(p);
    s.range = p.range(start);
    return s;
  }
  return execBody(p, start);
}

/** AS USER/LOGIN = '...', AT linked_server after EXEC(...) */
function execTail(p: Parser): void {
  if (p.isWord('AS') && (p.isWord('USER', 1) || p.isWord('LOGIN', 1)) && p.isOp('=', 2)) {
    p.pos += 3;
    expression(p);
  }
  if (p.acceptWord('AT')) p.identifier(true);
  execOptions(p);
}

function execBody(p: Parser, start: number): ExecStatement {
  const s: ExecStatement = { kind: 'Exec', args: [], range: { start, end: start } };
  if (p.tok.type === 'var' && p.isOp('=', 1)) {
    const v = p.next();
    p.next();
    s.returnVariable = { kind: 'Variable', name: v.text, system: false, range: { start: v.start, end: v.end } };
  }
  if (p.tok.type === 'var') {
    const v = p.next();
    s.procedureVariable = { kind: 'Variable', name: v.text, system: false, range: { start: v.start, end: v.end } };
  } else s.procedure = p.objectName();
  if (p.acceptOp(';')) {
    p.pos--; // leave the ';' for the statement loop
  } else if (startsArgument(p)) {
    do s.args.push(execArgument(p));
    while (p.acceptOp(','));
  }
  execOptions(p);
  s.range = p.range(start);
  return s;
}

/** WITH RECOMPILE | RESULT SETS (...) | RESULT SETS NONE | UNDEFINED, after EXEC proc or EXEC (string): skipped. */
function execOptions(p: Parser): void {
  if (p.isWord('WITH') && (p.isWord('RECOMPILE', 1) || p.isWord('RESULT', 1))) {
    p.next();
    while (!p.atEnd() && !p.isOp(';') && !(p.tok.nl && p.tok.type === 'word' && STATEMENT_START.has(p.tok.upper))) {
      if (p.isOp('(')) p.skipParens();
      else p.next();
    }
  }
}

function startsArgument(p: Parser): boolean {
  const t = p.tok;
  if (p.atEnd()) return false;
  if (t.type === 'word') {
    if (t.upper === 'DEFAULT' || t.upper === 'NULL') return true;
    if (STATEMENT_START.has(t.upper) || p.isOp(':', 1)) return false;
    return p.isNameToken(t) && !t.nl;
  }
  if (t.type === 'op') return t.text === '-' || t.text === '+' || t.text === '(';
  return true;
}

function execArgument(p: Parser): ExecArgument {
  const start = p.tok.start;
  let name: string | undefined;
  if (p.tok.type === 'var' && p.isOp('=', 1)) {
    name = p.next().text;
    p.next();
  }
  let value: Expression;
  const t = p.tok;
  if (t.type === 'word' && p.isNameToken(t) && !p.isOp('.', 1) && !p.isOp('(', 1)) {
    // unquoted string argument: EXEC sp_help Menetlus
    p.next();
    value = { kind: 'Literal', literalType: 'string', value: t.text, raw: t.text, range: { start: t.start, end: t.end } };
  } else value = expression(p);
  const output = p.acceptWord('OUTPUT') || p.acceptWord('OUT');
  return { kind: 'ExecArgument', name, value, output, range: p.range(start) };
}

function fetchStatement(p: Parser): Statement {
  const start = p.expectWord('FETCH').start;
  let direction: string | undefined;
  const d = p.tok;
  if (d.type === 'word' && ['NEXT', 'PRIOR', 'FIRST', 'LAST'].includes(d.upper)) {
    direction = p.next().upper;
  } else if (d.type === 'word' && (d.upper === 'ABSOLUTE' || d.upper === 'RELATIVE')) {
    p.next();
    const e = expression(p);
    direction = `${d.upper} ${p.text.slice(e.range.start, e.range.end)}`;
  }
  if (direction || p.isWord('FROM')) p.expectWord('FROM');
  p.acceptWord('GLOBAL');
  const cursor = cursorName(p);
  const into: VariableRef[] = [];
  if (p.acceptWord('INTO')) {
    do {
      const v = p.tok;
      if (v.type !== 'var') p.fail('expected a variable');
      p.next();
      into.push({ kind: 'Variable', name: v.text, system: false, range: { start: v.start, end: v.end } });
    } while (p.acceptOp(','));
  }
  return { kind: 'Fetch', direction, cursor, into, range: p.range(start) };
}

export { selectQuery };
