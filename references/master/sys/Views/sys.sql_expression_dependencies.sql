-- sys.sql_expression_dependencies (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[sql_expression_dependencies]
AS
SELECT CAST(NULL AS int) AS [referencing_id],
       CAST(NULL AS int) AS [referencing_minor_id],
       CAST(NULL AS tinyint) AS [referencing_class],
       CAST(NULL AS nvarchar(60)) AS [referencing_class_desc],
       CAST(NULL AS bit) AS [is_schema_bound_reference],
       CAST(NULL AS tinyint) AS [referenced_class],
       CAST(NULL AS nvarchar(60)) AS [referenced_class_desc],
       CAST(NULL AS sysname) AS [referenced_server_name],
       CAST(NULL AS sysname) AS [referenced_database_name],
       CAST(NULL AS sysname) AS [referenced_schema_name],
       CAST(NULL AS sysname) AS [referenced_entity_name],
       CAST(NULL AS int) AS [referenced_id],
       CAST(NULL AS int) AS [referenced_minor_id],
       CAST(NULL AS bit) AS [is_caller_dependent],
       CAST(NULL AS bit) AS [is_ambiguous];
