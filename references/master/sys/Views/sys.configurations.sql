-- sys.configurations (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[configurations]
AS
SELECT CAST(NULL AS int) AS [configuration_id],
       CAST(NULL AS nvarchar(35)) AS [name],
       CAST(NULL AS sql_variant) AS [value],
       CAST(NULL AS sql_variant) AS [minimum],
       CAST(NULL AS sql_variant) AS [maximum],
       CAST(NULL AS sql_variant) AS [value_in_use],
       CAST(NULL AS nvarchar(255)) AS [description],
       CAST(NULL AS bit) AS [is_dynamic],
       CAST(NULL AS bit) AS [is_advanced];
