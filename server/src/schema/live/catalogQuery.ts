// The catalog read, exactly as it runs against SQL Server: one batch, five result sets.
// 1 tables+views, 2 columns, 3 primary/unique key columns in order, 4 foreign key columns, 5 synonyms.
// Columns the server writes itself (computed, temporal GENERATED ALWAYS AS ROW START/END) come as
// is_computed: an INSERT need not name them.
// max_length is converted to characters for nchar/nvarchar (bytes / 2; -1 stays MAX); a column of an
// alias type (CREATE TYPE dbo.Isikukood FROM nchar(11)) reports its base type (231 nvarchar, 239 nchar).
export const CATALOG_QUERY = `SET NOCOUNT ON;
SELECT o.object_id, s.name AS schema_name, o.name, o.type,
  CAST(ep.value AS nvarchar(max)) AS description
FROM sys.objects o
JOIN sys.schemas s ON s.schema_id = o.schema_id
LEFT JOIN sys.extended_properties ep ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0
ORDER BY s.name, o.name;
SELECT c.object_id, c.column_id, c.name,
  CASE WHEN t.is_user_defined = 1 AND t.is_assembly_type = 0 AND t.is_table_type = 0 THEN TYPE_NAME(c.system_type_id) ELSE t.name END AS type_name,
  CASE WHEN c.max_length = -1 THEN -1 WHEN c.system_type_id IN (231, 239) THEN c.max_length / 2 ELSE c.max_length END AS max_length,
  c.precision, c.scale, c.is_nullable, c.is_identity,
  CAST(CASE WHEN c.is_computed = 1 OR COLUMNPROPERTY(c.object_id, c.name, 'GeneratedAlwaysType') > 0 THEN 1 ELSE 0 END AS bit) AS is_computed,
  dc.definition AS default_definition,
  CAST(ep.value AS nvarchar(max)) AS description
FROM sys.columns c
JOIN sys.objects o ON o.object_id = c.object_id AND o.type IN ('U', 'V') AND o.is_ms_shipped = 0
JOIN sys.types t ON t.user_type_id = c.user_type_id
LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.extended_properties ep ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = N'MS_Description'
ORDER BY c.object_id, c.column_id;
SELECT i.object_id, i.name, i.is_primary_key, ic.key_ordinal, c.name AS column_name
FROM sys.indexes i
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
JOIN sys.objects o ON o.object_id = i.object_id AND o.type = 'U' AND o.is_ms_shipped = 0
WHERE i.is_primary_key = 1 OR i.is_unique_constraint = 1
ORDER BY i.object_id, i.index_id, ic.key_ordinal;
SELECT fk.parent_object_id AS object_id, fk.name, fkc.constraint_column_id,
  pc.name AS column_name, rs.name AS ref_schema, ro.name AS ref_table, rc.name AS ref_column
FROM sys.foreign_keys fk
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.objects ro ON ro.object_id = fkc.referenced_object_id
JOIN sys.schemas rs ON rs.schema_id = ro.schema_id
JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id;
SELECT s.name AS schema_name, sy.name,
  PARSENAME(sy.base_object_name, 4) AS target_server,
  CASE WHEN PARSENAME(sy.base_object_name, 3) = DB_NAME() THEN NULL ELSE PARSENAME(sy.base_object_name, 3) END AS target_database,
  PARSENAME(sy.base_object_name, 2) AS target_schema, PARSENAME(sy.base_object_name, 1) AS target_name
FROM sys.synonyms sy
JOIN sys.schemas s ON s.schema_id = sy.schema_id
ORDER BY s.name, sy.name;`;

/** Cheap change detection: one row (object count, last modify_date, checksum) over sys.objects. */
export const CHANGE_QUERY = `SELECT COUNT_BIG(*) AS object_count, MAX(modify_date) AS last_modified,
  CHECKSUM_AGG(CHECKSUM(object_id, name, modify_date)) AS checksum
FROM sys.objects WHERE is_ms_shipped = 0;`;
