import type { ConnectionProfile } from '../../server/src/live/profile';
import { TdsTestServer, TdsServerOptions } from './server/server';

export const PASSWORD = 'Salajane-Parool-õ1';

export function profileFor(port: number, extra: Partial<ConnectionProfile> = {}): ConnectionProfile {
  return {
    name: 'test', server: '127.0.0.1', port, database: 'eTaitur',
    authentication: { kind: 'sql', user: 'workbench' },
    encrypt: false, trustServerCertificate: true, production: false, ...extra,
  };
}

export async function startServer(options: TdsServerOptions = {}): Promise<TdsTestServer> {
  const s = new TdsTestServer(options);
  await s.start();
  return s;
}
