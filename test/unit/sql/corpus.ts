// Loads the fix-script corpus (test/fixtures/corpus/*.sql).
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

export const CORPUS_DIR = path.join(__dirname, '..', '..', 'fixtures', 'corpus');

export function corpusFiles(): { name: string; text: string }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}
