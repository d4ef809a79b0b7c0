-- Runs after the environment checks and the CLR part, so a deploy that stops there leaves every job as it was.
-- Disable this database's CpOrders jobs (category CpOrders, steps running in this database), recording which were
-- enabled so that post-deploy re-enables exactly those. The decision rests on the jobs themselves (msdb), not on
-- woo.DeployJobState: an upgrade from a schema before that table existed still has jobs to disable. Their record goes
-- to woo.DeployJobState when it exists; otherwise (the model creates it later in this deploy) to a holding table
-- dbo.CpOrdersDeployJobStateCarry (not in the model), which post-deploy moves into woo.DeployJobState and drops.
-- Without access to msdb the jobs stay as they are: the applock above already keeps them out.
-- Prints each job it disables ("CpOrders pre-deploy: jobs: disabled ..."), or one "... jobs (...): no changes." line.
BEGIN TRY
    DECLARE @Jobs TABLE (job_id uniqueidentifier PRIMARY KEY, job_name sysname NOT NULL);
    INSERT INTO @Jobs (job_id, job_name)
    SELECT j.job_id, j.name
    FROM msdb.dbo.sysjobs AS j
    JOIN msdb.dbo.syscategories AS c ON c.category_id = j.category_id
    WHERE c.name = N'CpOrders' AND j.enabled = 1
      AND EXISTS (SELECT 1 FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = j.job_id AND s.database_name = DB_NAME());
    DECLARE @HasStateTable bit = CASE WHEN OBJECT_ID(N'woo.DeployJobState', N'U') IS NOT NULL THEN 1 ELSE 0 END;
    IF @HasStateTable = 0 AND EXISTS (SELECT 1 FROM @Jobs) AND OBJECT_ID(N'dbo.CpOrdersDeployJobStateCarry', N'U') IS NULL
    BEGIN
        EXEC (N'CREATE TABLE dbo.CpOrdersDeployJobStateCarry (JobId uniqueidentifier NOT NULL PRIMARY KEY, JobName sysname NOT NULL);');
        PRINT N'CpOrders pre-deploy: jobs: created dbo.CpOrdersDeployJobStateCarry to record the jobs disabled for this deploy (woo.DeployJobState does not exist yet; post-deploy moves the rows and drops it).';
    END;
    DECLARE @JobId uniqueidentifier, @JobName sysname, @Disabled int = 0;
    DECLARE job_cursor CURSOR LOCAL FAST_FORWARD FOR SELECT job_id, job_name FROM @Jobs;
    OPEN job_cursor;
    FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        IF @HasStateTable = 1
            EXEC sys.sp_executesql
                N'IF NOT EXISTS (SELECT 1 FROM woo.DeployJobState WHERE JobId = @JobId)
                      INSERT INTO woo.DeployJobState (JobId, JobName) VALUES (@JobId, @JobName);',
                N'@JobId uniqueidentifier, @JobName sysname', @JobId = @JobId, @JobName = @JobName;
        ELSE
            EXEC sys.sp_executesql
                N'IF NOT EXISTS (SELECT 1 FROM dbo.CpOrdersDeployJobStateCarry WHERE JobId = @JobId)
                      INSERT INTO dbo.CpOrdersDeployJobStateCarry (JobId, JobName) VALUES (@JobId, @JobName);',
                N'@JobId uniqueidentifier, @JobName sysname', @JobId = @JobId, @JobName = @JobName;
        EXEC msdb.dbo.sp_update_job @job_id = @JobId, @enabled = 0;
        SET @Disabled += 1;
        RAISERROR (N'CpOrders pre-deploy: jobs: disabled job %s for the deploy (post-deploy re-enables it).', 10, 1, @JobName) WITH NOWAIT;
        FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
    END;
    CLOSE job_cursor;
    DEALLOCATE job_cursor;
    IF @Disabled = 0
        PRINT N'CpOrders pre-deploy: jobs (no enabled CpOrders job of this database to disable): no changes.';
END TRY
BEGIN CATCH
    DECLARE @Msg nvarchar(2048) = ERROR_MESSAGE();
    SET @Msg = LEFT(@Msg, 1500);
    RAISERROR (N'CpOrders pre-deploy: jobs (WARNING: could not disable the CpOrders jobs: %s; the pipeline lock still keeps them out during the deploy): no changes.', 10, 1, @Msg) WITH NOWAIT;
END CATCH;
GO
