-- Signature of msdb.dbo.sp_delete_job (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_delete_job]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @originating_server sysname = NULL,
    @delete_history bit = 1,
    @delete_unused_schedule bit = 1
AS
RETURN 0;
