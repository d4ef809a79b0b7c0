-- Signature of msdb.dbo.sp_delete_jobstep (SQL Server 2017; Microsoft's documentation of sp_delete_jobstep).
-- Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_delete_jobstep]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @step_id int
AS
RETURN 0;
