// Pure: turns configured schema paths into absolute paths and globs (no vscode import).
import * as path from 'node:path';

export interface SchemaPathPlan {
  /** Plain files and folders, absolute. */
  paths: string[];
  /** Glob patterns (relative to the base folder) to expand with the workspace's file search. */
  globs: string[];
}

export function isGlob(p: string): boolean {
  return /[*?{}[\]]/.test(p);
}

export function planSchemaPaths(configured: readonly string[], baseFolder: string | undefined): SchemaPathPlan {
  const paths: string[] = [];
  const globs: string[] = [];
  for (const raw of configured) {
    const p = raw.trim();
    if (p === '') continue;
    if (isGlob(p)) globs.push(p.replace(/\\/g, '/'));
    else paths.push(path.isAbsolute(p) || !baseFolder ? path.resolve(p) : path.resolve(baseFolder, p));
  }
  return { paths, globs };
}
