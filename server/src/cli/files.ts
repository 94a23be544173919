// Collects the .sql files to check from files and folders.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const SKIP = new Set(['node_modules', '.git']);

export class InputError extends Error {}

export async function collectSqlFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (e) {
      throw new InputError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (st.isDirectory()) await walkDir(p, out);
    else out.push(p);
  }
  return out;
}

async function walkDir(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walkDir(full, out);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.sql')) out.push(full);
  }
}
