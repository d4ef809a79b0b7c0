-- sys.assemblies (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[assemblies]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS int) AS [principal_id],
       CAST(NULL AS int) AS [assembly_id],
       CAST(NULL AS nvarchar(4000)) AS [clr_name],
       CAST(NULL AS tinyint) AS [permission_set],
       CAST(NULL AS nvarchar(60)) AS [permission_set_desc],
       CAST(NULL AS bit) AS [is_visible],
       CAST(NULL AS datetime) AS [create_date],
       CAST(NULL AS datetime) AS [modify_date],
       CAST(NULL AS bit) AS [is_user_defined];
