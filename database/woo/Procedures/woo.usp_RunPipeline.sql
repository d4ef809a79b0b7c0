-- Runs the CpOrders pipeline (design 8, issue 15 point 7): the one entry point every scheduler calls (the SQL Agent
-- jobs of woo.usp_InstallJobs, or Windows Task Scheduler with sqlcmd on Express: woo.usp_ScriptTaskScheduler).
-- @Steps NULL runs the pipeline's steps in order: pull (per enabled store) -> process -> push updates -> fulfillment
-- -> stock (per enabled store with an enabled stock rule); or name steps, e.g. 'CATALOG' (hourly job) or
-- 'CATALOG_FULL,STOCK' (nightly job); they run in the order of @StepList, whatever the order named.
-- Each step runs in its own TRY/CATCH: a failure is recorded and the later steps still run (they are independent:
-- each reads its own queue or state); the step procedures write their own woo.RunLog rows. This run writes one row,
-- Step PIPELINE, whose Details list every step's outcome; if any step FAILED (it raised an error, or its own RunLog
-- row says FAILED) the run ends with THROW, so an Agent job step (and sqlcmd -b) reports the failure.
-- Guards (sp_getapplock, Session owner, timeout 0, a logged skip - never a wait): a deploy holding 'CpOrders.Pipeline'
-- (PreDeploy/20.PipelineLock.sql) skips the whole run; the run holds 'CpOrders.RunPipeline[:steps]' Exclusive, so two
-- runs of the same steps never overlap (a run still busy when the next is due: the next is SKIPPED). The lock is named
-- after the steps selected, not the text of @Steps ('CpOrders.RunPipeline' for the pipeline's own steps, however
-- named); @StoreId is not in it: a manual run for one store and the scheduled run of the same steps never overlap.
-- A lock held too long is not skipped silently: when the runs of these steps have been RUNNING or SKIPPED (lock held)
-- for longer than RunLimitMinutes (woo.AlertSettings, default 30) since the last run that ended, the skip raises the
-- WARNING alert CPO-PIPELINE-STUCK (woo.usp_RaiseAlert: one open alert with a count, sent by the digest) and ends with
-- THROW 50653 (the job step fails; no Agent notification: woo.usp_InstallJobs). Typical cause: a session that ran
-- woo.usp_RunPipeline and was cancelled (an attention is not caught by TRY/CATCH) keeps its Session locks until it
-- disconnects; the alert says how to find it.
-- A step's error that bypasses the step's own CATCH (caught here) may leave the step's Session locks held: the CATCH
-- below releases 'CpOrders.Pipeline' and the steps' own locks, so one failure never stops the later steps or runs.
-- @Execute = 'N' calls every step with @Execute = 'N' (each reads and shows what it would do, and writes nothing),
-- writes no run log and takes no lock, and returns the list of steps with their outcomes.
-- Never inside a transaction (the steps call HTTP, design 4).
CREATE PROCEDURE [woo].[usp_RunPipeline]
    @StoreId varchar (10) = NULL,   -- NULL = every enabled store
    @Steps   varchar (400) = NULL,  -- NULL = the pipeline (InPipeline = 'Y'); else a comma-separated list of step names
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    -- The steps, in run order. Scope: STORE = once per enabled store (or @StoreId); STOCK = the same, only stores with an
    -- enabled woo.StockRule; ALL = once, passing @StoreId (NULL = every store); NONE = once, without a store.
    -- RunLogStep: the Step its procedure writes to woo.RunLog. A new step: one row here and one ELSE IF line below.
    DECLARE @StepList TABLE (Seq int NOT NULL PRIMARY KEY, Step varchar (40) NOT NULL UNIQUE, RunLogStep varchar (40) NOT NULL,
                             Scope varchar (10) NOT NULL, InPipeline char (1) NOT NULL);
    INSERT INTO @StepList (Seq, Step, RunLogStep, Scope, InPipeline)
    VALUES (10, 'PULL', 'PULL', 'STORE', 'Y'),
           (20, 'PROCESS', 'PROCESS', 'ALL', 'Y'),
           (30, 'PUSH_UPDATES', 'PUSH_UPDATES', 'ALL', 'Y'),
           (40, 'FULFILLMENT', 'FULFILLMENT', 'ALL', 'Y'),
           (45, 'CATALOG', 'CATALOG', 'STOCK', 'N'),
           (46, 'CATALOG_FULL', 'CATALOG', 'STOCK', 'N'),
           (50, 'STOCK', 'STOCK', 'STOCK', 'Y'),
           (70, 'RECONCILE', 'RECONCILE', 'STORE', 'N');

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Selected TABLE (Step varchar (400) NOT NULL PRIMARY KEY);   -- the parameter's size: a long name gets the collected message
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @StoreId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + @StoreId + N''' is not a store (woo.usp_SetStore).');
    IF EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId AND s.IsEnabled = 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' is disabled (woo.usp_SetStore @IsEnabled = ''Y'').');
    IF @Steps IS NULL
        INSERT INTO @Selected (Step) SELECT l.Step FROM @StepList AS l WHERE l.InPipeline = 'Y';
    ELSE
    BEGIN
        INSERT INTO @Selected (Step)
        SELECT DISTINCT UPPER(LTRIM(RTRIM(x.value))) FROM STRING_SPLIT(@Steps, ',') AS x WHERE LTRIM(RTRIM(x.value)) <> '';
        INSERT INTO @Errors ([Message])
        SELECT N'@Steps names ' + x.Step + N', which is not a step; the steps are: '
               + (SELECT STRING_AGG(l.Step, ', ') WITHIN GROUP (ORDER BY l.Seq) FROM @StepList AS l) + N'.'
        FROM @Selected AS x WHERE NOT EXISTS (SELECT 1 FROM @StepList AS l WHERE l.Step = x.Step);
        IF NOT EXISTS (SELECT 1 FROM @Selected)
            INSERT INTO @Errors ([Message]) VALUES (N'@Steps names no step (NULL runs the pipeline).');
    END;
    IF @@TRANCOUNT > 0
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-TRANSACTION: woo.usp_RunPipeline runs its steps outside any transaction (they call the shop); call it with none open.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_RunPipeline: nothing was run; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50650, @All, 1;
    END;

    -- The work: one item per step and store, in run order.
    DECLARE @Work TABLE (WorkId int IDENTITY (1, 1) NOT NULL PRIMARY KEY, Step varchar (40) NOT NULL, RunLogStep varchar (40) NOT NULL,
                         StoreId varchar (10) NULL, Outcome varchar (10) NULL, ErrorMessage nvarchar (2048) NULL);
    INSERT INTO @Work (Step, RunLogStep, StoreId)
    SELECT w.Step, w.RunLogStep, w.StoreId
    FROM (SELECT l.Seq, l.Step, l.RunLogStep, s.StoreId
          FROM @StepList AS l
          JOIN @Selected AS x ON x.Step = l.Step
          JOIN woo.Store AS s ON s.IsEnabled = 'Y' AND (@StoreId IS NULL OR s.StoreId = @StoreId)
          WHERE l.Scope = 'STORE'
             OR (l.Scope = 'STOCK' AND EXISTS (SELECT 1 FROM woo.StockRule AS r WHERE r.StoreId = s.StoreId AND r.IsEnabled = 'Y'))
          UNION ALL
          SELECT l.Seq, l.Step, l.RunLogStep, CASE WHEN l.Scope = 'ALL' THEN @StoreId END
          FROM @StepList AS l
          JOIN @Selected AS x ON x.Step = l.Step
          WHERE l.Scope IN ('ALL', 'NONE')) AS w
    ORDER BY w.Seq, w.StoreId;

    DECLARE @StepNames varchar (400) = (SELECT STRING_AGG(l.Step, ',') WITHIN GROUP (ORDER BY l.Seq) FROM @StepList AS l JOIN @Selected AS x ON x.Step = l.Step);
    DECLARE @PipelineSteps varchar (400) = (SELECT STRING_AGG(l.Step, ',') WITHIN GROUP (ORDER BY l.Seq) FROM @StepList AS l WHERE l.InPipeline = 'Y');
    DECLARE @LockName nvarchar (255) = LEFT(N'CpOrders.RunPipeline' + CASE WHEN @StepNames = @PipelineSteps THEN N'' ELSE N':' + @StepNames END, 255);
    -- Held by this session before the run (a caller's own hold): never released by the step cleanup below.
    DECLARE @PipelineHeldBefore bit = CASE WHEN APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock' THEN 1 ELSE 0 END,
            @RunLimit int, @StreakFrom datetime2 (3), @Leaked nvarchar (255), @Releases int;
    DECLARE @Started datetime2 (3) = SYSUTCDATETIME(), @RunId bigint, @Msg nvarchar (2048), @LockResult int, @HoldsLock bit = 0,
            @WorkId int, @Step varchar (40), @RunLogStep varchar (40), @ItemStore varchar (10), @Mark bigint, @Outcome varchar (10),
            @StepError nvarchar (2048), @Failed int, @Total int, @PipelineOutcome varchar (10), @Details nvarchar (max);
    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            -- Details carry the steps from the start, so a skip can find the runs of the same steps (the stuck check).
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun, Details)
            VALUES ('PIPELINE', @StoreId, @Started, 'RUNNING', 'N', (SELECT @StepNames AS steps FOR JSON PATH, WITHOUT_ARRAY_WRAPPER));
            SET @RunId = SCOPE_IDENTITY();
            -- A deploy holds 'CpOrders.Pipeline' Exclusive: skip the whole run (each step would only log its own skip).
            IF APPLOCK_TEST(N'public', N'CpOrders.Pipeline', N'Shared', N'Session') = 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-BUSY: a deploy holds the CpOrders pipeline lock; this run is skipped. The next scheduled run goes on.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
            EXEC @LockResult = sys.sp_getapplock @Resource = @LockName, @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult < 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-RUNNING: another run of ' + ISNULL(@StepNames, N'?') + N' still holds ' + @LockName + N' (sp_getapplock returned '
                         + CONVERT(nvarchar (10), @LockResult) + N'); this run is skipped. If this repeats, a run is slow or hangs: see woo.RunLog.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-RUNNING', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                -- Held too long? The streak: the runs of these steps since the last one that ended (OK, WARNING, FAILED, or
                -- skipped for another reason), all RUNNING or skipped because the lock was held; it began at the oldest.
                SET @RunLimit = ISNULL((SELECT s.RunLimitMinutes FROM woo.AlertSettings AS s), 30);
                SET @StreakFrom = (SELECT MIN(r.StartedAtUtc) FROM woo.RunLog AS r
                                   WHERE r.Step = 'PIPELINE' AND CASE WHEN ISJSON(r.Details) = 1 THEN JSON_VALUE(r.Details, N'$.steps') END = @StepNames
                                     AND r.RunId > ISNULL((SELECT MAX(e.RunId) FROM woo.RunLog AS e
                                                           WHERE e.Step = 'PIPELINE' AND CASE WHEN ISJSON(e.Details) = 1 THEN JSON_VALUE(e.Details, N'$.steps') END = @StepNames
                                                             AND e.Outcome <> 'RUNNING' AND ISNULL(e.ErrorCode, '') NOT IN ('CPO-PIPELINE-RUNNING', 'CPO-PIPELINE-STUCK')), 0));
                IF @StreakFrom < DATEADD(MINUTE, -@RunLimit, SYSUTCDATETIME())
                BEGIN
                    SET @Msg = LEFT(CONCAT(N'CPO-PIPELINE-STUCK: ', @LockName, N' has been held for ', DATEDIFF(MINUTE, @StreakFrom, SYSUTCDATETIME()),
                                           N' minutes (limit RunLimitMinutes = ', @RunLimit, N'); every scheduled run of ', @StepNames,
                                           N' since then was skipped, so orders are not moving. Either a run hangs, or a session that ran woo.usp_RunPipeline ',
                                           N'was cancelled and still holds the lock while idle (SSMS, a client timeout). Find it: SELECT request_session_id FROM ',
                                           N'sys.dm_tran_locks WHERE resource_type = ''APPLICATION'' AND resource_description LIKE ''%CpOrders.RunPipeline%''; ',
                                           N'if that session runs nothing (sys.dm_exec_requests), close it or KILL it; the next run goes on.'), 2048);
                    UPDATE r SET r.ErrorCode = 'CPO-PIPELINE-STUCK', r.ErrorMessage = @Msg FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                    EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PIPELINE-STUCK', @Message = @Msg, @RunId = @RunId;
                    THROW 50653, @Msg, 1;
                END;
                RETURN 0;
            END;
            SET @HoldsLock = 1;
        END;
        SET @Msg = CONCAT(N'woo.usp_RunPipeline: ', (SELECT COUNT(*) FROM @Work), N' step run(s) of ', @StepNames, N' for ',
                          ISNULL(N'store ' + @StoreId, N'every enabled store'), CASE WHEN @Execute = 'N' THEN N' (dry run: nothing is written)' END, N'.');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;

        SET @WorkId = 0;
        WHILE 1 = 1
        BEGIN
            SELECT TOP (1) @WorkId = w.WorkId, @Step = w.Step, @RunLogStep = w.RunLogStep, @ItemStore = w.StoreId
            FROM @Work AS w WHERE w.WorkId > @WorkId ORDER BY w.WorkId;
            IF @@ROWCOUNT = 0
                BREAK;
            SELECT @Outcome = NULL, @StepError = NULL, @Mark = ISNULL((SELECT MAX(r.RunId) FROM woo.RunLog AS r), 0);
            BEGIN TRY
                IF @Step = 'PULL'
                    EXEC woo.usp_PullOrders @StoreId = @ItemStore, @Execute = @Execute;
                ELSE IF @Step = 'PROCESS'
                    EXEC woo.usp_ProcessStagedOrders @StoreId = @ItemStore, @Execute = @Execute;
                ELSE IF @Step = 'PUSH_UPDATES'
                    EXEC woo.usp_PushUpdates @StoreId = @ItemStore, @Execute = @Execute;
                ELSE IF @Step = 'FULFILLMENT'
                    EXEC woo.usp_SyncFulfillment @StoreId = @ItemStore, @Execute = @Execute;
                ELSE IF @Step = 'RECONCILE'
                    EXEC woo.usp_Reconcile @StoreId = @ItemStore, @Execute = @Execute;   -- yesterday (UTC), the daily report
                ELSE IF @Step = 'CATALOG'
                    EXEC woo.usp_ReadCatalog @StoreId = @ItemStore, @Full = 'N', @Execute = @Execute;
                ELSE IF @Step = 'CATALOG_FULL'
                    EXEC woo.usp_ReadCatalog @StoreId = @ItemStore, @Full = 'Y', @Execute = @Execute;
                ELSE IF @Step = 'STOCK'
                    EXEC woo.usp_PushStock @StoreId = @ItemStore, @Execute = @Execute;
                ELSE
                    THROW 50651, N'CPO-PIPELINE-STEP: the step is listed in @StepList but woo.usp_RunPipeline has no call for it.', 1;
                -- The step's own verdict: the worst outcome of the run log rows it wrote (a pull that ended on an error row
                -- logs FAILED without raising). No row (a dry run): OK.
                SELECT @Outcome = CASE MAX(CASE r.Outcome WHEN 'FAILED' THEN 4 WHEN 'RUNNING' THEN 3 WHEN 'WARNING' THEN 2 WHEN 'OK' THEN 1 ELSE 0 END)
                                      WHEN 4 THEN 'FAILED' WHEN 3 THEN 'WARNING' WHEN 2 THEN 'WARNING' WHEN 1 THEN 'OK' WHEN 0 THEN 'SKIPPED' END,
                       @StepError = MAX(r.ErrorMessage)
                FROM woo.RunLog AS r
                WHERE r.RunId > @Mark AND r.Step = @RunLogStep AND (@ItemStore IS NULL OR r.StoreId = @ItemStore);
                SET @Outcome = ISNULL(@Outcome, 'OK');
            END TRY
            BEGIN CATCH
                -- XACT_ABORT: a transaction the step left open is doomed; roll it back before anything is written, so every
                -- later step starts with @@TRANCOUNT = 0.
                IF @@TRANCOUNT > 0
                    ROLLBACK TRANSACTION;
                SET @Outcome = 'FAILED';
                SET @StepError = LEFT(CONCAT(ERROR_MESSAGE(), N' (error ', ERROR_NUMBER(), N' in ', ISNULL(ERROR_PROCEDURE(), N'?'), N' line ', ERROR_LINE(), N')'), 2048);
                -- An error that bypassed the step's own CATCH may leave its Session locks held (a Session lock outlives the
                -- procedure): release the step's own locks (per store) and every hold of 'CpOrders.Pipeline' this run did
                -- not hold before (this procedure only tests it). Counted locks: release until none is left.
                IF @Execute = 'Y'
                BEGIN
                    DECLARE leaked_cursor CURSOR LOCAL FAST_FORWARD FOR
                        SELECT n.LockName
                        FROM (SELECT CONVERT(nvarchar (255), N'CpOrders.SyncFulfillment') AS LockName
                              UNION ALL
                              SELECT CONVERT(nvarchar (255), p.Prefix + s.StoreId)
                              FROM woo.Store AS s
                              CROSS JOIN (VALUES (N'CpOrders.PushUpdates:'), (N'CpOrders.PushStock:'), (N'CpOrders.ReadCatalog:'), (N'CpOrders.Reconcile:')) AS p (Prefix)
                              UNION ALL
                              SELECT N'CpOrders.Pipeline' WHERE @PipelineHeldBefore = 0) AS n
                        WHERE APPLOCK_MODE(N'public', n.LockName, N'Session') <> N'NoLock';
                    OPEN leaked_cursor;
                    FETCH NEXT FROM leaked_cursor INTO @Leaked;
                    WHILE @@FETCH_STATUS = 0
                    BEGIN
                        SET @Releases = 0;
                        WHILE APPLOCK_MODE(N'public', @Leaked, N'Session') <> N'NoLock' AND @Releases < 100
                        BEGIN
                            EXEC sys.sp_releaseapplock @Resource = @Leaked, @LockOwner = N'Session', @DbPrincipal = N'public';
                            SET @Releases += 1;
                        END;
                        SET @StepError = LEFT(CONCAT(@StepError, N' [released ', @Leaked, N' the step left held]'), 2048);
                        FETCH NEXT FROM leaked_cursor INTO @Leaked;
                    END;
                    CLOSE leaked_cursor;
                    DEALLOCATE leaked_cursor;
                END;
            END CATCH;
            UPDATE @Work SET Outcome = @Outcome, ErrorMessage = CASE WHEN @Outcome <> 'OK' THEN @StepError END WHERE WorkId = @WorkId;
            SET @Msg = CONCAT(N'woo.usp_RunPipeline: ', @Step, ISNULL(N' store ' + @ItemStore, N''), N': ', @Outcome,
                              CASE WHEN @Outcome IN ('FAILED', 'WARNING', 'SKIPPED') THEN N': ' + ISNULL(@StepError, N'see woo.RunLog') END, N'.');
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
        END;

        SELECT @Failed = COUNT(CASE WHEN w.Outcome = 'FAILED' THEN 1 END), @Total = COUNT(*) FROM @Work AS w;
        SET @PipelineOutcome = CASE WHEN @Failed > 0 THEN 'FAILED'
                                    WHEN EXISTS (SELECT 1 FROM @Work AS w WHERE w.Outcome = 'WARNING') THEN 'WARNING'
                                    WHEN @Total > 0 AND NOT EXISTS (SELECT 1 FROM @Work AS w WHERE w.Outcome <> 'SKIPPED') THEN 'SKIPPED'
                                    ELSE 'OK' END;
        SET @Details = (SELECT w.Step AS step, w.StoreId AS store_id, w.Outcome AS outcome, w.ErrorMessage AS error
                        FROM @Work AS w ORDER BY w.WorkId FOR JSON PATH, INCLUDE_NULL_VALUES);
        IF @Execute = 'Y'
        BEGIN
            UPDATE r
            SET EndedAtUtc = SYSUTCDATETIME(), Outcome = @PipelineOutcome,
                ErrorCode = CASE WHEN @Failed > 0 THEN 'CPO-PIPELINE-FAILED' END,
                ErrorMessage = CASE WHEN @Failed > 0 THEN CONCAT(@Failed, N' of ', @Total, N' step run(s) failed; see Details.') END,
                Details = (SELECT @StepNames AS steps, JSON_QUERY(ISNULL(@Details, N'[]')) AS runs FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            EXEC sys.sp_releaseapplock @Resource = @LockName, @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @HoldsLock = 0;
        END
        ELSE
            SELECT w.Step, w.StoreId, w.Outcome, w.ErrorMessage FROM @Work AS w ORDER BY w.WorkId;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        IF @HoldsLock = 1
        BEGIN
            BEGIN TRY
                EXEC sys.sp_releaseapplock @Resource = @LockName, @LockOwner = N'Session', @DbPrincipal = N'public';
            END TRY
            BEGIN CATCH
                SET @HoldsLock = 0; -- the connection's end releases it
            END CATCH;
        END;
        IF @RunId IS NOT NULL
        BEGIN
            SET @Msg = LEFT(ERROR_MESSAGE(), 2048);
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-PIPELINE-ERROR', ErrorMessage = @Msg,
                         Details = (SELECT @StepNames AS steps,
                                           JSON_QUERY(ISNULL((SELECT w.Step AS step, w.StoreId AS store_id, w.Outcome AS outcome, w.ErrorMessage AS error
                                                              FROM @Work AS w ORDER BY w.WorkId FOR JSON PATH, INCLUDE_NULL_VALUES), N'[]')) AS runs
                                    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
            FROM woo.RunLog AS r WHERE r.RunId = @RunId
              AND ISNULL(r.ErrorCode, '') <> 'CPO-PIPELINE-STUCK';   -- a stuck skip's THROW keeps its row SKIPPED
        END;
        THROW;
    END CATCH;

    SET @Msg = CONCAT(N'woo.usp_RunPipeline: ', @PipelineOutcome, N'; ', @Total - @Failed, N' of ', @Total, N' step run(s) did not fail',
                      CASE WHEN @Execute = 'Y' THEN CONCAT(N' (run ', @RunId, N')') ELSE N' (dry run)' END, N' in ',
                      DATEDIFF(MILLISECOND, @Started, SYSUTCDATETIME()), N' ms.');
    RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    IF @Failed > 0
    BEGIN
        SET @Msg = LEFT(CONCAT(N'CPO-PIPELINE-FAILED: ', @Failed, N' of ', @Total, N' step run(s) failed: ',
                               (SELECT STRING_AGG(CONVERT(nvarchar (max), CONCAT(w.Step, ISNULL(N' ' + w.StoreId, N''), N' (', LEFT(w.ErrorMessage, 200), N')')), N'; ')
                                       WITHIN GROUP (ORDER BY w.WorkId)
                                FROM @Work AS w WHERE w.Outcome = 'FAILED'),
                               N'. The other steps ran; see woo.RunLog', ISNULL(N' ' + CONVERT(nvarchar (20), @RunId), N''), N'.'), 2048);
        THROW 50652, @Msg, 1;
    END;
    RETURN 0;
END;
