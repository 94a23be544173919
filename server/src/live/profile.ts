// Connection profiles: a pure typed model and validation. Passwords are never part of a profile;
// the caller supplies them (SecretStorage in the extension, ETAITUR_DB_PASSWORD in the CLI).

export type Authentication = { kind: 'sql'; user: string } | { kind: 'ntlm'; user: string; domain: string };

export interface ConnectionProfile {
  name: string;
  server: string;
  port?: number;
  database: string;
  authentication: Authentication;
  encrypt: boolean;
  trustServerCertificate: boolean;
  /** Production databases need the database name typed to confirm a dry run. */
  production: boolean;
}

export type ProfileValidation = { ok: true; profile: ConnectionProfile } | { ok: false; errors: string[] };

/** Validates an untrusted settings object (e.g. from settings.json) into a profile. */
export function validateProfile(raw: unknown): ProfileValidation {
  const errors: string[] = [];
  if (!raw || typeof raw !== 'object') return { ok: false, errors: ['profile must be an object'] };
  const r = raw as Record<string, unknown>;
  const text = (k: string, required = true): string => {
    const v = r[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (required) errors.push(`"${k}" is required`);
    return '';
  };
  const name = text('name');
  const server = text('server');
  const database = text('database');
  let port: number | undefined;
  if (r.port !== undefined) {
    if (typeof r.port === 'number' && Number.isInteger(r.port) && r.port > 0 && r.port < 65536) port = r.port;
    else errors.push('"port" must be an integer between 1 and 65535');
  }
  if ('password' in r) errors.push('"password" must not be stored in a profile; it is kept in secret storage');
  const auth = (r.authentication ?? {}) as Record<string, unknown>;
  let authentication: Authentication = { kind: 'sql', user: '' };
  const user = typeof auth.user === 'string' ? auth.user.trim() : '';
  if (!user) errors.push('"authentication.user" is required');
  if (auth.kind === 'ntlm') {
    const domain = typeof auth.domain === 'string' ? auth.domain.trim() : '';
    if (!domain) errors.push('"authentication.domain" is required for NTLM');
    authentication = { kind: 'ntlm', user, domain };
  } else if (auth.kind === undefined || auth.kind === 'sql') authentication = { kind: 'sql', user };
  else errors.push('"authentication.kind" must be "sql" or "ntlm"');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      name, server, port, database, authentication,
      encrypt: r.encrypt !== false,
      trustServerCertificate: r.trustServerCertificate === true,
      production: r.production === true,
    },
  };
}

export interface MssqlConfigOptions {
  readOnlyIntent: boolean;
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  appName?: string;
}

/** The mssql/tedious configuration for a profile (kept as a plain object: no mssql import here). */
export function toMssqlConfig(p: ConnectionProfile, password: string, o: MssqlConfigOptions) {
  const auth =
    p.authentication.kind === 'ntlm'
      ? { authentication: { type: 'ntlm' as const, options: { userName: p.authentication.user, password, domain: p.authentication.domain } } }
      : { user: p.authentication.user, password };
  return {
    server: p.server,
    port: p.port,
    database: p.database,
    ...auth,
    connectionTimeout: o.connectionTimeoutMs ?? 15000,
    requestTimeout: o.requestTimeoutMs ?? 30000,
    pool: { max: 1, min: 0 },
    options: {
      encrypt: p.encrypt,
      trustServerCertificate: p.trustServerCertificate,
      readOnlyIntent: o.readOnlyIntent,
      appName: o.appName ?? 'e-Täitur Workbench',
    },
  };
}
