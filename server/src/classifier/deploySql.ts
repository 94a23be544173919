// Generates an idempotent deploy script that brings a classifier table to the file's state:
// one MERGE inside the safe fix template, with a per-action row-count report and guard.

import type { ColumnInfo, Schema } from '../schema/model';
import type { ClassifierFile, ValueField } from './model';

export interface DeploySqlOptions {
  schema?: Schema;
  /** Overrides the file's `removed` setting. */
  onRemoved?: 'deactivate' | 'delete' | 'keep';
  /** Shown in the header comment. */
  sourceName?: string;
  /** Today's date for deactivation via the `until` column (tests pin it). */
  today?: string;
}

export class DeploySqlError extends Error {}

export function quoteName(name: string): string {
  return '[' + name.replace(/]/g, ']]') + ']';
}

export function nstring(value: string): string {
  return "N'" + value.replace(/'/g, "''") + "'";
}

interface MappedColumn {
  field: ValueField | 'code';
  column: string;
  info?: ColumnInfo;
}

function sqlValue(value: string | undefined, col: MappedColumn): string {
  if (value === undefined) return 'NULL';
  const type = col.info?.type;
  if (col.field === 'order' || (type && /^(tinyint|smallint|int|bigint)$/.test(type))) {
    if (/^-?\d+$/.test(value)) return value;
  }
  if (col.field === 'active' || type === 'bit') {
    if (/^(1|yes|true|jah)$/i.test(value)) return '1';
    if (/^(0|no|false|ei)$/i.test(value)) return '0';
  }
  if (type && /^(char|varchar|text)$/.test(type)) return "'" + value.replace(/'/g, "''") + "'";
  if (col.field === 'from' || col.field === 'until' || (type && /date/.test(type))) {
    return "'" + value.replace(/'/g, "''") + "'";
  }
  return nstring(value);
}

export function generateDeploySql(file: ClassifierFile, options: DeploySqlOptions = {}): string {
  const { header } = file;
  if (!header.table || !header.key) throw new DeploySqlError('The classifier file needs `table` and `key` before deploy SQL can be generated.');
  const schemaName = header.table.value.schema ?? options.schema?.options.defaultSchema ?? 'dbo';
  const tableName = header.table.value.name;
  const table = options.schema?.findTable(tableName, schemaName);
  const info = (name: string): ColumnInfo | undefined => (table && options.schema ? options.schema.findColumn(table, name) : undefined);
  const columns: MappedColumn[] = [{ field: 'code', column: header.key.value, info: info(header.key.value) }];
  for (const [field, col] of header.columns) columns.push({ field, column: col.value, info: info(col.value) });
  const type = header.typeColumn?.value;
  const onRemoved = options.onRemoved ?? header.onRemoved?.value ?? 'deactivate';
  const activeCol = header.columns.get('active')?.value;
  const untilCol = header.columns.get('until')?.value;
  const target = `${quoteName(schemaName)}.${quoteName(tableName)}`;
  const name = header.name?.value ?? tableName;
  const nonKey = columns.filter((c) => c.field !== 'code');

  const rows = file.values.map((v) => {
    const cells = columns.map((c) => sqlValue(c.field === 'code' ? v.code.value : v.fields.get(c.field as ValueField)?.value, c));
    if (activeCol && !v.fields.has('active')) cells[columns.findIndex((c) => c.field === 'active')] = v.deprecated ? '0' : '1';
    return `        (${cells.join(', ')})`;
  });
  if (rows.length === 0) throw new DeploySqlError('The classifier file has no values.');

  const srcCols = columns.map((c) => quoteName(c.column)).join(', ');
  const on = `t.${quoteName(header.key.value)} = s.${quoteName(header.key.value)}`;
  const changed = nonKey.length
    ? ` AND EXISTS (SELECT ${nonKey.map((c) => `s.${quoteName(c.column)}`).join(', ')} EXCEPT SELECT ${nonKey.map((c) => `t.${quoteName(c.column)}`).join(', ')})`
    : '';
  const insertCols = [...columns.map((c) => quoteName(c.column)), ...(type ? [quoteName(type.column)] : [])].join(', ');
  const insertVals = [...columns.map((c) => `s.${quoteName(c.column)}`), ...(type ? [nstring(type.value)] : [])].join(', ');

  let removedClause = '';
  if (onRemoved === 'delete') {
    removedClause = '    WHEN NOT MATCHED BY SOURCE THEN\n        DELETE\n';
  } else if (onRemoved === 'deactivate') {
    if (activeCol) {
      removedClause = `    WHEN NOT MATCHED BY SOURCE AND t.${quoteName(activeCol)} = 1 THEN\n        UPDATE SET ${quoteName(activeCol)} = 0\n`;
    } else if (untilCol) {
      const today = options.today ? `'${options.today}'` : 'CAST(GETDATE() AS date)';
      removedClause = `    WHEN NOT MATCHED BY SOURCE AND (t.${quoteName(untilCol)} IS NULL OR t.${quoteName(untilCol)} > ${today}) THEN\n        UPDATE SET ${quoteName(untilCol)} = ${today}\n`;
    }
  }
  const removedNote =
    onRemoved === 'deactivate' && !removedClause
      ? '-- Codes missing from the file are kept: map an `active` or `until` column to deactivate them.\n'
      : '';
  // A shared table is merged through a CTE filtered on the type column, so other classifiers' rows are never touched.
  const mergeTarget = type
    ? `WITH t AS (SELECT * FROM ${target} WHERE ${quoteName(type.column)} = ${nstring(type.value)})\n    MERGE t`
    : `MERGE ${target} WITH (HOLDLOCK) AS t`;

  return `-- Classifier ${name}: deploy script generated by e-Täitur Workbench${options.sourceName ? ` from ${options.sourceName}` : ''}.
-- Idempotent: running it again changes nothing. Removed codes: ${onRemoved}.
${removedNote}SET XACT_ABORT ON;
SET NOCOUNT ON;

BEGIN TRY
    BEGIN TRANSACTION;

    DECLARE @Muudatused TABLE (Tegevus nvarchar(10) NOT NULL);

    ${mergeTarget}
    USING (VALUES
${rows.join(',\n')}
    ) AS s (${srcCols})
    ON ${on}
${nonKey.length ? `    WHEN MATCHED${changed} THEN\n        UPDATE SET ${nonKey.map((c) => `${quoteName(c.column)} = s.${quoteName(c.column)}`).join(', ')}\n` : ''}    WHEN NOT MATCHED BY TARGET THEN
        INSERT (${insertCols}) VALUES (${insertVals})
${removedClause}    OUTPUT CASE WHEN s.${quoteName(header.key.value)} IS NULL AND $action = N'UPDATE' THEN N'DEACTIVATE' ELSE $action END
        INTO @Muudatused (Tegevus);

    SELECT Tegevus, COUNT(*) AS Ridu FROM @Muudatused GROUP BY Tegevus;

    -- Row-count guard: inserts and updates can never exceed the file's ${rows.length} values.
    IF (SELECT COUNT(*) FROM @Muudatused WHERE Tegevus IN (N'INSERT', N'UPDATE')) > ${rows.length}
        THROW 50001, N'Classifier ${name.replace(/'/g, "''")}: more rows changed than the file has values; rolled back.', 1;

    COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH;
`;
}
