// .NET stack frames: "   at Ns.Class.Method(Args) in C:\src\...\File.cs:line 42".

export interface StackFrame {
  readonly method: string; // Ns.Class.Method
  readonly typeName: string; // Ns.Class
  readonly memberName: string; // Method
  readonly file?: string;
  readonly line?: number;
  /** Offset of the frame's first character in the text it was parsed from. */
  readonly offset: number;
  readonly length: number;
}

const FRAME = /^[ \t]*at ([^\s(]+)\(([^)]*)\)(?: in (.+?):line (\d+))?[ \t]*$/gm;

export function parseStackFrames(text: string): StackFrame[] {
  const out: StackFrame[] = [];
  for (const m of text.matchAll(FRAME)) {
    // Generic arguments dropped; an async state machine frame (Class.<Loo>d__5.MoveNext) names its method.
    const method = m[1].replace(/\[[^\]]*\]/g, '').replace(/\.<([A-Za-z_]\w*)>d__\d+\.MoveNext$/, '.$1');
    const dot = method.lastIndexOf('.');
    out.push({
      method,
      typeName: dot > 0 ? method.slice(0, dot) : '',
      memberName: dot > 0 ? method.slice(dot + 1) : method,
      file: m[3],
      line: m[4] ? Number(m[4]) : undefined,
      offset: m.index!,
      length: m[0].length,
    });
  }
  return out;
}

/** Exception type from the first line of an exception text ("System.InvalidOperationException: ..."). */
export function exceptionType(exception: string | undefined): string | undefined {
  if (!exception) return undefined;
  const m = /^\s*([A-Za-z_][\w.`]*(?:Exception|Error|Fault)[\w`]*)\b/m.exec(exception);
  return m?.[1];
}

/** Splits a Windows or POSIX path into lower-cased segments for suffix matching. */
export function pathSegments(p: string): string[] {
  return p.split(/[\\/]+/).filter((s) => s.length > 0).map((s) => s.toLowerCase());
}

/** Picks the candidate whose path shares the longest suffix with the frame's path (at least the file name). */
export function bestPathMatch(framePath: string, candidates: readonly string[]): string | undefined {
  const want = pathSegments(framePath);
  let best: string | undefined;
  let bestLen = 0;
  for (const c of candidates) {
    const have = pathSegments(c);
    let n = 0;
    while (n < want.length && n < have.length && want[want.length - 1 - n] === have[have.length - 1 - n]) n++;
    if (n > bestLen) { bestLen = n; best = c; }
  }
  return best;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The 1-based line declaring `member` inside `class <last part of typeName>` in C# source, for
 * frames without a file (release builds): the Class.Method fallback when no symbol provider answers.
 */
export function findMemberLine(source: string, typeName: string, member: string): number | undefined {
  const cls = typeName.split('.').pop() ?? typeName;
  const lines = source.split(/\r?\n/);
  const classRe = new RegExp(`\\b(?:class|struct|record)\\s+${escapeRe(cls)}\\b`);
  // A declaration: modifiers and a return type before the name, no dot or "new" right before it.
  const memberRe = member === '.ctor' || member === 'ctor'
    ? new RegExp(`^\\s*(?:(?:public|private|protected|internal|static)\\s+)*${escapeRe(cls)}\\s*\\(`)
    : new RegExp(`^\\s*(?:[\\w<>\\[\\],?]+\\s+)+${escapeRe(member)}\\s*(?:<[^>]*>)?\\s*\\(`);
  const start = lines.findIndex((l) => classRe.test(l));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s*(?:return|await|throw|var|if|else)\b/.test(lines[i])) continue;
    if (memberRe.test(lines[i])) return i + 1;
  }
  return undefined;
}
