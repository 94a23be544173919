// DDL: CREATE/ALTER/DROP of tables, views, indexes and routines; ALTER TABLE; GRANT/DENY/REVOKE;
// and the catch-all OtherStatement for statements the model does not cover.

import type {
  AlterTableAction,
  ColumnDefinition,
  CreateRoutineStatement,
  DataType,
  DropStatement,
  Identifier,
  ObjectName,
  OrderItem,
  RoutineParameter,
  Statement,
  TableConstraint,
  TableDefinition,
} from '../ast';
import { STATEMENT_START } from '../tokens';
import type { Parser } from './core';
import { expression } from './expressions';
import { orderByList, queryExpression, withClause } from './queries';
import { statementList } from './statements';

/** Consumes tokens to the statement's end: `;`, or a statement keyword at line start outside parentheses. */
export function otherStatement(p: Parser, start: number, keyword: string): Statement {
  let depth = 0;
  let cases = 0;
  let sawSet = false;
  const first = p.pos;
  if (p.tok.start === start) p.next();
  while (!p.atEnd()) {
    const t = p.tok;
    if (t.type === 'op') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth = Math.max(0, depth - 1);
      else if (t.text === ';' && depth === 0) break;
    } else if (t.type === 'word' && depth === 0) {
      const u = t.upper;
      if (u === 'CASE') cases++;
      else if (u === 'END' && cases > 0) cases--;
      // BEGIN DBCC FREEPROCCACHE END, IF @x = 1 CHECKPOINT ELSE ...: END / ELSE on the same line end it
      // too (not the END of GENERATED ALWAYS AS ROW END)
      else if ((u === 'END' && !endsGeneratedAlways(p)) || (u === 'ELSE' && cases === 0)) break;
      else if (t.nl && STATEMENT_START.has(u) && !continuesOther(p, keyword, sawSet || p.pos - first > 6)) break;
      if (u === 'SET') sawSet = true;
    }
    p.next();
  }
  return { kind: 'Other', keyword, range: p.range(start) };
}

/** The END of GENERATED ALWAYS AS ROW END | TRANSACTION_ID END | SEQUENCE_NUMBER END. */
function endsGeneratedAlways(p: Parser): boolean {
  const u = p.tokens[p.pos - 1]?.upper;
  return u === 'ROW' || u === 'TRANSACTION_ID' || u === 'SEQUENCE_NUMBER';
}

/**
 * A statement keyword at the start of a line that still belongs to the statement being skipped:
 * BACKUP ... TO DISK = N'x' / WITH COMPRESSION (any WITH that does not start a CTE: WITH name AS |
 * WITH name (cols) | WITH XMLNAMESPACES (), and the SET right after ALTER DATABASE x / SET RECOVERY SIMPLE.
 */
function continuesOther(p: Parser, keyword: string, setTaken: boolean): boolean {
  const u = p.tok.upper;
  if (u === 'WITH') {
    const name = p.peek();
    const startsCte = (name.type === 'word' || name.type === 'quoted') && (p.isWord('AS', 2) || p.isOp('(', 2));
    return !startsCte;
  }
  // only right after ALTER DATABASE [x] | SCOPED CONFIGURATION [FOR SECONDARY]: a later SET is a new statement
  if (u === 'SET') return !setTaken && (keyword === 'ALTER DATABASE' || keyword === 'ALTER SERVER');
  return false;
}

const LEGACY_INDEX_OPTIONS = new Set(['FILLFACTOR', 'PAD_INDEX', 'IGNORE_DUP_KEY', 'DROP_EXISTING', 'STATISTICS_NORECOMPUTE', 'SORT_IN_TEMPDB']);

function withOptions(p: Parser): void {
  if (p.isWord('WITH') && p.isOp('(', 1)) {
    p.next();
    p.skipParens();
  } else if (p.isWord('WITH') && LEGACY_INDEX_OPTIONS.has(p.peek().upper)) {
    // WITH FILLFACTOR = 80, PAD_INDEX: the SQL Server 2000 form without parentheses
    p.next();
    do {
      p.next();
      if (p.acceptOp('=')) p.next();
    } while (p.isOp(',') && LEGACY_INDEX_OPTIONS.has(p.peek().upper) && p.acceptOp(','));
  }
}

