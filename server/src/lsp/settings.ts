// Typed server settings, read per document URI and cached until they change or the document closes.
import type { Connection } from 'vscode-languageserver/node';

export interface ServerSettings {
  schema: { ddl: string[]; snapshot: string };
  /** Messages in Estonian. */
  estonian: boolean;
  /** Languages every classifier value must be named in, when its file has no `languages` line. */
  classifiers: { requiredLanguages: string[] };
}

export const DEFAULT_SETTINGS: ServerSettings = { schema: { ddl: [], snapshot: '' }, estonian: false, classifiers: { requiredLanguages: ['et'] } };

export function normalizeSettings(raw: unknown, estonian: boolean): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as { schema?: { ddl?: unknown; snapshot?: unknown }; classifiers?: { requiredLanguages?: unknown } };
  const ddl = Array.isArray(r.schema?.ddl) ? r.schema!.ddl.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  const snapshot = typeof r.schema?.snapshot === 'string' ? r.schema.snapshot : '';
  const langs = r.classifiers?.requiredLanguages;
  const requiredLanguages = Array.isArray(langs) ? langs.filter((x): x is string => x === 'et' || x === 'en' || x === 'ru') : ['et'];
  return { schema: { ddl, snapshot }, estonian, classifiers: { requiredLanguages } };
}

export class SettingsCache {
  private readonly perUri = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  global: ServerSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly pull: () => boolean, private readonly estonian: boolean) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.pull()) return Promise.resolve(this.global);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'etaitur' })
        .then((raw) => normalizeSettings(raw, this.estonian), () => this.global);
      this.perUri.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void { this.perUri.delete(uri); }

  clear(raw?: unknown): void {
    this.perUri.clear();
    if (raw !== undefined) {
      const section = (raw as { etaitur?: unknown })?.etaitur ?? raw;
      this.global = normalizeSettings(section, this.estonian);
    }
  }
}
