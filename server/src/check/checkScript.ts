// Parse, resolve, run the enabled rules, apply severities and inline disables, sort.
// Used by the CLI and the language server alike.
import type { Script } from '../sql/ast';
import { parseScript } from '../sql/parser';
import type { Schema } from '../schema/model';
import type { ClassifierCatalog } from '../classifier/catalog';
import { resolveScript } from '../resolve/resolver';
import type { Resolution } from '../resolve/types';
import { RULES } from '../rules';
import type { Finding, Rule, RuleContext, Severity } from '../rules/rule';
import { DEFAULT_CONFIG, type CheckerConfig } from '../config/config';
import { InlineDisables } from '../config/inlineDisables';
import { LineIndex } from '../text/lineIndex';

export interface CheckOptions {
  schema?: Schema;
  config?: CheckerConfig;
  /** An already parsed tree of the same text (the language server caches it). */
  script?: Script;
  /** The workspace's classifier files, for unknown-classifier-code. */
  classifiers?: ClassifierCatalog;
  /** Restrict to these rules (tests). */
  rules?: readonly Rule[];
}

export interface CheckResult {
  script: Script;
  resolution: Resolution;
  findings: Finding[];
}

export function effectiveSeverity(rule: Rule, config: CheckerConfig): Severity | 'off' {
  return config.rules[rule.id] ?? rule.defaultSeverity;
}

export function checkScript(text: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const script = options.script ?? parseScript(text);
  const schema = options.schema && options.schema.size > 0 ? options.schema : undefined;
  const resolution = resolveScript(script, schema);
  const findings: Finding[] = [];
  let disables: InlineDisables | undefined;
  const comments = script.comments ?? [];
  if (comments.some((c) => c.text.includes('etaitur-'))) disables = new InlineDisables(new LineIndex(text), comments);

  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    if (rule.needsSchema && !schema) continue;
    const ctx: RuleContext = {
      text, script, resolution, schema, classifiers: options.classifiers,
      report(range, message, messageEt, data) {
        if (disables?.isDisabled(rule.id, range.start)) return;
        const f: Finding = { code: rule.id, severity, range: { start: range.start, end: range.end }, message, messageEt };
        if (data) f.data = data;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx);
    } catch {
      // A rule bug must not take the whole check down; the other rules still report.
    }
  }
  // rule ids are ASCII: plain code-unit order, no locale collation
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { script, resolution, findings };
}
