// Serilog compact JSON (CLEF): one JSON object per line with @t, @mt, @m, @l, @x and properties.
import { LogEntry, normalizeLevel } from './model';

/** Renders a message template with the entry's properties ({Name}, {@Name}, {$Name}, {Name:format}). */
export function renderTemplate(template: string, props: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{\{|\}\}|\{([@$]?)([A-Za-z0-9_]+)(?:,[^}:]*)?(?::[^}]*)?\}/g, (m, _op: string, name: string) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    if (!(name in props)) return m;
    const v = props[name];
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

/** Parses one CLEF line; undefined when it is not a JSON object (the caller keeps it as text). */
export function parseClefLine(text: string, file: string, line: number): LogEntry | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  let obj: unknown;
  try {
    obj = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const o = obj as Record<string, unknown>;
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('@@')) props[k.slice(1)] = v;
    else if (!k.startsWith('@')) props[k] = v;
  }
  const template = typeof o['@mt'] === 'string' ? (o['@mt'] as string) : undefined;
  const message = typeof o['@m'] === 'string' ? (o['@m'] as string) : template !== undefined ? renderTemplate(template, props) : '';
  const time = typeof o['@t'] === 'string' ? (o['@t'] as string) : undefined;
  const timeMs = time ? Date.parse(time) : undefined;
  // CLEF omits @l for Information.
  const level = typeof o['@l'] === 'string' ? normalizeLevel(o['@l'] as string) : 'Information';
  return {
    file,
    line,
    time,
    timeMs: timeMs !== undefined && !Number.isNaN(timeMs) ? timeMs : undefined,
    level,
    template,
    message,
    exception: typeof o['@x'] === 'string' ? (o['@x'] as string) : undefined,
    properties: props,
    raw: text,
  };
}
