// Lists .sql files under folders, asynchronously (workspace check and find references).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'bin', 'obj', '.vscode-test']);

export async function listSqlFiles(folders: string[], limit = 20_000): Promise<string[]> {
  const out: string[] = [];
  const queue = [...folders];
  while (queue.length && out.length < limit) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.isDirectory()) { if (!SKIP.has(e.name)) queue.push(path.join(dir, e.name)); }
      else if (e.isFile() && /\.sql$/i.test(e.name)) out.push(path.join(dir, e.name));
    }
  }
  return out.sort();
}
