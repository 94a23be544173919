// The T-SQL syntax tree. Every node carries `range`: character offsets [start, end) into the
// script text. This file is the contract between the parser, the resolver, the rules, the
// schema's DDL source and the language server: add node kinds or optional fields freely,
// never rename or remove one.

export interface Span {
  readonly start: number;
  readonly end: number;
}

interface NodeBase {
  range: Span;
}

// ---------- script structure ----------

export interface Script extends NodeBase {
  kind: 'Script';
  batches: Batch[];
  /** Every comment in the script, in order (inline disables are read from these). */
  comments: Comment[];
}

export interface Comment extends NodeBase {
  kind: 'Comment';
  text: string; // including the -- or /* */ markers
  block: boolean;
}

export interface Batch extends NodeBase {
  kind: 'Batch';
  statements: Statement[];
  /** The GO line that ends this batch, if any; `count` for `GO n`. */
  go?: { range: Span; count?: number };
}

// ---------- names ----------

export interface Identifier extends NodeBase {
  kind: 'Identifier';
  /** The name with brackets/quotes removed and ]] / "" unescaped; keeps leading # or @. */
  name: string;
  quoted: boolean;
}

/** server.database.schema.object, any prefix may be missing (or empty as in db..t). */
export interface ObjectName extends NodeBase {
  kind: 'ObjectName';
  parts: Identifier[];
  name: Identifier;
  schema?: Identifier;
  database?: Identifier;
  server?: Identifier;
}

export interface DataType extends NodeBase {
  kind: 'DataType';
  /** Lower-cased type name, e.g. 'nvarchar', 'decimal', 'dbo.MyType' for user types. */
  name: string;
  /** Numbers, or 'max'. */
  params: (number | 'max')[];
}

// ---------- expressions ----------

export type Expression =
  | Literal
  | ColumnRef
  | Star
  | VariableRef
  | UnaryExpression
  | BinaryExpression
  | IsNullExpression
  | LikeExpression
  | BetweenExpression
  | InExpression
  | ExistsExpression
  | SubqueryExpression
  | QuantifiedComparison
  | CaseExpression
  | CastExpression
  | FunctionCall
  | ParenExpression
  | CollateExpression
  | AtTimeZoneExpression
  | NextValueFor;

export type LiteralType = 'string' | 'nstring' | 'integer' | 'decimal' | 'float' | 'money' | 'binary' | 'null' | 'default';

export interface Literal extends NodeBase {
  kind: 'Literal';
  literalType: LiteralType;
  /** For strings: the unescaped content (no quotes, '' → '); otherwise the source text. */
  value: string;
  raw: string;
}

/** a, t.a, dbo.t.a, inserted.a, $action. `parts` holds qualifiers then the column. */
export interface ColumnRef extends NodeBase {
  kind: 'ColumnRef';
  parts: Identifier[];
  column: Identifier;
  /** The qualifier parts (alias, table, schema.table), if any. */
  qualifier?: Identifier[];
}

/** * or t.* */
export interface Star extends NodeBase {
  kind: 'Star';
  qualifier?: Identifier[];
}

/** @v, or @@ROWCOUNT / @@ERROR / @@TRANCOUNT (system: true). */
export interface VariableRef extends NodeBase {
  kind: 'Variable';
  name: string;
  system: boolean;
}

export interface UnaryExpression extends NodeBase {
  kind: 'Unary';
  op: '-' | '+' | '~' | 'NOT';
  operand: Expression;
}

export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '||' | '<<' | '>>'
  | '=' | '<>' | '!=' | '<' | '>' | '<=' | '>=' | '!<' | '!>'
  | 'AND' | 'OR'
  | 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM';

export interface BinaryExpression extends NodeBase {
  kind: 'Binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface IsNullExpression extends NodeBase {
  kind: 'IsNull';
  expr: Expression;
  not: boolean;
}

export interface LikeExpression extends NodeBase {
  kind: 'Like';
  expr: Expression;
  pattern: Expression;
  escape?: Expression;
  not: boolean;
}

