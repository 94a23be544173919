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
function goLine(toks: Token[], from: number): number {
  const len = toks.length - from;
  if (len < 1 || len > 2) return -1;
  const t = toks[from];
  if (t.type !== 'word' || t.upper !== 'GO') return -1;
  if (len === 1) return 0;
  const n = toks[from + 1];
  if (n.type === 'integer') return Number(n.text);
  if (n.type === 'op' && n.text === ';') return 0;
  return -1;
}

export function parseScript(text: string): Script {
  const sc = new Scanner(text);
  const batches: Batch[] = [];
  let batchStartOffset = 0;
  let next: Token | undefined;
  // The rules' node index (nodesByKind), built batch by batch while each batch's nodes are fresh in cache.
  const index = new NodeIndexBuilder('Script');
  for (;;) {
    // The tokens of one batch: up to a GO line (kept as the batch's last tokens) or the end.
    const toks: Token[] = [];
    let lineStart = 0;
    let goAt = -1;
    let count = -1;
    let t = next ?? sc.next();
    next = undefined;
    for (;;) {
      if (t.nl && toks.length > lineStart) {
        count = goLine(toks, lineStart);
        if (count >= 0) {
          goAt = lineStart;
          next = t;
          break;
        }
        lineStart = toks.length;
      }
      toks.push(t);
      if (t.type === 'eof') break;
      t = sc.next();
    }
    if (goAt < 0 && toks.length === 1 && batches.length > 0) break; // nothing after the last GO
    const limit = goAt >= 0 ? goAt : toks.length - 1;
    const statements = parseBatch(text, toks, 0, limit);
    const goEnd = goAt >= 0 ? toks[toks.length - 1].end : text.length;
    const batch: Batch = { kind: 'Batch', statements, range: { start: batchStartOffset, end: goEnd } };
    if (goAt >= 0) {
      batch.go = { range: { start: toks[goAt].start, end: goEnd } };
      if (toks.length - goAt === 2 && toks[goAt + 1].type === 'integer') batch.go.count = count;
      batchStartOffset = goEnd;
      batches.push(batch);
      index.add(batch);
      continue;
    }
    batches.push(batch);
    index.add(batch);
    break;
  }
  const script: Script = { kind: 'Script', batches, comments: sc.comments, range: { start: 0, end: text.length } };
  index.finish(script);
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
