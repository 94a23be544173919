// The extension's settings, read once into one typed object (re-read on change).
import * as vscode from 'vscode';

export interface WorkbenchConfig {
  /** DDL files, folders or globs (relative to the first workspace folder). */
  schemaDdl: string[];
  /** A schema snapshot JSON file; used when no DDL is configured. */
  schemaSnapshot: string | undefined;
  /** auto: the live connection's schema while there is one (or its cache), else DDL/snapshot; files: never live. */
  schemaSource: 'auto' | 'files';
  /** LSP trace level for the output channel. */
  serverTrace: 'off' | 'messages' | 'verbose';
}

/** Keys whose change needs the language client restarted (the server reads them at start). */
export const RESTART_KEYS = ['etaitur.server.trace'] as const;
/** Keys whose change reloads the schema browser and status bar. */
export const SCHEMA_KEYS = ['etaitur.schema.ddl', 'etaitur.schema.snapshot', 'etaitur.schema.source'] as const;

export function readConfig(): WorkbenchConfig {
  const c = vscode.workspace.getConfiguration('etaitur');
  const ddl = c.get<string[] | string>('schema.ddl', []);
  const snapshot = c.get<string>('schema.snapshot', '').trim();
  const trace = c.get<string>('server.trace', 'off');
  return {
    schemaDdl: (Array.isArray(ddl) ? ddl : [ddl]).filter((s) => typeof s === 'string' && s.trim() !== ''),
    schemaSnapshot: snapshot === '' ? undefined : snapshot,
    schemaSource: c.get<string>('schema.source', 'auto') === 'files' ? 'files' : 'auto',
    serverTrace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
  };
}

export function affects(e: vscode.ConfigurationChangeEvent, keys: readonly string[]): boolean {
  return keys.some((k) => e.affectsConfiguration(k));
}
