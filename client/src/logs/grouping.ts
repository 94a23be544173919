// Groups matching entries by exception type, message template or correlation id, with counts.
import { LogEntry } from './model';
import { exceptionType } from './stackFrames';

export type GroupBy = 'exception' | 'template' | 'correlation' | 'none';

export function groupKey(e: LogEntry, by: GroupBy): string {
  switch (by) {
    case 'exception': return exceptionType(e.exception) ?? '(no exception)';
    case 'template': return e.template ?? e.message.replace(/\d+/g, '#').slice(0, 160);
    case 'correlation': {
      const v = e.properties.CorrelationId ?? e.properties.RequestId ?? e.properties.TraceId;
      return v === undefined ? '(no correlation id)' : String(v);
    }
    default: return '';
  }
}

export interface Group { readonly key: string; count: number; readonly entries: LogEntry[] }

/** Keeps counts exact but at most `keepPerGroup` entries per group in memory. */
export class Grouper {
  private readonly groups = new Map<string, Group>();
  constructor(private readonly by: GroupBy, private readonly keepPerGroup = 200) {}
  add(e: LogEntry): Group {
    const key = groupKey(e, this.by);
    let g = this.groups.get(key);
    if (!g) { g = { key, count: 0, entries: [] }; this.groups.set(key, g); }
    g.count++;
    if (g.entries.length < this.keepPerGroup) g.entries.push(e);
    return g;
  }
  list(): Group[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}
