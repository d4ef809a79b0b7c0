-- sys.dm_os_host_info (SQL Server 2017+). Signature stub: never deployed.
CREATE VIEW [sys].[dm_os_host_info]
AS
SELECT CAST(NULL AS nvarchar(256)) AS [host_platform],
       CAST(NULL AS nvarchar(256)) AS [host_distribution],
       CAST(NULL AS nvarchar(256)) AS [host_release],
       CAST(NULL AS nvarchar(256)) AS [host_service_pack_level],
       CAST(NULL AS int) AS [host_sku],
       CAST(NULL AS int) AS [os_language_version];
