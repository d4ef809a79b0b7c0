-- Signature of msdb.dbo.sp_add_category (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_add_category]
    @class varchar(8) = 'JOB',
    @type varchar(12) = 'LOCAL',
    @name sysname
AS
RETURN 0;
