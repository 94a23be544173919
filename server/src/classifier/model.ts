// A classifier (code list) definition file, as parsed. Offsets [start, end) into the file text.

import type { Span } from '../sql/ast';

export const CLASSIFIER_LANGUAGES = ['et', 'en', 'ru'] as const;
export type ClassifierLanguage = (typeof CLASSIFIER_LANGUAGES)[number];

/** Value fields a classifier value can carry, and the header keys that map them to columns. */
export const VALUE_FIELDS = ['et', 'en', 'ru', 'from', 'until', 'order', 'parent', 'replacedBy', 'active'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export interface Located<T> {
  value: T;
  range: Span;
}

export interface ClassifierHeader {
  /** The classifier's own name, e.g. MENETLUSE_STAATUS. */
  name?: Located<string>;
  /** Target table: schema.table. */
  table?: Located<{ schema?: string; name: string }>;
  /** Key column holding the code. */
  key?: Located<string>;
  /** For a shared table: the type column and this classifier's value in it. */
  typeColumn?: Located<{ column: string; value: string }>;
  /** Value field -> column. */
  columns: Map<ValueField, Located<string>>;
  /** Languages every value must have a name in. */
  languages: Located<ClassifierLanguage[]> | undefined;
  /** What the deploy script does with codes missing from the file. */
  onRemoved?: Located<'deactivate' | 'delete' | 'keep'>;
}

export interface ClassifierValue {
  code: Located<string>;
  /** The whole block: the `value` line and its indented fields. */
  range: Span;
  fields: Map<ValueField, Located<string>>;
  deprecated?: Located<{ replacedBy?: string }>;
  comment?: string;
}

export interface ClassifierProblem {
  code: string;
  range: Span;
  message: string;
  messageEt: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ClassifierFile {
  header: ClassifierHeader;
  values: ClassifierValue[];
  /** Syntax problems found while parsing. */
  problems: ClassifierProblem[];
}
