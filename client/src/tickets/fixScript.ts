// A new fix script for a ticket: the ticket in the header, the body inside the project's one safe fix template.
import { safeTemplate } from '../../../server/src/features/codeActions/safeTemplate';
import { Ticket } from './model';

const PLACEHOLDER = `-- Back up the rows first, e.g. SELECT * INTO #enne FROM [dbo].[Menetlus] WHERE ...;
-- UPDATE [dbo].[Menetlus] SET ... WHERE ...;`;

export function fixScriptTemplate(t: Pick<Ticket, 'key' | 'title'>, author: string, date: Date, expectedRows = 1): string {
  const day = date.toISOString().slice(0, 10);
  return [
    `-- Ticket: ${t.key} ${t.title}`,
    `-- Author: ${author}`,
    `-- Date:   ${day}`,
    '-- Purpose: ',
    safeTemplate(PLACEHOLDER, '\n', expectedRows),
  ].join('\n');
}
