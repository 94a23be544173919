// The workspace file etaitur.json: a pure parser with clear errors.
import { validateProfile, type ConnectionProfile } from '../live/profile';

export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

export interface SchemaConfig {
  /** A snapshot .json file, or DDL .sql files / folders, relative to the config file. */
  snapshot?: string;
  ddl?: string[];
  defaultSchema?: string;
}

export interface CheckerConfig {
  rules: Record<string, RuleSetting>;
  schema?: SchemaConfig;
  caseSensitive: boolean;
  /** Connection profiles for the CLI's --connection (no passwords). */
  connections?: ConnectionProfile[];
}

export const DEFAULT_CONFIG: CheckerConfig = { rules: {}, caseSensitive: false };

export class ConfigError extends Error {}

const SETTINGS = new Set(['error', 'warning', 'info', 'off']);

/** Parses etaitur.json text. `knownRules` (ids) makes unknown ids an error. */
export function parseConfig(text: string, knownRules?: ReadonlySet<string>): CheckerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`etaitur.json is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('etaitur.json must contain a JSON object');
  const o = raw as Record<string, unknown>;
  const cfg: CheckerConfig = { rules: {}, caseSensitive: false };
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) throw new ConfigError('"rules" must be an object of rule id to "error"|"warning"|"info"|"off"');
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (knownRules && !knownRules.has(id)) throw new ConfigError(`"rules": unknown rule id "${id}"`);
      if (typeof v !== 'string' || !SETTINGS.has(v)) throw new ConfigError(`"rules"."${id}" must be "error", "warning", "info" or "off", not ${JSON.stringify(v)}`);
      cfg.rules[id] = v as RuleSetting;
    }
  }
  if (o.caseSensitive !== undefined) {
    if (typeof o.caseSensitive !== 'boolean') throw new ConfigError('"caseSensitive" must be true or false');
    cfg.caseSensitive = o.caseSensitive;
  }
  if (o.schema !== undefined) {
    const s = o.schema;
    if (typeof s === 'string') cfg.schema = s.toLowerCase().endsWith('.json') ? { snapshot: s } : { ddl: [s] };
    else if (typeof s === 'object' && s !== null && !Array.isArray(s)) {
      const so = s as Record<string, unknown>;
      const out: SchemaConfig = {};
      if (so.snapshot !== undefined) {
        if (typeof so.snapshot !== 'string') throw new ConfigError('"schema"."snapshot" must be a path string');
        out.snapshot = so.snapshot;
      }
      if (so.ddl !== undefined) {
        const d = typeof so.ddl === 'string' ? [so.ddl] : so.ddl;
        if (!Array.isArray(d) || d.some((x) => typeof x !== 'string')) throw new ConfigError('"schema"."ddl" must be a path or an array of paths');
        out.ddl = d as string[];
      }
      if (so.defaultSchema !== undefined) {
        if (typeof so.defaultSchema !== 'string') throw new ConfigError('"schema"."defaultSchema" must be a string');
        out.defaultSchema = so.defaultSchema;
      }
      cfg.schema = out;
    } else throw new ConfigError('"schema" must be a path or an object { "snapshot": ..., "ddl": [...] }');
  }
  if (o.connections !== undefined) cfg.connections = parseConnections(o.connections);
  return cfg;
}

/** A "connections" array of profiles, each checked with validateProfile. */
export function parseConnections(raw: unknown): ConnectionProfile[] {
  if (!Array.isArray(raw)) throw new ConfigError('"connections" must be an array of connection profiles');
  return raw.map((p, i) => {
    const v = validateProfile(p);
    if (!v.ok) throw new ConfigError(`"connections"[${i}]: ${v.errors.join('; ')}`);
    return v.profile;
  });
}
