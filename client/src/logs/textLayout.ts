// Text layouts of Serilog, NLog and log4net, described by their output pattern, compiled to a
// regex for an entry's first line. Lines that do not match continue the previous entry (stack traces).
import { LogEntry, normalizeLevel } from './model';

export type Flavour = 'serilog' | 'nlog' | 'log4net';

export const DEFAULT_PATTERNS: Readonly<Record<Flavour, string>> = {
  serilog: '{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}',
  nlog: '${longdate}|${level:uppercase=true}|${logger}|${message}',
  log4net: '%date [%thread] %-5level %logger - %message%newline',
};

type Field = 'time' | 'level' | 'logger' | 'thread' | 'message' | 'newline' | 'exception' | 'other';

export interface CompiledLayout {
  readonly header: RegExp;
  readonly fields: readonly Field[];
}

const TIME_RE = String.raw`\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: ?(?:[+-]\d{2}:?\d{2}|Z))?`;

function fieldRegex(f: Field, last: boolean): string {
  switch (f) {
    case 'time': return `(${TIME_RE})`;
    case 'level': return '([A-Za-z]+)';
    case 'logger': return String.raw`(\S*)`;
    case 'thread': return String.raw`([^\]]*?)`;
    case 'message': return last ? '(.*)' : '(.*?)';
    default: return last ? '(.*)' : '(.*?)';
  }
}

function serilogField(name: string): Field {
  switch (name) {
    case 'Timestamp': return 'time';
    case 'Level': return 'level';
    case 'SourceContext': return 'logger';
    case 'ThreadId': return 'thread';
    case 'Message': return 'message';
    case 'NewLine': return 'newline';
    case 'Exception': return 'exception';
    default: return 'other';
  }
}
function nlogField(name: string): Field {
  switch (name.toLowerCase()) {
    case 'longdate': case 'date': return 'time';
    case 'level': return 'level';
    case 'logger': return 'logger';
    case 'threadid': return 'thread';
    case 'message': return 'message';
    case 'newline': return 'newline';
    case 'exception': return 'exception';
    default: return 'other';
  }
}
function log4netField(name: string): Field {
  switch (name) {
    case 'date': case 'd': case 'utcdate': return 'time';
    case 'level': case 'p': return 'level';
    case 'logger': case 'c': return 'logger';
    case 'thread': case 't': return 'thread';
    case 'message': case 'm': return 'message';
    case 'newline': case 'n': return 'newline';
    case 'exception': return 'exception';
    default: return 'other';
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a layout pattern; only the part before the first newline token describes the first line. */
export function compileLayout(flavour: Flavour, pattern: string): CompiledLayout {
  const token =
    flavour === 'serilog' ? /\{([A-Za-z]+)(?:[:,][^}]*)?\}/g
    : flavour === 'nlog' ? /\$\{([A-Za-z-]+)(?::[^}]*)?\}/g
    : /%-?\d*(?:\.\d+)?([A-Za-z]+)(?:\{[^}]*\})?/g;
  const parts: (string | Field)[] = [];
  let at = 0;
  for (const m of pattern.matchAll(token)) {
    parts.push(pattern.slice(at, m.index));
    const name = m[1];
    parts.push(flavour === 'serilog' ? serilogField(name) : flavour === 'nlog' ? nlogField(name) : log4netField(name));
    at = m.index! + m[0].length;
  }
  parts.push(pattern.slice(at));
  const fields: Field[] = [];
  let re = '^';
  const firstLine: (string | Field)[] = [];
  for (const p of parts) {
    if (p === 'newline' || p === 'exception') break;
    firstLine.push(p);
  }
  // Trailing literal text after the last field is dropped so a torn line still starts an entry.
  let lastField = -1;
  firstLine.forEach((p, i) => { if (i % 2 === 1) lastField = i; });
  for (let i = 0; i < firstLine.length && i <= lastField; i++) {
    const p = firstLine[i];
    if (i % 2 === 0) re += escapeRe(p as string).replace(/ /g, ' *');
    else {
      fields.push(p as Field);
      re += fieldRegex(p as Field, i === lastField);
    }
  }
  return { header: new RegExp(re), fields };
}

export interface HeaderParts {
  time?: string;
  timeMs?: number;
  level?: ReturnType<typeof normalizeLevel>;
  logger?: string;
  thread?: string;
  message: string;
}

export function parseTimestamp(s: string): number | undefined {
  let iso = s.replace(' ', 'T').replace(',', '.').replace(/ (?=[+-]\d{2}|Z)/, '');
  iso = iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export function matchHeader(layout: CompiledLayout, line: string): HeaderParts | undefined {
  const m = layout.header.exec(line);
  if (!m) return undefined;
  const out: HeaderParts = { message: '' };
  layout.fields.forEach((f, i) => {
    const v = m[i + 1] ?? '';
    if (f === 'time') { out.time = v; out.timeMs = parseTimestamp(v); }
    else if (f === 'level') out.level = normalizeLevel(v);
    else if (f === 'logger') out.logger = v;
    else if (f === 'thread') out.thread = v;
    else if (f === 'message') out.message = v;
  });
  if (layout.fields.includes('level') && out.level === undefined) return undefined;
  return out;
}

/** Builds the entry from its first line and continuation lines. */
export function textEntry(layout: CompiledLayout, lines: readonly string[], file: string, line: number): LogEntry {
  const raw = lines.join('\n');
  const h = matchHeader(layout, lines[0]);
  if (!h) return { file, line, message: raw, properties: {}, raw, unparsed: true };
  const rest = lines.slice(1).join('\n');
  const props: Record<string, unknown> = {};
  if (h.logger) props.SourceContext = h.logger;
  if (h.thread) props.ThreadId = h.thread;
  return {
    file, line, time: h.time, timeMs: h.timeMs, level: h.level, message: h.message,
    exception: rest.trim() ? rest : undefined, properties: props, raw,
  };
}
