// Every handler runs guarded: an exception is logged and answered with a neutral result, never a crash.
export function guarded<A extends unknown[], R>(name: string, log: (m: string) => void, fallback: R, fn: (...a: A) => R | Promise<R>): (...a: A) => Promise<R> {
  return async (...a: A) => {
    try {
      return await fn(...a);
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };
}
