// The shape of a rule and of what it reports.
import type { Script, Span } from '../sql/ast';
import type { Schema } from '../schema/model';
import type { Resolution } from '../resolve/types';
import type { ClassifierCatalog } from '../classifier/catalog';

export type Severity = 'error' | 'warning' | 'info';
export type RuleCategory = 'schema' | 'safety' | 'correctness' | 'style' | 'syntax';

export interface Finding {
  code: string;
  severity: Severity;
  range: Span;
  message: string;
  messageEt: string;
  /** For quick fixes, e.g. { suggestions: ['Number'] }. */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  text: string;
  script: Script;
  resolution: Resolution;
  /** Present only when a non-empty schema was given; schema rules do nothing without it. */
  schema?: Schema;
  /** The workspace's classifier files (unknown-classifier-code). */
  classifiers?: ClassifierCatalog;
  report(range: Span, message: string, messageEt: string, data?: Record<string, unknown>): void;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  description: { en: string; et: string };
  /** Silent without a schema. */
  needsSchema?: boolean;
  check(ctx: RuleContext): void;
}
