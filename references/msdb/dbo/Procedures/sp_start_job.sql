-- Signature of msdb.dbo.sp_start_job (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_start_job]
    @job_name sysname = NULL,
    @job_id uniqueidentifier = NULL,
    @error_flag int = 1,
    @server_name sysname = NULL,
    @step_name sysname = NULL,
    @output_flag int = 1
AS
RETURN 0;
