// Typed log settings, read once per command (glue).
import * as vscode from 'vscode';
import { LogFormat } from './model';
import { DEFAULT_PATTERNS, Flavour } from './textLayout';
import { LogSourceConfig } from './sources';

export interface LogsConfig {
  readonly sources: readonly LogSourceConfig[];
  readonly resultLimit: number;
  readonly maskPersonalData: boolean;
}

interface RawSource { path?: string; format?: string; pattern?: string }

export function readLogsConfig(): LogsConfig {
  const c = vscode.workspace.getConfiguration('etaitur.logs');
  const patterns = c.get<Partial<Record<Flavour, string>>>('patterns') ?? {};
  const sources: LogSourceConfig[] = [];
  for (const s of c.get<(RawSource | string)[]>('sources') ?? []) {
    const raw: RawSource = typeof s === 'string' ? { path: s } : s;
    if (!raw.path) continue;
    const kind = raw.format ?? (/\.(json|clef)(\.gz)?$/i.test(raw.path) ? 'clef' : 'serilog');
    const format: LogFormat = kind === 'clef' ? { kind: 'clef' }
      : { kind: 'text', flavour: kind as Flavour, pattern: raw.pattern ?? patterns[kind as Flavour] ?? DEFAULT_PATTERNS[kind as Flavour] ?? DEFAULT_PATTERNS.serilog };
    sources.push({ path: raw.path, format });
  }
  return { sources, resultLimit: c.get<number>('resultLimit') ?? 500, maskPersonalData: c.get<boolean>('maskPersonalData') ?? true };
}
