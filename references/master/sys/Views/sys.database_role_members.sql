-- sys.database_role_members (SQL Server 2017). Signature stub: never deployed.
CREATE VIEW [sys].[database_role_members]
AS
SELECT CAST(NULL AS int) AS [role_principal_id],
       CAST(NULL AS int) AS [member_principal_id];
