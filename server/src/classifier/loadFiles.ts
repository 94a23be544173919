// Finds and reads .klass files under files/folders (asynchronously), for the CLI and the language server.
import { promises as fs } from 'node:fs';
import { findFiles } from '../files/findFiles';
import { ClassifierCatalog } from './catalog';

/** `.klass` files under the given paths (a file is taken as is), sorted; unreadable folders are skipped. */
export function listClassifierFiles(paths: readonly string[], limit = 5_000): Promise<string[]> {
  return findFiles(paths, '.klass', limit);
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
