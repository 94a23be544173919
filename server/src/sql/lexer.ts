// A hand-written T-SQL lexer: one pass over char codes, never throws. Comments are returned
// separately; unterminated strings, identifiers and comments become tokens flagged `error`.

import type { Comment } from './ast';
import type { Token, TokenType } from './tokens';
import { WordTable, wordHashStep } from './wordTable';

/** One word table for every scan: see wordTable.ts. */
const WORDS = new WordTable();

export interface LexResult {
  tokens: Token[]; // always ends with an 'eof' token
  comments: Comment[];
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 128 && c !== 0xa0 && c !== 0xfeff && !isUnicodeSpace(c));
}

function isUnicodeSpace(c: number): boolean {
  return c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x85;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 64 || c === 35 || c === 36;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

const SINGLE_OPS: boolean[] = [];
for (const ch of '(),;.=<>+-*/%&|^~!:{}') SINGLE_OPS[ch.charCodeAt(0)] = true;

/** <> != <= >= !< !> += -= *= /= %= &= |= ^= :: => */
function isTwoCharOp(c: number, c1: number): boolean {
  switch (c) {
    case 60: // <
      return c1 === 62 || c1 === 61;
    case 62: // >
      return c1 === 61;
    case 33: // !
      return c1 === 61 || c1 === 60 || c1 === 62;
    case 124: // |= and || (string concatenation, SQL Server 2025)
      return c1 === 61 || c1 === 124;
    case 43: case 45: case 42: case 47: case 37: case 38: case 94: // + - * / % & ^
      return c1 === 61;
    case 58: // :
      return c1 === 58;
    case 61: // =
      return c1 === 62;
  }
  return false;
}

export function lex(text: string): LexResult {
  const sc = new Scanner(text);
  const tokens: Token[] = [];
  for (;;) {
    const t = sc.next();
    tokens.push(t);
    if (t.type === 'eof') break;
  }
  return { tokens, comments: sc.comments };
}

/**
 * Produces the tokens of a text one at a time (the parser takes one GO batch at a time, so the
 * tokens of a batch die young instead of living, and being copied by the GC, for the whole script).
 * After the 'eof' token it keeps returning 'eof'.
 */
export class Scanner {
  readonly comments: Comment[] = [];
  private i = 0;
  private nl = true;
  // Token objects are reused after recycle(): a batch's tokens are dead once it is parsed, and
  // reusing them spares the young generation (and its copying collector) a third of a parse's garbage.
  private readonly pool: Token[] = [];
  private poolUsed = 0;

  constructor(private readonly text: string) {}

  /** Tokens returned so far may be overwritten by the next ones: call only when none is referenced any more. */
  recycle(): void {
    this.poolUsed = 0;
  }

  /** `hash`: the word's hash when the scan loop already folded it (wordHashStep over its chars). */
  private make(type: TokenType, start: number, end: number, error?: string, upper?: boolean, hash?: number): Token {
    let t: string;
    let u: string;
    if (upper) {
      const slot = WORDS.slot(this.text, start, end, hash);
      if (slot >= 0) {
        t = WORDS.text(slot);
        u = WORDS.upper(slot);
      } else {
        t = this.text.slice(start, end);
        u = t.toUpperCase();
      }
    } else {
      t = this.text.slice(start, end);
      u = t;
    }
    const nl = this.nl;
    this.nl = false;
    if (this.poolUsed < this.pool.length) {
      const tok = this.pool[this.poolUsed++];
      tok.type = type;
      tok.start = start;
      tok.end = end;
      tok.text = t;
      tok.upper = u;
      tok.nl = nl;
      tok.error = error;
      return tok;
    }
    // one object shape for every token keeps property access monomorphic
    const tok: Token = { type, start, end, text: t, upper: u, nl, error };
    this.pool.push(tok);
    this.poolUsed++;
    return tok;
  }

  next(): Token {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    try {
      while (i < n) {
        const c = text.charCodeAt(i);
        // whitespace
        if (c === 10 || c === 13) {
          this.nl = true;
          i++;
          continue;
        }
        if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || isUnicodeSpace(c) || c === 0) {
          i++;
          continue;
        }
        const start = i;
        const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        // -- comment
        if (c === 45 && c1 === 45) {
          i += 2;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === 10 || d === 13) break;
            i++;
          }
          this.comments.push({ kind: 'Comment', range: { start, end: i }, text: text.slice(start, i), block: false });
          continue;
        }
        // /* nested */ comment
        if (c === 47 && c1 === 42) {
          i += 2;
          let depth = 1;
          while (i < n && depth > 0) {
            const d = text.charCodeAt(i);
            if (d === 47 && text.charCodeAt(i + 1) === 42) {
              depth++;
              i += 2;
            } else if (d === 42 && text.charCodeAt(i + 1) === 47) {
              depth--;
              i += 2;
            } else {
              if (d === 10 || d === 13) this.nl = true;
              i++;
            }
          }
          this.comments.push({ kind: 'Comment', range: { start, end: i }, text: text.slice(start, i), block: true });
          if (depth > 0) return this.make('op', i, i, 'unterminated comment');
          continue;
        }
        // N'...' string
        if ((c === 78 || c === 110) && c1 === 39) {
          const e = scanString(text, i + 1);
          i = e < 0 ? n : e;
          return this.make('nstring', start, i, e < 0 ? 'unterminated string' : undefined);
        }
        if (c === 39) {
          const e = scanString(text, i);
          i = e < 0 ? n : e;
          return this.make('string', start, i, e < 0 ? 'unterminated string' : undefined);
        }
        // 0x binary
        if (c === 48 && (c1 === 120 || c1 === 88)) {
          i += 2;
          for (;;) {
            while (i < n && isHex(text.charCodeAt(i))) i++;
            // 0xAB\<newline>CD: a backslash before a line break continues the constant on the next line
            if (i >= n || text.charCodeAt(i) !== 92) break;
            const next = text.charCodeAt(i + 1);
            if (next === 10) i += 2;
            else if (next === 13 && text.charCodeAt(i + 2) === 10) i += 3;
            else break;
          }
          return this.make('binary', start, i);
        }
        // numbers
        if (isDigit(c) || (c === 46 && isDigit(c1))) {
          let type: TokenType = 'integer';
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          if (i < n && text.charCodeAt(i) === 46) {
            type = 'decimal';
            i++;
            while (i < n && isDigit(text.charCodeAt(i))) i++;
          }
          const e = i < n ? text.charCodeAt(i) : 0;
          if (e === 101 || e === 69) {
            let j = i + 1;
            const s = j < n ? text.charCodeAt(j) : 0;
            if (s === 43 || s === 45) j++;
            if (j < n && isDigit(text.charCodeAt(j))) {
              type = 'float';
              i = j;
              while (i < n && isDigit(text.charCodeAt(i))) i++;
            }
          }
          return this.make(type, start, i);
        }
        // $12.50 money, $action / $IDENTITY pseudo columns, $(SqlCmdVar)
        if (c === 36) {
          if (c1 === 40) {
            const close = text.indexOf(')', i);
            const lineEnd = close < 0 ? -1 : text.slice(i, close).search(/[\r\n]/);
            if (close > 0 && lineEnd < 0) {
              i = close + 1;
              return this.make('word', start, i, undefined, true);
            }
          }
          if (isDigit(c1) || c1 === 46 || ((c1 === 45 || c1 === 43) && isDigit(text.charCodeAt(i + 2)))) {
            i++;
            if (c1 === 45 || c1 === 43) i++;
            while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
            return this.make('money', start, i);
          }
          if (isIdentStart(c1)) {
            i++;
            while (i < n && isIdentPart(text.charCodeAt(i))) i++;
            return this.make('word', start, i, undefined, true);
          }
        }
        // [bracketed] (]] escapes) or "quoted" ("" escapes)
        if (c === 91 || c === 34) {
          const close = c === 91 ? 93 : 34;
          i++;
          let closed = false;
          while (i < n) {
            if (text.charCodeAt(i) === close) {
              if (text.charCodeAt(i + 1) === close) {
                i += 2;
                continue;
              }
              i++;
              closed = true;
              break;
            }
            i++;
          }
          return this.make('quoted', start, i, closed ? undefined : 'unterminated identifier');
        }
        // @var, @@sysvar
        if (c === 64) {
          let type: TokenType = 'var';
          i++;
          if (c1 === 64) {
            type = 'sysvar';
            i++;
          }
          while (i < n && isIdentPart(text.charCodeAt(i))) i++;
          return this.make(type, start, i, i - start <= (type === 'sysvar' ? 2 : 1) ? 'incomplete variable name' : undefined, true);
        }
        // words, #temp, ##temp
        if (isIdentStart(c) || c === 35) {
          // the intern hash is folded in the same pass
          let h = wordHashStep(0, c);
          i++;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (!isIdentPart(d)) break;
            h = wordHashStep(h, d);
            i++;
          }
          return this.make('word', start, i, undefined, true, h);
        }
        // operators
        if (c1 !== 0 && isTwoCharOp(c, c1)) {
          i += 2;
          if (c === 124 && c1 === 124 && i < n && text.charCodeAt(i) === 61) i++; // ||=
          return this.make('op', start, i);
        }
        i++;
        if (c < 128 && SINGLE_OPS[c]) return this.make('op', start, i);
        return this.make('op', start, i, `unexpected character '${text[start]}'`);
      }
      return { type: 'eof', start: n, end: n, text: '', upper: '', nl: true, error: undefined };
    } finally {
      this.i = i;
    }
  }
}

/** From the opening quote at `i`, returns the offset after the closing quote, or -1. */
function scanString(text: string, i: number): number {
  const n = text.length;
  i++;
  while (i < n) {
    const j = text.indexOf("'", i);
    if (j < 0) return -1;
    if (text.charCodeAt(j + 1) === 39) {
      i = j + 2;
      continue;
    }
    return j + 1;
  }
  return -1;
}

/** The unescaped content of a string token ('' → '), without N and quotes. */
export function stringValue(tok: Token): string {
  let t = tok.text;
  if (tok.type === 'nstring') t = t.slice(1);
  const body = tok.error ? t.slice(1) : t.slice(1, -1);
  return body.indexOf("''") >= 0 ? body.replace(/''/g, "'") : body;
}

/** The name of an identifier token with brackets/quotes removed and ]] / "" unescaped. */
export function identifierName(tok: Token): string {
  if (tok.type !== 'quoted') return tok.text;
  const close = tok.text[0] === '[' ? ']' : '"';
  const body = tok.error ? tok.text.slice(1) : tok.text.slice(1, -1);
  return body.indexOf(close + close) >= 0 ? body.split(close + close).join(close) : body;
}
