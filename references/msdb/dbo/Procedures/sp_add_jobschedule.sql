-- Signature of msdb.dbo.sp_add_jobschedule (SQL Server 2017). Stub body: never deployed.
CREATE PROCEDURE [dbo].[sp_add_jobschedule]
    @job_id uniqueidentifier = NULL,
    @job_name sysname = NULL,
    @name sysname,
    @enabled tinyint = 1,
    @freq_type int = 1,
    @freq_interval int = 0,
    @freq_subday_type int = 0,
    @freq_subday_interval int = 0,
    @freq_relative_interval int = 0,
    @freq_recurrence_factor int = 0,
    @active_start_date int = NULL,
    @active_end_date int = 99991231,
    @active_start_time int = 0,
    @active_end_time int = 235959,
    @schedule_id int = NULL OUTPUT,
    @automatic_post bit = 1,
    @schedule_uid uniqueidentifier = NULL OUTPUT
AS
RETURN 0;
