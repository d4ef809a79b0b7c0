-- Signature of msdb.dbo.sp_update_jobstep (SQL Server 2017; parameter list from Microsoft's documentation of
-- sp_update_jobstep). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_update_jobstep]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @step_id int,
    @step_name sysname = NULL,
    @subsystem nvarchar(40) = NULL,
    @command nvarchar(max) = NULL,
    @additional_parameters nvarchar(max) = NULL,
    @cmdexec_success_code int = NULL,
    @on_success_action tinyint = NULL,
    @on_success_step_id int = NULL,
    @on_fail_action tinyint = NULL,
    @on_fail_step_id int = NULL,
    @server sysname = NULL,
    @database_name sysname = NULL,
    @database_user_name sysname = NULL,
    @retry_attempts int = NULL,
    @retry_interval int = NULL,
    @os_run_priority int = NULL,
    @output_file_name nvarchar(200) = NULL,
    @flags int = NULL,
    @proxy_id int = NULL,
    @proxy_name sysname = NULL
AS
RETURN 0;
