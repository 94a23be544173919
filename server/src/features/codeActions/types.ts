// An LSP-free code action: text edits by offset.
export interface TextEditSpan { start: number; end: number; newText: string }
export interface CodeActionEntry {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  edits: TextEditSpan[];
  /** The finding code this fixes, if any. */
  fixes?: string;
  preferred?: boolean;
}
/** The part of a finding a fix needs (matches rules/rule.ts Finding). */
export interface FindingLike { code: string; range: { start: number; end: number }; data?: Record<string, unknown> }
