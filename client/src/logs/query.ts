// A search query and the test of one entry against it.
import { LogEntry, LogLevel, levelRank, normalizeLevel } from './model';
import { exceptionType } from './stackFrames';

export type PropertyOp = '=' | '!=' | 'startsWith' | 'contains';
export interface PropertyFilter { readonly name: string; readonly op: PropertyOp; readonly value: string }

export interface LogQuery {
  readonly text?: string;
  readonly regex?: boolean;
  readonly caseSensitive?: boolean;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly minLevel?: LogLevel;
  readonly properties?: readonly PropertyFilter[];
}

/** Parses "UserId = 42", "SourceContext startsWith ETaitur.Arest", "Name != x", "Msg contains y". */
export function parsePropertyFilter(s: string): PropertyFilter | undefined {
  const m = /^\s*([@A-Za-z_][\w.]*)\s*(=|==|!=|\^=|startsWith|starts with|contains)\s*(.*?)\s*$/i.exec(s);
  if (!m) return undefined;
  const rawOp = m[2].toLowerCase();
  const op: PropertyOp = rawOp === '!=' ? '!=' : rawOp === 'contains' ? 'contains'
    : rawOp === '=' || rawOp === '==' ? '=' : 'startsWith';
  return { name: m[1], op, value: m[3].replace(/^(['"])(.*)\1$/, '$2') };
}

export function textMatcher(q: LogQuery): ((s: string) => boolean) | undefined {
  if (!q.text) return undefined;
  if (q.regex) {
    const re = new RegExp(q.text, q.caseSensitive ? '' : 'i');
    return (s) => re.test(s);
  }
  if (q.caseSensitive) { const t = q.text; return (s) => s.includes(t); }
  const t = q.text.toLowerCase();
  return (s) => s.toLowerCase().includes(t);
}

function propValue(e: LogEntry, name: string): string | undefined {
  let v: unknown;
  if (name === 'Level' || name === '@l') v = e.level;
  else if (name === 'Message' || name === '@m') v = e.message;
  else if (name === 'MessageTemplate' || name === '@mt') v = e.template;
  else if (name === 'ExceptionType') v = exceptionType(e.exception);
  else v = e.properties[name];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function entryMatcher(q: LogQuery): (e: LogEntry) => boolean {
  const text = textMatcher(q);
  const min = q.minLevel ? levelRank(q.minLevel) : -1;
  return (e) => {
    if (q.fromMs !== undefined && (e.timeMs === undefined || e.timeMs < q.fromMs)) return false;
    if (q.toMs !== undefined && (e.timeMs === undefined || e.timeMs >= q.toMs)) return false;
    if (min >= 0 && levelRank(e.level) < min) return false;
    for (const f of q.properties ?? []) {
      const v = propValue(e, f.name);
      switch (f.op) {
        case '=': if (v !== f.value) return false; break;
        case '!=': if (v === f.value) return false; break;
        case 'startsWith': if (v === undefined || !v.startsWith(f.value)) return false; break;
        case 'contains': if (v === undefined || !v.includes(f.value)) return false; break;
      }
    }
    return text ? text(e.raw) : true;
  };
}

/** Literal strings every match must contain, for the engine's prefilter (undefined: none usable). */
export function prefilterLiteral(q: LogQuery): { pattern: string; regex: boolean; caseSensitive: boolean } | undefined {
  if (q.text) return { pattern: q.text, regex: !!q.regex, caseSensitive: !!q.caseSensitive };
  const eq = q.properties?.find((f) => (f.op === '=' || f.op === 'startsWith' || f.op === 'contains') && f.value.length >= 2);
  return eq ? { pattern: eq.value, regex: false, caseSensitive: true } : undefined;
}

/**
 * Parses the search box: `level:Error from:2026-11-24 to:2026-11-25T12:00 UserId=42
 * SourceContext^=ETaitur.Arest /regex/ free text`. Unknown tokens are text.
 */
export function parseQueryString(input: string): LogQuery {
  let text: string[] = [];
  let regex = false;
  let minLevel: LogLevel | undefined;
  let fromMs: number | undefined;
  let toMs: number | undefined;
  const properties: PropertyFilter[] = [];
  const re = /\/((?:\\.|[^/])+)\/|(\S+)/g;
  for (const m of input.matchAll(re)) {
    if (m[1] !== undefined) { text = [m[1]]; regex = true; continue; }
    const tok = m[2];
    const kv = /^(level|from|to):(.+)$/i.exec(tok);
    if (kv) {
      const v = kv[2];
      if (kv[1].toLowerCase() === 'level') minLevel = normalizeLevelName(v);
      else { const ms = Date.parse(v); if (!Number.isNaN(ms)) { if (kv[1].toLowerCase() === 'from') fromMs = ms; else toMs = ms; } }
      continue;
    }
    const pm = /^([A-Za-z_][\w.]*)(=|!=|\^=)(.+)$/.exec(tok);
    if (pm) { properties.push({ name: pm[1], op: pm[2] === '^=' ? 'startsWith' : pm[2] === '!=' ? '!=' : '=', value: pm[3] }); continue; }
    if (!regex) text.push(tok);
  }
  return { text: text.join(' ') || undefined, regex, minLevel, fromMs, toMs, properties };
}

function normalizeLevelName(v: string): LogLevel | undefined {
  return normalizeLevel(v);
}
