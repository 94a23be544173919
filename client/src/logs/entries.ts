// Splits log text into entries: one line per CLEF entry, header line + continuation lines for text layouts.
import { parseClefLine } from './clef';
import { LogEntry, LogFormat } from './model';
import { CompiledLayout, compileLayout, textEntry } from './textLayout';

export interface EntryParser {
  /** Feeds one line (without its newline); returns entries completed by it. */
  push(line: string): LogEntry[];
  /** Ends the input: returns the last entry, torn or not. */
  end(): LogEntry[];
}

export function createEntryParser(format: LogFormat, file: string, firstLine = 1): EntryParser {
  let lineNo = firstLine - 1;
  if (format.kind === 'clef') {
    return {
      push(text) {
        lineNo++;
        if (text.length === 0) return [];
        return [parseClefLine(text, file, lineNo) ?? { file, line: lineNo, message: text, properties: {}, raw: text, unparsed: true }];
      },
      end: () => [],
    };
  }
  const layout: CompiledLayout = compileLayout(format.flavour, format.pattern);
  let pending: string[] = [];
  let pendingLine = 0;
  const flush = (): LogEntry[] => {
    if (pending.length === 0) return [];
    while (pending.length > 1 && pending[pending.length - 1].trim() === '') pending.pop();
    const e = textEntry(layout, pending, file, pendingLine);
    pending = [];
    return [e];
  };
  return {
    push(text) {
      lineNo++;
      if (layout.header.test(text)) {
        const out = flush();
        pending = [text];
        pendingLine = lineNo;
        return out;
      }
      if (pending.length === 0) {
        if (text.trim() === '') return [];
        pending = [text];
        pendingLine = lineNo;
        return [];
      }
      pending.push(text);
      return [];
    },
    end() {
      // A torn last line that starts with a date is an entry of its own, kept as text.
      const last = pending[pending.length - 1];
      if (pending.length > 1 && /^\d{4}-\d{2}-\d{2}/.test(last)) {
        pending.pop();
        const out = flush();
        out.push({ file, line: lineNo, message: last, properties: {}, raw: last, unparsed: true });
        return out;
      }
      return flush();
    },
  };
}

/** Whether a line starts an entry (used to find the entry around a matching line). */
export function entryStartTest(format: LogFormat): (line: string) => boolean {
  if (format.kind === 'clef') return () => true;
  const layout = compileLayout(format.flavour, format.pattern);
  return (line) => layout.header.test(line);
}

export function parseEntries(text: string, format: LogFormat, file: string): LogEntry[] {
  const p = createEntryParser(format, file);
  const out: LogEntry[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const l of lines) out.push(...p.push(l));
  out.push(...p.end());
  return out;
}
