// The 5x, 6x and 8x corpus scripts mark every finding they should produce with a trailing `-- expect: rule-id, ...`
// on the line where it starts; any other finding is a false alarm and fails the test.
import * as assert from 'node:assert';
import { corpusFiles } from '../sql/corpus';
import { findings } from './helpers';

const EXPECT = /--\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m) for (const code of m[1].split(',')) out.push(`${i + 1} ${code.trim()}`);
  });
  return out.sort();
}

function actual(text: string): string[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo + 1;
  };
  return findings(text).map((f) => `${lineOf(f.range.start)} ${f.code}`).sort();
}

describe('corpus 5x/6x/8x: findings match the -- expect: marks (no misses, no false alarms)', () => {
  const files = corpusFiles().filter((f) => /^[568]\d-/.test(f.name));
  it('has the 5x, 6x and 8x scripts', () => assert.ok(files.length >= 35, `${files.length} files`));
  for (const f of files) {
    it(f.name, () => assert.deepStrictEqual(actual(f.text), expected(f.text)));
  }
});
