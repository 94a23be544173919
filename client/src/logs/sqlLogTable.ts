// A database log table as a log source (Serilog's and NLog's MSSqlServer sinks): the source's
// settings, the parameterized query for a search, and rows to LogEntry. Pure: no driver here.
import { renderTemplate } from './clef';
import { LEVELS, LogEntry, LogLevel, levelRank, normalizeLevel } from './model';
import { LogQuery } from './query';

export interface LogTableColumns {
  readonly time: string;
  readonly level: string;
  readonly message: string;
  /** Empty: the table has no such column. */
  readonly template: string;
  readonly exception: string;
  readonly properties: string;
}

/** Serilog.Sinks.MSSqlServer's standard columns (NLog's database target is configured to match). */
export const DEFAULT_LOG_COLUMNS: LogTableColumns = {
  time: 'TimeStamp', level: 'Level', message: 'Message', template: 'MessageTemplate', exception: 'Exception', properties: 'Properties',
};

export interface SqlLogSourceConfig {
  readonly kind: 'sql';
  /** Name of a connection profile in etaitur.connections. */
  readonly connection: string;
  /** [schema.]table, e.g. dbo.Logs. */
  readonly table: string;
  readonly columns: LogTableColumns;
  /** How the properties column is written: the sink's XML, JSON, or guessed per row. */
  readonly propertiesFormat: 'xml' | 'json' | 'auto';
}

export type SqlParamType = 'nvarchar' | 'datetime2' | 'int';
export interface SqlParam { readonly name: string; readonly type: SqlParamType; readonly value: string | number | Date }
export interface SqlLogQuery { readonly sql: string; readonly params: readonly SqlParam[] }

const PART = String.raw`(?:\[((?:[^\]]|\]\])+)\]|([\p{L}_][\p{L}\p{N}_@#$]*))`;
const TABLE_NAME = new RegExp(`^${PART}(?:\\.${PART})?$`, 'u');

/** Brackets a one- or two-part name ("dbo.Logs", "[dbo].[Logs]", "Logs"); undefined when it is not a plain name. */
export function quoteTableName(name: string): string | undefined {
  const m = TABLE_NAME.exec(name.trim());
  if (!m) return undefined;
  const parts = [m[1]?.replace(/\]\]/g, ']') ?? m[2], m[3]?.replace(/\]\]/g, ']') ?? m[4]].filter((x): x is string => x !== undefined);
  return parts.map(quoteColumn).join('.');
}

function quoteColumn(name: string): string {
  return `[${name.replace(/\]/g, ']]')}]`;
}

/** The spellings of a level and the ones above it, as Serilog and NLog write them. */
export function levelNamesFrom(min: LogLevel): string[] {
  const nlog: Record<LogLevel, string> = { Verbose: 'Trace', Debug: 'Debug', Information: 'Info', Warning: 'Warn', Error: 'Error', Fatal: 'Fatal' };
  const out = new Set<string>();
  for (const l of LEVELS) if (levelRank(l) >= levelRank(min)) { out.add(l); out.add(nlog[l]); }
  return [...out];
}

/** A LIKE pattern that matches the text literally (with ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;
}

/**
 * The query for one page of a search: newest first, time range, minimum level and a literal text
 * as parameters. Regexes and property filters are applied to the rows afterwards.
 */