export interface BetweenExpression extends NodeBase {
  kind: 'Between';
  expr: Expression;
  low: Expression;
  high: Expression;
  not: boolean;
}

export interface InExpression extends NodeBase {
  kind: 'In';
  expr: Expression;
  list?: Expression[];
  subquery?: QueryExpression;
  not: boolean;
}

export interface ExistsExpression extends NodeBase {
  kind: 'Exists';
  query: QueryExpression;
}

/** A scalar subquery: (SELECT ...). */
export interface SubqueryExpression extends NodeBase {
  kind: 'Subquery';
  query: QueryExpression;
}

/** x > ALL (SELECT ...), x = ANY/SOME (...). */
export interface QuantifiedComparison extends NodeBase {
  kind: 'Quantified';
  op: BinaryOperator;
  quantifier: 'ALL' | 'ANY' | 'SOME';
  left: Expression;
  query: QueryExpression;
}

export interface CaseExpression extends NodeBase {
  kind: 'Case';
  operand?: Expression;
  whens: { when: Expression; then: Expression; range: Span }[];
  else?: Expression;
}

export interface CastExpression extends NodeBase {
  kind: 'Cast';
  fn: 'CAST' | 'TRY_CAST' | 'CONVERT' | 'TRY_CONVERT' | 'PARSE' | 'TRY_PARSE';
  expr: Expression;
  dataType: DataType;
  style?: Expression;
}

export interface FunctionCall extends NodeBase {
  kind: 'FunctionCall';
  name: ObjectName;
  args: Expression[];
  distinct?: boolean;
  /** COUNT(*) */
  star?: boolean;
  over?: OverClause;
  withinGroup?: OrderItem[];
}

export interface OverClause extends NodeBase {
  kind: 'Over';
  partitionBy: Expression[];
  orderBy: OrderItem[];
  frame?: string;
}

export interface ParenExpression extends NodeBase {
  kind: 'Paren';
  expr: Expression;
}

export interface CollateExpression extends NodeBase {
  kind: 'Collate';
  expr: Expression;
  collation: string;
}

/** expr AT TIME ZONE zone (a datetimeoffset). */
export interface AtTimeZoneExpression extends NodeBase {
  kind: 'AtTimeZone';
  expr: Expression;
  zone: Expression;
}

export interface NextValueFor extends NodeBase {
  kind: 'NextValueFor';
  sequence: ObjectName;
}

// ---------- queries ----------

export type QueryExpression = SelectQuery | SetOperation | ParenQuery;

export interface WithClause extends NodeBase {
  kind: 'With';
  ctes: Cte[];
}

export interface Cte extends NodeBase {
  kind: 'Cte';
  name: Identifier;
  columns?: Identifier[];
  query: QueryExpression;
}

export interface Top extends NodeBase {
  kind: 'Top';
  expr: Expression;
  percent: boolean;
  withTies: boolean;
}

export type SelectItem = SelectColumn | Star | SelectAssign;

export interface SelectColumn extends NodeBase {
  kind: 'SelectColumn';
  expr: Expression;
  /** `expr AS a`, `expr a`, or `a = expr`. */
  alias?: Identifier;
}

/** SELECT @v = expr */
export interface SelectAssign extends NodeBase {
  kind: 'SelectAssign';
  variable: VariableRef;
  op: string;
  expr: Expression;
}

export interface OrderItem extends NodeBase {
  kind: 'OrderItem';
  expr: Expression;
  direction?: 'ASC' | 'DESC';
}

export interface SelectQuery extends NodeBase {
  kind: 'Select';
  distinct: boolean;
  top?: Top;
  columns: SelectItem[];
  into?: ObjectName;
  from: TableSource[];
  where?: Expression;
  groupBy: Expression[];
  having?: Expression;
  orderBy: OrderItem[];
  offset?: Expression;
  fetch?: Expression;
  forClause?: string; // FOR XML/JSON ..., kept as text
}

