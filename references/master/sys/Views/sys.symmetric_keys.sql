-- sys.symmetric_keys (SQL Server 2017), the columns CpOrders reads. Signature stub: never deployed.
CREATE VIEW [sys].[symmetric_keys]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS int) AS [principal_id],
       CAST(NULL AS int) AS [symmetric_key_id],
       CAST(NULL AS int) AS [key_length],
       CAST(NULL AS char(2)) AS [key_algorithm],
       CAST(NULL AS nvarchar(60)) AS [algorithm_desc],
       CAST(NULL AS datetime) AS [create_date],
       CAST(NULL AS datetime) AS [modify_date],
       CAST(NULL AS uniqueidentifier) AS [key_guid];
