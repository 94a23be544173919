// parseScript: splits the token stream into GO batches and parses each with statement-level
// error recovery. Never throws; every node carries its [start, end) range.

import type { Batch, Script, Statement } from './ast';
import { Scanner } from './lexer';
import type { Token } from './tokens';
import { Parser } from './parser/core';
import { statementList } from './parser/statements';
import { NodeIndexBuilder } from './visit';

export { lex } from './lexer';

/**
 * Is the line toks[from..] a batch separator: GO, GO n or GO; alone on its line?
 * Returns the repeat count (or 0 for none), or -1 when it is not.
 */
function goLine(toks: Token[], from: number, to: number): number {
  const len = to - from;
  if (len < 1 || len > 2) return -1;
  const t = toks[from];
  if (t.type !== 'word' || t.upper !== 'GO') return -1;
  if (len === 1) return 0;
  const n = toks[from + 1];
  if (n.type === 'integer') return Number(n.text);
  if (n.type === 'op' && n.text === ';') return 0;
  return -1;
}

/** A copy of a token that outlives the scanner's recycling. */
function keep(t: Token): Token {
  return { type: t.type, start: t.start, end: t.end, text: t.text, upper: t.upper, nl: t.nl, error: t.error };
}

export interface ParseOptions {
  /**
   * Build the rules' node index (nodesByKind) batch by batch while parsing: on by default. A reader
   * that never asks for it (the DDL schema source) saves the walk; nodesByKind still builds it on demand.
   */
  index?: boolean;
}

export function parseScript(text: string, options: ParseOptions = {}): Script {
  const sc = new Scanner(text);
  const batches: Batch[] = [];
  let batchStartOffset = 0;
  let next: Token | undefined;
  // The rules' node index (nodesByKind), built batch by batch while each batch's nodes are fresh in cache.
  const index = options.index === false ? undefined : new NodeIndexBuilder('Script');
  // The tokens of one batch, toks[0..count): up to a GO line (kept as the batch's last tokens) or the end.
  // Array and token objects are reused batch after batch (no tree node refers to a token).
  const toks: Token[] = [];
  for (;;) {
    let count = 0;
    let lineStart = 0;
    let goAt = -1;
    let repeat = -1;
    let t = next ?? sc.next();
    next = undefined;
    for (;;) {
      if (t.nl && count > lineStart) {
        repeat = goLine(toks, lineStart, count);
        if (repeat >= 0) {
          goAt = lineStart;
          next = keep(t);
          break;
        }
        lineStart = count;
      }
      toks[count++] = t;
      if (t.type === 'eof') break;
      t = sc.next();
    }
    if (goAt < 0 && count === 1 && batches.length > 0) break; // nothing after the last GO
    const limit = goAt >= 0 ? goAt : count - 1;
    const statements = parseBatch(text, toks, 0, limit);
    const goEnd = goAt >= 0 ? toks[count - 1].end : text.length;
    const batch: Batch = { kind: 'Batch', statements, range: { start: batchStartOffset, end: goEnd } };
    index?.add(batch);
    batches.push(batch);
    if (goAt < 0) break;
    batch.go = { range: { start: toks[goAt].start, end: goEnd } };
    if (count - goAt === 2 && toks[goAt + 1].type === 'integer') batch.go.count = repeat;
    batchStartOffset = goEnd;
    sc.recycle();
  }
  const script: Script = { kind: 'Script', batches, comments: sc.comments, range: { start: 0, end: text.length } };
  index?.finish(script);
  return script;
}

function parseBatch(text: string, tokens: Token[], start: number, limit: number): Statement[] {
  const p = new Parser(text, tokens, start, limit);
  try {
    return statementList(p, false, true);
  } catch (e) {
    // Last line of defence (e.g. a stack overflow): the rest of the batch is one error.
    const from = tokens[Math.min(start, limit)].start;
    const to = limit > start ? tokens[limit - 1].end : from;
    const range = { start: from, end: to };
    return [{ kind: 'Error', message: `internal parser error: ${(e as Error).message}`, errorRange: range, range }];
  }
}
