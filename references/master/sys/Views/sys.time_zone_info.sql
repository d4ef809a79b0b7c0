-- sys.time_zone_info (SQL Server 2016+; Microsoft, "sys.time_zone_info (Transact-SQL)"). Signature stub: never deployed.
-- Read by woo.usp_SetStore to check a store's Windows time-zone name (any user with CONNECT may read it).
CREATE VIEW [sys].[time_zone_info]
AS
SELECT CAST(NULL AS sysname) AS [name],
       CAST(NULL AS nvarchar(12)) AS [current_utc_offset],
       CAST(NULL AS bit) AS [is_currently_dst];
