-- Sets the alert mail, check thresholds and retention (woo.AlertSetting; woo.AlertSettings shows the values in force).
-- NULL keeps a value; '' clears @MailProfile or @MailRecipients. Every problem is reported at once; the Database Mail
-- profile is looked up in msdb where the caller may read it (sysadmin), otherwise the output says it was not checked.
-- @Execute = 'N' checks and lists setting, current and new, writes nothing.
CREATE PROCEDURE [woo].[usp_SetAlertSetting]
    @MailEnabled             char (1) = NULL,          -- Y | N
    @MailProfile             sysname = NULL,           -- Database Mail profile name; '' clears
    @MailRecipients          varchar (2000) = NULL,    -- 'ops@example.com;dba@example.com'; '' clears
    @MailMinSeverity         varchar (10) = NULL,      -- INFO | WARNING | CRITICAL
    @SubjectPrefix           nvarchar (100) = NULL,
    @CriticalPeriodMinutes   int = NULL,
    @WarningPeriodMinutes    int = NULL,
    @InfoPeriodMinutes       int = NULL,
    @StaleQueueMinutes       int = NULL,
    @StaleOutboxMinutes      int = NULL,
    @FailedRunsInARow        int = NULL,
    @RunLimitMinutes         int = NULL,
    @JobLimitMinutes         int = NULL,
    @JobCategory             sysname = NULL,
    @CheckEveryMinutes       int = NULL,
    @RunLogRetentionDays     int = NULL,
    @OrderEventRetentionDays int = NULL,
    @OutboxRetentionDays     int = NULL,
    @AlertRetentionDays      int = NULL,
    @Execute                 char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Cur TABLE (MailEnabled char (1), MailProfile sysname NULL, MailRecipients varchar (2000) NULL, MailMinSeverity varchar (10),
                        SubjectPrefix nvarchar (100), CriticalPeriodMinutes int, WarningPeriodMinutes int, InfoPeriodMinutes int,
                        StaleQueueMinutes int, StaleOutboxMinutes int, FailedRunsInARow int, RunLimitMinutes int, JobLimitMinutes int,
                        JobCategory sysname, CheckEveryMinutes int, RunLogRetentionDays int, OrderEventRetentionDays int,
                        OutboxRetentionDays int, AlertRetentionDays int);
    INSERT INTO @Cur
    SELECT s.MailEnabled, s.MailProfile, s.MailRecipients, s.MailMinSeverity, s.SubjectPrefix, s.CriticalPeriodMinutes, s.WarningPeriodMinutes,
           s.InfoPeriodMinutes, s.StaleQueueMinutes, s.StaleOutboxMinutes, s.FailedRunsInARow, s.RunLimitMinutes, s.JobLimitMinutes,
           s.JobCategory, s.CheckEveryMinutes, s.RunLogRetentionDays, s.OrderEventRetentionDays, s.OutboxRetentionDays, s.AlertRetentionDays
    FROM woo.AlertSettings AS s;

    -- The values after the change ('' clears the two texts).
    DECLARE @NewEnabled char (1), @NewProfile sysname, @NewRecipients varchar (2000);
    SELECT @NewEnabled = ISNULL(@MailEnabled, c.MailEnabled),
           @NewProfile = CASE WHEN @MailProfile IS NULL THEN c.MailProfile ELSE NULLIF(LTRIM(RTRIM(@MailProfile)), N'') END,
           @NewRecipients = CASE WHEN @MailRecipients IS NULL THEN c.MailRecipients ELSE NULLIF(LTRIM(RTRIM(@MailRecipients)), '') END
    FROM @Cur AS c;

    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @MailEnabled IS NOT NULL AND @MailEnabled NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@MailEnabled must be NULL, Y or N.');
    IF @MailMinSeverity IS NOT NULL AND @MailMinSeverity NOT IN ('INFO', 'WARNING', 'CRITICAL')
        INSERT INTO @Errors ([Message]) VALUES (N'@MailMinSeverity must be INFO, WARNING or CRITICAL.');
    IF @NewEnabled = 'Y' AND (@NewProfile IS NULL OR @NewRecipients IS NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'mail needs a Database Mail profile (@MailProfile) and recipients (@MailRecipients) before @MailEnabled = ''Y''.');
    INSERT INTO @Errors ([Message])
    SELECT N'@MailRecipients: ''' + CONVERT(nvarchar (2000), LTRIM(RTRIM(r.[value]))) + N''' is not an e-mail address (separate addresses with ;).'
    FROM STRING_SPLIT(REPLACE(ISNULL(@MailRecipients, ''), ',', ';'), ';') AS r
    WHERE LTRIM(RTRIM(r.[value])) <> '' AND (LTRIM(RTRIM(r.[value])) NOT LIKE '%_@_%._%' OR LTRIM(RTRIM(r.[value])) LIKE '% %');
    INSERT INTO @Errors ([Message])
    SELECT N'@' + v.Name + N' must be between ' + CONVERT(nvarchar (10), v.Low) + N' and ' + CONVERT(nvarchar (10), v.High) + N'.'
    FROM (VALUES (N'CriticalPeriodMinutes', @CriticalPeriodMinutes, 1, 10080), (N'WarningPeriodMinutes', @WarningPeriodMinutes, 1, 10080),
                 (N'InfoPeriodMinutes', @InfoPeriodMinutes, 1, 10080), (N'StaleQueueMinutes', @StaleQueueMinutes, 1, 10080),
                 (N'StaleOutboxMinutes', @StaleOutboxMinutes, 1, 10080), (N'RunLimitMinutes', @RunLimitMinutes, 1, 10080),
                 (N'JobLimitMinutes', @JobLimitMinutes, 1, 10080), (N'CheckEveryMinutes', @CheckEveryMinutes, 0, 1440),
                 (N'FailedRunsInARow', @FailedRunsInARow, 1, 1000), (N'RunLogRetentionDays', @RunLogRetentionDays, 1, 3650),
                 (N'OrderEventRetentionDays', @OrderEventRetentionDays, 1, 3650), (N'OutboxRetentionDays', @OutboxRetentionDays, 1, 3650),
                 (N'AlertRetentionDays', @AlertRetentionDays, 1, 3650)) AS v (Name, Value, Low, High)
    WHERE v.Value IS NOT NULL AND v.Value NOT BETWEEN v.Low AND v.High;
    IF @JobCategory IS NOT NULL AND LTRIM(RTRIM(@JobCategory)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@JobCategory cannot be empty (NULL keeps it; the default is CpOrders).');

    -- The profile in msdb: readable by sysadmin (msdb grants nobody else SELECT on sysmail_profile). A missing profile is
    -- an error; a profile the caller cannot look up is reported as not checked (woo.usp_SendAlertDigest then raises
    -- CPO-MAIL-PROFILE if Database Mail refuses it).
    DECLARE @ProfileCheck nvarchar (1000);
    IF @NewProfile IS NOT NULL
    BEGIN
        IF ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.sysmail_profile', N'OBJECT', N'SELECT'), 0) = 0
           OR ISNULL(HAS_PERMS_BY_NAME(N'msdb.dbo.sysmail_principalprofile', N'OBJECT', N'SELECT'), 0) = 0
            SET @ProfileCheck = N'not checked: the caller cannot read msdb.dbo.sysmail_profile (sysadmin can); a sysadmin can run this procedure again to check it.';
        ELSE
        BEGIN
            BEGIN TRY
                DECLARE @ProfileId int = (SELECT p.profile_id FROM msdb.dbo.sysmail_profile AS p WHERE p.name = @NewProfile);
                IF @ProfileId IS NULL
                    INSERT INTO @Errors ([Message])
                    VALUES (N'CPO-MAIL-PROFILE: Database Mail has no profile ''' + @NewProfile + N''' on this server (msdb.dbo.sysmail_profile): create it (SSMS, Database Mail, or msdb.dbo.sysmail_add_profile_sp) or give the right name.');
                ELSE
                    SET @ProfileCheck = N'profile ''' + @NewProfile + N''' exists; '
                        + CASE WHEN EXISTS (SELECT 1 FROM msdb.dbo.sysmail_principalprofile AS pp WHERE pp.profile_id = @ProfileId AND pp.principal_sid = 0x00)
                               THEN N'it is public (every DatabaseMailUserRole member may use it).'
                               ELSE N'it is private: grant it to the job login''s msdb user (msdb.dbo.sysmail_add_principalprofile_sp), README Alerts.' END;
            END TRY
            BEGIN CATCH
                SET @ProfileCheck = N'not checked: cannot read msdb.dbo.sysmail_profile (' + ERROR_MESSAGE() + N'); a sysadmin can run this procedure again to check it.';
            END CATCH;
        END;
    END;

    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_SetAlertSetting: nothing was changed; fix every problem:' + (SELECT NCHAR(10) + CASE WHEN e.[Message] LIKE N'CPO-%' THEN N'' ELSE N'CPO-PARAM: ' END + e.[Message]
                                            FROM @Errors AS e ORDER BY e.Id FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50601, @All, 1;
    END;

    SELECT v.Setting, v.[Current], v.[New]
    FROM @Cur AS c
    CROSS APPLY (VALUES (1, N'MailEnabled', CONVERT(nvarchar (2000), c.MailEnabled), CONVERT(nvarchar (2000), @NewEnabled)),
                        (2, N'MailProfile', c.MailProfile, @NewProfile),
                        (3, N'MailRecipients', CONVERT(nvarchar (2000), c.MailRecipients), CONVERT(nvarchar (2000), @NewRecipients)),
                        (4, N'MailMinSeverity', c.MailMinSeverity, ISNULL(@MailMinSeverity, c.MailMinSeverity)),
                        (5, N'SubjectPrefix', c.SubjectPrefix, ISNULL(@SubjectPrefix, c.SubjectPrefix)),
                        (6, N'CriticalPeriodMinutes', CONVERT(nvarchar (20), c.CriticalPeriodMinutes), CONVERT(nvarchar (20), ISNULL(@CriticalPeriodMinutes, c.CriticalPeriodMinutes))),
                        (7, N'WarningPeriodMinutes', CONVERT(nvarchar (20), c.WarningPeriodMinutes), CONVERT(nvarchar (20), ISNULL(@WarningPeriodMinutes, c.WarningPeriodMinutes))),
                        (8, N'InfoPeriodMinutes', CONVERT(nvarchar (20), c.InfoPeriodMinutes), CONVERT(nvarchar (20), ISNULL(@InfoPeriodMinutes, c.InfoPeriodMinutes))),
                        (9, N'StaleQueueMinutes', CONVERT(nvarchar (20), c.StaleQueueMinutes), CONVERT(nvarchar (20), ISNULL(@StaleQueueMinutes, c.StaleQueueMinutes))),
                        (10, N'StaleOutboxMinutes', CONVERT(nvarchar (20), c.StaleOutboxMinutes), CONVERT(nvarchar (20), ISNULL(@StaleOutboxMinutes, c.StaleOutboxMinutes))),
                        (11, N'FailedRunsInARow', CONVERT(nvarchar (20), c.FailedRunsInARow), CONVERT(nvarchar (20), ISNULL(@FailedRunsInARow, c.FailedRunsInARow))),
                        (12, N'RunLimitMinutes', CONVERT(nvarchar (20), c.RunLimitMinutes), CONVERT(nvarchar (20), ISNULL(@RunLimitMinutes, c.RunLimitMinutes))),
                        (13, N'JobLimitMinutes', CONVERT(nvarchar (20), c.JobLimitMinutes), CONVERT(nvarchar (20), ISNULL(@JobLimitMinutes, c.JobLimitMinutes))),
                        (14, N'JobCategory', c.JobCategory, ISNULL(@JobCategory, c.JobCategory)),
                        (15, N'CheckEveryMinutes', CONVERT(nvarchar (20), c.CheckEveryMinutes), CONVERT(nvarchar (20), ISNULL(@CheckEveryMinutes, c.CheckEveryMinutes))),
                        (16, N'RunLogRetentionDays', CONVERT(nvarchar (20), c.RunLogRetentionDays), CONVERT(nvarchar (20), ISNULL(@RunLogRetentionDays, c.RunLogRetentionDays))),
                        (17, N'OrderEventRetentionDays', CONVERT(nvarchar (20), c.OrderEventRetentionDays), CONVERT(nvarchar (20), ISNULL(@OrderEventRetentionDays, c.OrderEventRetentionDays))),
                        (18, N'OutboxRetentionDays', CONVERT(nvarchar (20), c.OutboxRetentionDays), CONVERT(nvarchar (20), ISNULL(@OutboxRetentionDays, c.OutboxRetentionDays))),
                        (19, N'AlertRetentionDays', CONVERT(nvarchar (20), c.AlertRetentionDays), CONVERT(nvarchar (20), ISNULL(@AlertRetentionDays, c.AlertRetentionDays))),
                        (20, N'(Database Mail profile)', NULL, @ProfileCheck)) AS v (Ord, Setting, [Current], [New])
    ORDER BY v.Ord;
    IF @ProfileCheck IS NOT NULL
        RAISERROR (N'woo.usp_SetAlertSetting: %s', 10, 1, @ProfileCheck) WITH NOWAIT;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_SetAlertSetting: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    UPDATE s
    SET MailEnabled = ISNULL(@MailEnabled, s.MailEnabled),
        MailProfile = CASE WHEN @MailProfile IS NULL THEN s.MailProfile ELSE @NewProfile END,
        MailRecipients = CASE WHEN @MailRecipients IS NULL THEN s.MailRecipients ELSE @NewRecipients END,
        MailMinSeverity = ISNULL(@MailMinSeverity, s.MailMinSeverity), SubjectPrefix = ISNULL(@SubjectPrefix, s.SubjectPrefix),
        CriticalPeriodMinutes = ISNULL(@CriticalPeriodMinutes, s.CriticalPeriodMinutes), WarningPeriodMinutes = ISNULL(@WarningPeriodMinutes, s.WarningPeriodMinutes),
        InfoPeriodMinutes = ISNULL(@InfoPeriodMinutes, s.InfoPeriodMinutes), StaleQueueMinutes = ISNULL(@StaleQueueMinutes, s.StaleQueueMinutes),
        StaleOutboxMinutes = ISNULL(@StaleOutboxMinutes, s.StaleOutboxMinutes), FailedRunsInARow = ISNULL(@FailedRunsInARow, s.FailedRunsInARow),
        RunLimitMinutes = ISNULL(@RunLimitMinutes, s.RunLimitMinutes), JobLimitMinutes = ISNULL(@JobLimitMinutes, s.JobLimitMinutes),
        JobCategory = ISNULL(@JobCategory, s.JobCategory), CheckEveryMinutes = ISNULL(@CheckEveryMinutes, s.CheckEveryMinutes),
        RunLogRetentionDays = ISNULL(@RunLogRetentionDays, s.RunLogRetentionDays), OrderEventRetentionDays = ISNULL(@OrderEventRetentionDays, s.OrderEventRetentionDays),
        OutboxRetentionDays = ISNULL(@OutboxRetentionDays, s.OutboxRetentionDays), AlertRetentionDays = ISNULL(@AlertRetentionDays, s.AlertRetentionDays),
        UpdatedAtUtc = SYSUTCDATETIME(), UpdatedBy = ORIGINAL_LOGIN()
    FROM woo.AlertSetting AS s WITH (UPDLOCK, HOLDLOCK)
    WHERE s.SettingId = 1;
    IF @@ROWCOUNT = 0
        INSERT INTO woo.AlertSetting (SettingId, MailEnabled, MailProfile, MailRecipients, MailMinSeverity, SubjectPrefix, CriticalPeriodMinutes,
                                      WarningPeriodMinutes, InfoPeriodMinutes, StaleQueueMinutes, StaleOutboxMinutes, FailedRunsInARow, RunLimitMinutes,
                                      JobLimitMinutes, JobCategory, CheckEveryMinutes, RunLogRetentionDays, OrderEventRetentionDays, OutboxRetentionDays,
                                      AlertRetentionDays)
        VALUES (1, @MailEnabled, @NewProfile, @NewRecipients, @MailMinSeverity, @SubjectPrefix, @CriticalPeriodMinutes, @WarningPeriodMinutes,
                @InfoPeriodMinutes, @StaleQueueMinutes, @StaleOutboxMinutes, @FailedRunsInARow, @RunLimitMinutes, @JobLimitMinutes, @JobCategory,
                @CheckEveryMinutes, @RunLogRetentionDays, @OrderEventRetentionDays, @OutboxRetentionDays, @AlertRetentionDays);
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_SetAlertSetting: done (the change is listed; woo.AlertSettings shows the values in force).', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
