-- Mails one digest per problem class (woo.Alert.Code) per period, never one mail per failure per run (issue 15): a
-- class is due when one of its open alerts is new or raised again since its last digest (MailedAtUtc NULL or
-- LastRaisedAtUtc > MailedAtUtc) and the class was not mailed within the period of its highest open severity
-- (woo.AlertSettings), or the class's own period (woo.AlertClassSetting). Through Database Mail (woo.usp_SendAlertMail -> msdb.dbo.sp_send_dbmail) when mail is enabled,
-- configured and the class reaches MailMinSeverity (or its class setting says Mail 'Y'; 'N' never mails it); MailedAtUtc is marked when the
-- digest was sent or deliberately not mailed, so without mail the table (and a monitor's SELECT) is the record and nothing piles up; a class
-- whose mail failed or was not tried stays due and is tried again at the next run. Classes are found under the digest's own lock. Database Mail needs the caller's msdb user in
-- DatabaseMailUserRole (design 8): checked first; a missing membership, profile or a failed send becomes one alert
-- CPO-MAIL-* (what to do) and the run ends WARNING - a mail problem never fails the pipeline.
-- One woo.RunLog row (ALERT_DIGEST) per run. @Execute = 'N' lists the classes, which are due and which would be
-- mailed, and writes and sends nothing.
-- @Check = 'Y' (the AlertDigest job) first runs woo.usp_CheckAlerts @Force = 'Y' in a TRY of its own: a failing check
-- never stops the digest (r15 finding 3); it becomes one CRITICAL alert CPO-CHECK-FAILED (mailed by this very digest),
-- its ALERT_CHECK run log row is FAILED (woo.HealthStep) and this run ends WARNING.
CREATE PROCEDURE [woo].[usp_SendAlertDigest]
    @Execute char (1) = 'Y',
    @Check   char (1) = 'N'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N') OR @Check IS NULL OR @Check NOT IN ('Y', 'N')
    BEGIN
        DECLARE @ParamErrors nvarchar (2048) = CONCAT(N'woo.usp_SendAlertDigest: nothing was sent; fix every problem:',
            CASE WHEN @Execute IS NULL OR @Execute NOT IN ('Y', 'N') THEN NCHAR(10) + N'CPO-PARAM: @Execute must be Y or N.' END,
            CASE WHEN @Check IS NULL OR @Check NOT IN ('Y', 'N') THEN NCHAR(10) + N'CPO-PARAM: @Check must be Y or N.' END);
        THROW 50611, @ParamErrors, 1;
    END;

    -- The checks first, in their own TRY (they take and release their own locks): whatever fails there, the digest runs.
    DECLARE @CheckError nvarchar (2048);
    IF @Check = 'Y'
    BEGIN
        BEGIN TRY
            EXEC woo.usp_CheckAlerts @Force = 'Y', @Execute = @Execute;
        END TRY
        BEGIN CATCH
            -- (No transaction is open here in a job: this procedure runs outside any; the check rolled back its own.)
            SET @CheckError = LEFT(CONCAT(N'CPO-CHECK-FAILED: woo.usp_CheckAlerts failed (error ', ERROR_NUMBER(), N': ', ERROR_MESSAGE(),
                                          N'), so dead letters, stale queues, failing steps, long runs and the installation were not checked this time. ',
                                          N'Read woo.RunLog (Step ALERT_CHECK) and run EXEC woo.usp_CheckAlerts @Force = ''Y''; to see the error; the digest goes on meanwhile.'), 2048);
            IF @Execute = 'Y'
            BEGIN
                BEGIN TRY
                    EXEC woo.usp_RaiseAlert @Severity = 'CRITICAL', @Code = 'CPO-CHECK-FAILED', @Message = @CheckError;
                END TRY
                BEGIN CATCH
                    SET @CheckError = LEFT(@CheckError + N' (the alert could not be raised either: ' + ERROR_MESSAGE() + N')', 2048);
                END CATCH;
            END
            ELSE
                RAISERROR (N'%s', 10, 1, @CheckError) WITH NOWAIT;
        END CATCH;
    END;

    DECLARE @Now datetime2 (3) = SYSUTCDATETIME();
    DECLARE @MailEnabled char (1), @Profile sysname, @Recipients varchar (2000), @MinSeverity varchar (10), @Prefix nvarchar (100),
            @CriticalMinutes int, @WarningMinutes int, @InfoMinutes int;
    SELECT @MailEnabled = s.MailEnabled, @Profile = s.MailProfile, @Recipients = s.MailRecipients, @MinSeverity = s.MailMinSeverity,
           @Prefix = s.SubjectPrefix, @CriticalMinutes = s.CriticalPeriodMinutes, @WarningMinutes = s.WarningPeriodMinutes, @InfoMinutes = s.InfoPeriodMinutes
    FROM woo.AlertSettings AS s;
    DECLARE @MailConfigured bit = CASE WHEN @MailEnabled = 'Y' AND @Profile IS NOT NULL AND @Recipients IS NOT NULL THEN 1 ELSE 0 END;
    DECLARE @MinRank int = CASE @MinSeverity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END;

    -- Classes with something new, their highest open severity, period and last digest (over every alert of the
    -- class, acknowledged ones included: acknowledging does not restart the period).
    DECLARE @Classes TABLE (
        Code varchar (40) NOT NULL PRIMARY KEY, SeverityRank int NOT NULL, OpenAlerts int NOT NULL, NewAlerts int NOT NULL,
        Occurrences bigint NOT NULL, LastMailedUtc datetime2 (3) NULL, PeriodMinutes int NOT NULL, Due bit NOT NULL, Mail bit NOT NULL);
    DECLARE @RunId bigint, @LockResult int, @HoldsLock bit = 0, @HoldsOwn bit = 0, @Msg nvarchar (2048);
    DECLARE @Mailed int = 0, @Marked int = 0, @Unsent int = 0, @Due int;
    DECLARE @MailCode varchar (40), @MailProblem nvarchar (2048);
    IF @Execute = 'Y'
    BEGIN
        INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('ALERT_DIGEST', NULL, @Now, 'RUNNING', 'N');
        SET @RunId = SCOPE_IDENTITY();
    END;
    BEGIN TRY
      IF @Execute = 'Y'
      BEGIN
        -- The pipeline lock Shared (a deploy holds it Exclusive) and this step's own lock: two digests at once would
        -- both find the same classes due and mail them twice. Never waited for: a busy run is skipped and logged.
        EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                             @LockTimeout = 0, @DbPrincipal = N'public';
        IF @LockResult >= 0
        BEGIN
            SET @HoldsLock = 1;
            EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.AlertDigest', @LockMode = N'Exclusive', @LockOwner = N'Session',
                                                 @LockTimeout = 0, @DbPrincipal = N'public';
            IF @LockResult >= 0
                SET @HoldsOwn = 1;
        END;
        IF @HoldsOwn = 0
        BEGIN
            SET @Msg = N'CPO-PIPELINE-BUSY: a deploy or another digest holds its lock (sp_getapplock returned ' + CONVERT(nvarchar (10), @LockResult)
                     + N'); this digest is skipped. The next scheduled run goes on.';
            UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = 'CPO-PIPELINE-BUSY', r.ErrorMessage = @Msg
            FROM woo.RunLog AS r WHERE r.RunId = @RunId;
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
            RETURN 0;
        END;
      END;

        -- Found under the digest's own lock (r15 finding 5): a digest that found its classes before taking the lock
        -- could mail what the digest before it had just mailed and marked. @Execute = 'N' reads them without the lock.
        INSERT INTO @Classes (Code, SeverityRank, OpenAlerts, NewAlerts, Occurrences, LastMailedUtc, PeriodMinutes, Due, Mail)
        SELECT c.Code, c.SeverityRank, c.OpenAlerts, c.NewAlerts, c.Occurrences, m.LastMailedUtc, p.PeriodMinutes,
               d.Due, CASE WHEN d.Due = 1 AND @MailConfigured = 1 AND (cs.Mail = 'Y' OR (cs.Mail IS NULL AND c.SeverityRank >= @MinRank)) THEN 1 ELSE 0 END
        FROM (SELECT a.Code,
                     MAX(CASE a.Severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END) AS SeverityRank,
                     COUNT(*) AS OpenAlerts,
                     SUM(CASE WHEN a.MailedAtUtc IS NULL OR a.LastRaisedAtUtc > a.MailedAtUtc THEN 1 ELSE 0 END) AS NewAlerts,
                     SUM(CONVERT(bigint, a.Occurrences)) AS Occurrences
              FROM woo.Alert AS a
              WHERE a.AcknowledgedAtUtc IS NULL AND a.RaisedAtUtc <= @Now
              GROUP BY a.Code) AS c
        OUTER APPLY (SELECT MAX(x.MailedAtUtc) AS LastMailedUtc FROM woo.Alert AS x WHERE x.Code = c.Code) AS m
        LEFT JOIN woo.AlertClassSetting AS cs ON cs.Code = c.Code
        CROSS APPLY (SELECT ISNULL(cs.PeriodMinutes, CASE c.SeverityRank WHEN 3 THEN @CriticalMinutes WHEN 2 THEN @WarningMinutes ELSE @InfoMinutes END) AS PeriodMinutes) AS p
        CROSS APPLY (SELECT CASE WHEN m.LastMailedUtc IS NULL OR m.LastMailedUtc <= DATEADD(MINUTE, -p.PeriodMinutes, @Now) THEN 1 ELSE 0 END AS Due) AS d
        WHERE c.NewAlerts > 0;


        IF @Execute = 'N'
        BEGIN
            SELECT c.Code, CASE c.SeverityRank WHEN 3 THEN 'CRITICAL' WHEN 2 THEN 'WARNING' ELSE 'INFO' END AS Severity, c.OpenAlerts, c.NewAlerts,
                   c.Occurrences, c.LastMailedUtc, c.PeriodMinutes,
                   CASE WHEN c.Due = 0 THEN 'WAIT (mailed within its period)' WHEN c.Mail = 1 THEN 'MAIL' ELSE 'MARK (not mailed: '
                        + CASE WHEN @MailConfigured = 0 THEN 'mail off or not configured' ELSE 'below MailMinSeverity, or class Mail N' END + ')' END AS WouldDo
            FROM @Classes AS c
            ORDER BY c.SeverityRank DESC, c.Code;
            RAISERROR (N'woo.usp_SendAlertDigest: @Execute = ''N'' wrote and sent nothing.', 10, 1) WITH NOWAIT;
            RETURN 0;
        END;

        SET @Due = (SELECT COUNT(*) FROM @Classes WHERE Due = 1);

        -- Database Mail for this caller: sysadmin, or an msdb user in DatabaseMailUserRole (or db_owner there). Asked in
        -- msdb itself (IS_ROLEMEMBER answers for the current database only), through msdb's sp_executesql, which any
        -- login that can enter msdb may run; a login that cannot enter msdb gets an error here, caught.
        IF @MailConfigured = 1 AND EXISTS (SELECT 1 FROM @Classes WHERE Mail = 1) AND IS_SRVROLEMEMBER(N'sysadmin') = 0
        BEGIN
            DECLARE @MsdbExec nvarchar (300) = N'msdb.sys.sp_executesql', @IsMailUser int, @MsdbUser sysname;
            IF ISNULL(HAS_DBACCESS(N'msdb'), 0) = 0
                SELECT @MailCode = 'CPO-MAIL-PERMISSION',
                       @MailProblem = N'CPO-MAIL-PERMISSION: login ' + ORIGINAL_LOGIN() + N' cannot enter msdb (no user there and guest disabled). '
                                      + N'A DBA creates its msdb user and adds it to DatabaseMailUserRole (README, Alerts). Alerts stay in woo.Alert meanwhile.';
            ELSE
            BEGIN
                BEGIN TRY
                    EXEC @MsdbExec N'SELECT @M = CASE WHEN IS_ROLEMEMBER(N''DatabaseMailUserRole'') = 1 OR IS_ROLEMEMBER(N''db_owner'') = 1 THEN 1 ELSE 0 END,
                                            @U = USER_NAME();',
                         N'@M int OUTPUT, @U sysname OUTPUT', @M = @IsMailUser OUTPUT, @U = @MsdbUser OUTPUT;
                    IF ISNULL(@IsMailUser, 0) = 0
                        SELECT @MailCode = 'CPO-MAIL-PERMISSION',
                               @MailProblem = N'CPO-MAIL-PERMISSION: login ' + ORIGINAL_LOGIN() + N' may not send Database Mail: '
                                              + CASE WHEN @MsdbUser IS NULL OR @MsdbUser = N'guest' THEN N'it has no user in msdb'
                                                     ELSE N'its msdb user ' + @MsdbUser + N' is not a member of DatabaseMailUserRole' END
                                              + N'. A DBA runs in msdb: CREATE USER (for the login, if missing) and ALTER ROLE DatabaseMailUserRole ADD MEMBER (README, Alerts). '
                                              + N'Alerts stay in woo.Alert meanwhile.';
                END TRY
                BEGIN CATCH
                    SELECT @MailCode = 'CPO-MAIL-PERMISSION',
                           @MailProblem = LEFT(N'CPO-MAIL-PERMISSION: login ' + ORIGINAL_LOGIN() + N' cannot use msdb (' + ERROR_MESSAGE()
                                               + N'). A DBA creates its msdb user and adds it to DatabaseMailUserRole (README, Alerts). Alerts stay in woo.Alert meanwhile.', 2048);
                END CATCH;
            END;
        END;

        DECLARE @Code varchar (40), @Rank int, @Open int, @New int, @Occ bigint, @LastMailed datetime2 (3), @Period int, @MailIt bit,
                @Subject nvarchar (255), @Body nvarchar (max), @Severity varchar (10), @Sent bit, @Sep nvarchar (4) = CONCAT(NCHAR(13), NCHAR(10), NCHAR(13), NCHAR(10));
        DECLARE classes CURSOR LOCAL FAST_FORWARD FOR
            SELECT c.Code, c.SeverityRank, c.OpenAlerts, c.NewAlerts, c.Occurrences, c.LastMailedUtc, c.PeriodMinutes, c.Mail
            FROM @Classes AS c WHERE c.Due = 1 ORDER BY c.SeverityRank DESC, c.Code;
        OPEN classes;
        FETCH NEXT FROM classes INTO @Code, @Rank, @Open, @New, @Occ, @LastMailed, @Period, @MailIt;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            SET @Severity = CASE @Rank WHEN 3 THEN 'CRITICAL' WHEN 2 THEN 'WARNING' ELSE 'INFO' END;
            SET @Sent = 0;
            IF @MailIt = 1 AND @MailCode IS NULL
            BEGIN
                SET @Subject = LEFT(CONCAT(N'[', @Prefix, N'] ', @Severity, N' ', @Code, N': ', @Open, N' open alert(s), ', @Occ, N' occurrence(s)'), 255);
                SET @Body = CONCAT(@Prefix, N': ', @Severity, N' alerts of class ', @Code, N' on server ', @@SERVERNAME, N', database ', DB_NAME(),
                                   N'; last digest of this class: ', ISNULL(CONVERT(nvarchar (30), @LastMailed, 120) + N' UTC', N'never'), N'.', NCHAR(13), NCHAR(10),
                                   N'Each alert says what to do. When it is handled: EXEC woo.usp_AcknowledgeAlert @Code = ''', @Code, N''', @Reason = N''...'';',
                                   NCHAR(13), NCHAR(10), NCHAR(13), NCHAR(10),
                                   (SELECT STRING_AGG(CONVERT(nvarchar (max), CONCAT(N'Alert ', t.AlertId, N' (', t.Severity, ISNULL(N', store ' + t.StoreId, N''),
                                                                                     ISNULL(N', queue ' + CONVERT(nvarchar (20), t.QueueId), N''), N', ', t.Occurrences,
                                                                                     N' occurrence(s), first ', CONVERT(nvarchar (30), t.RaisedAtUtc, 120), N' UTC, last ',
                                                                                     CONVERT(nvarchar (30), t.LastRaisedAtUtc, 120), N' UTC):', NCHAR(13), NCHAR(10), t.[Message])),
                                                      @Sep) WITHIN GROUP (ORDER BY t.LastRaisedAtUtc DESC, t.AlertId DESC)
                                    FROM (SELECT TOP (20) a.AlertId, a.Severity, a.StoreId, a.QueueId, a.Occurrences, a.RaisedAtUtc, a.LastRaisedAtUtc, a.[Message]
                                          FROM woo.Alert AS a
                                          WHERE a.Code = @Code AND a.AcknowledgedAtUtc IS NULL AND a.RaisedAtUtc <= @Now
                                          ORDER BY a.LastRaisedAtUtc DESC, a.AlertId DESC) AS t),
                                   CASE WHEN @Open > 20 THEN CONCAT(NCHAR(13), NCHAR(10), NCHAR(13), NCHAR(10), N'... and ', @Open - 20,
                                                                    N' more: SELECT * FROM woo.Alert WHERE Code = ''', @Code, N''' AND AcknowledgedAtUtc IS NULL;') END,
                                   NCHAR(13), NCHAR(10), NCHAR(13), NCHAR(10),
                                   N'The next digest of this class comes after ', @Period, N' minute(s) at the earliest, and only if something new happens.');
                BEGIN TRY
                    EXEC woo.usp_SendAlertMail @Profile = @Profile, @Recipients = @Recipients, @Subject = @Subject, @Body = @Body;
                    SET @Mailed += 1;
                    SET @Sent = 1;
                END TRY
                BEGIN CATCH
                    -- The first failure stops mailing for this run (the next ones would fail alike). The classes not sent stay
                    -- unmarked, so they are due again at the next run (r15 finding 2: a failed mail delays a digest, never loses it).
                    SELECT @MailCode = CASE WHEN ERROR_NUMBER() IN (229, 916, 15517) THEN 'CPO-MAIL-PERMISSION'
                                            WHEN ERROR_NUMBER() = 14607 THEN 'CPO-MAIL-PROFILE' ELSE 'CPO-MAIL-FAILED' END;
                    SET @MailProblem = LEFT(CONCAT(@MailCode, N': Database Mail refused the digest of ', @Code, N' (error ', ERROR_NUMBER(), N': ', ERROR_MESSAGE(), N'). ',
                                                   CASE @MailCode
                                                        WHEN 'CPO-MAIL-PERMISSION' THEN N'A DBA adds the msdb user of login ' + ORIGINAL_LOGIN() + N' to DatabaseMailUserRole (README, Alerts).'
                                                        WHEN 'CPO-MAIL-PROFILE' THEN N'Profile ''' + @Profile + N''' is missing or not granted to the msdb user of login ' + ORIGINAL_LOGIN()
                                                                                     + N': fix it in Database Mail or with woo.usp_SetAlertSetting @MailProfile.'
                                                        ELSE N'Check Database Mail (msdb.dbo.sysmail_event_log) and the profile''s account.' END,
                                                   N' Alerts stay in woo.Alert meanwhile.'), 2048);
                END CATCH;
            END;
            -- Marked only when its digest was sent, or deliberately not mailed (mail off, below MailMinSeverity, class Mail N).
            -- A class to be mailed whose mail failed or was not tried (a missing DatabaseMailUserRole membership, an earlier
            -- failure in this run) stays due: the next digest (every 5 minutes) tries again, and the CPO-MAIL-* alert says why.
            IF @MailIt = 0 OR @Sent = 1
            BEGIN
                UPDATE a SET MailedAtUtc = @Now
                FROM woo.Alert AS a
                WHERE a.Code = @Code AND a.AcknowledgedAtUtc IS NULL AND a.RaisedAtUtc <= @Now;
                SET @Marked += @@ROWCOUNT;
            END
            ELSE
                SET @Unsent += 1;
            FETCH NEXT FROM classes INTO @Code, @Rank, @Open, @New, @Occ, @LastMailed, @Period, @MailIt;
        END;
        CLOSE classes;
        DEALLOCATE classes;

        IF @MailCode IS NOT NULL
            EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = @MailCode, @Message = @MailProblem, @RunId = @RunId;

        UPDATE r
        SET EndedAtUtc = SYSUTCDATETIME(), Outcome = CASE WHEN @MailCode IS NULL AND @CheckError IS NULL THEN 'OK' ELSE 'WARNING' END, Requests = @Mailed,
            ErrorCode = ISNULL(@MailCode, CASE WHEN @CheckError IS NOT NULL THEN 'CPO-CHECK-FAILED' END),
            ErrorMessage = CASE WHEN @MailProblem IS NOT NULL AND @CheckError IS NOT NULL THEN LEFT(@MailProblem + N' | ' + @CheckError, 4000)
                                ELSE ISNULL(@MailProblem, @CheckError) END,
            Details = (SELECT (SELECT COUNT(*) FROM @Classes) AS classes_with_news, @Due AS classes_due, @Mailed AS mailed, @Marked AS alerts_marked, @Unsent AS classes_left_due,
                              CASE WHEN @MailConfigured = 1 THEN 'Y' ELSE 'N' END AS mail_configured FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.AlertDigest', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsOwn = 0;
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        SET @HoldsLock = 0;
        SET @Msg = CONCAT(N'woo.usp_SendAlertDigest: ', @Due, N' class(es) due, ', @Mailed, N' mailed, ', @Marked, N' alert(s) marked',
                          CASE WHEN @Unsent > 0 THEN CONCAT(N', ', @Unsent, N' class(es) not sent and left due for the next run') END,
                          CASE WHEN @MailConfigured = 0 THEN N' (mail is off or not configured: woo.usp_SetAlertSetting)' END,
                          CASE WHEN @MailCode IS NOT NULL THEN N'; ' + @MailProblem END, N' (run ', @RunId, N').');
        RAISERROR (N'%s', 10, 1, @Msg) WITH NOWAIT;
    END TRY
    BEGIN CATCH
        DECLARE @Error nvarchar (4000) = ERROR_MESSAGE();
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        IF CURSOR_STATUS('local', 'classes') >= -1
            DEALLOCATE classes;
        BEGIN TRY
            IF @HoldsOwn = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.AlertDigest', @LockOwner = N'Session', @DbPrincipal = N'public';
            IF @HoldsLock = 1
                EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
        END TRY
        BEGIN CATCH
            SET @HoldsLock = 0; -- the connection's end releases them
        END CATCH;
        UPDATE r SET EndedAtUtc = SYSUTCDATETIME(), Outcome = 'FAILED', ErrorCode = 'CPO-DIGEST-ERROR', ErrorMessage = @Error
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
        THROW;
    END CATCH;
    RETURN 0;
END;
