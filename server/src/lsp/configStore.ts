// etaitur.json per document folder, read asynchronously and cached until a config file changes.
import * as path from 'node:path';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../config/loader';
import { RULES } from '../rules';

const KNOWN = new Set(RULES.map((r) => r.id));

export class ConfigStore {
  private readonly byDir = new Map<string, Promise<LoadedConfig | undefined>>();
  constructor(private readonly log: (msg: string) => void) {}

  get(file: string | undefined): Promise<LoadedConfig | undefined> {
    if (!file) return Promise.resolve(undefined);
    const dir = path.dirname(file);
    let p = this.byDir.get(dir);
    if (!p) {
      p = findConfigFile(dir).then((f) => (f ? loadConfigFile(f, KNOWN) : undefined)).catch((e: unknown) => {
        this.log(`etaitur.json: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      });
      this.byDir.set(dir, p);
    }
    return p;
  }

  clear(): void { this.byDir.clear(); }
}