export function buildLogTableQuery(src: SqlLogSourceConfig, q: LogQuery, limit: number, skip = 0): SqlLogQuery {
  const table = quoteTableName(src.table);
  if (!table) throw new Error(`not a table name: ${src.table}`);
  const c = src.columns;
  const select: string[] = [];
  const col = (name: string, alias: string): void => { if (name) select.push(`${quoteColumn(name)} AS ${quoteColumn(alias)}`); };
  col(c.time, 't'); col(c.level, 'l'); col(c.message, 'm'); col(c.template, 'mt'); col(c.exception, 'x'); col(c.properties, 'p');
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (q.fromMs !== undefined) { where.push(`${quoteColumn(c.time)} >= @from`); params.push({ name: 'from', type: 'datetime2', value: new Date(q.fromMs) }); }
  if (q.toMs !== undefined) { where.push(`${quoteColumn(c.time)} < @to`); params.push({ name: 'to', type: 'datetime2', value: new Date(q.toMs) }); }
  if (q.minLevel && q.minLevel !== 'Verbose' && c.level) {
    const names = levelNamesFrom(q.minLevel);
    where.push(`${quoteColumn(c.level)} IN (${names.map((_, i) => `@level${i}`).join(', ')})`);
    names.forEach((n, i) => params.push({ name: `level${i}`, type: 'nvarchar', value: n }));
  }
  if (q.text && !q.regex) {
    const cols = [c.message, c.exception, c.properties].filter(Boolean).map((n) => `${quoteColumn(n)} LIKE @text ESCAPE N'\\'`);
    where.push(`(${cols.join(' OR ')})`);
    params.push({ name: 'text', type: 'nvarchar', value: likeContains(q.text) });
  }
  const page = skip > 0
    ? { head: 'SELECT', tail: `ORDER BY ${quoteColumn(c.time)} DESC OFFSET @skip ROWS FETCH NEXT @limit ROWS ONLY` }
    : { head: 'SELECT TOP (@limit)', tail: `ORDER BY ${quoteColumn(c.time)} DESC` };
  if (skip > 0) params.push({ name: 'skip', type: 'int', value: skip });
  params.push({ name: 'limit', type: 'int', value: limit });
  const sql = [`${page.head} ${select.join(', ')}`, `FROM ${table}`, ...(where.length ? [`WHERE ${where.join(' AND ')}`] : []), page.tail].join('\n');
  return { sql, params };
}

const XML_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : XML_ENTITY[e] ?? m);
}

/** Properties of the sink's XML column: <properties><property key='UserId'>42</property>…</properties>. */
export function parsePropertiesXml(xml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of xml.matchAll(/<property\s+key\s*=\s*(['"])(.*?)\1\s*>([\s\S]*?)<\/property>/g)) {
    const text = xmlText(m[3]);
    // Small integers as numbers (UserId = 42 filters); long digit runs stay text (codes keep their form).
    out[xmlText(m[2])] = /^-?(?:0|[1-9]\d{0,8})$/.test(text) ? Number(text) : text;
  }
  return out;
}

/** Properties of a JSON column: the object itself, or its "Properties" (the LogEvent column's shape). */
export function parsePropertiesJson(json: string): Record<string, unknown> {
  try {
    const o = JSON.parse(json) as unknown;
    if (!o || typeof o !== 'object' || Array.isArray(o)) return {};
    const inner = (o as Record<string, unknown>).Properties;
    return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : (o as Record<string, unknown>);
  } catch {
    return {};
  }
}

export type LogRow = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : v instanceof Date ? v.toISOString() : String(v));

/** One row of the query (aliases t, l, m, mt, x, p) as an entry; `where` names the source, `line` its row number. */
export function rowToEntry(row: LogRow, src: SqlLogSourceConfig, where: string, line: number): LogEntry {
  const t = row.t;
  const timeMs = t instanceof Date ? t.getTime() : typeof t === 'string' ? Date.parse(t) : NaN;
  const time = t instanceof Date ? t.toISOString() : str(t);
  const p = str(row.p) ?? '';
  const fmt = src.propertiesFormat === 'auto' ? (p.trimStart().startsWith('<') ? 'xml' : 'json') : src.propertiesFormat;
  const properties = p ? (fmt === 'xml' ? parsePropertiesXml(p) : parsePropertiesJson(p)) : {};
  const template = str(row.mt);
  const message = str(row.m) ?? (template !== undefined ? renderTemplate(template, properties) : '');
  const exception = str(row.x) || undefined;
  const level = normalizeLevel(str(row.l));
  const raw = `${time ?? ''} [${str(row.l) ?? ''}] ${message}${exception ? `\n${exception}` : ''}`;
  return { file: where, line, time, timeMs: Number.isNaN(timeMs) ? undefined : timeMs, level, template, message, exception, properties, raw };
}
