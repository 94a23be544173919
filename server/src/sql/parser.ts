// parseScript: splits the token stream into GO batches and parses each with statement-level
// error recovery. Never throws; every node carries its [start, end) range.

import type { Batch, Script, Statement } from './ast';
import { lex } from './lexer';
import type { Token } from './tokens';
import { Parser } from './parser/core';
import { statementList } from './parser/statements';

export { lex } from './lexer';

/** GO [n] on its own line ends a batch. Returns the count token index if `GO n`. */
function goAt(tokens: Token[], i: number): { end: number; count?: number } | undefined {
  const t = tokens[i];
  if (t.type !== 'word' || t.upper !== 'GO' || !t.nl) return undefined;
  const n = tokens[i + 1];
  if (n.type === 'eof' || n.nl) return { end: i + 1 };
  if (n.type === 'integer' && (tokens[i + 2].type === 'eof' || tokens[i + 2].nl)) return { end: i + 2, count: Number(n.text) };
  if (n.type === 'op' && n.text === ';' && (tokens[i + 2].type === 'eof' || tokens[i + 2].nl)) return { end: i + 2 };
  return undefined;
}

export function parseScript(text: string): Script {
  const { tokens, comments } = lex(text);
  const batches: Batch[] = [];
  let batchStartTok = 0;
  let batchStartOffset = 0;
  const eof = tokens.length - 1;
  for (let i = 0; i <= eof; i++) {
    const go = i < eof ? goAt(tokens, i) : undefined;
    if (!go && i < eof) continue;
    if (!go && batchStartTok === eof && batches.length > 0) break; // nothing after the last GO
    const statements = parseBatch(text, tokens, batchStartTok, i);
    const batch: Batch = { kind: 'Batch', statements, range: { start: batchStartOffset, end: go ? tokens[go.end - 1].end : text.length } };
    if (go) {
      batch.go = { range: { start: tokens[i].start, end: tokens[go.end - 1].end } };
      if (go.count !== undefined) batch.go.count = go.count;
      batchStartOffset = batch.range.end;
      batchStartTok = go.end;
      i = go.end - 1;
    }
    batches.push(batch);
  }
  return { kind: 'Script', batches, comments, range: { start: 0, end: text.length } };
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
