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
    const method = m[1].replace(/\[[^\]]*\]/g, '');
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
