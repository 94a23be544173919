// Names read from the tokens of a statement the parser keeps opaque (CREATE TYPE, CREATE SYNONYM).

import { identifierName } from '../sql/lexer';
import type { Token } from '../sql/tokens';

/** The name a word or a well-formed [bracketed] / "quoted" token stands for; undefined for any other token. */
export function tokenName(t: Token | undefined): string | undefined {
  if (!t || t.error) return undefined;
  return t.type === 'word' || t.type === 'quoted' ? identifierName(t) : undefined;
}

/** Reads a multi-part name from token i; empty parts (db..object) are kept as ''. At most four parts. */
export function readName(toks: Token[], i: number): { parts: string[]; next: number } | undefined {
  const parts: string[] = [];
  for (;;) {
    const t = toks[i];
    if (t?.type === 'op' && t.text === '.') {
      parts.push('');
      i++;
      continue;
    }
    const n = tokenName(t);
    if (n === undefined) return undefined;
    parts.push(n);
    i++;
    if (!(toks[i]?.type === 'op' && toks[i].text === '.')) break;
    i++;
  }
  return parts.length <= 4 ? { parts, next: i } : undefined;
}
