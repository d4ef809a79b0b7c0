-- Installs (or brings up to date) the SQL Agent jobs of this CpOrders database from woo.fn_JobDefinitions (design 8,
-- issue 15 point 7). For a DBA (sysadmin: only a sysadmin may make another login own a job); granted to no role.
-- Idempotent: a job is found by its name and updated in place (owner, category, description, notification, its one
-- T-SQL step, its schedule, the schedule's owner), so a second run leaves one job of each with one step and one
-- schedule; the job's and the schedule's enabled state and history are kept (a job pre-deploy disabled stays disabled
-- until post-deploy re-enables it; a schedule a DBA disabled stays disabled).
-- Notification (issue 15: "be told, once"): a job that repeats within the day (PIPELINE every 30 s, CATALOG hourly,
-- ALERT_DIGEST every 5 minutes) has no SQL Agent notification at all - no e-mail, no event log entry - because a shop
-- outage would fail it every run; its failures reach a person through the alert digest (woo.usp_CheckAlerts: failing
-- steps, runs longer than their limit, a stuck pipeline; one digest per problem class per period). Only the daily jobs
-- (CATALOG_FULL, RECONCILE, HOUSEKEEPING: at most one failure a day) write the event log and e-mail @OperatorName.
-- The owner is a dedicated NON-sysadmin login that is mapped to a user of this database holding only the CpOrdersJob
-- role; a T-SQL job step owned by a non-sysadmin runs as that login (no proxy), so the jobs have exactly the job
-- role's permissions. Every problem (parameters, owner, operator, jobs) is reported at once before anything changes.
-- @Jobs: 'ALL' or a comma list of JobKey (PIPELINE, CATALOG, CATALOG_FULL, HOUSEKEEPING, ALERT_DIGEST). With 'ALL',
-- a job whose procedure this database does not have yet is left out with a message; named, it is an error.
-- @Execute = 'N' checks everything and lists what it would do; it changes nothing (not even the job category).
-- Each job is made in one transaction (msdb's procedures nest in it); an msdb procedure's non-zero return stops it.
CREATE PROCEDURE [woo].[usp_InstallJobs]
    @Owner           sysname,
    @IntervalSeconds int = 30,
    @OperatorName    sysname = NULL,     -- an Agent operator e-mailed when a daily job fails (NULL: none; never for the frequent jobs)
    @Jobs            nvarchar (400) = N'ALL',
    @Execute         char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Db sysname = DB_NAME(), @Category sysname = N'CpOrders';
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @IntervalSeconds IS NULL OR @IntervalSeconds NOT BETWEEN 10 AND 3600
        INSERT INTO @Errors ([Message]) VALUES (N'@IntervalSeconds must be between 10 (SQL Agent''s smallest interval) and 3600.');
    IF ISNULL(IS_SRVROLEMEMBER(N'sysadmin'), 0) <> 1
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-SYSADMIN: only a sysadmin can make another login own a job; a sysadmin runs woo.usp_InstallJobs (the jobs then run as @Owner, not as the sysadmin).');
    IF CONVERT(int, SERVERPROPERTY('EngineEdition')) = 4
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-EXPRESS: this is SQL Server Express, which has no SQL Server Agent; schedule the pipeline with Windows Task Scheduler: EXEC woo.usp_ScriptTaskScheduler (README, Scheduling).');

    -- The owner: a login that exists and is enabled, is not sysadmin, and is mapped to a user of this database whose
    -- only role is CpOrdersJob (design 8).
    DECLARE @OwnerSid varbinary (85), @OwnerType char (1), @OwnerDisabled bit, @UserId int, @UserName sysname, @OtherRoles nvarchar (2000);
    SELECT @OwnerSid = p.[sid], @OwnerType = p.[type], @OwnerDisabled = p.is_disabled
    FROM sys.server_principals AS p WHERE p.name = @Owner;
    IF @OwnerSid IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: @Owner ''' + ISNULL(@Owner, N'NULL') + N''' is not a login of this server; create the dedicated job login first (README, Scheduling).');
    ELSE
    BEGIN
        IF @OwnerType NOT IN ('S', 'U')
            INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: @Owner ' + @Owner + N' is not a SQL Server login or a Windows user login (a group or a certificate cannot own a job).');
        IF @OwnerDisabled = 1
            INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: login ' + @Owner + N' is disabled (ALTER LOGIN ... ENABLE).');
        -- Judged on the owner's real token (EXECUTE AS LOGIN), not IS_SRVROLEMEMBER(role, login), which can miss a
        -- sysadmin Windows group or CONTROL SERVER: such an owner would run the steps unimpersonated (design 8).
        DECLARE @OwnerIsAdmin int = NULL;
        IF @OwnerType IN ('S', 'U') AND ISNULL(@OwnerDisabled, 0) = 0 AND ISNULL(IS_SRVROLEMEMBER(N'sysadmin'), 0) = 1
        BEGIN TRY
            EXECUTE AS LOGIN = @Owner;
            SET @OwnerIsAdmin = CASE WHEN IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1 THEN 1 ELSE 0 END;
            REVERT;
        END TRY
        BEGIN CATCH
            INSERT INTO @Errors ([Message]) VALUES (LEFT(N'CPO-JOBS-OWNER: login ' + @Owner + N' could not be checked as itself (EXECUTE AS LOGIN: ' + ERROR_MESSAGE() + N'); fix the login (for a Windows login: is the domain controller reachable?).', 4000));
        END CATCH;
        IF IS_SRVROLEMEMBER(N'sysadmin', @Owner) = 1 OR @OwnerIsAdmin = 1
            INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: login ' + @Owner + N' is a sysadmin or holds CONTROL SERVER (directly or through a Windows group); the jobs must run with the job role''s permissions only: use a dedicated login that is not a sysadmin (design 8).');
        SELECT @UserId = u.principal_id, @UserName = u.name FROM sys.database_principals AS u WHERE u.[sid] = @OwnerSid AND u.[type] IN ('S', 'U');
        IF @UserId IS NULL
            INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: login ' + @Owner + N' has no user in database ' + @Db + N': CREATE USER ... FOR LOGIN ...; ALTER ROLE CpOrdersJob ADD MEMBER ... (README, Scheduling).');
        ELSE
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.database_role_members AS m JOIN sys.database_principals AS r ON r.principal_id = m.role_principal_id
                           WHERE m.member_principal_id = @UserId AND r.name = N'CpOrdersJob')
                INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: user ' + @UserName + N' (login ' + @Owner + N') is not a member of role CpOrdersJob: ALTER ROLE CpOrdersJob ADD MEMBER ' + QUOTENAME(@UserName) + N';');
            SET @OtherRoles = (SELECT STRING_AGG(CONVERT(nvarchar (max), r.name), N', ')
                               FROM sys.database_role_members AS m JOIN sys.database_principals AS r ON r.principal_id = m.role_principal_id
                               WHERE m.member_principal_id = @UserId AND r.name <> N'CpOrdersJob');
            IF @OtherRoles IS NOT NULL
                INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OWNER: user ' + @UserName + N' (login ' + @Owner + N') is also a member of ' + @OtherRoles + N'; the job login holds only the CpOrdersJob role (design 8).');
        END;
    END;
    IF @OperatorName IS NOT NULL AND NOT EXISTS (SELECT 1 FROM msdb.dbo.sysoperators AS o WHERE o.name = @OperatorName)
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-JOBS-OPERATOR: @OperatorName ''' + @OperatorName + N''' is not a SQL Agent operator (msdb.dbo.sp_add_operator).');

    -- The jobs.
    DECLARE @Wanted TABLE (JobKey varchar (400) NOT NULL PRIMARY KEY);   -- the parameter's size: a long name gets the collected message, not error 2628
    IF @Jobs IS NULL OR LTRIM(RTRIM(@Jobs)) = N''
        INSERT INTO @Errors ([Message]) VALUES (N'@Jobs must be ALL or a comma list of jobs.');
    ELSE IF UPPER(LTRIM(RTRIM(@Jobs))) = N'ALL'
        INSERT INTO @Wanted (JobKey) SELECT d.JobKey FROM woo.fn_JobDefinitions(30) AS d;
    ELSE
    BEGIN
        INSERT INTO @Wanted (JobKey) SELECT DISTINCT UPPER(LTRIM(RTRIM(x.value))) FROM STRING_SPLIT(@Jobs, N',') AS x WHERE LTRIM(RTRIM(x.value)) <> N'';
        INSERT INTO @Errors ([Message])
        SELECT N'@Jobs names ' + w.JobKey + N', which is not a CpOrders job; the jobs are: ' + (SELECT STRING_AGG(d.JobKey, ', ') FROM woo.fn_JobDefinitions(30) AS d) + N'.'
        FROM @Wanted AS w WHERE NOT EXISTS (SELECT 1 FROM woo.fn_JobDefinitions(30) AS d WHERE d.JobKey = w.JobKey);
        INSERT INTO @Errors ([Message])
        SELECT N'CPO-JOBS-PROCEDURE: job ' + d.JobKey + N' runs ' + d.EntryProcedure + N', which this database does not have (deploy the CpOrders version that has it).'
        FROM woo.fn_JobDefinitions(30) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey
        WHERE OBJECT_ID(d.EntryProcedure, N'P') IS NULL;
    END;
    INSERT INTO @Errors ([Message])
    SELECT N'CPO-JOBS-NAME: the job name ' + d.JobName + N' is longer than 128 characters (the database name is part of it).'
    FROM woo.fn_JobDefinitions(30) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey WHERE LEN(d.JobName) > 128;
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_InstallJobs: no job was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50660, @All, 1;
    END;

    DECLARE @Plan TABLE (JobName sysname NOT NULL PRIMARY KEY, [Action] nvarchar (200) NOT NULL, Command nvarchar (400) NOT NULL,
                         Schedule nvarchar (200) NOT NULL, [Owner] sysname NOT NULL);
    DECLARE @JobKey varchar (20), @JobName sysname, @Description nvarchar (512), @Entry nvarchar (260), @Command nvarchar (400),
            @ScheduleName sysname, @FreqType int, @FreqInterval int, @SubdayType int, @SubdayInterval int, @StartTime int,
            @JobId uniqueidentifier, @ScheduleId int, @Rc int, @StepId int, @Msg nvarchar (2048), @Enabled tinyint,
            @NotifyEmail int, @NotifyEventLog int, @Changed int = 0;

    BEGIN TRY
        IF @Execute = 'Y' AND NOT EXISTS (SELECT 1 FROM msdb.dbo.syscategories AS c WHERE c.name = @Category AND c.category_class = 1)
        BEGIN
            EXEC @Rc = msdb.dbo.sp_add_category @class = 'JOB', @type = 'LOCAL', @name = @Category;
            IF @Rc <> 0
                THROW 50661, N'CPO-JOBS-MSDB: msdb.dbo.sp_add_category failed for category CpOrders; see the message above.', 1;
            RAISERROR (N'woo.usp_InstallJobs: created the job category %s.', 10, 1, @Category) WITH NOWAIT;
        END;

        DECLARE job_cursor CURSOR LOCAL FAST_FORWARD FOR
            SELECT d.JobKey, d.JobName, d.[Description], d.EntryProcedure, d.Command, d.ScheduleName, d.FreqType, d.FreqInterval,
                   d.FreqSubdayType, d.FreqSubdayInterval, d.ActiveStartTime
            FROM woo.fn_JobDefinitions(@IntervalSeconds) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey
            ORDER BY d.JobKey;
        OPEN job_cursor;
        FETCH NEXT FROM job_cursor INTO @JobKey, @JobName, @Description, @Entry, @Command, @ScheduleName, @FreqType, @FreqInterval,
                                        @SubdayType, @SubdayInterval, @StartTime;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            SELECT @JobId = NULL, @ScheduleId = NULL, @Enabled = NULL;
            SELECT @JobId = j.job_id, @Enabled = j.[enabled] FROM msdb.dbo.sysjobs AS j WHERE j.name = @JobName;
            IF OBJECT_ID(@Entry, N'P') IS NULL
            BEGIN
                -- Only with @Jobs = 'ALL' (named, it was an error above).
                RAISERROR (N'woo.usp_InstallJobs: job %s left out: this database has no %s yet (deploy the CpOrders version that has it, then run this again).', 10, 1, @JobName, @Entry) WITH NOWAIT;
                INSERT INTO @Plan (JobName, [Action], Command, Schedule, [Owner]) VALUES (@JobName, N'LEFT OUT (no ' + @Entry + N')', @Command, N'-', @Owner);
            END
            ELSE
            BEGIN
                -- Daily (FreqSubdayType 1: once a day) notifies on failure (2); a job repeating within the day never does (0).
                SET @NotifyEventLog = CASE WHEN @SubdayType = 1 THEN 2 ELSE 0 END;
                SET @NotifyEmail = CASE WHEN @SubdayType = 1 AND @OperatorName IS NOT NULL THEN 2 ELSE 0 END;
                SET @Msg = CASE WHEN @JobId IS NULL THEN N'CREATE' ELSE N'UPDATE' + CASE WHEN @Enabled = 0 THEN N' (stays disabled)' ELSE N'' END END;
                INSERT INTO @Plan (JobName, [Action], Command, Schedule, [Owner])
                VALUES (@JobName, @Msg, @Command,
                        CASE @SubdayType WHEN 1 THEN N'daily at ' + STUFF(STUFF(RIGHT(N'00000' + CONVERT(nvarchar (6), @StartTime), 6), 5, 0, N':'), 3, 0, N':')
                                         WHEN 2 THEN N'every ' + CONVERT(nvarchar (10), @SubdayInterval) + N' seconds'
                                         WHEN 4 THEN N'every ' + CONVERT(nvarchar (10), @SubdayInterval) + N' minute(s)'
                                         ELSE N'every ' + CONVERT(nvarchar (10), @SubdayInterval) + N' hour(s) from ' + STUFF(STUFF(RIGHT(N'00000' + CONVERT(nvarchar (6), @StartTime), 6), 5, 0, N':'), 3, 0, N':') END,
                        @Owner);
                IF @Execute = 'Y'
                BEGIN
                    BEGIN TRANSACTION;
                    IF @JobId IS NULL
                    BEGIN
                        EXEC @Rc = msdb.dbo.sp_add_job @job_name = @JobName, @enabled = 1, @description = @Description, @start_step_id = 1,
                             @category_name = @Category, @owner_login_name = @Owner, @notify_level_eventlog = @NotifyEventLog,
                             @notify_level_email = @NotifyEmail, @notify_email_operator_name = @OperatorName, @job_id = @JobId OUTPUT;
                        IF @Rc <> 0 THROW 50662, N'CPO-JOBS-MSDB: msdb.dbo.sp_add_job failed; see the message above.', 1;
                    END
                    ELSE
                    BEGIN
                        -- Without e-mail notification the operator name is not passed (it is then unused).
                        IF @NotifyEmail = 0
                            EXEC @Rc = msdb.dbo.sp_update_job @job_id = @JobId, @description = @Description, @start_step_id = 1,
                                 @category_name = @Category, @owner_login_name = @Owner, @notify_level_eventlog = @NotifyEventLog, @notify_level_email = 0;
                        ELSE
                            EXEC @Rc = msdb.dbo.sp_update_job @job_id = @JobId, @description = @Description, @start_step_id = 1,
                                 @category_name = @Category, @owner_login_name = @Owner, @notify_level_eventlog = @NotifyEventLog,
                                 @notify_level_email = @NotifyEmail, @notify_email_operator_name = @OperatorName;
                        IF @Rc <> 0 THROW 50663, N'CPO-JOBS-MSDB: msdb.dbo.sp_update_job failed; see the message above.', 1;
                    END;
                    -- One T-SQL step in this database (pre-deploy and woo.usp_UninstallJobs find the jobs by it). No
                    -- @database_user_name: the step runs as the owner login.
                    IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = @JobId AND s.step_id = 1)
                        EXEC @Rc = msdb.dbo.sp_update_jobstep @job_id = @JobId, @step_id = 1, @step_name = N'Run', @subsystem = N'TSQL',
                             @command = @Command, @database_name = @Db, @on_success_action = 1, @on_fail_action = 2,
                             @retry_attempts = 0, @retry_interval = 0;
                    ELSE
                        EXEC @Rc = msdb.dbo.sp_add_jobstep @job_id = @JobId, @step_id = 1, @step_name = N'Run', @subsystem = N'TSQL',
                             @command = @Command, @database_name = @Db, @on_success_action = 1, @on_fail_action = 2,
                             @retry_attempts = 0, @retry_interval = 0;
                    IF @Rc <> 0 THROW 50664, N'CPO-JOBS-MSDB: the job step could not be written (msdb.dbo.sp_update_jobstep / sp_add_jobstep); see the message above.', 1;
                    -- Steps someone added after step 1 go: the job is exactly its definition.
                    WHILE 1 = 1
                    BEGIN
                        SET @StepId = (SELECT MAX(s.step_id) FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = @JobId AND s.step_id > 1);
                        IF @StepId IS NULL BREAK;
                        EXEC @Rc = msdb.dbo.sp_delete_jobstep @job_id = @JobId, @step_id = @StepId;
                        IF @Rc <> 0 THROW 50665, N'CPO-JOBS-MSDB: msdb.dbo.sp_delete_jobstep failed; see the message above.', 1;
                    END;
                    SET @ScheduleId = (SELECT TOP (1) s.schedule_id FROM msdb.dbo.sysjobschedules AS js JOIN msdb.dbo.sysschedules AS s ON s.schedule_id = js.schedule_id
                                       WHERE js.job_id = @JobId AND s.name = @ScheduleName ORDER BY s.schedule_id);
                    IF @ScheduleId IS NULL
                        EXEC @Rc = msdb.dbo.sp_add_jobschedule @job_id = @JobId, @name = @ScheduleName, @enabled = 1, @freq_type = @FreqType,
                             @freq_interval = @FreqInterval, @freq_subday_type = @SubdayType, @freq_subday_interval = @SubdayInterval,
                             @freq_relative_interval = 0, @freq_recurrence_factor = 0, @active_start_time = @StartTime, @active_end_time = 235959,
                             @schedule_id = @ScheduleId OUTPUT;
                    ELSE
                        -- No @enabled (a schedule a DBA disabled stays disabled); the owner follows the job's.
                        EXEC @Rc = msdb.dbo.sp_update_schedule @schedule_id = @ScheduleId, @owner_login_name = @Owner, @freq_type = @FreqType,
                             @freq_interval = @FreqInterval, @freq_subday_type = @SubdayType, @freq_subday_interval = @SubdayInterval,
                             @freq_relative_interval = 0, @freq_recurrence_factor = 0, @active_start_time = @StartTime, @active_end_time = 235959;
                    IF @Rc <> 0 THROW 50666, N'CPO-JOBS-MSDB: the schedule could not be written (msdb.dbo.sp_add_jobschedule / sp_update_schedule); see the message above.', 1;
                    IF NOT EXISTS (SELECT 1 FROM msdb.dbo.sysjobservers AS v WHERE v.job_id = @JobId)
                    BEGIN
                        EXEC @Rc = msdb.dbo.sp_add_jobserver @job_id = @JobId, @server_name = N'(local)';
                        IF @Rc <> 0 THROW 50667, N'CPO-JOBS-MSDB: msdb.dbo.sp_add_jobserver failed; see the message above.', 1;
                    END;
                    COMMIT TRANSACTION;
                    SET @Changed += 1;
                    IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobschedules AS js JOIN msdb.dbo.sysschedules AS s ON s.schedule_id = js.schedule_id
                               WHERE js.job_id = @JobId AND s.name <> @ScheduleName)
                        RAISERROR (N'woo.usp_InstallJobs: WARNING: job %s has other schedules too (added by hand); they were left as they are.', 10, 1, @JobName) WITH NOWAIT;
                END;
                RAISERROR (N'woo.usp_InstallJobs: job %s: %s.', 10, 1, @JobName, @Msg) WITH NOWAIT;
            END;
            FETCH NEXT FROM job_cursor INTO @JobKey, @JobName, @Description, @Entry, @Command, @ScheduleName, @FreqType, @FreqInterval,
                                            @SubdayType, @SubdayInterval, @StartTime;
        END;
        CLOSE job_cursor;
        DEALLOCATE job_cursor;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        SET @Msg = LEFT(CONCAT(N'CPO-JOBS-INSTALL: job ', ISNULL(@JobName, N'-'), N' was not installed (', @Changed,
                               N' job(s) before it were): ', ERROR_MESSAGE()), 2048);
        THROW 50668, @Msg, 1;
    END CATCH;

    SELECT p.JobName, p.[Action], p.Schedule, p.Command, p.[Owner] FROM @Plan AS p ORDER BY p.JobName;
    SET @Msg = CASE WHEN @Execute = 'Y' THEN CONCAT(@Changed, N' job(s) created or updated, owned by ', @Owner, N'.')
                    ELSE N'@Execute = ''N'': nothing was changed.' END;
    RAISERROR (N'woo.usp_InstallJobs: %s', 10, 1, @Msg) WITH NOWAIT;
    RETURN 0;
END;
