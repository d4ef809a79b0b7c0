-- The pipeline's health for an operator in SSMS, a monitor or a job step (issue 15 point 6): first ONE summary row
-- (Status OK / WARNING / CRITICAL, Reason), then every check (woo.HealthCheck) and the detail views (stores, queue,
-- steps, errors of the last day, alerts, outbox). The views give the same without the live part: this procedure also
-- runs woo.usp_CheckInstall for its caller (a live call into the CLR, the signed read of Counterpoint, the trust entry
-- where the caller may see it) and shows the worse of its full (OK / WARN / FAIL) answer and a valid recorded one: a
-- live OK never hides a recorded WARN or FAIL (r15 finding 1). A partial answer (PART: nothing wrong in what the caller
-- could see) keeps the recorded answer, or is UNKNOWN without one; a SKIP keeps the recorded answer (woo.InstallCheckRecord)
-- or UNKNOWN with the reason: never OK for what the caller did not check.
-- Run by a sysadmin (the deploy, a DBA), it records woo.usp_CheckInstall's answers for everyone else (@Recorded = the
-- checks whose answer changed); nobody else writes anything. Never recorded: SKIP and PART answers, and
-- counterpoint_access (read as sysadmin it proves nothing about the signature; it counts live, as the job login). @ResultSets = 'N' returns only @Status and @Reason (a job
-- step, a test; the result sets cannot be captured with INSERT ... EXEC: woo.usp_CheckInstall runs inside).
-- Call it with no transaction open: a CLR that fails inside the caller's transaction dooms it (XACT_ABORT).
CREATE PROCEDURE [woo].[usp_PipelineHealth]
    @ResultSets char (1) = 'Y',
    @Status     varchar (10) = NULL OUTPUT,
    @Reason     nvarchar (4000) = NULL OUTPUT,
    @Recorded   int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @ResultSets IS NULL OR @ResultSets NOT IN ('Y', 'N')
        THROW 50301, N'CPO-PARAM: woo.usp_PipelineHealth: @ResultSets must be ''Y'' or ''N''.', 1;
    SELECT @Status = NULL, @Reason = NULL, @Recorded = 0;

    -- The installation's checks as this caller sees them (reused, not duplicated: woo.usp_CheckInstall).
    DECLARE @Json nvarchar (max), @InstallError nvarchar (4000);
    DECLARE @Install TABLE (CheckName varchar (40) NOT NULL PRIMARY KEY, [Status] varchar (4) NOT NULL, Detail nvarchar (max) NOT NULL);
    BEGIN TRY
        EXEC woo.usp_CheckInstall @RaiseOnFail = 'N', @ChecksJson = @Json OUTPUT, @ResultSet = 'N';
        INSERT INTO @Install (CheckName, [Status], Detail)
        SELECT j.CheckName, j.[Status], j.Detail
        FROM OPENJSON(ISNULL(@Json, N'[]')) WITH (CheckName varchar (40) '$.CheckName', [Status] varchar (4) '$.Status', Detail nvarchar (max) '$.Detail') AS j
        WHERE j.CheckName IS NOT NULL AND j.[Status] IS NOT NULL;
    END TRY
    BEGIN CATCH
        SET @InstallError = ERROR_MESSAGE();
    END CATCH;

    -- A sysadmin sees every server-level fact: its answers become the record the least-privileged readers get.
    IF IS_SRVROLEMEMBER(N'sysadmin') = 1 AND @InstallError IS NULL
    BEGIN
        DECLARE @Server sysname = ISNULL(@@SERVERNAME, N''),
                @Created datetime = (SELECT d.create_date FROM sys.databases AS d WHERE d.database_id = DB_ID());
        IF @Created IS NOT NULL
        BEGIN
            BEGIN TRANSACTION;
            SET @Recorded = (SELECT COUNT(*)
                             FROM woo.InstallCheckRecord AS r WITH (UPDLOCK, HOLDLOCK)
                             JOIN @Install AS i ON i.CheckName = r.CheckName
                             WHERE i.[Status] IN ('OK', 'WARN', 'FAIL') AND i.CheckName <> 'counterpoint_access'
                               AND (r.[Status] <> i.[Status] OR r.Detail <> i.Detail OR r.ServerName <> @Server OR r.DatabaseCreatedAt <> @Created));
            UPDATE r
            SET CheckedAtUtc = CASE WHEN r.[Status] <> i.[Status] OR r.Detail <> i.Detail OR r.ServerName <> @Server OR r.DatabaseCreatedAt <> @Created
                                    THEN SYSUTCDATETIME() ELSE r.CheckedAtUtc END,
                [Status] = i.[Status], Detail = i.Detail, ServerName = @Server, DatabaseCreatedAt = @Created,
                ConfirmedAtUtc = SYSUTCDATETIME(), CheckedBy = ORIGINAL_LOGIN()
            FROM woo.InstallCheckRecord AS r
            JOIN @Install AS i ON i.CheckName = r.CheckName
            WHERE i.[Status] IN ('OK', 'WARN', 'FAIL') AND i.CheckName <> 'counterpoint_access';
            INSERT INTO woo.InstallCheckRecord (CheckName, [Status], Detail, ServerName, DatabaseCreatedAt)
            SELECT i.CheckName, i.[Status], i.Detail, @Server, @Created
            FROM @Install AS i
            WHERE i.[Status] IN ('OK', 'WARN', 'FAIL') AND i.CheckName <> 'counterpoint_access' AND NOT EXISTS (SELECT 1 FROM woo.InstallCheckRecord AS r WITH (UPDLOCK, HOLDLOCK) WHERE r.CheckName = i.CheckName);
            SET @Recorded += @@ROWCOUNT;
            COMMIT TRANSACTION;
        END;
    END;

    DECLARE @Checks TABLE (Seq int IDENTITY (1, 1) NOT NULL PRIMARY KEY, Area varchar (10) NOT NULL, CheckName varchar (40) NOT NULL,
                           StoreId varchar (10) NULL, [Status] varchar (10) NOT NULL, Reason nvarchar (max) NULL, [Source] varchar (10) NOT NULL);
    INSERT INTO @Checks (Area, CheckName, StoreId, [Status], Reason, [Source])
    SELECT h.Area, h.CheckName, h.StoreId, h.[Status], h.Reason, 'view' FROM woo.HealthCheck AS h;

    -- Live answers against the view's (recorded or UNKNOWN) ones, for every caller the same rule (a sysadmin's record was
    -- just refreshed from its own live answers):
    --   full answer (OK / WARN / FAIL): the worse of it and a valid record; UNKNOWN (no valid record) gives way to it;
    --   PART (only part could be checked, nothing wrong in it): a valid record stays, UNKNOWN stays UNKNOWN;
    --   SKIP: the record or UNKNOWN stays, with why this caller could not check it.
    -- Checks the view does not know (counterpoint_access, a newer woo.usp_CheckInstall) are added: a full answer as it
    -- is, PART and SKIP as INFO (shown, not OK, not counted as a problem).
    UPDATE c
    SET [Status] = w.[Status],
        Reason = CASE WHEN w.[Status] = c.[Status] AND c.[Status] <> l.[Status] THEN c.Reason + N' Live for ' + ORIGINAL_LOGIN() + N' (' + i.[Status] + N'): ' + i.Detail
                      ELSE i.Detail + N' (live' + CASE WHEN c.[Status] NOT IN ('UNKNOWN', w.[Status]) THEN N'; recorded: ' + c.[Status] ELSE N'' END + N')' END,
        [Source] = CASE WHEN w.[Status] = c.[Status] AND c.[Status] <> l.[Status] THEN c.[Source] ELSE 'live' END
    FROM @Checks AS c
    JOIN @Install AS i ON i.CheckName = c.CheckName
    CROSS APPLY (SELECT CASE i.[Status] WHEN 'OK' THEN 'OK' WHEN 'WARN' THEN 'WARNING' ELSE 'CRITICAL' END AS [Status]) AS l
    CROSS APPLY (SELECT CASE WHEN c.[Status] = 'UNKNOWN' THEN l.[Status]
                             WHEN (CASE c.[Status] WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 0 END)
                                  >= (CASE l.[Status] WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 0 END) THEN c.[Status]
                             ELSE l.[Status] END AS [Status]) AS w
    WHERE c.Area = 'SERVER' AND i.[Status] IN ('OK', 'WARN', 'FAIL');
    UPDATE c
    SET Reason = c.Reason + N' Live for ' + ORIGINAL_LOGIN() + CASE i.[Status] WHEN 'PART' THEN N' (partial): ' ELSE N': ' END + i.Detail
    FROM @Checks AS c JOIN @Install AS i ON i.CheckName = c.CheckName
    WHERE c.Area = 'SERVER' AND i.[Status] IN ('SKIP', 'PART');
    INSERT INTO @Checks (Area, CheckName, StoreId, [Status], Reason, [Source])
    SELECT 'SERVER', i.CheckName, NULL,
           CASE i.[Status] WHEN 'OK' THEN 'OK' WHEN 'WARN' THEN 'WARNING' WHEN 'FAIL' THEN 'CRITICAL' ELSE 'INFO' END,
           i.Detail + CASE WHEN i.[Status] IN ('SKIP', 'PART') THEN N' (live, not fully checked by ' + ORIGINAL_LOGIN() + N')' ELSE N' (live)' END, 'live'
    FROM @Install AS i
    WHERE NOT EXISTS (SELECT 1 FROM @Checks AS c WHERE c.Area = 'SERVER' AND c.CheckName = i.CheckName);
    IF @InstallError IS NOT NULL
        INSERT INTO @Checks (Area, CheckName, StoreId, [Status], Reason, [Source])
        VALUES ('SERVER', 'install_check', NULL, 'UNKNOWN', LEFT(N'woo.usp_CheckInstall failed for this caller: ' + @InstallError, 4000), 'live');

    DECLARE @Critical int = (SELECT COUNT(*) FROM @Checks WHERE [Status] = 'CRITICAL'),
            @Warning int = (SELECT COUNT(*) FROM @Checks WHERE [Status] IN ('WARNING', 'UNKNOWN'));
    SET @Status = CASE WHEN @Critical > 0 THEN 'CRITICAL' WHEN @Warning > 0 THEN 'WARNING' ELSE 'OK' END;
    DECLARE @AllReasons nvarchar (max) = CASE WHEN @Status = 'OK' THEN N'every check is OK'
        ELSE (SELECT STRING_AGG(CONVERT(nvarchar (max), c.[Status] + N' ' + c.Area + N' ' + c.CheckName + ISNULL(N' [' + c.StoreId + N']', N'') + N': ' + ISNULL(c.Reason, N'')), N' | ')
                     WITHIN GROUP (ORDER BY CASE c.[Status] WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END,
                                          CASE c.Area WHEN 'STORE' THEN 0 WHEN 'STEP' THEN 1 WHEN 'ALERT' THEN 2 ELSE 3 END, c.Seq)
              FROM @Checks AS c
              WHERE c.[Status] = CASE WHEN @Status = 'CRITICAL' THEN 'CRITICAL' ELSE c.[Status] END AND c.[Status] IN ('CRITICAL', 'WARNING', 'UNKNOWN')) END;
    SET @Reason = LEFT(@AllReasons, 4000);

    IF @ResultSets = 'Y'
    BEGIN
        SELECT @Status AS [Status], @AllReasons AS Reason, @Critical AS CriticalChecks,
               (SELECT COUNT(*) FROM @Checks WHERE [Status] = 'WARNING') AS WarningChecks,
               (SELECT COUNT(*) FROM @Checks WHERE [Status] = 'UNKNOWN') AS UnknownChecks,
               SYSUTCDATETIME() AS CheckedAtUtc, ORIGINAL_LOGIN() AS CheckedBy,
               CASE WHEN HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 1 THEN 'Y' ELSE 'N' END AS CallerSeesServerState,
               @Recorded AS RecordedForOthers;
        SELECT c.Area, c.CheckName, c.StoreId, c.[Status], c.Reason, c.[Source]
        FROM @Checks AS c
        ORDER BY CASE c.[Status] WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 WHEN 'UNKNOWN' THEN 2 WHEN 'INFO' THEN 3 WHEN 'OK' THEN 4 ELSE 5 END, c.Seq;
        SELECT s.StoreId, s.IsEnabled, s.PullWatermarkUtc, s.WatermarkLagMinutes, s.LastPullAtUtc, s.LastPullSuccessAtUtc, s.OrdersDue,
               s.OldestOverdueMinutes, s.OrdersRetrying, s.OrdersParked, s.OrdersDead, s.ChangedAfterApply, s.StockSyncEnabled,
               s.LastStockSuccessAtUtc, s.StockLagMinutes, s.LastCatalogReadAtUtc, s.LastFullCatalogReadAtUtc, s.SkuProblems, s.UnmatchedSkus,
               s.FailedStockItems, s.StockItemsAtMaxAttempts, s.OutboxBacklog, s.OutboxOldestOverdueMinutes, s.OutboxDead
        FROM woo.HealthStore AS s ORDER BY s.StoreId;
        SELECT q.StoreId, q.[State], q.Orders, q.DueNow, q.ChangedAfterApply, q.OldestSinceUtc, q.OldestAgeMinutes, q.LatestChangeUtc
        FROM woo.HealthQueue AS q ORDER BY q.StoreId, q.[State];
        SELECT t.Step, t.Cadence, t.IsExpected, t.[Status], t.Reason, t.LastRunAtUtc, t.LastOutcome, t.LastSuccessAtUtc, t.MinutesSinceSuccess,
               t.LastFailureAtUtc, t.LastErrorCode, t.RunsLastDay, t.FailuresLastDay, t.StuckRunning
        FROM woo.HealthStep AS t ORDER BY t.Step;
        SELECT e.[Source], e.Code, e.Occurrences, e.Stores, e.FirstAtUtc, e.LastAtUtc, e.Latest
        FROM woo.HealthError AS e ORDER BY e.LastAtUtc DESC;
        SELECT a.Severity, a.OpenAlerts, a.Occurrences, a.OldestRaisedAtUtc, a.LatestRaisedAtUtc, a.Codes
        FROM woo.HealthAlert AS a ORDER BY CASE a.Severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END;
        SELECT o.StoreId, o.Kind, o.[State], o.Messages, o.OldestCreatedAtUtc, o.OldestAgeMinutes, o.OldestOverdueMinutes, o.MaxAttempts
        FROM woo.HealthOutbox AS o ORDER BY o.StoreId, o.Kind, o.[State];
    END;
    RETURN 0;
END;
