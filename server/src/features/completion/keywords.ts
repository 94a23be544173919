// Keywords and statement starts.
import type { CompletionEntry } from './types';

const STATEMENT_STARTS = ['SELECT', 'INSERT INTO', 'UPDATE', 'DELETE FROM', 'MERGE', 'DECLARE', 'SET', 'IF', 'ELSE', 'BEGIN', 'END',
  'BEGIN TRY', 'BEGIN CATCH', 'BEGIN TRAN', 'COMMIT', 'ROLLBACK', 'WHILE', 'EXEC', 'PRINT', 'THROW', 'RETURN', 'GO', 'WITH',
  'CREATE TABLE', 'TRUNCATE TABLE', 'DROP TABLE', 'USE'];
const CLAUSES = ['FROM', 'WHERE', 'JOIN', 'INNER JOIN', 'LEFT JOIN', 'CROSS APPLY', 'OUTER APPLY', 'ON', 'AND', 'OR', 'NOT', 'IN',
  'EXISTS', 'BETWEEN', 'LIKE', 'IS NULL', 'IS NOT NULL', 'GROUP BY', 'ORDER BY', 'HAVING', 'TOP', 'DISTINCT', 'AS', 'CASE', 'WHEN',
  'THEN', 'END', 'VALUES', 'OUTPUT', 'INTO', 'UNION ALL', 'OFFSET', 'NULL', 'CAST', 'CONVERT', 'ISNULL', 'COALESCE', 'GETDATE()',
  '@@ROWCOUNT', '@@TRANCOUNT', 'XACT_ABORT'];

export function keywordCompletions(prefix: string, atStatementStart: boolean): CompletionEntry[] {
  const p = prefix.toUpperCase();
  const out: CompletionEntry[] = [];
  const first = atStatementStart ? STATEMENT_STARTS : CLAUSES;
  const second = atStatementStart ? CLAUSES : STATEMENT_STARTS;
  for (const k of first) if (k.startsWith(p)) out.push({ label: k, kind: 'keyword', rank: 50 });
  for (const k of second) if (k.startsWith(p) && !first.includes(k)) out.push({ label: k, kind: 'keyword', rank: 70 });
  return out;
}
