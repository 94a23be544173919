// Runs parses off the main thread so the test's watchdog can stop a hang (a sync loop would
// block mocha's own timeout). Reports how many inputs parsed and which ones threw.
import { parentPort, workerData } from 'worker_threads';
import { lex } from '../../../server/src/sql/lexer';
import { parseScript } from '../../../server/src/sql/parser';
import { corpusFiles } from './corpus';
import { rng } from '../../support/rng';

export type Job = { mode: 'prefixes'; fullFiles: number; step: number } | { mode: 'mutations'; count: number; seed: number };
export interface JobResult {
  parsed: number;
  failures: string[];
}


const SNIPPETS = ['(', ')', ',', ';', "'", 'N\'', '[', ']', '"', 'BEGIN', 'END', 'GO\n', 'CASE', 'SELECT', 'FROM', 'WHERE', '/*', '*/', '--', '@', '@@', '.', '=', 'ELSE', 'IF', 'TRY', 'CATCH', '\n', 'WITH', 'AS', 'ON', 'MERGE', 'WHEN'];

function mutate(text: string, r: () => number): string {
  const toks = lex(text).tokens.filter((t) => t.type !== 'eof');
  const pick = (n: number): number => Math.floor(r() * n);
  const ops = 1 + pick(4);
  let out = text;
  for (let k = 0; k < ops; k++) {
    const mode = pick(6);
    if (mode < 4 && toks.length > 1) {
      const t = toks[pick(toks.length)];
      const u = toks[pick(toks.length)];
      const tt = out.slice(t.start, t.end);
      if (t.end > out.length || u.end > out.length) continue;
      if (mode === 0) out = out.slice(0, t.start) + out.slice(t.end); // delete token
      else if (mode === 1) out = out.slice(0, t.start) + tt + ' ' + tt + out.slice(t.end); // duplicate
      else if (mode === 2) out = out.slice(0, u.start) + tt + ' ' + out.slice(u.start); // insert elsewhere
      else if (t.start < u.start && t.end <= u.start) out = out.slice(0, t.start) + out.slice(u.start, u.end) + out.slice(t.end, u.start) + tt + out.slice(u.end); // swap
    } else if (mode === 4) {
      const i = pick(out.length + 1);
      out = out.slice(0, i) + SNIPPETS[pick(SNIPPETS.length)] + out.slice(i);
    } else {
      const i = pick(out.length);
      out = out.slice(0, i) + out.slice(i + 1 + pick(3));
    }
  }
  return out;
}

function run(job: Job): JobResult {
  const files = corpusFiles();
  const res: JobResult = { parsed: 0, failures: [] };
  const tryParse = (label: string, text: string): void => {
    try {
      parseScript(text);
      res.parsed++;
    } catch (e) {
      if (res.failures.length < 20) res.failures.push(`${label}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
  };
  if (job.mode === 'prefixes') {
    files.forEach((f, idx) => {
      const step = idx < job.fullFiles ? 1 : job.step;
      for (let i = 0; i <= f.text.length; i += step) tryParse(`${f.name} prefix ${i}`, f.text.slice(0, i));
    });
  } else {
    const r = rng(job.seed);
    for (let k = 0; k < job.count; k++) {
      const f = files[Math.floor(r() * files.length)];
      tryParse(`${f.name} mutation ${k} (seed ${job.seed})`, mutate(f.text, r));
    }
  }
  return res;
}

if (parentPort) parentPort.postMessage(run(workerData as Job));
