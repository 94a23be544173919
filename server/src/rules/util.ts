// Helpers shared by rules: statement walks, literal conversion checks, suggestions.
import type * as A from '../sql/ast';
import { forEachChild, nodesByKind, walk, type AnyNode } from '../sql/visit';
import type { TypeInfo } from '../resolve/types';

/** Every statement in the script, nested ones included (IF, WHILE, blocks, TRY/CATCH, routine bodies). */
const statementCache = new WeakMap<A.Script, { st: A.Statement; batch: number }[]>();

export function allStatements(script: A.Script): { st: A.Statement; batch: number }[] {
  const cached = statementCache.get(script);
  if (cached) return cached;
  const out: { st: A.Statement; batch: number }[] = [];
  (script.batches ?? []).forEach((b, batch) => {
    const visit = (st: A.Statement | undefined): void => {
      if (!st) return;
      out.push({ st, batch });
      switch (st.kind) {
        case 'If': visit(st.then); visit(st.else); break;
        case 'While': visit(st.body); break;
        case 'Block': st.statements?.forEach(visit); break;
        case 'TryCatch': st.tryStatements?.forEach(visit); st.catchStatements?.forEach(visit); break;
        case 'CreateRoutine': st.body?.forEach(visit); break;
      }
    };
    b.statements?.forEach(visit);
  });
  statementCache.set(script, out);
  return out;
}

/**
 * Remembers (key, line) pairs: true the first time a key is seen on a line. A misspelt name or an undeclared
 * variable written twice on one line (`WHERE a = @id OR b = @id`) is one mistake a reviewer points at once.
 */
