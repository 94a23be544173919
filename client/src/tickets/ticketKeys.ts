// Ticket keys in text (code, commit messages) found by a configurable pattern.

export const DEFAULT_KEY_PATTERNS = { redmine: '#\\d+', jira: '[A-Z][A-Z0-9]+-\\d+' } as const;

export interface KeyMatch { readonly key: string; readonly start: number; readonly end: number }

/** Compiles the user's pattern; a bad pattern falls back to the default instead of throwing. */
export function compileKeyPattern(pattern: string | undefined, kind: 'redmine' | 'jira'): RegExp {
  const src = pattern?.trim() || DEFAULT_KEY_PATTERNS[kind];
  const bounded = `(?<![\\w#-])(?:${src})(?![\\w])`;
  try {
    return new RegExp(bounded, 'g');
  } catch {
    return new RegExp(`(?<![\\w#-])(?:${DEFAULT_KEY_PATTERNS[kind]})(?![\\w])`, 'g');
  }
}

export function findTicketKeys(text: string, pattern: RegExp, limit = 1000): KeyMatch[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const out: KeyMatch[] = [];
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++; // empty matches from a user pattern would loop
      continue;
    }
    out.push({ key: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
