// Data-protection scan over log files: findings per file and day, masked samples only.
import { PiiKind, detectPii } from './piiDetectors';
import { scanFileLines } from './lineScanner';
import { rgScan } from './rgEngine';
import { dayFromFileName } from './sources';

export interface PiiFinding {
  readonly file: string;
  readonly day: string;
  readonly kind: PiiKind;
  count: number;
  /** Highest context score seen; low scores are likely false positives. */
  maxScore: number;
  readonly samples: string[]; // masked
  readonly lines: number[];
}

const DAY_IN_LINE = /(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
// A line can only hold personal data when it has one of these (a superset of what the detectors
// match: 7+ digits or spaced card digits not inside a word (the detectors' own look-behind, so an
// HRESULT like 0x80131904 is skipped), an IBAN start, "x@domain.", a +372/00372 phone). A bare "@"
// is not enough: every CLEF line has "@t".
export const PII_PREFILTER = String.raw`(?:^|[^\w.@+-])\d{4}[ -]?\d{3}|[A-Z]{2}\d{2} ?[A-Z0-9]{4}|[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.|\+372|00372`;

/** Scans one file; with `rgPath` ripgrep finds the candidate lines (far faster than the Node engine on regexes). */
export async function scanFileForPii(file: string, minScore = 0, signal?: AbortSignal, rgPath?: string): Promise<PiiFinding[]> {
  const byKey = new Map<string, PiiFinding>();
  const fileDay = dayFromFileName(file) ?? 'unknown';
  const pattern = { pattern: PII_PREFILTER, regex: true, caseSensitive: true };
  for await (const h of rgPath ? rgScan(rgPath, pattern, [file], signal) : scanFileLines(file, pattern, signal)) {
    const hits = detectPii(h.text).filter((x) => x.score >= minScore);
    if (hits.length === 0) continue;
    const day = DAY_IN_LINE.exec(h.text)?.[1] ?? fileDay;
    for (const x of hits) {
      const key = `${day}\0${x.kind}`;
      let f = byKey.get(key);
      if (!f) { f = { file, day, kind: x.kind, count: 0, maxScore: 0, samples: [], lines: [] }; byKey.set(key, f); }
      f.count++;
      f.maxScore = Math.max(f.maxScore, x.score);
      if (f.samples.length < 3 && !f.samples.includes(x.masked)) f.samples.push(x.masked);
      if (f.lines.length < 20) f.lines.push(h.line);
    }
  }
  return [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind));
}