export interface SetOperation extends NodeBase {
  kind: 'SetOperation';
  op: 'UNION' | 'UNION ALL' | 'EXCEPT' | 'INTERSECT';
  left: QueryExpression;
  right: QueryExpression;
  orderBy: OrderItem[];
  offset?: Expression;
  fetch?: Expression;
}

export interface ParenQuery extends NodeBase {
  kind: 'ParenQuery';
  query: QueryExpression;
  orderBy: OrderItem[];
}

// ---------- table sources ----------

export type TableSource = TableRef | DerivedTable | TableFunctionRef | ValuesTable | Join;

/** A named table, view, CTE, #temp or @table variable (name.parts[0] starts with @). */
export interface TableRef extends NodeBase {
  kind: 'TableRef';
  name: ObjectName;
  alias?: Identifier;
  /** Upper-cased table hints: NOLOCK, UPDLOCK, HOLDLOCK, ... */
  hints: string[];
}

export interface DerivedTable extends NodeBase {
  kind: 'DerivedTable';
  query: QueryExpression;
  alias?: Identifier;
  columns?: Identifier[];
  /**
   * Set when a PIVOT/UNPIVOT made this source. A table or join that is pivoted becomes a derived
   * table over `SELECT * FROM` it; its columns are then the query's minus `removed` plus `added`
   * (names only). `shape: 'unknown'`: the clause was not understood, any column must be accepted.
   */
  pivot?: { removed: string[]; added: string[]; shape?: 'unknown' };
}

/** OPENJSON(...), STRING_SPLIT(...), dbo.fn(...) used as a table. */
export interface TableFunctionRef extends NodeBase {
  kind: 'TableFunctionRef';
  call: FunctionCall;
  alias?: Identifier;
  columns?: Identifier[];
  /** OPENJSON ... WITH (col type, ...) */
  withColumns?: ColumnDefinition[];
}

