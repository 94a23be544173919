// Quick fix for unknown-classifier-code on an expired or deprecated code: write the replacement code instead,
// keeping the literal's N prefix and quotes. Pure: text and finding in, offset edits out.
import type { Lang } from './messages';
import type { CodeActionEntry, FindingLike } from './codeActions/types';

export function replaceClassifierCode(text: string, f: FindingLike, lang: Lang = 'en'): CodeActionEntry | undefined {
  if (f.code !== 'unknown-classifier-code' || typeof f.data?.replacement !== 'string') return undefined;
  const code = f.data.replacement;
  const written = text.slice(f.range.start, f.range.end);
  const m = /^(N?)'[^]*'$/i.exec(written);
  const newText = m ? `${m[1]}'${code.replace(/'/g, "''")}'` : /^-?\d+$/.test(code) ? code : `N'${code.replace(/'/g, "''")}'`;
  return {
    title: lang === 'et' ? `Asenda koodiga ${code}` : `Replace with code ${code}`,
    kind: 'quickfix', fixes: f.code, preferred: true,
    edits: [{ start: f.range.start, end: f.range.end, newText }],
  };
}
