// Wraps a script or selection in the safe fix template.
import { msg, type Lang } from '../messages';
import type { CodeActionEntry } from './types';

export function safeTemplate(body: string, eol = '\n', expectedRows = 1): string {
  const indented = body.replace(/\s+$/, '').split(/\r?\n/).map((l) => (l ? '    ' + l : l)).join(eol);
  return [
    'SET XACT_ABORT ON;',
    'BEGIN TRY',
    '    BEGIN TRAN;',
    indented,
    `    IF @@ROWCOUNT <> ${expectedRows}`,
    "        THROW 50001, N'Unexpected row count; rolling back.', 1;",
    '    COMMIT;',
    'END TRY',
    'BEGIN CATCH',
    '    IF @@TRANCOUNT > 0 ROLLBACK;',
    '    THROW;',
    'END CATCH;',
    '',
  ].join(eol);
}

export function wrapInSafeTemplate(text: string, selection?: { start: number; end: number }, lang: Lang = 'en'): CodeActionEntry | undefined {
  const s = selection && selection.end > selection.start ? selection : { start: 0, end: text.length };
  const body = text.slice(s.start, s.end);
  if (!body.trim() || /\bSET\s+XACT_ABORT\s+ON\b/i.test(body) && /\bBEGIN\s+TRY\b/i.test(body)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: msg(lang, selection && selection.end > selection.start ? 'wrapSelection' : 'wrapScript'),
    kind: 'refactor.rewrite', edits: [{ ...s, newText: safeTemplate(body, eol) }], fixes: 'no-transaction',
  };
}
