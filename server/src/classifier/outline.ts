// Symbols and folding ranges of a classifier file, as plain data for the language server.

import type { Span } from '../sql/ast';
import type { ClassifierFile } from './model';

export interface ClassifierSymbol {
  name: string;
  detail?: string;
  range: Span;
  selectionRange: Span;
  deprecated: boolean;
}

export function classifierSymbols(file: ClassifierFile): ClassifierSymbol[] {
  return file.values.map((v) => ({
    name: v.code.value,
    detail: v.fields.get('et')?.value ?? v.fields.get('en')?.value,
    range: v.range,
    selectionRange: v.code.range,
    deprecated: !!v.deprecated,
  }));
}

/** Value blocks that span more than one line fold. */
export function classifierFoldingRanges(file: ClassifierFile): Span[] {
  return file.values.filter((v) => v.range.end > v.code.range.end).map((v) => v.range);
}
