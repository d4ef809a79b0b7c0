-- sys.databases (SQL Server 2017), the columns CpOrders reads. Signature stub: never deployed.
CREATE VIEW [sys].[databases]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS int) AS [database_id],
       CAST(NULL AS datetime) AS [create_date],
       CAST(NULL AS tinyint) AS [compatibility_level],
       CAST(NULL AS sysname) AS [collation_name],
       CAST(NULL AS tinyint) AS [state],
       CAST(NULL AS nvarchar(60)) AS [state_desc],
       CAST(NULL AS bit) AS [is_trustworthy_on],
       CAST(NULL AS bit) AS [is_db_chaining_on],
       CAST(NULL AS bit) AS [is_master_key_encrypted_by_server],
       CAST(NULL AS bit) AS [is_broker_enabled];
