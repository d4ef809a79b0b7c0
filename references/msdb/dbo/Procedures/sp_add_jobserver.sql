-- Signature of msdb.dbo.sp_add_jobserver (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_add_jobserver]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @server_name sysname = NULL,
    @automatic_post bit = 1
AS
RETURN 0;
