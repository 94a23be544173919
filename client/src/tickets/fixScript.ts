// A new fix script from the safe template (transaction, row-count check, rollback by default), ticket in the header.
import { Ticket } from './model';

export function fixScriptTemplate(t: Pick<Ticket, 'key' | 'title'>, author: string, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  return `-- Ticket: ${t.key} ${t.title}
-- Author: ${author}
-- Date:   ${day}
-- Purpose: 
SET XACT_ABORT ON;
SET NOCOUNT ON;
GO
BEGIN TRANSACTION;

DECLARE @expected int = 1;

-- UPDATE [dbo].[Menetlus] SET ... WHERE ...;

IF @@ROWCOUNT <> @expected
BEGIN
    RAISERROR(N'Oodatud ridade arv ei klapi', 16, 1);
    ROLLBACK TRANSACTION;
    RETURN;
END

-- Review the result, then replace ROLLBACK with COMMIT.
ROLLBACK TRANSACTION;
GO
`;
}
