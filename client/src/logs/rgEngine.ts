// ripgrep as the scanning engine (VS Code ships it; tests and the CLI use `rg` on PATH).
import { spawn } from 'node:child_process';
import { LineHit, ScanPattern } from './lineScanner';

export interface FileLineHit extends LineHit { readonly file: string }

export function rgArgs(pat: ScanPattern, files: readonly string[]): string[] {
  return [
    '--no-config', '--search-zip', '--no-heading', '--with-filename', '--line-number', '--byte-offset', '--null',
    '--no-messages', '--text', '--crlf',
    ...(pat.caseSensitive ? ['--case-sensitive'] : ['--ignore-case']),
    ...(pat.regex ? [] : ['--fixed-strings']),
    '-e', pat.pattern, '--', ...files,
  ];
}

/** Streams matching lines from rg; stops rg when `signal` aborts. Rejects when rg cannot start. */
export async function* rgScan(rgPath: string, pat: ScanPattern, files: readonly string[], signal?: AbortSignal): AsyncGenerator<FileLineHit> {
  for await (const batch of rgScanBatches(rgPath, pat, files, signal)) yield* batch;
}

/**
 * One rg process over all the files (rg searches them in parallel and prints each file's lines
 * together); the hits come in batches, one per chunk of rg's output.
 */
export async function* rgScanBatches(rgPath: string, pat: ScanPattern, files: readonly string[], signal?: AbortSignal): AsyncGenerator<FileLineHit[]> {
  if (files.length === 0 || signal?.aborted) return;
  const child = spawn(rgPath, rgArgs(pat, files), { stdio: ['ignore', 'pipe', 'ignore'] });
  const onAbort = () => child.kill();
  signal?.addEventListener('abort', onAbort);
  let startError: Error | undefined;
  child.on('error', (e) => { startError = e; });
  let rest = '';
  try {
    for await (const chunk of child.stdout.setEncoding('utf8') as AsyncIterable<string>) {
      if (signal?.aborted) return;
      rest += chunk;
      const batch: FileLineHit[] = [];
      let at = 0;
      for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', at)) {
        const hit = parseRgLine(rest.slice(at, nl));
        if (hit) batch.push(hit);
        at = nl + 1;
      }
      rest = rest.slice(at);
      if (batch.length) yield batch;
    }
    if (rest) { const hit = parseRgLine(rest); if (hit) yield [hit]; }
    if (startError) throw startError;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null) child.kill();
  }
}

/** Parses `file\0line:offset:text` (rg --null --line-number --byte-offset). */
export function parseRgLine(s: string): FileLineHit | undefined {
  const z = s.indexOf('\0');
  if (z < 0) return undefined;
  const colon = s.indexOf(':', z + 1);
  if (colon < 0) return undefined;
  const colon2 = s.indexOf(':', colon + 1);
  if (colon2 < 0) return undefined;
  let text = s.slice(colon2 + 1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const line = Number(s.slice(z + 1, colon));
  const offset = Number(s.slice(colon + 1, colon2));
  if (!Number.isInteger(line) || !Number.isInteger(offset)) return undefined;
  return { file: s.slice(0, z), line, offset, text };
}

/** Whether an rg binary runs at that path. */
export function rgAvailable(rgPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = spawn(rgPath, ['--version'], { stdio: 'ignore' });
    c.on('error', () => resolve(false));
    c.on('exit', (code) => resolve(code === 0));
  });
}