function onFilegroup(p: Parser): void {
  while (p.isWord('ON') || p.isWord('TEXTIMAGE_ON') || p.isWord('FILESTREAM_ON')) {
    p.next();
    if (p.tok.type === 'word' || p.tok.type === 'quoted' || p.tok.type === 'string') p.next();
    else p.fail('expected a filegroup or partition scheme');
    if (p.isOp('(')) p.skipParens();
  }
}

function references(p: Parser): { table: ObjectName; columns: Identifier[] } {
  p.expectWord('REFERENCES');
  const table = p.objectName();
  const columns = p.isOp('(') ? p.parenIdentifierList() : [];
  for (;;) {
    if (p.isWord('ON') && (p.isWord('DELETE', 1) || p.isWord('UPDATE', 1))) {
      p.pos += 2;
      if (p.acceptWord('NO')) p.expectWord('ACTION');
      else if (p.acceptWord('SET')) p.next();
      else p.expectWord('CASCADE');
    } else if (p.isWord('NOT') && p.isWord('FOR', 1)) {
      p.pos += 2;
      p.expectWord('REPLICATION');
    } else break;
  }
  return { table, columns };
}

function columnsWithOrder(p: Parser): Identifier[] {
  p.expectOp('(');
  const out: Identifier[] = [];
  do {
    out.push(p.identifier(true));
    if (p.isWord('ASC') || p.isWord('DESC')) p.next();
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

function tableConstraint(p: Parser): TableConstraint | undefined {
  const start = p.tok.start;
  const name = p.acceptWord('CONSTRAINT') ? p.identifier(true) : undefined;
  const c: TableConstraint = { kind: 'TableConstraint', constraintType: 'CHECK', name, columns: [], range: { start, end: start } };
  if (p.acceptWord('PRIMARY') || p.isWord('UNIQUE')) {
    if (p.acceptWord('UNIQUE')) c.constraintType = 'UNIQUE';
    else {
      p.expectWord('KEY');
      c.constraintType = 'PRIMARY KEY';
    }
    if (p.acceptWord('CLUSTERED')) c.clustered = true;
    else if (p.acceptWord('NONCLUSTERED')) c.clustered = false;
    p.acceptWord('HASH'); // memory-optimized: PRIMARY KEY NONCLUSTERED HASH (Id) WITH (BUCKET_COUNT = n)
    c.columns = columnsWithOrder(p);
    withOptions(p);
    onFilegroup(p);
  } else if (p.acceptWord('FOREIGN')) {
    p.expectWord('KEY');
    c.constraintType = 'FOREIGN KEY';
    c.columns = p.parenIdentifierList();
    c.references = references(p);
  } else if (p.acceptWord('CHECK')) {
    if (p.isWord('NOT') && p.isWord('FOR', 1)) {
      p.pos += 2;
      p.expectWord('REPLICATION');
    }
    p.expectOp('(');
    c.check = expression(p);
    p.expectOp(')');
  } else if (p.acceptWord('DEFAULT')) {
    c.constraintType = 'DEFAULT';
    c.default = expression(p);
    p.expectWord('FOR');
    c.columns = [p.identifier(true)];
    if (p.acceptWord('WITH')) p.expectWord('VALUES');
  } else if (p.acceptWord('INDEX') || p.acceptWord('PERIOD')) {
    // inline index / PERIOD FOR SYSTEM_TIME: not modelled, skip
    while (!p.atEnd() && !p.isOp(',') && !p.isOp(')')) {
      if (p.isOp('(')) p.skipParens();
      else p.next();
    }
    return undefined;
  } else p.fail('expected a constraint');
  c.range = p.range(start);
  return c;
}

/** A column definition with its inline constraints. */
export function columnDefinition(p: Parser, forAlter = false): ColumnDefinition {
  const start = p.tok.start;
  const name = p.identifier(true);
  const col: ColumnDefinition = { kind: 'ColumnDefinition', name, range: { start, end: start } };
  if (p.acceptWord('AS')) {
    col.computed = expression(p);
    p.acceptWord('PERSISTED');
  } else if (name.name.toLowerCase() === 'timestamp' && !name.quoted && (p.isOp(',') || p.isOp(')'))) {
    // a timestamp column without a name (SQL Server 2000 style) is named timestamp
    col.dataType = { kind: 'DataType', name: 'timestamp', params: [], range: name.range };
  } else col.dataType = p.dataType();
  // inline options until ',' or ')'
  while (!p.atEnd() && !p.isOp(',') && !p.isOp(')') && !p.isOp(';')) {
    const t = p.tok;
    if (t.type !== 'word') p.fail("expected ',' or ')'");
    if (forAlter && t.nl && (STATEMENT_START.has(t.upper) || ((t.upper === 'ENABLE' || t.upper === 'DISABLE') && p.isWord('TRIGGER', 1)))) break;
    // IF ... BEGIN ALTER TABLE t ADD c int END: END / ELSE on the same line end the column (not ROW END)
    if (forAlter && (t.upper === 'ELSE' || (t.upper === 'END' && !endsGeneratedAlways(p)))) break;
    if (p.acceptWord('CONSTRAINT')) {
      const cname = p.identifier(true);
      if (p.isWord('DEFAULT')) col.defaultName = cname;
      continue;
    }
    switch (t.upper) {
      case 'NULL':
        p.next();
        col.nullable = true;
        break;
      case 'NOT':
        p.next();
        if (p.acceptWord('NULL')) col.nullable = false;
        else {
          p.expectWord('FOR');
          p.expectWord('REPLICATION');
        }
        break;
      case 'IDENTITY':
        p.next();
        col.identity = { seed: 1, increment: 1 };
        if (p.acceptOp('(')) {
          const s = expression(p);
          p.expectOp(',');
          const i = expression(p);
          p.expectOp(')');
          col.identity = { seed: Number(p.text.slice(s.range.start, s.range.end)) || 0, increment: Number(p.text.slice(i.range.start, i.range.end)) || 0 };
        }
        break;
      case 'DEFAULT':
        p.next();
        col.default = expression(p);
        if (p.isWord('WITH') && p.isWord('VALUES', 1)) p.pos += 2;
        break;
      case 'PRIMARY':
        p.next();
        p.expectWord('KEY');
        col.primaryKey = true;
        if (p.isWord('CLUSTERED') || p.isWord('NONCLUSTERED')) p.next();
        // SQL Server also takes a column list here (`Id int CONSTRAINT PK PRIMARY KEY (Id)`): a table-level key written inline
        if (p.isOp('(')) columnsWithOrder(p);
        withOptions(p);
        onFilegroup(p); // `... PRIMARY KEY CLUSTERED WITH (FILLFACTOR = 90) ON [PRIMARY]`
        break;
      case 'UNIQUE':
        p.next();
        col.unique = true;
        if (p.isWord('CLUSTERED') || p.isWord('NONCLUSTERED')) p.next();
        if (p.isOp('(')) columnsWithOrder(p);
        withOptions(p);
        onFilegroup(p);
        break;
      case 'FOREIGN':
        p.next();
        p.expectWord('KEY');
        if (p.isOp('(')) p.parenIdentifierList();
        col.references = references(p);
        break;
      case 'REFERENCES':
        col.references = references(p);
        break;
      case 'CHECK':
        p.next();
        if (p.isWord('NOT')) {
          p.pos++;
          p.expectWord('FOR');
          p.expectWord('REPLICATION');
        }
        p.expectOp('(');
        col.check = expression(p);
        p.expectOp(')');
        break;
      case 'COLLATE':
        p.next();
        col.collation = p.identifier(true).name;
        break;
      case 'ROWGUIDCOL':
        p.next();
        col.rowguidcol = true;
        break;
      case 'PERSISTED':
      case 'SPARSE':
      case 'FILESTREAM':
      case 'HIDDEN':
        p.next();
        break;
      default:
        // MASKED WITH (...), ENCRYPTED WITH (...), GENERATED ALWAYS AS ROW START, ...
        p.next();
        if (p.isOp('(')) p.skipParens();
    }
  }
  col.range = p.range(start);
  return col;
}

/** ( column | constraint, ... ) */
export function tableDefinition(p: Parser): TableDefinition {
  const start = p.expectOp('(').start;
  const def: TableDefinition = { kind: 'TableDefinition', columns: [], constraints: [], range: { start, end: start } };
  do {
    if (p.isOp(')')) break; // trailing comma
    if (isConstraintStart(p)) {
      const c = tableConstraint(p);
      if (c) def.constraints.push(c);
    } else def.columns.push(columnDefinition(p));
  } while (p.acceptOp(','));
  p.expectOp(')');
  def.range = p.range(start);
  return def;
}

function isConstraintStart(p: Parser): boolean {
  return ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'INDEX', 'PERIOD'].some((w) => p.isWord(w)) || (p.isWord('DEFAULT') && !p.isOp(',', 1));
}

export function createStatement(p: Parser): Statement {
  const start = p.expectWord('CREATE').start;
  let orAlter = false;
  if (p.isWord('OR') && p.isWord('ALTER', 1)) {
    p.pos += 2;
    orAlter = true;
  }
  const t = p.tok;
  switch (t.upper) {
    case 'TABLE': {
      p.next();
      const name = p.objectName();
      if (p.isWord('AS') && (p.isWord('NODE', 1) || p.isWord('EDGE', 1) || p.isWord('FILETABLE', 1))) return otherStatement(p, start, 'CREATE TABLE');
      const definition = tableDefinition(p);
      if (p.isWord('AS') && (p.isWord('NODE', 1) || p.isWord('EDGE', 1))) p.pos += 2; // graph tables
      onFilegroup(p);
      withOptions(p);
      onFilegroup(p);
      return { kind: 'CreateTable', name, definition, range: p.range(start) };
    }
    case 'VIEW':
      return createView(p, start, false, orAlter);
    case 'PROC':
    case 'PROCEDURE':
    case 'FUNCTION':
    case 'TRIGGER':
      return routine(p, start, false, orAlter);
    case 'UNIQUE':
    case 'CLUSTERED':
    case 'NONCLUSTERED':
    case 'INDEX':
      return createIndex(p, start);
  }
  return otherStatement(p, start, `CREATE ${t.upper}`);
}

function createView(p: Parser, start: number, alter: boolean, orAlter: boolean): Statement {
  p.expectWord('VIEW');
  const name = p.objectName();
  const columns = p.isOp('(') ? p.parenIdentifierList() : undefined;
  if (p.acceptWord('WITH')) {
    do p.identifier(true);
    while (p.acceptOp(','));
  }
  p.expectWord('AS');
  const w = p.isWord('WITH') ? withClause(p) : undefined;
  const query = queryExpression(p);
  if (p.isWord('WITH') && p.isWord('CHECK', 1)) {
    p.pos += 2;
    p.expectWord('OPTION');
  }
  return { kind: 'CreateView', alter, orAlter, name, columns, with: w, query, range: p.range(start) };
}

function createIndex(p: Parser, start: number): Statement {
  const unique = p.acceptWord('UNIQUE');
  let clustered: boolean | undefined;
  if (p.acceptWord('CLUSTERED')) clustered = true;
  else if (p.acceptWord('NONCLUSTERED')) clustered = false;
  if (p.isWord('COLUMNSTORE')) return otherStatement(p, start, 'CREATE INDEX');
  p.expectWord('INDEX');
  const name = p.identifier(true);
  p.expectWord('ON');
  const table = p.objectName();
  p.expectOp('(');
  const columns: OrderItem[] = orderByList(p);
  p.expectOp(')');
  const include = p.acceptWord('INCLUDE') ? p.parenIdentifierList() : [];
  const where = p.acceptWord('WHERE') ? expression(p) : undefined;
  withOptions(p);
  onFilegroup(p);
  return { kind: 'CreateIndex', unique, clustered, name, table, columns, include, where, range: p.range(start) };
}

function parameters(p: Parser, closing: boolean): RoutineParameter[] {
  const out: RoutineParameter[] = [];
  if (closing && p.isOp(')')) return out;
  if (p.tok.type !== 'var') return out;
  do {
    const start = p.tok.start;
    const name = p.variableIdentifier();
    p.acceptWord('AS');
    let dataType: DataType;
    if (p.isWord('CURSOR')) {
      // @c CURSOR VARYING OUTPUT (CURSOR is reserved, so no type name)
      const c = p.next();
      dataType = { kind: 'DataType', name: 'cursor', params: [], range: { start: c.start, end: c.end } };
    } else dataType = p.dataType();
    p.acceptWord('VARYING');
    // @kood binary(8) NULL, @arv int NOT NULL = 0 (natively compiled): nullability before the default
    if (p.isWord('NOT') && p.isWord('NULL', 1)) p.pos += 2;
    else p.acceptWord('NULL');
    const param: RoutineParameter = { kind: 'RoutineParameter', name, dataType, output: false, readonly: false, range: { start, end: start } };
    if (p.acceptOp('=')) param.default = expression(p);
    for (;;) {
      if (p.acceptWord('OUTPUT') || p.acceptWord('OUT')) param.output = true;
      else if (p.acceptWord('READONLY')) param.readonly = true;
      else break;
    }
    param.range = p.range(start);
    out.push(param);
  } while (p.acceptOp(','));
  return out;
}

function routine(p: Parser, start: number, alter: boolean, orAlter: boolean): CreateRoutineStatement {
  const kw = p.next().upper;
  const routineType = kw === 'PROC' ? 'PROCEDURE' : (kw as 'PROCEDURE' | 'FUNCTION' | 'TRIGGER');
  const name = p.objectName();
  const s: CreateRoutineStatement = { kind: 'CreateRoutine', routineType, alter, orAlter, name, parameters: [], body: [], range: { start, end: start } };
  if (routineType === 'PROCEDURE') {
    if (p.acceptOp(';')) p.next(); // numbered procedures: proc;1
    const paren = p.acceptOp('(');
    s.parameters = parameters(p, paren);
    if (paren) p.expectOp(')');
  } else if (routineType === 'FUNCTION') {
    p.expectOp('(');
    s.parameters = parameters(p, true);
    p.expectOp(')');
    const rs = p.expectWord('RETURNS').start;
    if (p.tok.type === 'var') {
      const variable = p.variableIdentifier();
      p.expectWord('TABLE');
      s.returns = { variable, table: tableDefinition(p), range: p.range(rs) };
    } else if (p.acceptWord('TABLE')) s.returns = { range: p.range(rs) };
    else s.returns = { dataType: p.dataType(), range: p.range(rs) };
  } else {
    p.expectWord('ON');
    if (p.isWord('DATABASE') || p.isWord('ALL')) {
      p.next();
      p.acceptWord('SERVER');
    } else s.triggerTable = p.objectName();
  }
  if (p.acceptWord('WITH')) {
    do {
      if (p.isWord('EXECUTE') || p.isWord('EXEC')) {
        p.next();
        p.expectWord('AS');
        p.next();
      } else if (p.isWord('RETURNS') && p.isWord('NULL', 1)) {
        p.pos += 2; // RETURNS NULL ON NULL INPUT
        p.expectWord('ON');
        p.expectWord('NULL');
        p.expectWord('INPUT');
      } else if (p.isWord('CALLED') && p.isWord('ON', 1)) {
        p.pos += 2; // CALLED ON NULL INPUT
        p.expectWord('NULL');
        p.expectWord('INPUT');
      } else {
        p.identifier(true);
        if (p.acceptOp('=')) p.next(); // INLINE = OFF
      }
    } while (p.acceptOp(','));
  }
  if (routineType === 'TRIGGER') {
    const events: string[] = [];
    if (p.acceptWord('INSTEAD')) p.expectWord('OF');
    else if (!p.acceptWord('AFTER')) p.expectWord('FOR');
    do {
      const e = p.tok;
      if (e.type !== 'word') p.fail('expected INSERT, UPDATE or DELETE');
      events.push(p.next().upper);
    } while (p.acceptOp(','));
    if (p.isWord('NOT') && p.isWord('FOR', 1)) {
      p.pos += 2;
      p.expectWord('REPLICATION');
    }
    s.triggerEvents = events;
  }
  if (p.isWord('FOR') && p.isWord('REPLICATION', 1)) p.pos += 2;
  if (routineType === 'FUNCTION') p.acceptWord('AS');
  else p.expectWord('AS');
  if (p.isWord('EXTERNAL')) {
    while (!p.atEnd()) p.next();
  }
  s.body = statementList(p, false);
  s.range = p.range(start);
  return s;
}

export function alterStatement(p: Parser): Statement {
  const start = p.expectWord('ALTER').start;
  const t = p.tok;
  switch (t.upper) {
    case 'TABLE':
      return alterTable(p, start);
    case 'VIEW':
      return createView(p, start, true, false);
    case 'PROC':
    case 'PROCEDURE':
    case 'FUNCTION':
    case 'TRIGGER':
      return routine(p, start, true, false);
  }
  return otherStatement(p, start, `ALTER ${t.upper}`);
}

function alterTable(p: Parser, start: number): Statement {
  p.expectWord('TABLE');
  const table = p.objectName();
  const actions: AlterTableAction[] = [];
  const as = p.tok.start;
  if (p.isWord('WITH') && (p.isWord('CHECK', 1) || p.isWord('NOCHECK', 1))) p.pos += 2;
  if (p.acceptWord('ADD')) {
    const columns: ColumnDefinition[] = [];
    const constraints: TableConstraint[] = [];
    do {
      if (isConstraintStart(p)) {
        const c = tableConstraint(p);
        if (c) constraints.push(c);
      } else columns.push(columnDefinition(p, true));
    } while (p.acceptOp(','));
    if (columns.length) actions.push({ kind: 'AddColumns', columns, range: p.range(as) });
    if (constraints.length) actions.push({ kind: 'AddConstraints', constraints, range: p.range(as) });
  } else if (p.isWord('DROP') && p.isWord('PERIOD', 1)) {
    // DROP PERIOD FOR SYSTEM_TIME
    const other = otherStatement(p, as, 'ALTER TABLE');
    actions.push({ kind: 'OtherAlter', text: p.text.slice(other.range.start, other.range.end), range: other.range });
  } else if (p.acceptWord('DROP')) {
    let mode: 'column' | 'constraint' = 'constraint';
    const columns: Identifier[] = [];
    const names: Identifier[] = [];
    let ifExists = false;
    do {
      if (p.acceptWord('COLUMN')) mode = 'column';
      else if (p.acceptWord('CONSTRAINT')) mode = 'constraint';
      if (p.isWord('IF') && p.isWord('EXISTS', 1)) {
        p.pos += 2;
        ifExists = true;
      }
      (mode === 'column' ? columns : names).push(p.identifier(true));
      withOptions(p);
    } while (p.acceptOp(','));
    if (columns.length) actions.push({ kind: 'DropColumns', columns, ifExists, range: p.range(as) });
    if (names.length) actions.push({ kind: 'DropConstraints', names, range: p.range(as) });
  } else if (p.isWord('ALTER') && p.isWord('COLUMN', 1) && !p.isWord('ADD', 3) && !p.isWord('DROP', 3)) {
    // not ALTER COLUMN c ADD MASKED WITH (...) | DROP ROWGUIDCOL: a column property, an OtherAlter below
    p.pos += 2;
    const column = columnDefinition(p, true);
    actions.push({ kind: 'AlterColumn', column, range: p.range(as) });
  } else {
    const other = otherStatement(p, as, 'ALTER TABLE');
    actions.push({ kind: 'OtherAlter', text: p.text.slice(other.range.start, other.range.end), range: other.range });
  }
  return { kind: 'AlterTable', table, actions, range: p.range(start) };
}

const DROP_TYPES = new Set(['TABLE', 'VIEW', 'INDEX', 'PROCEDURE', 'PROC', 'FUNCTION', 'TRIGGER', 'SCHEMA', 'SYNONYM', 'TYPE', 'SEQUENCE']);

export function dropStatement(p: Parser): Statement {
  const start = p.expectWord('DROP').start;
  const t = p.tok;
  if (!DROP_TYPES.has(t.upper)) return otherStatement(p, start, `DROP ${t.upper}`);
  p.next();
  const objectType = (t.upper === 'PROC' ? 'PROCEDURE' : t.upper) as DropStatement['objectType'];
  let ifExists = false;
  if (p.isWord('IF') && p.isWord('EXISTS', 1)) {
    p.pos += 2;
    ifExists = true;
  }
  const names: ObjectName[] = [];
  let on: ObjectName | undefined;
  do {
    names.push(p.objectName());
    if (objectType === 'INDEX' && p.acceptWord('ON')) on = p.objectName();
    withOptions(p);
  } while (p.acceptOp(','));
  if (objectType === 'TRIGGER' && p.acceptWord('ON')) {
    p.next();
    p.acceptWord('SERVER');
  }
  return { kind: 'Drop', objectType, ifExists, names, on, range: p.range(start) };
}

export function permissionStatement(p: Parser): Statement {
  const t = p.next();
  const action = t.upper as 'GRANT' | 'DENY' | 'REVOKE';
  const start = t.start;
  if (action === 'REVOKE' && p.isWord('GRANT') && p.isWord('OPTION', 1)) {
    p.pos += 2;
    p.expectWord('FOR');
  }
  const permissions: string[] = [];
  let current: string[] = [];
  while (!p.atEnd() && !p.isWord('ON') && !p.isWord('TO') && !p.isWord('FROM')) {
    const w = p.tok;
    if (w.type === 'op' && w.text === ',') {
      if (current.length) permissions.push(current.join(' '));
      current = [];
      p.next();
    } else if (w.type === 'op' && w.text === '(') p.skipParens();
    else if (w.type === 'word') current.push(p.next().upper);
    else p.fail('expected a permission');
  }
  if (current.length) permissions.push(current.join(' '));
  if (permissions.length === 0) p.fail('expected a permission');
  let on: ObjectName | undefined;
  if (p.acceptWord('ON')) {
    // class::name, also with a several-word class: XML SCHEMA COLLECTION::, ASYMMETRIC KEY::, SERVER ROLE::
    for (let n = 1; n <= 3 && p.peek(n - 1).type === 'word'; n++) {
      if (p.isOp('::', n)) {
        p.pos += n + 1;
        break;
      }
    }
    on = p.objectName();
    if (p.isOp('(')) p.skipParens();
  }
  if (!p.acceptWord('TO')) p.expectWord('FROM');
  const principals: Identifier[] = [p.identifier(true)];
  while (p.acceptOp(',')) principals.push(p.identifier(true));
  if (p.isWord('WITH') && p.isWord('GRANT', 1)) {
    p.pos += 2;
    p.expectWord('OPTION');
  }
  p.acceptWord('CASCADE');
  if (p.acceptWord('AS')) p.identifier(true);
  return { kind: 'Permission', action, permissions, on, principals, range: p.range(start) };
}
