// Connection and query failures mapped to one clear message (English and Estonian) and an action.
// The password is never part of the text, even if a driver message happens to echo it.

export type LiveErrorKind = 'loginFailed' | 'unreachable' | 'timeout' | 'permissionDenied' | 'cancelled' | 'other';
export type LiveErrorAction = 'reenterPassword' | 'openSettings' | 'retry' | 'none';

export interface LiveError {
  kind: LiveErrorKind;
  message: { en: string; et: string };
  action: LiveErrorAction;
  /** The driver's text, with the password removed. */
  detail: string;
}

interface DriverError { code?: string; number?: number; message?: string; originalError?: unknown }

export function describeLiveError(e: unknown, ctx: { server: string; database: string; user?: string; password?: string }): LiveError {
  const err = (e ?? {}) as DriverError;
  const inner = (err.originalError ?? {}) as DriverError;
  const code = err.code ?? inner.code;
  const number = err.number ?? inner.number;
  const raw = String(err.message ?? e);
  const detail = ctx.password ? raw.split(ctx.password).join('***') : raw;
  const where = `${ctx.server}/${ctx.database}`;
  const make = (kind: LiveErrorKind, en: string, et: string, action: LiveErrorAction): LiveError => ({ kind, message: { en, et }, action, detail });
  if (number === 18456 || code === 'ELOGIN')
    return make('loginFailed', `Login to ${where} failed for user '${ctx.user ?? ''}'. Re-enter the password.`, `Sisselogimine serverisse ${where} ebaõnnestus kasutajal '${ctx.user ?? ''}'. Sisesta parool uuesti.`, 'reenterPassword');
  if (code === 'ETIMEOUT' || /timeout/i.test(raw))
    return make('timeout', `${where} did not answer in time. Try again, or raise the timeout in settings.`, `${where} ei vastanud õigeaegselt. Proovi uuesti või suurenda seadetes ajapiirangut.`, 'retry');
  if (number === 229 || number === 300 || /permission was denied|permission denied/i.test(raw))
    return make('permissionDenied', `The user may not read the catalog of ${where} (VIEW DEFINITION is needed). Ask the DBA or choose another profile in settings.`, `Kasutajal pole õigust lugeda andmebaasi ${where} kataloogi (vaja on VIEW DEFINITION õigust). Pöördu andmebaasi administraatori poole või vali seadetes teine profiil.`, 'openSettings');
  if (code === 'ECANCEL')
    return make('cancelled', 'Cancelled.', 'Katkestatud.', 'none');
  if (code === 'ESOCKET' || code === 'ECONNCLOSED' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|socket|connection.*(closed|lost)/i.test(raw))
    return make('unreachable', `Cannot reach ${where}. Check the server name, port and network (VPN), then try again.`, `Serveriga ${where} ei saa ühendust. Kontrolli serveri nime, porti ja võrku (VPN) ning proovi uuesti.`, 'openSettings');
  return make('other', `Database error on ${where}: ${detail}`, `Andmebaasi viga (${where}): ${detail}`, 'none');
}
