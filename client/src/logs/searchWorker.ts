// Entry of the log search worker (bundled to dist/searchWorker.js): runs searches and the
// data-protection scan off the extension host's thread and answers with SearchMessages.
import { parentPort } from 'node:worker_threads';
import { PiiFinding, scanFileForPii } from './piiScan';
import { searchBatches } from './search';
import { SearchMessages } from './searchProtocol';
import { SearchSession } from './searchSession';

const port = parentPort;
if (port) {
  const sessions = new Map<number, SearchSession>();
  const scans = new Map<number, AbortController>();
  const scanFiles = async (id: number, files: readonly string[], minScore: number, rgPath: string | undefined, signal: AbortSignal): Promise<void> => {
    const findings: PiiFinding[] = [];
    try {
      for (const [i, file] of files.entries()) {
        if (signal.aborted) break;
        findings.push(...(await scanFileForPii(file, minScore, signal, rgPath)));
        port.postMessage({ type: 'piiProgress', id, file, done: i + 1 } satisfies SearchMessages.FromWorker);
      }
      port.postMessage({ type: 'piiDone', id, findings, cancelled: signal.aborted } satisfies SearchMessages.FromWorker);
    } catch (e) {
      port.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) } satisfies SearchMessages.FromWorker);
    }
  };
  const post = (m: SearchMessages.FromWorker): void => {
    port.postMessage(m);
    if ((m.type === 'done' || m.type === 'error') && sessions.get(m.id)?.done) sessions.delete(m.id);
  };
  port.on('message', (m: SearchMessages.ToWorker) => {
    switch (m.type) {
      case 'search': {
        // One search at a time is what the view shows: a new one stops the others.
        for (const s of sessions.values()) s.cancel();
        const s = new SearchSession(m.id, (signal) => searchBatches(m.files, m.query, { rgPath: m.rgPath, signal }), post);
        sessions.set(m.id, s);
        void s.pull(m.limit);
        break;
      }
      case 'more': {
        const s = sessions.get(m.id);
        if (s) void s.pull(m.limit);
        else post({ type: 'done', id: m.id, count: 0, cancelled: false });
        break;
      }
      case 'cancel':
        sessions.get(m.id)?.cancel();
        scans.get(m.id)?.abort();
        break;
      case 'pii': {
        const ac = new AbortController();
        scans.set(m.id, ac);
        void scanFiles(m.id, m.files, m.minScore, m.rgPath, ac.signal).finally(() => scans.delete(m.id));
        break;
      }
    }
  });
}
