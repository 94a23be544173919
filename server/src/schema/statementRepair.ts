// Table DDL the parser does not read, made readable for the schema: the parts that do not matter to
// the schema (an xml column's schema collection, the EXTERNAL of CREATE EXTERNAL TABLE) are blanked
// with spaces, so every offset, and so every location, stays where it was.

const TABLE_DDL = /^\s*(?:CREATE\s+(?:EXTERNAL\s+)?TABLE|ALTER\s+TABLE)\b/i;

const REPAIRS: { pattern: RegExp; keep: (m: RegExpExecArray) => string }[] = [
  // CREATE EXTERNAL TABLE dbo.X (...) WITH (LOCATION = ...): a queryable table.
  { pattern: /^(\s*CREATE\s+)(EXTERNAL)(?=\s+TABLE\b)/i, keep: (m) => m[1] },
  // xml(CONTENT dbo.Schema), xml (DOCUMENT [dbo].[Schema]): typed xml is xml to the checker.
  { pattern: /(\bxml\s*)\(\s*(?:(?:CONTENT|DOCUMENT)\s+)?(?:(?:\[[^\]]*\]|"[^"]*"|[\p{L}_][\p{L}\p{N}_@$#]*)\s*\.\s*)*(?:\[[^\]]*\]|"[^"]*"|[\p{L}_][\p{L}\p{N}_@$#]*)\s*\)/giu, keep: (m) => m[1] },
];

/** The statement with unreadable parts blanked, or undefined when it is not table DDL or there is nothing to blank. */
export function repairStatementText(text: string): string | undefined {
  if (!TABLE_DDL.test(text)) return undefined;
  let out = text;
  for (const { pattern, keep } of REPAIRS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, (...args) => {
      const whole = args[0] as string;
      const kept = keep(args as unknown as RegExpExecArray);
      return kept + whole.slice(kept.length).replace(/[^\r\n]/g, ' ');
    });
  }
  return out === text ? undefined : out;
}
