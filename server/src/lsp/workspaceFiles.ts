// Lists .sql files under folders, asynchronously (workspace check and find references).
import { findFiles } from '../files/findFiles';

export function listSqlFiles(folders: string[], limit = 20_000): Promise<string[]> {
  return findFiles(folders, '.sql', limit);
}
