// The parser's cursor over tokens and the shared helpers for names, data types and errors.
// Every parse function either consumes a token or throws ParseError; the statement loop
// catches it and recovers, so no loop can spin without progress.

import type { DataType, Identifier, ObjectName, Span } from '../ast';
import { identifierName } from '../lexer';
import { RESERVED, type Token } from '../tokens';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly range: Span,
  ) {
    super(message);
  }
}

/** Deeper nesting than this is reported as an error instead of overflowing the stack. */
const MAX_DEPTH = 400;

export class Parser {
  pos: number;
  private depth = 0;

  /** Guards recursion: call on entering a recursive rule, `leave()` in a finally. */
  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.fail('nesting too deep');
    }
  }

  leave(): void {
    this.depth--;
  }

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    start: number,
    /** Index of the token that ends this batch (GO or eof); treated as end of input. */
    readonly limit: number,
  ) {
    this.pos = start;
  }

  get tok(): Token {
    return this.pos < this.limit ? this.tokens[this.pos] : this.eofToken();
  }

  peek(k = 1): Token {
    const i = this.pos + k;
    return i < this.limit ? this.tokens[i] : this.eofToken();
  }

  private eof: Token | undefined;

  private eofToken(): Token {
    if (!this.eof) {
      const t = this.tokens[this.limit];
      this.eof = { type: 'eof', start: t.start, end: t.start, text: '', upper: '', nl: true, error: undefined };
    }
    return this.eof;
  }

  atEnd(): boolean {
    return this.pos >= this.limit;
  }

  /** End offset of the last consumed token. */
  get lastEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1].end : 0;
  }

  next(): Token {
    const t = this.tok;
    if (this.pos < this.limit) this.pos++;
    return t;
  }

  isWord(w: string, k = 0): boolean {
    const t = k === 0 ? this.tok : this.peek(k);
    return t.type === 'word' && t.upper === w;
  }

  isOp(op: string, k = 0): boolean {
    const t = k === 0 ? this.tok : this.peek(k);
    return t.type === 'op' && t.text === op;
  }

  acceptWord(w: string): boolean {
    if (this.isWord(w)) {
      this.pos++;
      return true;
    }
    return false;
  }

  acceptOp(op: string): boolean {
    if (this.isOp(op)) {
      this.pos++;
      return true;
    }
    return false;
  }

  expectWord(w: string): Token {
    if (!this.isWord(w)) this.fail(`expected ${w}`);
    return this.next();
  }

  expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail(`expected '${op}'`);
    return this.next();
  }

  fail(message: string): never {
    const t = this.tok;
    const found = t.type === 'eof' ? 'end of batch' : `'${t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text}'`;
    throw new ParseError(t.error ? t.error : `${message}, found ${found}`, { start: t.start, end: t.end });
  }

  range(start: number): Span {
    return { start, end: Math.max(start, this.lastEnd) };
  }

  /** A token usable as a name: non-reserved word, or quoted identifier. */
  isNameToken(t: Token = this.tok): boolean {
    return !t.error && (t.type === 'quoted' || (t.type === 'word' && !RESERVED.has(t.upper)));
  }

  identifier(allowReserved = false): Identifier {
    const t = this.tok;
    if (!(this.isNameToken(t) || (allowReserved && t.type === 'word' && !t.error))) this.fail('expected a name');
    this.pos++;
    return { kind: 'Identifier', range: { start: t.start, end: t.end }, name: identifierName(t), quoted: t.type === 'quoted' };
  }

  /** Identifier for a variable token (@x) used where a name is expected (DECLARE, parameters). */
  variableIdentifier(): Identifier {
    const t = this.tok;
    if (t.type !== 'var' || t.error) this.fail('expected a variable');
    this.pos++;
    return { kind: 'Identifier', range: { start: t.start, end: t.end }, name: t.text, quoted: false };
  }

  /** server.db.schema.name with empty parts allowed (db..t). */
  objectName(): ObjectName {
    const start = this.tok.start;
    const parts: Identifier[] = [];
    if (this.tok.type === 'var' && !this.tok.error) parts.push(this.variableIdentifier());
    else parts.push(this.identifier());
    while (this.isOp('.') && parts.length < 4) {
      const dot = this.next();
      if (this.isOp('.')) {
        parts.push({ kind: 'Identifier', range: { start: dot.end, end: dot.end }, name: '', quoted: false });
        continue;
      }
      parts.push(this.identifier(true));
    }
    return makeObjectName(parts, this.range(start));
  }

  identifierList(): Identifier[] {
    const out = [this.identifier(true)];
    while (this.acceptOp(',')) out.push(this.identifier(true));
    return out;
  }

  /** ( a, b, c ) */
  parenIdentifierList(): Identifier[] {
    this.expectOp('(');
    const ids = this.identifierList();
    this.expectOp(')');
    return ids;
  }

  dataType(): DataType {
    const start = this.tok.start;
    if (this.isWord('DOUBLE') && this.isWord('PRECISION', 1)) {
      // DOUBLE is reserved, so it is no name
      this.pos += 2;
      return { kind: 'DataType', range: this.range(start), name: 'float', params: [] };
    }
    let typeName: string;
    if (this.acceptWord('NATIONAL')) {
      // NATIONAL is reserved: NATIONAL CHAR[ACTER] [VARYING] is nchar / nvarchar
      if (!this.acceptWord('CHAR') && !this.acceptWord('CHARACTER')) this.fail('expected CHARACTER');
      typeName = this.acceptWord('VARYING') ? 'nvarchar' : 'nchar';
    } else {
      const name = this.objectName();
      typeName = name.parts.map((p) => p.name).join('.').toLowerCase();
      // two-word types
      if ((typeName === 'char' || typeName === 'character' || typeName === 'nchar' || typeName === 'binary') && this.acceptWord('VARYING')) {
        typeName = typeName === 'nchar' ? 'nvarchar' : typeName === 'binary' ? 'varbinary' : 'varchar';
      } else if (typeName === 'character') typeName = 'char';
    }
    const params: (number | 'max')[] = [];
    if (typeName === 'xml' && this.isOp('(')) {
      // typed xml: xml(CONTENT dbo.Schema) / xml(DOCUMENT dbo.Schema) / xml(dbo.Schema)
      this.skipParens();
    } else if (this.acceptOp('(')) {
      do {
        const t = this.next();
        if (t.type === 'integer') params.push(Number(t.text));
        else if (t.type === 'word' && t.upper === 'MAX') params.push('max');
        else if (t.type === 'op' && t.text === '-' && this.tok.type === 'integer') params.push(-Number(this.next().text));
        else {
          this.pos--;
          this.fail('expected a type length');
        }
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    return { kind: 'DataType', range: this.range(start), name: typeName, params };
  }

  /** Source text from a token index to the current position. */
  textFrom(start: number): string {
    return this.text.slice(start, Math.max(start, this.lastEnd));
  }

  /** Skips a balanced parenthesised group starting at '('. */
  skipParens(): void {
    this.expectOp('(');
    let depth = 1;
    while (!this.atEnd() && depth > 0) {
      const t = this.next();
      if (t.type === 'op') {
        if (t.text === '(') depth++;
        else if (t.text === ')') depth--;
      }
    }
    if (depth > 0) this.fail("expected ')'");
  }
}

export function makeObjectName(parts: Identifier[], range: Span): ObjectName {
  const n = parts.length;
  // A one-part name spans its identifier: share the span object (a third fewer objects for names; the
  // tree is what the young-generation GC copies). Spans are never changed in place except by
  // shiftSpans, which moves each object once.
  if (n === 1 && parts[0].range.start === range.start && parts[0].range.end === range.end) range = parts[0].range;
  const o: ObjectName = { kind: 'ObjectName', range, parts, name: parts[n - 1] };
  if (n >= 2) o.schema = parts[n - 2];
  if (n >= 3) o.database = parts[n - 3];
  if (n >= 4) o.server = parts[n - 4];
  return o;
}
