// Finds and reads .klass files under files/folders (asynchronously), for the CLI and the language server.
import { promises as fs } from 'node:fs';
import { findFiles } from '../files/findFiles';
import { ClassifierCatalog } from './catalog';

/** The texts of the `.klass` files under the paths (a file is taken as is, at most 5,000); an unreadable file is skipped (reported through `onError`). */
export async function readClassifierFiles(paths: readonly string[], onError?: (file: string, e: unknown) => void): Promise<{ file: string; text: string }[]> {
  const texts: { file: string; text: string }[] = [];
  for (const f of await findFiles(paths, '.klass', 5_000)) {
    try { texts.push({ file: f, text: await fs.readFile(f, 'utf8') }); } catch (e) { onError?.(f, e); }
  }
  return texts;
}

/** Reads the files into a catalog. */
export async function loadClassifierCatalog(paths: readonly string[], onError?: (file: string, e: unknown) => void, today?: string): Promise<ClassifierCatalog> {
  return ClassifierCatalog.fromFiles(await readClassifierFiles(paths, onError), today);
}
