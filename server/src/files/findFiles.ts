// Finds files by extension under files and folders, asynchronously, skipping build and VCS folders.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'bin', 'obj', '.vscode-test']);

/**
 * Files whose name ends with `extension` (e.g. '.sql', case-insensitive) under `paths`, sorted, at most `limit`.
 * A path naming a file is taken as is; missing or unreadable paths are skipped.
 */
export async function findFiles(paths: readonly string[], extension: string, limit: number): Promise<string[]> {
  const ext = extension.toLowerCase();
  const out = new Set<string>();
  const queue: string[] = [];
  for (const p of paths) {
    try {
      const st = await fs.stat(p);
      if (st.isFile()) out.add(path.resolve(p));
      else if (st.isDirectory()) queue.push(path.resolve(p));
    } catch { /* missing: nothing */ }
  }
  while (queue.length && out.size < limit) {
    const dir = queue.shift()!;
    let entries: Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.isDirectory()) { if (!SKIP.has(e.name)) queue.push(path.join(dir, e.name)); }
      else if (e.isFile() && e.name.toLowerCase().endsWith(ext)) out.add(path.join(dir, e.name));
    }
  }
  return [...out].sort();
}
