-- Looks for what a person must know and raises it through woo.usp_RaiseAlert (one open alert per problem, each saying
-- what to do; woo.usp_SendAlertDigest mails them): dead letters (woo.OrderQueue and woo.Outbox DEAD, each announced
-- once: woo.AlertSeenItem), stale queues (PENDING/RETRY due for longer than StaleQueueMinutes / StaleOutboxMinutes),
-- failing steps (the last FailedRunsInARow runs of a step FAILED), runs still RUNNING after RunLimitMinutes, SQL Agent
-- jobs of JobCategory running longer than JobLimitMinutes (msdb, where the caller may read it; otherwise "not
-- checked" in the run log, never a failure), and what woo.usp_CheckInstall fails (clr enabled, the trust entry, the
-- CLR answering, signatures, grants: one CRITICAL CPO-INSTALL; reused, not repeated here). Thresholds:
-- woo.AlertSettings. The AlertDigest job calls it through woo.usp_SendAlertDigest @Check = 'Y' with @Force = 'Y' (the job
-- is the scheduler); any other caller checks at most every CheckEveryMinutes (less 30 seconds of start-time jitter;
-- @Force = 'Y' checks now). One woo.RunLog row (ALERT_CHECK) per check. @Execute = 'N' lists what it would raise, writes nothing.
CREATE PROCEDURE [woo].[usp_CheckAlerts]
    @Force   char (1) = 'N',
    @Execute char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @Force IS NULL OR @Force NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Force must be Y or N.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_CheckAlerts: nothing was checked; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50631, @All, 1;
    END;

    DECLARE @Now datetime2 (3) = SYSUTCDATETIME();
    DECLARE @StaleQueue int, @StaleOutbox int, @FailedInARow int, @RunLimit int, @JobLimit int, @JobCategory sysname, @Every int;
    SELECT @StaleQueue = s.StaleQueueMinutes, @StaleOutbox = s.StaleOutboxMinutes, @FailedInARow = s.FailedRunsInARow, @RunLimit = s.RunLimitMinutes,
           @JobLimit = s.JobLimitMinutes, @JobCategory = s.JobCategory, @Every = s.CheckEveryMinutes
    FROM woo.AlertSettings AS s;

    -- Without @Force the checks run at most every @Every minutes, less 30 seconds: a schedule of exactly @Every minutes
    -- starts each run a little earlier or later within its second than the last, and must not skip every other check.
    IF @Execute = 'Y' AND @Force = 'N' AND @Every > 0
       AND EXISTS (SELECT 1 FROM woo.RunLog AS r
                   WHERE r.Step = 'ALERT_CHECK' AND r.StartedAtUtc > DATEADD(SECOND, 30 - 60 * @Every, @Now) AND r.Outcome IN ('RUNNING', 'OK', 'WARNING'))
        RETURN 0;

    DECLARE @Found TABLE (Id int IDENTITY (1, 1) NOT NULL, Severity varchar (10) NOT NULL, Code varchar (40) NOT NULL, StoreId varchar (10) NULL,
                          RunId bigint NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @NewDead TABLE (Code varchar (40) NOT NULL, ItemId bigint NOT NULL, StoreId varchar (10) NOT NULL, PRIMARY KEY (Code, ItemId));
    -- Step names woo.RunLog knows (woo.RunLog.sql): read per name so each read seeks IX_RunLog_Step (Step, StartedAtUtc).
    DECLARE @Steps TABLE (Step varchar (40) NOT NULL PRIMARY KEY);
    INSERT INTO @Steps (Step)
    VALUES ('PULL'), ('PROCESS'), ('CATALOG'), ('STOCK'), ('PUSH_UPDATES'), ('FULFILLMENT'), ('RECONCILE'), ('ALERT_DIGEST'), ('HOUSEKEEPING'),
           ('PIPELINE'), ('PURGE'), ('MIGRATE'), ('ALERT_CHECK');
    DECLARE @Since datetime2 (3) = DATEADD(DAY, -7, @Now);
    DECLARE @RunId bigint, @LockResult int, @HoldsLock bit = 0, @HoldsOwn bit = 0, @Msg nvarchar (2048), @JobCheck nvarchar (2048), @InstallCheck nvarchar (2048);

    BEGIN TRY
        IF @Execute = 'Y'
        BEGIN
            INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('ALERT_CHECK', NULL, @Now, 'RUNNING', 'N');
            SET @RunId = SCOPE_IDENTITY();
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
            BEGIN
                SET @HoldsLock = 1;
                EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.AlertCheck', @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                     @LockTimeout = 0, @DbPrincipal = N'public';
                IF @LockResult >= 0
                    SET @HoldsOwn = 1;
            END;
            IF @HoldsOwn = 0
            BEGIN
                SET @Msg = N'CPO-PIPELINE-BUSY: a deploy or another check holds its lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                         + N'); this check is skipped. The next run goes on.';
                UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
                FROM woo.RunLog AS r WHERE r.RunId = @RunId;
                IF @HoldsLock = 1
                    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
                RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
                RETURN 0;
            END;
        END;

        -- 1. Dead letters not announced yet (an item leaves woo.AlertSeenItem when it is no longer DEAD, below).
        INSERT INTO @NewDead (Code, ItemId, StoreId)
        SELECT 'CPO-QUEUE-DEAD', q.QueueId, q.StoreId
        FROM woo.OrderQueue AS q
        WHERE q.[State] = 'DEAD' AND NOT EXISTS (SELECT 1 FROM woo.AlertSeenItem AS s WHERE s.Code = 'CPO-QUEUE-DEAD' AND s.ItemId = q.QueueId);
        INSERT INTO @NewDead (Code, ItemId, StoreId)
        SELECT 'CPO-OUTBOX-DEAD', o.MessageId, o.StoreId
        FROM woo.Outbox AS o
        WHERE o.[State] = 'DEAD' AND NOT EXISTS (SELECT 1 FROM woo.AlertSeenItem AS s WHERE s.Code = 'CPO-OUTBOX-DEAD' AND s.ItemId = o.MessageId);
        INSERT INTO @Found (Severity, Code, StoreId, [Message])
        SELECT 'WARNING', 'CPO-QUEUE-DEAD', n.StoreId,
               LEFT(CONCAT(N'CPO-QUEUE-DEAD: store ', n.StoreId, N': ', COUNT(*), N' order(s) went DEAD (',
                           (SELECT COUNT(*) FROM woo.OrderQueue AS q2 WHERE q2.StoreId = n.StoreId AND q2.[State] = 'DEAD'), N' DEAD in all): they gave up after their attempts or on an error no retry can fix. ',
                           N'Read woo.OrderQueue.LastError and woo.OrderEvent, fix the cause, then EXEC woo.usp_RequeueOrder @StoreId, @WooOrderId, @Reason (or woo.usp_SkipOrder). ',
                           N'Every dead order of the store (this alert names only the latest ones): SELECT QueueId, WooOrderId, LastErrorCode, LastError FROM woo.OrderQueue WHERE StoreId = ''', n.StoreId,
                           N''' AND [State] = ''DEAD''; Newly dead, queue ids: ',
                           STRING_AGG(CONVERT(nvarchar (max), CONCAT(n.ItemId, N' (order ', q.WooOrderId, N', ', q.LastErrorCode, N')')), N', '), N'.'), 4000)
        FROM @NewDead AS n
        JOIN woo.OrderQueue AS q ON q.QueueId = n.ItemId
        WHERE n.Code = 'CPO-QUEUE-DEAD'
        GROUP BY n.StoreId;
        INSERT INTO @Found (Severity, Code, StoreId, [Message])
        SELECT 'WARNING', 'CPO-OUTBOX-DEAD', n.StoreId,
               LEFT(CONCAT(N'CPO-OUTBOX-DEAD: store ', n.StoreId, N': ', COUNT(*), N' message(s) to the shop went DEAD (',
                           (SELECT COUNT(*) FROM woo.Outbox AS o2 WHERE o2.StoreId = n.StoreId AND o2.[State] = 'DEAD'), N' DEAD in all): the shop did not take a status or note. ',
                           N'Read woo.Outbox.LastError, fix the cause (credentials, the order in the shop), then requeue or skip them with the outbox operator procedures (README). ',
                           N'Every dead message of the store (this alert names only the latest ones): SELECT MessageId, WooOrderId, Kind, LastErrorCode, LastError FROM woo.Outbox WHERE StoreId = ''', n.StoreId,
                           N''' AND [State] = ''DEAD''; Newly dead messages: ',
                           STRING_AGG(CONVERT(nvarchar (max), CONCAT(n.ItemId, N' (order ', o.WooOrderId, N' ', o.Kind, N', ', o.LastErrorCode, N')')), N', '), N'.'), 4000)
        FROM @NewDead AS n
        JOIN woo.Outbox AS o ON o.MessageId = n.ItemId
        WHERE n.Code = 'CPO-OUTBOX-DEAD'
        GROUP BY n.StoreId;

        -- 2. Stale queues: due, and not taken for longer than the threshold (the step is not running, or fails).
        INSERT INTO @Found (Severity, Code, StoreId, [Message])
        SELECT 'WARNING', 'CPO-QUEUE-STALE', q.StoreId,
               CONCAT(N'CPO-QUEUE-STALE: store ', q.StoreId, N': ', COUNT(*), N' order(s) have been due for processing for more than ', @StaleQueue,
                      N' minutes (the oldest since ', CONVERT(nvarchar (30), MIN(ISNULL(q.NextAttemptUtc, q.UpdatedAtUtc)), 120),
                      N' UTC): the processing step is not running or keeps failing. Read woo.RunLog (Step PROCESS) and the CpOrders job''s history; ',
                      N'check that the job is enabled and runs.')
        FROM woo.OrderQueue AS q
        WHERE q.[State] IN ('PENDING', 'RETRY') AND ISNULL(q.NextAttemptUtc, q.UpdatedAtUtc) < DATEADD(MINUTE, -@StaleQueue, @Now)
        GROUP BY q.StoreId;
        INSERT INTO @Found (Severity, Code, StoreId, [Message])
        SELECT 'WARNING', 'CPO-OUTBOX-STALE', o.StoreId,
               CONCAT(N'CPO-OUTBOX-STALE: store ', o.StoreId, N': ', COUNT(*), N' message(s) to the shop have been due for more than ', @StaleOutbox,
                      N' minutes (the oldest since ', CONVERT(nvarchar (30), MIN(o.NextAttemptUtc), 120),
                      N' UTC): the push step is not running or keeps failing. Read woo.RunLog (Step PUSH_UPDATES) and the CpOrders job''s history.')
        FROM woo.Outbox AS o
        WHERE o.[State] IN ('PENDING', 'RETRY') AND o.NextAttemptUtc < DATEADD(MINUTE, -@StaleOutbox, @Now)
        GROUP BY o.StoreId;

        -- 3. Failing steps: the last @FailedInARow finished runs of a step (per store) all FAILED, announced once per
        -- new failed run (the alert's RunId is the last one announced).
        INSERT INTO @Found (Severity, Code, StoreId, RunId, [Message])
        SELECT 'CRITICAL', LEFT('CPO-FAILING-' + f.Step, 40), f.StoreId, f.LastRunId,
               LEFT(CONCAT(N'CPO-FAILING-', f.Step, N': step ', f.Step, ISNULL(N' of store ' + f.StoreId, N''), N' failed ', f.Failed,
                           N' times in a row (last: run ', f.LastRunId, N' at ', CONVERT(nvarchar (30), f.LastStart, 120), N' UTC, ', f.LastCode, N': ', LEFT(f.LastError, 1500),
                           N'). Fix the cause named there (the step''s own alert and woo.RunLog say more); the next run tries again by itself.'), 4000)
        FROM (SELECT x.Step, x.StoreId, COUNT(*) AS Failed, MAX(x.RunId) AS LastRunId,
                     MAX(CASE WHEN x.Rn = 1 THEN x.StartedAtUtc END) AS LastStart, MAX(CASE WHEN x.Rn = 1 THEN x.ErrorCode END) AS LastCode,
                     MAX(CASE WHEN x.Rn = 1 THEN x.ErrorMessage END) AS LastError
              FROM (SELECT r.Step, r.StoreId, r.RunId, r.StartedAtUtc, r.Outcome, r.ErrorCode, r.ErrorMessage,
                           ROW_NUMBER() OVER (PARTITION BY r.Step, r.StoreId ORDER BY r.RunId DESC) AS Rn
                    FROM @Steps AS s
                    JOIN woo.RunLog AS r ON r.Step = s.Step AND r.StartedAtUtc >= @Since
                    WHERE r.Outcome IN ('OK', 'WARNING', 'FAILED') AND r.IsDryRun = 'N') AS x
              WHERE x.Rn <= @FailedInARow
              GROUP BY x.Step, x.StoreId
              HAVING COUNT(*) = @FailedInARow AND SUM(CASE WHEN x.Outcome = 'FAILED' THEN 1 ELSE 0 END) = @FailedInARow) AS f
        WHERE NOT EXISTS (SELECT 1 FROM woo.Alert AS a
                          WHERE a.Code = LEFT('CPO-FAILING-' + f.Step, 40) AND a.RunId = f.LastRunId
                            AND (a.StoreId = f.StoreId OR (a.StoreId IS NULL AND f.StoreId IS NULL)));

        -- 4. Runs still RUNNING after the limit: hung, or ended without recording it (a KILL, a restart). Once per run:
        -- remembered in woo.AlertSeenItem (the alert's RunId cannot tell, r15 finding 4: two stuck runs of a store fold
        -- into one alert, which keeps only the newer RunId), forgotten once the run is no longer RUNNING.
        INSERT INTO @NewDead (Code, ItemId, StoreId)
        SELECT 'CPO-RUN-LONG', r.RunId, ISNULL(r.StoreId, '')
        FROM @Steps AS s
        JOIN woo.RunLog AS r ON r.Step = s.Step AND r.StartedAtUtc >= @Since
        WHERE r.Outcome = 'RUNNING' AND r.StartedAtUtc < DATEADD(MINUTE, -@RunLimit, @Now)
          AND NOT EXISTS (SELECT 1 FROM woo.AlertSeenItem AS si WHERE si.Code = 'CPO-RUN-LONG' AND si.ItemId = r.RunId);
        INSERT INTO @Found (Severity, Code, StoreId, RunId, [Message])
        SELECT 'WARNING', 'CPO-RUN-LONG', r.StoreId, r.RunId,
               CONCAT(N'CPO-RUN-LONG: run ', r.RunId, N' of step ', r.Step, ISNULL(N' (store ' + r.StoreId + N')', N''), N' started at ',
                      CONVERT(nvarchar (30), r.StartedAtUtc, 120), N' UTC and is still RUNNING after ', DATEDIFF(MINUTE, r.StartedAtUtc, @Now),
                      N' minutes (limit ', @RunLimit, N'): it hangs (a blocked session? a slow shop?) or its session ended without recording the end (a KILL, a restart). ',
                      N'Look for its session in sys.dm_exec_requests; if none, nothing is running and the row just stays RUNNING.')
        FROM @NewDead AS n
        JOIN woo.RunLog AS r ON r.RunId = n.ItemId
        WHERE n.Code = 'CPO-RUN-LONG';

        -- 5. SQL Agent jobs of the CpOrders category running longer than the limit. msdb grants SELECT on these tables
        -- to nobody by default (README, Alerts: what to grant the job login); without it: not checked, never a failure.
        -- Only the current Agent session's rows: rows of an earlier session that never ended are not running jobs.
        -- Permissions are asked first (HAS_PERMS_BY_NAME), so a caller without them raises no error at all (an error
        -- caught inside a caller's transaction would still doom it); the TRY is the backstop.
        IF ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.sysjobactivity', N'OBJECT', N'SELECT'), 0) = 0
           OR ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.sysjobs', N'OBJECT', N'SELECT'), 0) = 0
           OR ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.syscategories', N'OBJECT', N'SELECT'), 0) = 0
           OR ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.syssessions', N'OBJECT', N'SELECT'), 0) = 0
            SET @JobCheck = N'not checked: needs SELECT on msdb.dbo.sysjobs, sysjobactivity, syscategories and syssessions (README, Alerts)';
        ELSE
        BEGIN
            BEGIN TRY
                DECLARE @LongJobs nvarchar (max) = (
                    SELECT STRING_AGG(CONVERT(nvarchar (max), CONCAT(j.[name], N' (running since ', CONVERT(nvarchar (30), ja.start_execution_date, 120),
                                                                     N' server time, ', DATEDIFF(MINUTE, ja.start_execution_date, GETDATE()), N' minutes)')), N', ')
                    FROM msdb.dbo.sysjobactivity AS ja
                    JOIN msdb.dbo.sysjobs AS j ON j.job_id = ja.job_id
                    JOIN msdb.dbo.syscategories AS c ON c.category_id = j.category_id
                    WHERE c.[name] = @JobCategory
                      AND ja.session_id = (SELECT MAX(ss.session_id) FROM msdb.dbo.syssessions AS ss)
                      AND ja.start_execution_date IS NOT NULL AND ja.stop_execution_date IS NULL
                      AND ja.start_execution_date < DATEADD(MINUTE, -@JobLimit, GETDATE()));
                SET @JobCheck = N'checked';
                IF @LongJobs IS NOT NULL
                    INSERT INTO @Found (Severity, Code, StoreId, [Message])
                    VALUES ('WARNING', 'CPO-JOB-LONG',  NULL,
                            LEFT(N'CPO-JOB-LONG: SQL Agent job(s) of category ' + @JobCategory + N' running longer than ' + CONVERT(nvarchar (10), @JobLimit)
                                 + N' minutes: ' + @LongJobs + N'. A run this long holds the pipeline (the next runs are skipped): look at its session '
                                 + N'(sys.dm_exec_requests: blocking? a slow shop?) and at woo.RunLog for the step it is in; stop the job in SQL Agent if it hangs.', 4000));
            END TRY
            BEGIN CATCH
                SET @JobCheck = LEFT(N'not checked: ' + ERROR_MESSAGE() + N' (README, Alerts: SELECT on msdb.dbo.sysjobs, sysjobactivity, syscategories, syssessions)', 2048);
            END CATCH;
        END;

        -- 6. The installation: woo.usp_CheckInstall (written for the least-privileged caller: what it cannot see it
        -- skips) with @RaiseOnFail = 'Y' raises one CPO-INSTALL error naming every failed check and what to do (clr
        -- enabled, the trust entry - as the job login, clr_answers fails when the assembly no longer loads -,
        -- signatures, grants, the master key); it becomes one CRITICAL alert. Called, not captured: modules never use
        -- INSERT ... EXEC (SecurityTests), so its check rows go to the caller as a result set.
        BEGIN TRY
            EXEC woo.usp_CheckInstall @RaiseOnFail = 'Y';
            SET @InstallCheck = N'checked';
        END TRY
        BEGIN CATCH
            IF ERROR_NUMBER() = 50102
            BEGIN
                SET @InstallCheck = N'checked: FAIL';
                INSERT INTO @Found (Severity, Code, StoreId, [Message]) VALUES ('CRITICAL', 'CPO-INSTALL', NULL, LEFT(ERROR_MESSAGE(), 4000));
            END
            ELSE
                SET @InstallCheck = LEFT(N'not checked: ' + ERROR_MESSAGE(), 2048);
        END CATCH;

        IF @Execute = 'N'
        BEGIN
            SELECT f.Severity, f.Code, f.StoreId, f.RunId, f.[Message] FROM @Found AS f ORDER BY f.Id;
            SELECT N'jobs' AS [Check], @JobCheck AS Result UNION ALL SELECT N'install', @InstallCheck;
            RAISERROR (N'woo.usp_CheckAlerts: @Execute = ''N'' raised nothing (what it would raise is listed).', 10, 1) WITH NOWAIT;
            RETURN 0;
        END;

        -- Raise (each call its own short transaction), then remember the dead letters announced and forget those
        -- that are no longer DEAD.
        DECLARE @Id int = 0, @Severity varchar (10), @Code varchar (40), @StoreId varchar (10), @ForRun bigint, @Text nvarchar (4000);
        WHILE 1 = 1
        BEGIN
            SELECT TOP (1) @Id = f.Id, @Severity = f.Severity, @Code = f.Code, @StoreId = f.StoreId, @ForRun = f.RunId, @Text = f.[Message]
            FROM @Found AS f WHERE f.Id > @Id ORDER BY f.Id;
            IF @@ROWCOUNT = 0
                BREAK;
            EXEC woo.usp_RaiseAlert @Severity = @Severity, @Code = @Code, @Message = @Text, @StoreId = @StoreId, @RunId = @ForRun;
        END;
        BEGIN TRANSACTION;
        INSERT INTO woo.AlertSeenItem (Code, ItemId, StoreId)
        SELECT n.Code, n.ItemId, n.StoreId FROM @NewDead AS n
        WHERE NOT EXISTS (SELECT 1 FROM woo.AlertSeenItem AS s WITH (UPDLOCK, HOLDLOCK) WHERE s.Code = n.Code AND s.ItemId = n.ItemId);
        DELETE s FROM woo.AlertSeenItem AS s
        WHERE (s.Code = 'CPO-QUEUE-DEAD' AND NOT EXISTS (SELECT 1 FROM woo.OrderQueue AS q WHERE q.QueueId = s.ItemId AND q.[State] = 'DEAD'))
           OR (s.Code = 'CPO-OUTBOX-DEAD' AND NOT EXISTS (SELECT 1 FROM woo.Outbox AS o WHERE o.MessageId = s.ItemId AND o.[State] = 'DEAD'))
           OR (s.Code = 'CPO-RUN-LONG' AND NOT EXISTS (SELECT 1 FROM woo.RunLog AS r WHERE r.RunId = s.ItemId AND r.Outcome = 'RUNNING'));
        COMMIT TRANSACTION;

        DECLARE @Raised int = (SELECT COUNT(*) FROM @Found);
        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = CASE WHEN EXISTS (SELECT 1 FROM @Found WHERE Severity IN ('WARNING', 'CRITICAL')) THEN 'WARNING' ELSE 'OK' END,
            ErrorCode = (SELECT TOP (1) f.Code FROM @Found AS f ORDER BY CASE f.Severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, f.Id),
            Details = (SELECT @Raised AS raised, (SELECT COUNT(*) FROM @NewDead WHERE Code <> 'CPO-RUN-LONG') AS new_dead_letters, @JobCheck AS jobs, @InstallCheck AS install,
                              (SELECT f.Code AS code, f.StoreId AS store FROM @Found AS f ORDER BY f.Id FOR JSON PATH) AS alerts
                       FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.AlertCheck', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsOwn = 0;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsLock = 0;
        SET @Msg = CONCAT(N'woo.usp_CheckAlerts: ', @Raised, N' problem(s) raised or counted again; jobs ', @JobCheck, N'; install ', @InstallCheck, N' (run ', @RunId, N').');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        BEGIN TRY
            IF @HoldsOwn = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.AlertCheck', @LockOwner = N'Session', @DbPrincipal = N'public';
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        END TRY
        BEGIN CATCH
            SET @HoldsLock = 0; -- the connection's end releases them
        END CATCH;
        IF @RunId IS NOT NULL
            UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-CHECK-ERROR', ErrorMessage = @Error
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    RETURN 0;
END;
