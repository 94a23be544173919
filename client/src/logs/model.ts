// Shared types of the log core (no vscode import).

export type LogLevel = 'Verbose' | 'Debug' | 'Information' | 'Warning' | 'Error' | 'Fatal';
export const LEVELS: readonly LogLevel[] = ['Verbose', 'Debug', 'Information', 'Warning', 'Error', 'Fatal'];

export type LogFormat =
  | { readonly kind: 'clef' }
  | { readonly kind: 'text'; readonly flavour: 'serilog' | 'nlog' | 'log4net'; readonly pattern: string };

export interface LogEntry {
  readonly file: string;
  /** 1-based line of the entry's first line. */
  readonly line: number;
  readonly time?: string; // ISO-ish as written
  readonly timeMs?: number;
  readonly level?: LogLevel;
  readonly template?: string;
  readonly message: string;
  readonly exception?: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /** The raw text of the entry (all its lines). */
  readonly raw: string;
  /** True when the entry could not be parsed in the expected format (kept as text). */
  readonly unparsed?: boolean;
}

export function levelRank(l: LogLevel | undefined): number {
  return l === undefined ? -1 : LEVELS.indexOf(l);
}

/** Maps the many spellings (.NET, NLog, log4net, u3) to one level. */
export function normalizeLevel(s: string | undefined): LogLevel | undefined {
  if (!s) return undefined;
  switch (s.trim().toUpperCase()) {
    case 'VRB': case 'VERBOSE': case 'TRACE': case 'TRC': return 'Verbose';
    case 'DBG': case 'DEBUG': return 'Debug';
    case 'INF': case 'INFO': case 'INFORMATION': return 'Information';
    case 'WRN': case 'WARN': case 'WARNING': return 'Warning';
    case 'ERR': case 'EROR': case 'ERROR': return 'Error';
    case 'FTL': case 'FATAL': case 'CRITICAL': return 'Fatal';
    default: return undefined;
  }
}
