// Reads what the user is typing at an offset, from the raw text (the tree may be broken mid-edit).
export interface CompletionContext {
  /** The partial word before the cursor (may be empty). */
  prefix: string;
  /** `m.` or `dbo.` before the word: the qualifier parts, without brackets. */
  qualifier?: string[];
  /** Start of the text being replaced. */
  replaceStart: number;
  /** Text of the current batch before the cursor. */
  batchBefore: string;
  /** Whole current batch text. */
  batchText: string;
  batchStart: number;
}

const WORD = /[\p{L}\p{N}_@#$]/u;

function unbracket(s: string): string {
  return s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1).replace(/]]/g, ']') : s.replace(/^"|"$/g, '');
}

export function batchBounds(text: string, offset: number): { start: number; end: number } {
  const go = /^[ \t]*GO(?:[ \t]+\d+)?[ \t]*(?:--.*)?$/gim;
  let start = 0;
  let end = text.length;
  let m: RegExpExecArray | null;
  while ((m = go.exec(text))) {
    if (m.index + m[0].length < offset) start = m.index + m[0].length;
    else if (m.index >= offset) { end = m.index; break; }
    if (m[0].length === 0) go.lastIndex++;
  }
  return { start, end };
}

export function completionContext(text: string, offset: number): CompletionContext {
  offset = Math.max(0, Math.min(offset, text.length));
  let i = offset;
  while (i > 0 && WORD.test(text[i - 1])) i--;
  const prefix = text.slice(i, offset);
  const replaceStart = i;
  const qualifier: string[] = [];
  let j = i;
  while (j > 0 && text[j - 1] === '.') {
    let k = j - 1;
    if (text[k - 1] === ']') {
      k--;
      while (k > 0 && text[k - 1] !== '[') k--;
      k--;
    } else {
      while (k > 0 && WORD.test(text[k - 1])) k--;
    }
    if (k < 0 || k === j - 1) break;
    qualifier.unshift(unbracket(text.slice(k, j - 1)));
    j = k;
  }
  const b = batchBounds(text, offset);
  return {
    prefix, replaceStart, qualifier: qualifier.length ? qualifier : undefined,
    batchBefore: text.slice(b.start, offset), batchText: text.slice(b.start, b.end), batchStart: b.start,
  };
}

/** Aliases and table names of the batch, read tolerantly: `FROM dbo.Menetlus m`, `JOIN Isik AS i`, `UPDATE m`. */
export function aliasesIn(batchText: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const NAME = String.raw`((?:(?:\[[^\]]+\]|[\p{L}_#][\p{L}\p{N}_#$@]*)\.){0,2}(?:\[[^\]]+\]|[\p{L}_#][\p{L}\p{N}_#$@]*))`;
  const re = new RegExp(String.raw`\b(?:FROM|JOIN|UPDATE|INTO|APPLY)\s+` + NAME + String.raw`(?:\s+(?:AS\s+)?(\[[^\]]+\]|[\p{L}_][\p{L}\p{N}_]*))?`, 'giu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(batchText))) {
    const parts = m[1].split(/\.(?![^[]*\])/).map(unbracket);
    const table = parts[parts.length - 1];
    out.set(table.toLowerCase(), parts);
    const alias = m[2] && unbracket(m[2]);
    if (alias && !RESERVED.has(alias.toUpperCase())) out.set(alias.toLowerCase(), parts);
  }
  return out;
}

export const RESERVED = new Set(['WHERE', 'SET', 'ON', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'GROUP', 'ORDER',
  'HAVING', 'UNION', 'EXCEPT', 'INTERSECT', 'WITH', 'OUTPUT', 'VALUES', 'SELECT', 'FROM', 'GO', 'OPTION', 'AS', 'WHEN', 'THEN',
  'UPDATE', 'DELETE', 'INSERT', 'MERGE', 'USING', 'BEGIN', 'END', 'IF', 'ELSE', 'DECLARE', 'EXEC', 'PRINT', 'RETURN', 'COMMIT',
  'ROLLBACK', 'APPLY', 'PIVOT', 'UNPIVOT', 'FOR', 'INTO', 'TOP', 'WHILE', 'THROW']);
