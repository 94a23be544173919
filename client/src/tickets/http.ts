// Small JSON-over-HTTP client on Node's fetch: timeouts, bounded 429 retries, errors without secrets.

export type TrackerErrorKind = 'unauthorized' | 'forbidden' | 'notFound' | 'gone' | 'rateLimited' | 'unreachable' | 'http' | 'badResponse';

export class TrackerError extends Error {
  constructor(
    readonly kind: TrackerErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}

export interface HttpOptions {
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
  readonly timeoutMs?: number;
  readonly maxRetries?: number; // on 429
  readonly maxRetryDelayMs?: number;
  readonly fetchImpl?: typeof fetch;
  /** Waits between retries; injectable so tests wait for a result, not a clock. */
  readonly delay?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly trackerName: string;
}

export function defaultDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new TrackerError('unreachable', 'request cancelled'));
    });
  });
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(header);
  return Number.isNaN(d) ? undefined : Math.max(0, d - now);
}

export function messageForStatus(status: number, tracker: string, path: string): TrackerError {
  const where = `${tracker} (${path.split('?')[0]})`;
  switch (status) {
    case 401:
      return new TrackerError('unauthorized', `${tracker} rejected the API key or token (401): enter the token again with "e-Täitur: Set Tracker Token".`, status);
    case 403:
      return new TrackerError('forbidden', `${tracker} denied access (403): your account lacks permission for ${where}.`, status);
    case 404:
      return new TrackerError('notFound', `${tracker}: not found (404) at ${where}; check the URL and the ticket or project.`, status);
    case 410:
      return new TrackerError('gone', `${tracker}: this search endpoint is retired (410); switch the Jira deployment setting to "cloud" to use /rest/api/3/search/jql.`, status);
    case 429:
      return new TrackerError('rateLimited', `${tracker} is rate-limiting requests (429); try again later.`, status);
    default:
      return new TrackerError('http', `${tracker} answered HTTP ${status} at ${where}.`, status);
  }
}

export class HttpClient {
  constructor(private readonly options: HttpOptions) {}

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T | undefined> {
    const o = this.options;
    const doFetch = o.fetchImpl ?? fetch;
    const delay = o.delay ?? defaultDelay;
    const maxRetries = o.maxRetries ?? 3;
    const url = o.baseUrl.replace(/\/+$/, '') + path;
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(o.timeoutMs ?? 15000);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await doFetch(url, {
          method,
          headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...o.headers },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: combined,
        });
      } catch (e) {
        const timedOut = timeout.aborted && !signal?.aborted;
        // The cause can echo the URL but never headers; still keep the message our own.
        throw new TrackerError('unreachable', timedOut ? `${o.trackerName} did not answer in time.` : `${o.trackerName} is unreachable at ${new URL(url).origin}.`);
      }
      if (res.status === 429 && attempt < maxRetries) {
        const wait = Math.min(retryAfterMs(res.headers.get('retry-after')) ?? 1000 * 2 ** attempt, o.maxRetryDelayMs ?? 60000);
        await res.body?.cancel().catch(() => undefined);
        await delay(wait, signal);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw messageForStatus(res.status, o.trackerName, path);
      }
      const text = await res.text();
      if (!text) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new TrackerError('badResponse', `${o.trackerName} answered with something that is not JSON at ${path.split('?')[0]}.`);
      }
    }
  }
}
