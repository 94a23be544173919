// Finds and reads etaitur.json: --config, or walking up from the checked file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type CheckerConfig } from './config';

export const CONFIG_FILE_NAME = 'etaitur.json';

/** The nearest etaitur.json at or above `fromPath` (a file or folder), or undefined. */
export async function findConfigFile(fromPath: string): Promise<string | undefined> {
  let dir = path.resolve(fromPath);
  try {
    if (!(await fs.stat(dir)).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      await fs.access(candidate);
      return candidate;
    } catch { /* keep walking */ }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  file: string;
  config: CheckerConfig;
}

/** Reads and parses a config file; throws ConfigError (bad content) or a file error. */
export async function loadConfigFile(file: string, knownRules?: ReadonlySet<string>): Promise<LoadedConfig> {
  const text = await fs.readFile(file, 'utf8');
  return { file, config: parseConfig(text, knownRules) };
}
