// Object names as DDL text writes them: [bracketed]]] or "quoted" parts, sp_rename's 'dbo.Tabel.Veerg'
// strings, and the constraint names the parser does not keep.

/** One part of a name: [bracketed]]], "quoted" or plain. */
export const NAME_PART = '(?:\\[(?:[^\\]]|\\]\\])*\\]|"(?:[^"]|"")*"|[^\\s.;\\[\\]":]+)';

export const UNQUOTE = (n: string) => (n.startsWith('[') ? n.slice(1, -1).replace(/]]/g, ']') : n.startsWith('"') ? n.slice(1, -1).replace(/""/g, '"') : n);

/** Names of CONSTRAINT x PRIMARY KEY / UNIQUE / [FOREIGN KEY] REFERENCES in a column definition's text. */
export function inlineConstraintNames(text: string): { primary?: string; unique?: string; foreign?: string } {
  const out: { primary?: string; unique?: string; foreign?: string } = {};
  const re = /\bCONSTRAINT\s+(\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[^\s(),]+)\s+(PRIMARY|UNIQUE|FOREIGN|REFERENCES)\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = m[2].toUpperCase();
    const name = UNQUOTE(m[1]);
    if (kind === 'PRIMARY') out.primary ??= name;
    else if (kind === 'UNIQUE') out.unique ??= name;
    else out.foreign ??= name;
  }
  return out;
}

/** 'dbo.Volgnik.Nimi' or N'[dbo].[Volgnik]' as sp_rename takes it: the parts, brackets and quotes removed. */
export function splitName(s: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i <= s.length) {
    let part = '';
    const open = s[i];
    if (open === '[' || open === '"') {
      const close = open === '[' ? ']' : '"';
      i++;
      while (i < s.length) {
        if (s[i] === close) {
          if (s[i + 1] === close) {
            part += close;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += s[i++];
      }
      while (i < s.length && s[i] !== '.') i++;
    } else {
      const dot = s.indexOf('.', i);
      const end = dot < 0 ? s.length : dot;
      part = s.slice(i, end).trim();
      i = end;
    }
    parts.push(part);
    i++; // past the dot
  }
  return parts.every((p) => p !== '') ? parts : [];
}
