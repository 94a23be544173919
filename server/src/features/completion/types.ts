// What completion providers return: an LSP-free item the glue translates.
export type CompletionKind = 'keyword' | 'snippet' | 'schema' | 'table' | 'view' | 'column' | 'variable' | 'tempTable' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Lower sorts first. */
  rank: number;
  insertText?: string;
}
