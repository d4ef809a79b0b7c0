-- Signature of msdb.dbo.sp_update_job (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_update_job]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @new_name sysname = NULL,
    @enabled tinyint = NULL,
    @description nvarchar(512) = NULL,
    @start_step_id int = NULL,
    @category_name sysname = NULL,
    @owner_login_name sysname = NULL,
    @notify_level_eventlog int = NULL,
    @notify_level_email int = NULL,
    @notify_level_netsend int = NULL,
    @notify_level_page int = NULL,
    @notify_email_operator_name sysname = NULL,
    @notify_netsend_operator_name sysname = NULL,
    @notify_page_operator_name sysname = NULL,
    @delete_level int = NULL,
    @automatic_post bit = 1
AS
RETURN 0;
