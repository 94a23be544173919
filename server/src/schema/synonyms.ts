// CREATE SYNONYM [schema.]name FOR [[[server.]database.]schema.]object, read from the statement's
// text (the parser keeps it as an opaque statement), as SSDT projects and schema scripts write it.

import { lex } from '../sql/lexer';
import type { SynonymInfo } from './model';
import { readName } from './tokenNames';

/** Reads CREATE SYNONYM; undefined for any other text. `defaultSchema` fills omitted schemas. */
export function readSynonym(statementText: string, defaultSchema: string): SynonymInfo | undefined {
  const toks = lex(statementText).tokens;
  const isWord = (i: number, w: string) => toks[i]?.type === 'word' && toks[i].upper === w;
  if (!isWord(0, 'CREATE') || !isWord(1, 'SYNONYM')) return undefined;
  const own = readName(toks, 2);
  if (!own || own.parts.length > 2 || !isWord(own.next, 'FOR')) return undefined;
  const target = readName(toks, own.next + 1);
  if (!target) return undefined;
  const p = target.parts;
  const name = p[p.length - 1];
  if (!name) return undefined;
  const syn: SynonymInfo = {
    schema: own.parts.length === 2 && own.parts[0] ? own.parts[0] : defaultSchema,
    name: own.parts[own.parts.length - 1],
    targetSchema: p.length >= 2 && p[p.length - 2] ? p[p.length - 2] : defaultSchema,
    targetName: name,
  };
  if (p.length >= 3 && p[p.length - 3]) syn.targetDatabase = p[p.length - 3];
  if (p.length === 4 && p[0]) syn.targetServer = p[0];
  return syn;
}