/** (VALUES (...), (...)) AS v(a, b) */
export interface ValuesTable extends NodeBase {
  kind: 'ValuesTable';
  rows: Expression[][];
  alias?: Identifier;
  columns?: Identifier[];
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'CROSS APPLY' | 'OUTER APPLY';

export interface Join extends NodeBase {
  kind: 'Join';
  joinType: JoinType;
  left: TableSource;
  right: TableSource;
  on?: Expression;
}

// ---------- statements ----------

export type Statement =
  | SelectStatement
  | InsertStatement
  | UpdateStatement
  | DeleteStatement
  | MergeStatement
  | DeclareStatement
  | SetVariableStatement
  | SetOptionStatement
  | SetIdentityInsertStatement
  | IfStatement
  | WhileStatement
  | BlockStatement
  | TryCatchStatement
  | ThrowStatement
  | RaiserrorStatement
  | PrintStatement
  | ReturnStatement
  | GotoStatement
  | LabelStatement
  | BreakStatement
  | ContinueStatement
  | WaitforStatement
  | TransactionStatement
  | ExecStatement
  | CursorStatement
  | FetchStatement
  | UseStatement
  | CreateTableStatement
  | AlterTableStatement
  | CreateViewStatement
  | CreateIndexStatement
  | CreateRoutineStatement
  | DropStatement
  | TruncateStatement
  | PermissionStatement
  | OtherStatement
  | EmptyStatement
  | ErrorStatement;

export interface SelectStatement extends NodeBase {
  kind: 'SelectStatement';
  with?: WithClause;
  query: QueryExpression;
  option?: string;
}

export interface OutputClause extends NodeBase {
  kind: 'Output';
  items: SelectItem[];
  into?: { target: ObjectName; columns?: Identifier[]; range: Span };
}

export type InsertSource =
  | { kind: 'Values'; rows: Expression[][]; range: Span; rowRanges: Span[] }
  | { kind: 'Query'; query: QueryExpression; range: Span }
  | { kind: 'Exec'; exec: ExecStatement; range: Span }
  | { kind: 'DefaultValues'; range: Span };

export interface InsertStatement extends NodeBase {
  kind: 'Insert';
  with?: WithClause;
  top?: Top;
  target: ObjectName;
  hints: string[];
  columns?: Identifier[];
  output?: OutputClause;
  source: InsertSource;
  option?: string;
}

/** One `SET x = expr` item: a column, a variable, or `@v = col = expr`. */
export interface SetItem extends NodeBase {
  kind: 'SetItem';
  column?: ColumnRef;
  variable?: VariableRef;
  op: string; // '=', '+=', ...
  value: Expression;
}

export interface UpdateStatement extends NodeBase {
  kind: 'Update';
  with?: WithClause;
  top?: Top;
  /** The table (or alias of a FROM table) being updated. */
  target: TableRef;
  set: SetItem[];
  output?: OutputClause;
  from: TableSource[];
  where?: Expression;
  /** WHERE CURRENT OF cursor */
  currentOf?: Identifier;
  option?: string;
}

export interface DeleteStatement extends NodeBase {
  kind: 'Delete';
  with?: WithClause;
  top?: Top;
  target: TableRef;
  output?: OutputClause;
  from: TableSource[];
  where?: Expression;
  currentOf?: Identifier;
  option?: string;
}

export type MergeAction =
  | { kind: 'MergeUpdate'; set: SetItem[]; range: Span }
  | { kind: 'MergeDelete'; range: Span }
  | { kind: 'MergeInsert'; columns?: Identifier[]; values?: Expression[]; defaultValues: boolean; range: Span };

export interface MergeClause extends NodeBase {
  kind: 'MergeClause';
  match: 'MATCHED' | 'NOT MATCHED BY TARGET' | 'NOT MATCHED BY SOURCE';
  condition?: Expression;
  action: MergeAction;
}

export interface MergeStatement extends NodeBase {
  kind: 'Merge';
  with?: WithClause;
  top?: Top;
  target: TableRef;
  source: TableSource;
  on: Expression;
  clauses: MergeClause[];
  output?: OutputClause;
  option?: string;
}

export interface CursorDefinition extends NodeBase {
  kind: 'CursorDefinition';
  options: string[];
  /** DECLARE c CURSOR FOR WITH cte AS (...) SELECT ... */
  with?: WithClause;
  query: QueryExpression;
  forUpdate?: Identifier[] | true;
}

export interface DeclareItem extends NodeBase {
  kind: 'DeclareItem';
  name: Identifier; // '@x', or a cursor name
  dataType?: DataType;
  init?: Expression;
  table?: TableDefinition;
  cursor?: CursorDefinition;
}

export interface DeclareStatement extends NodeBase {
  kind: 'Declare';
  items: DeclareItem[];
}

export interface SetVariableStatement extends NodeBase {
  kind: 'SetVariable';
  variable: VariableRef;
  op: string;
  value: Expression;
  /** SET @c = CURSOR FOR ... */
  cursor?: CursorDefinition;
}

/** SET NOCOUNT ON, SET XACT_ABORT ON, SET ANSI_NULLS OFF, SET TRANSACTION ISOLATION LEVEL ... */
export interface SetOptionStatement extends NodeBase {
  kind: 'SetOption';
  /** Upper-cased option names, e.g. ['XACT_ABORT'] or ['TRANSACTION ISOLATION LEVEL']. */
  options: string[];
  /** Upper-cased value: 'ON', 'OFF', 'READ COMMITTED', or an expression's text. */
  value: string;
}

export interface SetIdentityInsertStatement extends NodeBase {
  kind: 'SetIdentityInsert';
  table: ObjectName;
  on: boolean;
}

export interface IfStatement extends NodeBase {
  kind: 'If';
  condition: Expression;
  then: Statement;
  else?: Statement;
}

export interface WhileStatement extends NodeBase {
  kind: 'While';
  condition: Expression;
  body: Statement;
}

export interface BlockStatement extends NodeBase {
  kind: 'Block';
  statements: Statement[];
}

export interface TryCatchStatement extends NodeBase {
  kind: 'TryCatch';
  tryStatements: Statement[];
  catchStatements: Statement[];
  tryRange: Span;
  catchRange: Span;
}

export interface ThrowStatement extends NodeBase {
  kind: 'Throw';
  args: Expression[];
}

export interface RaiserrorStatement extends NodeBase {
  kind: 'Raiserror';
  args: Expression[];
  options: string[];
}

export interface PrintStatement extends NodeBase {
  kind: 'Print';
  expr: Expression;
}

export interface ReturnStatement extends NodeBase {
  kind: 'Return';
  expr?: Expression;
}

export interface GotoStatement extends NodeBase {
  kind: 'Goto';
  label: Identifier;
}

export interface LabelStatement extends NodeBase {
  kind: 'Label';
  label: Identifier;
}

export interface BreakStatement extends NodeBase {
  kind: 'Break';
}

export interface ContinueStatement extends NodeBase {
  kind: 'Continue';
}

export interface WaitforStatement extends NodeBase {
  kind: 'Waitfor';
  delay?: Expression;
  time?: Expression;
}

/** BEGIN TRAN[SACTION] [name], COMMIT [TRAN|WORK] [name], ROLLBACK ..., SAVE TRAN name. */
export interface TransactionStatement extends NodeBase {
  kind: 'Transaction';
  action: 'begin' | 'commit' | 'rollback' | 'save';
  name?: Identifier | VariableRef;
  /** BEGIN DISTRIBUTED TRANSACTION */
  distributed?: boolean;
}

export interface ExecArgument extends NodeBase {
  kind: 'ExecArgument';
  name?: string; // '@param'
  value: Expression;
  output: boolean;
}

/** EXEC proc args, EXEC @rc = proc, EXEC sp_executesql @sql, N'...', EXEC('...' + @x). */
export interface ExecStatement extends NodeBase {
  kind: 'Exec';
  procedure?: ObjectName;
  /** EXEC @procNameVar */
  procedureVariable?: VariableRef;
  returnVariable?: VariableRef;
  args: ExecArgument[];
  /** EXEC ( string expression ) */
  dynamic?: Expression[];
}

/** OPEN c, CLOSE c, DEALLOCATE c */
export interface CursorStatement extends NodeBase {
  kind: 'Cursor';
  action: 'open' | 'close' | 'deallocate';
  cursor: Identifier;
}

export interface FetchStatement extends NodeBase {
  kind: 'Fetch';
  direction?: string;
  cursor: Identifier;
  into: VariableRef[];
}

export interface UseStatement extends NodeBase {
  kind: 'Use';
  database: Identifier;
}

export interface ColumnDefinition extends NodeBase {
  kind: 'ColumnDefinition';
  name: Identifier;
  dataType?: DataType;
  /** AS (expr) [PERSISTED] */
  computed?: Expression;
  nullable?: boolean;
  identity?: { seed: number; increment: number };
  default?: Expression;
  defaultName?: Identifier;
  primaryKey?: boolean;
  unique?: boolean;
  references?: { table: ObjectName; columns: Identifier[] };
  /** Inline CHECK (expr) */
  check?: Expression;
  collation?: string;
  rowguidcol?: boolean;
}

export interface TableConstraint extends NodeBase {
  kind: 'TableConstraint';
  constraintType: 'PRIMARY KEY' | 'UNIQUE' | 'FOREIGN KEY' | 'CHECK' | 'DEFAULT';
  name?: Identifier;
  columns: Identifier[];
  references?: { table: ObjectName; columns: Identifier[] };
  check?: Expression;
  /** DEFAULT expr FOR column */
  default?: Expression;
  clustered?: boolean;
}

export interface TableDefinition extends NodeBase {
  kind: 'TableDefinition';
  columns: ColumnDefinition[];
  constraints: TableConstraint[];
}

export interface CreateTableStatement extends NodeBase {
  kind: 'CreateTable';
  name: ObjectName;
  definition: TableDefinition;
}

export type AlterTableAction =
  | { kind: 'AddColumns'; columns: ColumnDefinition[]; range: Span }
  | { kind: 'AddConstraints'; constraints: TableConstraint[]; range: Span }
  | { kind: 'DropColumns'; columns: Identifier[]; ifExists: boolean; range: Span }
  | { kind: 'DropConstraints'; names: Identifier[]; range: Span }
  | { kind: 'AlterColumn'; column: ColumnDefinition; range: Span }
  | { kind: 'OtherAlter'; text: string; range: Span };

export interface AlterTableStatement extends NodeBase {
  kind: 'AlterTable';
  table: ObjectName;
  /** WITH CHECK / NOCHECK prefix, ADD ..., DROP ..., ALTER COLUMN ..., CHECK/NOCHECK CONSTRAINT ... */
  actions: AlterTableAction[];
}

export interface CreateViewStatement extends NodeBase {
  kind: 'CreateView';
  alter: boolean;
  orAlter: boolean;
  name: ObjectName;
  columns?: Identifier[];
  with?: WithClause;
  query: QueryExpression;
}

export interface CreateIndexStatement extends NodeBase {
  kind: 'CreateIndex';
  unique: boolean;
  clustered?: boolean;
  name: Identifier;
  table: ObjectName;
  columns: OrderItem[];
  include: Identifier[];
  where?: Expression;
}

export interface RoutineParameter extends NodeBase {
  kind: 'RoutineParameter';
  name: Identifier;
  dataType: DataType;
  default?: Expression;
  output: boolean;
  readonly: boolean;
}

/** CREATE / ALTER / CREATE OR ALTER PROCEDURE, FUNCTION, TRIGGER. */
export interface CreateRoutineStatement extends NodeBase {
  kind: 'CreateRoutine';
  routineType: 'PROCEDURE' | 'FUNCTION' | 'TRIGGER';
  alter: boolean;
  orAlter: boolean;
  name: ObjectName;
  parameters: RoutineParameter[];
  /** Functions: the return type, or 'TABLE' (inline) or a table variable definition. */
  returns?: { dataType?: DataType; table?: TableDefinition; variable?: Identifier; range: Span };
  /** Triggers: ON table, FOR/AFTER/INSTEAD OF events. */
  triggerTable?: ObjectName;
  triggerEvents?: string[];
  body: Statement[];
}

export interface DropStatement extends NodeBase {
  kind: 'Drop';
  objectType: 'TABLE' | 'VIEW' | 'INDEX' | 'PROCEDURE' | 'FUNCTION' | 'TRIGGER' | 'SCHEMA' | 'SYNONYM' | 'TYPE' | 'SEQUENCE' | 'OTHER';
  ifExists: boolean;
  names: ObjectName[];
  /** DROP INDEX ix ON table */
  on?: ObjectName;
}

export interface TruncateStatement extends NodeBase {
  kind: 'Truncate';
  table: ObjectName;
}

export interface PermissionStatement extends NodeBase {
  kind: 'Permission';
  action: 'GRANT' | 'DENY' | 'REVOKE';
  permissions: string[];
  on?: ObjectName;
  principals: Identifier[];
}

/** A statement the checker does not model (DBCC, BULK INSERT, CHECKPOINT, CREATE SCHEMA ...), parsed as tokens to its end. */
export interface OtherStatement extends NodeBase {
  kind: 'Other';
  keyword: string;
}

/** A lone semicolon. */
export interface EmptyStatement extends NodeBase {
  kind: 'Empty';
}

/** A statement that failed to parse: its range covers the tokens skipped during recovery. */
export interface ErrorStatement extends NodeBase {
  kind: 'Error';
  message: string;
  /** Where exactly the parser gave up (a token's range). */
  errorRange: Span;
  /** The statement kind it was parsing, if known (e.g. 'Update'). */
  partial?: string;
}

export type Node =
  | Script
  | Batch
  | Identifier
  | ObjectName
  | DataType
  | Expression
  | Statement
  | TableSource
  | SelectItem
  | QueryExpression;
