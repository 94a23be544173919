// Finds and reads .klass files under files/folders (asynchronously), for the CLI and the language server.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ClassifierCatalog } from './catalog';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'bin', 'obj', '.vscode-test']);

/** `.klass` files under the given paths (a file is taken as is), sorted; unreadable folders are skipped. */
export async function listClassifierFiles(paths: readonly string[], limit = 5_000): Promise<string[]> {
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
    let entries: import('node:fs').Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      if (e.isDirectory()) { if (!SKIP.has(e.name)) queue.push(path.join(dir, e.name)); }
      else if (e.isFile() && /\.klass$/i.test(e.name)) out.add(path.join(dir, e.name));
    }
  }
  return [...out].sort();
}

/** Reads the files into a catalog; an unreadable file is skipped (reported through `onError`). */
export async function loadClassifierCatalog(paths: readonly string[], onError?: (file: string, e: unknown) => void, today?: string): Promise<ClassifierCatalog> {
  const files = await listClassifierFiles(paths);
  const texts: { file: string; text: string }[] = [];
  for (const f of files) {
    try { texts.push({ file: f, text: await fs.readFile(f, 'utf8') }); } catch (e) { onError?.(f, e); }
  }
  return ClassifierCatalog.fromFiles(texts, today);
}
