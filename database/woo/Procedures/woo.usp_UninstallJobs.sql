-- Removes the SQL Agent jobs of this CpOrders database and their schedules (issue 15 point 7). For a DBA (sysadmin);
-- granted to no role. The jobs are those of category CpOrders whose steps run in this database (as pre-deploy finds
-- them), and any job named as woo.fn_JobDefinitions names this database's jobs. msdb.dbo.sp_delete_job removes each
-- job with its steps, history and every schedule no other job uses (@delete_unused_schedule = 1). Jobs of other
-- CpOrders databases on the instance are left alone, and so is the category CpOrders (they may use it).
-- @Execute = 'N' lists the jobs it would remove and changes nothing.
CREATE PROCEDURE [woo].[usp_UninstallJobs]
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @Execute = 'Y' AND ISNULL(IS_SRVROLEMEMBER(N'sysadmin'), 0) <> 1
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-SYSADMIN: the CpOrders jobs are owned by the job login; only a sysadmin can delete them.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_UninstallJobs: no job was removed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50670, @All, 1;
    END;

    DECLARE @Jobs TABLE (JobId uniqueidentifier NOT NULL PRIMARY KEY, JobName sysname NOT NULL, Schedules int NOT NULL);
    INSERT INTO @Jobs (JobId, JobName, Schedules)
    SELECT j.job_id, j.name, (SELECT COUNT(*) FROM msdb.dbo.sysjobschedules AS js WHERE js.job_id = j.job_id)
    FROM msdb.dbo.sysjobs AS j
    WHERE (EXISTS (SELECT 1 FROM msdb.dbo.syscategories AS c WHERE c.category_id = j.category_id AND c.name = N'CpOrders')
           AND EXISTS (SELECT 1 FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = j.job_id AND s.database_name = DB_NAME()))
       OR EXISTS (SELECT 1 FROM woo.fn_JobDefinitions(30) AS d WHERE d.JobName = j.name);

    DECLARE @JobId uniqueidentifier, @JobName sysname, @Rc int, @Removed int = 0, @Msg nvarchar (2048);
    DECLARE job_cursor CURSOR LOCAL FAST_FORWARD FOR SELECT JobId, JobName FROM @Jobs ORDER BY JobName;
    OPEN job_cursor;
    FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        IF @Execute = 'Y'
        BEGIN
            EXEC @Rc = msdb.dbo.sp_delete_job @job_id = @JobId, @delete_history = 1, @delete_unused_schedule = 1;
            IF @Rc <> 0
            BEGIN
                SET @Msg = LEFT(N'CPO-JOBS-MSDB: msdb.dbo.sp_delete_job failed for job ' + @JobName + N' (see the message above); '
                                + CONVERT(nvarchar (10), @Removed) + N' job(s) were removed before it. Run woo.usp_UninstallJobs again.', 2048);
                THROW 50671, @Msg, 1;
            END;
            -- A job pre-deploy disabled is gone: nothing for post-deploy to re-enable.
            DELETE FROM woo.DeployJobState WHERE JobId = @JobId;
            SET @Removed += 1;
        END;
        SET @Msg = CASE WHEN @Execute = 'Y' THEN N'removed' ELSE N'would remove' END;
        RAISERROR (N'woo.usp_UninstallJobs: %s job %s and its unshared schedules.', 10, 1, @Msg, @JobName) WITH NOWAIT;
        FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    END;
    CLOSE job_cursor;
    DEALLOCATE job_cursor;

    SELECT j.JobName, j.Schedules, CASE WHEN @Execute = 'Y' THEN N'REMOVED' ELSE N'WOULD REMOVE' END AS [Action] FROM @Jobs AS j ORDER BY j.JobName;
    IF NOT EXISTS (SELECT 1 FROM @Jobs)
        RAISERROR (N'woo.usp_UninstallJobs: this database has no CpOrders job: no changes.', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
