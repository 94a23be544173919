// The live feature's settings, read into one typed object (re-read when they change).
import * as vscode from 'vscode';

export interface LiveSettings {
  /** Milliseconds between change checks while connected; 0: no polling. */
  pollIntervalMs: number;
  /** Milliseconds one query may take. */
  requestTimeoutMs: number;
  /** Rows shown before and after per UPDATE/DELETE in a dry run report; 0: no previews. */
  previewRows: number;
}

export function readLiveSettings(): LiveSettings {
  const c = vscode.workspace.getConfiguration('etaitur.live');
  const poll = c.get<number>('pollIntervalSeconds', 60);
  const timeout = c.get<number>('requestTimeoutSeconds', 30);
  const rows = vscode.workspace.getConfiguration('etaitur.dryRun').get<number>('previewRows', 10);
  return {
    previewRows: Number.isFinite(rows) && rows > 0 ? Math.min(100, Math.floor(rows)) : 0,
    pollIntervalMs: Number.isFinite(poll) && poll > 0 ? Math.max(1, poll) * 1000 : 0,
    requestTimeoutMs: (Number.isFinite(timeout) && timeout >= 1 ? timeout : 30) * 1000,
  };
}
