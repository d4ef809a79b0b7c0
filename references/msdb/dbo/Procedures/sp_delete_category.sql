-- Signature of msdb.dbo.sp_delete_category (SQL Server 2017; Microsoft's documentation of sp_delete_category).
-- Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_delete_category]
    @class varchar(8),
    @name sysname
AS
RETURN 0;
