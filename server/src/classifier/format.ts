// Formats a classifier file: header keys and value fields aligned in columns, one blank line
// between value blocks, comments kept. Idempotent; returns the text unchanged when it has syntax problems.

import { parseClassifier } from './parse';

function align(lines: string[][], indent: string): string[] {
  // `deprecated replacedBy X` reads as a sentence; it is not a column of its own.
  const aligned = (l: string[]): boolean => l.length > 1 && l[0] !== 'deprecated';
  const width = Math.max(0, ...lines.filter(aligned).map((l) => l[0].length));
  return lines.map((l) => (aligned(l) ? indent + l[0].padEnd(width) + '  ' + l[1] : indent + l.join(' ')));
}

export function formatClassifier(text: string): string {
  if (parseClassifier(text).problems.length) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  let block: string[][] = [];
  let inValues = false;
  let header: string[][] = [];
  const flushHeader = (): void => {
    // `column FIELD Column` lines align their column names too.
    const fieldWidth = Math.max(0, ...header.filter((l) => l[0] === 'column').map((l) => l[1].split(/\s+/)[0].length));
    header = header.map((l) => {
      if (l[0] !== 'column') return l;
      const [field, ...rest] = l[1].split(/\s+/);
      return [l[0], rest.length ? field.padEnd(fieldWidth) + '  ' + rest.join(' ') : field];
    });
    out.push(...align(header, ''));
    header = [];
  };
  const flushBlock = (): void => {
    out.push(...align(block, '  '));
    block = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const split = (): string[] => {
      const m = /^(\S+)\s+(.*)$/.exec(trimmed);
      return m ? [m[1], m[2]] : [trimmed];
    };
    if (trimmed.startsWith('#')) {
      if (!inValues) {
        flushHeader();
        out.push(trimmed);
      } else {
        flushBlock();
        out.push('', trimmed);
      }
      continue;
    }
    if (/^\s/.test(raw)) {
      block.push(split());
      continue;
    }
    if (trimmed.startsWith('value ') || trimmed === 'value') {
      if (!inValues) flushHeader();
      flushBlock();
      const prevIsComment = out.length > 0 && out[out.length - 1].startsWith('#') && inValues;
      if (!prevIsComment) out.push('');
      inValues = true;
      out.push('value ' + trimmed.slice(5).trim());
      continue;
    }
    header.push(split());
  }
  flushHeader();
  flushBlock();
  return out.join(eol) + eol;
}