export function firstOnLine(text: string): (key: string, offset: number) => boolean {
  const seen = new Set<string>();
  return (key, offset) => {
    const k = `${text.lastIndexOf('\n', offset - 1) + 1}:${key.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}

/** All nodes of a kind anywhere under a root. */
export function nodesOfKind<T>(root: object, kind: string): T[] {
  return (nodesByKind(root).get(kind) ?? []) as unknown as T[];
}

export { forEachChild, walk, type AnyNode };

const STRING_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext', 'sysname']);
const INT_RANGES: Record<string, [number, number]> = {
  tinyint: [0, 255], smallint: [-32768, 32767], int: [-2147483648, 2147483647],
  bigint: [-9223372036854775808, 9223372036854775807], bit: [-Infinity, Infinity],
};
const DATE_TYPES = new Set(['date', 'datetime', 'datetime2', 'smalldatetime', 'datetimeoffset']);

export function isStringType(t: string): boolean {
  return STRING_TYPES.has(t);
}

/** Can this literal be implicitly converted to the type? undefined = don't know (stay silent). */
export function literalConverts(lit: A.Literal, type: TypeInfo): { ok: boolean; reason?: string } {
  const t = type.name;
  if (lit.literalType === 'null' || lit.literalType === 'default') return { ok: true };
  const isStr = lit.literalType === 'string' || lit.literalType === 'nstring';
  if (isStr) {
    const v = lit.value.trim();
    // '' converts to 0 for integers and to 1900-01-01 for date/datetime.
    if (v === '' && (t in INT_RANGES || t === 'date' || t === 'datetime' || t === 'smalldatetime' || t === 'datetime2' || t === 'money' || t === 'smallmoney' || t === 'float' || t === 'real')) return { ok: true };
    if (t in INT_RANGES) {
      if (t === 'bit') return { ok: /^[+-]?\d+$/.test(v) || /^(true|false)$/i.test(v) };
      if (!/^[+-]?\d+$/.test(v)) return { ok: false };
      const n = Number(v);
      const [lo, hi] = INT_RANGES[t];
      return { ok: n >= lo && n <= hi };
    }
    if (t === 'decimal' || t === 'numeric' || t === 'float' || t === 'real' || t === 'money' || t === 'smallmoney') {
      if (t === 'money' || t === 'smallmoney') return { ok: /^[+-]?\s*[$€£]?\s*(\d[\d,]*)?(\.\d*)?$/.test(v) && /\d/.test(v) };
      // a string with an exponent converts to float/real only ('1e3' to decimal fails)
      if (t === 'decimal' || t === 'numeric') return { ok: /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) };
      return { ok: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) };
    }
    if (DATE_TYPES.has(t)) return dateString(v, t);
    if (t === 'time') return { ok: /^\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?\s*(AM|PM)?$/i.test(v) };
    if (t === 'uniqueidentifier') return { ok: /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(v) };
    return { ok: true };
  }
  if (lit.literalType === 'integer' || lit.literalType === 'decimal' || lit.literalType === 'float' || lit.literalType === 'money') {
    if (t in INT_RANGES && t !== 'bit' && lit.literalType === 'integer') {
      const n = Number(lit.raw);
      const [lo, hi] = INT_RANGES[t];
      return { ok: !(Number.isFinite(n) && (n < lo || n > hi)) };
    }
    if (t === 'date' || t === 'time' || t === 'datetime2' || t === 'datetimeoffset' || t === 'uniqueidentifier') return { ok: false };
    return { ok: true };
  }
  return { ok: true };
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?`;
/** 'YYYYMMDD' [hh:mm[:ss[.f]]]: unambiguous under every DATEFORMAT and language. */
const UNSEPARATED = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:\s+${TIME})?$`);
/** 'YYYY-MM-DD' [T| ]hh:mm[:ss[.f]] [Z|+hh:mm] (ISO 8601). */
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)${TIME})?\s*(Z|[+-]\d{2}:\d{2})?$`, 'i');
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`);

/**
 * Date strings: only the ISO forms ('YYYY-MM-DD', 'YYYYMMDD', 'YYYY-MM-DDThh:mm:ss') are accepted.
 * Everything else ('24.11.2026', '11/24/2026', '2026/11/24', '24 nov 2026') is read by SQL Server
 * according to the session's DATEFORMAT and language (Estonian: dmy), so the same script fails
 * or silently writes another day under another login: reported with reason 'dateformat'.
 */
function dateString(v: string, t: string): { ok: boolean; reason?: string } {
  const m = ISO.exec(v) ?? UNSEPARATED.exec(v);
  if (!m) {
    if (TIME_ONLY.test(v) && t !== 'date') return { ok: true };
    // no digit at all ('abc', 'eile'): not a date under any DATEFORMAT or language
    if (!/\d/.test(v)) return { ok: false };
    return { ok: false, reason: 'dateformat' };
  }
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return { ok: false };
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > days) return { ok: false };
  if (t === 'datetime' && y < 1753) return { ok: false };
  if (t === 'smalldatetime' && (y < 1900 || y > 2079)) return { ok: false };
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59))) return { ok: false };
  // datetime keeps milliseconds: more than three fractional digits is a conversion error
  if (m[7] !== undefined && m[7].length > 3 && t === 'datetime') return { ok: false };
  if (m[8] !== undefined && t !== 'datetimeoffset' && t !== 'datetime2' && t !== 'date' && m[8].toUpperCase() !== 'Z') return { ok: false };
  return { ok: true };
}

const DMY_PARTS = new RegExp(String.raw`^(\d{1,4})[./-](\d{1,2}|\d{4})[./-](\d{1,4})(?:\s+${TIME})?$`);

/**
 * A numeric date string ('24.11.2026', '11/24/2026') read under a pinned SET DATEFORMAT (dmy, mdy, ...):
 * true when it is a valid date in that order, false when not, undefined for other shapes ('24 nov 2026').
 */
export function dateUnderFormat(v: string, fmt: string, t: string): boolean | undefined {
  const m = DMY_PARTS.exec(v.trim());
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  const get = (c: string) => parts[fmt.indexOf(c)];
  let y = +get('y');
  const mo = +get('m'), d = +get('d');
  if (get('y').length <= 2) y += y < 50 ? 2000 : 1900;
  if (get('m').length > 2 || get('d').length > 2) return false;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return dateString(m[4] !== undefined ? `${iso} ${v.trim().split(/\s+/).slice(1).join(' ')}` : iso, t).ok;
}

/** Closest names by edit distance, for did-you-mean. */
export function suggest(name: string, candidates: string[], max = 3): string[] {
  const n = name.toLowerCase();
  const limit = Math.max(2, Math.floor(n.length / 3));
  // The distance is at least the length difference: skip candidates that cannot come within the limit.
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (Math.abs(lc.length - n.length) > limit) continue;
    const d = distance(n, lc);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d);
  return [...new Set(scored.map((x) => x.c))].slice(0, max);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 5) return 99;
  const prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function objectText(n: A.ObjectName | undefined): string {
  return (n?.parts ?? []).map((p) => p.name).join('.');
}
