-- Re-enables the CpOrders jobs that pre-deploy disabled (woo.DeployJobState) and empties that list.
-- Post-deploy calls it; after a failed deploy a DBA runs it by hand (README, Recovery). @Execute = 'N' only shows.
CREATE PROCEDURE [woo].[usp_RestoreJobsAfterDeploy]
    @Execute char(1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        THROW 50111, N'CPO-PARAM: @Execute must be ''Y'' or ''N''.', 1;

    DECLARE @JobId uniqueidentifier, @JobName sysname, @Restored int = 0, @Gone int = 0;
    DECLARE job_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT s.JobId, s.JobName FROM woo.DeployJobState AS s ORDER BY s.JobName;
    OPEN job_cursor;
    FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysjobs AS j WHERE j.job_id = @JobId)
        BEGIN
            SET @Gone += 1;
            RAISERROR (N'Job %s no longer exists; forgetting it.', 10, 1, @JobName) WITH NOWAIT;
            IF @Execute = 'Y'
                DELETE FROM woo.DeployJobState WHERE JobId = @JobId;
        END
        ELSE
        BEGIN
            RAISERROR (N'%s job %s.', 10, 1, N'Re-enabling', @JobName) WITH NOWAIT;
            IF @Execute = 'Y'
            BEGIN
                EXEC msdb.dbo.sp_update_job @job_id = @JobId, @enabled = 1;
                DELETE FROM woo.DeployJobState WHERE JobId = @JobId;
            END;
            SET @Restored += 1;
        END;
        FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    END;
    CLOSE job_cursor;
    DEALLOCATE job_cursor;

    IF @Restored + @Gone = 0
        RAISERROR (N'No CpOrders job was waiting to be re-enabled.', 10, 1) WITH NOWAIT;
    ELSE
    BEGIN
        DECLARE @Verb nvarchar(60) = CASE WHEN @Execute = 'Y' THEN N're-enabled' ELSE N'would be re-enabled (@Execute = N)' END;
        RAISERROR (N'%d job(s) %s, %d forgotten.', 10, 1, @Restored, @Verb, @Gone) WITH NOWAIT;
    END;
    RETURN 0;
END;
