-- Signature of msdb.dbo.sp_update_schedule (SQL Server 2017; Microsoft's documentation of sp_update_schedule).
-- Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_update_schedule]
    @schedule_id int = NULL,
    @name sysname = NULL,
    @new_name sysname = NULL,
    @enabled tinyint = NULL,
    @freq_type int = NULL,
    @freq_interval int = NULL,
    @freq_subday_type int = NULL,
    @freq_subday_interval int = NULL,
    @freq_relative_interval int = NULL,
    @freq_recurrence_factor int = NULL,
    @active_start_date int = NULL,
    @active_end_date int = NULL,
    @active_start_time int = NULL,
    @active_end_time int = NULL,
    @owner_login_name sysname = NULL,
    @automatic_post bit = 1
AS
RETURN 0;
