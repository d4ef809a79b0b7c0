-- sys.database_principals (SQL Server 2017), the columns CpOrders reads. Signature stub: never deployed.
CREATE VIEW [sys].[database_principals]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS int) AS [principal_id],
       CAST(NULL AS char(1)) AS [type],
       CAST(NULL AS nvarchar(60)) AS [type_desc],
       CAST(NULL AS varbinary(85)) AS [sid],
       CAST(NULL AS bit) AS [is_fixed_role];
