// Typed log settings, read once per command (glue).
import * as vscode from 'vscode';
import { LogFormat } from './model';
import { DEFAULT_PATTERNS, Flavour } from './textLayout';
import { LogSourceConfig } from './sources';
import { DEFAULT_LOG_COLUMNS, LogTableColumns, SqlLogSourceConfig } from './sqlLogTable';

export interface LogsConfig {
  /** File sources. */
  readonly sources: readonly LogSourceConfig[];
  /** Database log tables. */
  readonly sqlSources: readonly SqlLogSourceConfig[];
  readonly resultLimit: number;
  readonly maskPersonalData: boolean;
}

interface RawSource {
  kind?: string; path?: string; format?: string; pattern?: string;
  connection?: string; table?: string; columns?: Partial<Record<keyof LogTableColumns, string>>; propertiesFormat?: string;
}

export function readLogsConfig(): LogsConfig {
  const c = vscode.workspace.getConfiguration('etaitur.logs');
  const patterns = c.get<Partial<Record<Flavour, string>>>('patterns') ?? {};
  const sources: LogSourceConfig[] = [];
  const sqlSources: SqlLogSourceConfig[] = [];
  for (const s of c.get<(RawSource | string)[]>('sources') ?? []) {
    const raw: RawSource = typeof s === 'string' ? { path: s } : s ?? {};
    if (raw.kind === 'sql') {
      if (typeof raw.connection !== 'string' || typeof raw.table !== 'string') continue;
      const pf = raw.propertiesFormat;
      sqlSources.push({
        kind: 'sql', connection: raw.connection, table: raw.table,
        columns: { ...DEFAULT_LOG_COLUMNS, ...Object.fromEntries(Object.entries(raw.columns ?? {}).filter(([, v]) => typeof v === 'string')) },
        propertiesFormat: pf === 'xml' || pf === 'json' ? pf : 'auto',
      });
      continue;
    }
    if (!raw.path) continue;
    // Without a format, each file's name decides: CLEF for .json/.clef, else Serilog's text layout.
    const flavour: Flavour = raw.format === 'nlog' || raw.format === 'log4net' ? raw.format : 'serilog';
    const textFormat: LogFormat = { kind: 'text', flavour, pattern: raw.pattern ?? patterns[flavour] ?? DEFAULT_PATTERNS[flavour] };
    const format: LogFormat | undefined = raw.format === 'clef' ? { kind: 'clef' } : raw.format ? textFormat : undefined;
    sources.push({ path: raw.path, format, textFormat });
  }
  return { sources, sqlSources, resultLimit: c.get<number>('resultLimit') ?? 500, maskPersonalData: c.get<boolean>('maskPersonalData') ?? true };
}
