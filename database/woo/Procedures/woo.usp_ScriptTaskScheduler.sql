-- Prints the Windows Task Scheduler commands that run this database's CpOrders jobs where there is no SQL Agent
-- (SQL Server Express; design 8): one schtasks /Create per job of woo.fn_JobDefinitions, each running sqlcmd with
-- Windows authentication (-E) as a dedicated Windows account, in this database, with -b so a failed run (THROW of
-- woo.usp_RunPipeline) ends sqlcmd with exit code 1 and Task Scheduler records "last run result 0x1". Task
-- Scheduler repeats at most once a minute, so the pipeline runs every minute (not every 30 seconds), and a task still
-- running when the next start is due is not started again (schtasks' default); the pipeline's applock guards anyway.
-- A Windows administrator runs the printed lines in an elevated cmd.exe; /RP * asks for the account's password
-- (never stored here). The account needs a Windows login on this instance, mapped to a user of this database that
-- holds only the CpOrdersJob role, like the Agent jobs' owner (README, Scheduling); the checks below report what is
-- missing as REM lines. Changes nothing. For a DBA; granted to no role.
CREATE PROCEDURE [woo].[usp_ScriptTaskScheduler]
    @RunAsAccount nvarchar (256),            -- DOMAIN\account (a dedicated Windows account, not an administrator)
    @ServerName   nvarchar (256) = NULL,     -- NULL = @@SERVERNAME (e.g. HOST\SQLEXPRESS)
    @SqlcmdPath   nvarchar (260) = N'sqlcmd',
    @Jobs         nvarchar (400) = N'ALL'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Server nvarchar (256) = ISNULL(@ServerName, @@SERVERNAME), @Db sysname = DB_NAME();
    IF @RunAsAccount IS NULL OR @RunAsAccount NOT LIKE N'%_\_%' OR @RunAsAccount LIKE N'%"%'
        INSERT INTO @Errors ([Message]) VALUES (N'@RunAsAccount must be a Windows account as DOMAIN\name (or MACHINE\name), without quotes.');
    IF @Server IS NULL OR @Server LIKE N'%"%'
        INSERT INTO @Errors ([Message]) VALUES (N'@ServerName must name this instance (HOST or HOST\INSTANCE), without quotes.');
    IF @SqlcmdPath IS NULL OR @SqlcmdPath LIKE N'%"%'
        INSERT INTO @Errors ([Message]) VALUES (N'@SqlcmdPath must be sqlcmd or its full path, without quotes.');
    IF @Db LIKE N'%"%'
        INSERT INTO @Errors ([Message]) VALUES (N'the database name contains a double quote, which a Task Scheduler command cannot carry.');
    DECLARE @Wanted TABLE (JobKey varchar (20) NOT NULL PRIMARY KEY);
    IF UPPER(LTRIM(RTRIM(ISNULL(@Jobs, N'')))) = N'ALL'
        INSERT INTO @Wanted (JobKey) SELECT d.JobKey FROM woo.fn_JobDefinitions(60) AS d WHERE OBJECT_ID(d.EntryProcedure, N'P') IS NOT NULL;
    ELSE
    BEGIN
        INSERT INTO @Wanted (JobKey) SELECT DISTINCT UPPER(LTRIM(RTRIM(x.value))) FROM STRING_SPLIT(@Jobs, N',') AS x WHERE LTRIM(RTRIM(x.value)) <> N'';
        INSERT INTO @Errors ([Message])
        SELECT N'@Jobs names ' + w.JobKey + N', which is not a CpOrders job; the jobs are: ' + (SELECT STRING_AGG(d.JobKey, ', ') FROM woo.fn_JobDefinitions(60) AS d) + N'.'
        FROM @Wanted AS w WHERE NOT EXISTS (SELECT 1 FROM woo.fn_JobDefinitions(60) AS d WHERE d.JobKey = w.JobKey);
        IF NOT EXISTS (SELECT 1 FROM @Wanted)
            INSERT INTO @Errors ([Message]) VALUES (N'@Jobs must be ALL or a comma list of jobs.');
    END;
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_ScriptTaskScheduler: nothing was printed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50680, @All, 1;
    END;

    -- What the account still needs (reported, not refused: the login may be made after the task).
    DECLARE @Notes TABLE (Id int IDENTITY (1, 1) NOT NULL, Line nvarchar (2000) NOT NULL);
    DECLARE @Sid varbinary (85) = (SELECT p.[sid] FROM sys.server_principals AS p WHERE p.name = @RunAsAccount AND p.[type] = 'U'), @UserId int;
    IF @Sid IS NULL
        INSERT INTO @Notes (Line) VALUES (N'REM TODO: ' + @RunAsAccount + N' has no Windows login here: CREATE LOGIN ' + QUOTENAME(@RunAsAccount) + N' FROM WINDOWS;');
    ELSE
    BEGIN
        IF IS_SRVROLEMEMBER(N'sysadmin', @RunAsAccount) = 1
            INSERT INTO @Notes (Line) VALUES (N'REM TODO: ' + @RunAsAccount + N' is a sysadmin; use a dedicated account holding only the CpOrdersJob role.');
        SET @UserId = (SELECT u.principal_id FROM sys.database_principals AS u WHERE u.[sid] = @Sid);
        IF @UserId IS NULL
            INSERT INTO @Notes (Line) VALUES (N'REM TODO: in ' + @Db + N': CREATE USER ' + QUOTENAME(@RunAsAccount) + N' FOR LOGIN ' + QUOTENAME(@RunAsAccount) + N'; ALTER ROLE CpOrdersJob ADD MEMBER ' + QUOTENAME(@RunAsAccount) + N';');
        ELSE IF NOT EXISTS (SELECT 1 FROM sys.database_role_members AS m JOIN sys.database_principals AS r ON r.principal_id = m.role_principal_id
                            WHERE m.member_principal_id = @UserId AND r.name = N'CpOrdersJob')
            INSERT INTO @Notes (Line) VALUES (N'REM TODO: in ' + @Db + N': ALTER ROLE CpOrdersJob ADD MEMBER ' + QUOTENAME(@RunAsAccount) + N';');
    END;
    IF CONVERT(int, SERVERPROPERTY('EngineEdition')) <> 4
        INSERT INTO @Notes (Line) VALUES (N'REM NOTE: this instance has SQL Agent (not Express): woo.usp_InstallJobs is the usual way; do not run both.');

    DECLARE @Lines TABLE (Id int IDENTITY (1, 1) NOT NULL, Line nvarchar (4000) NOT NULL);
    INSERT INTO @Lines (Line) VALUES (N'REM CpOrders ' + @Db + N' on ' + @Server + N': Windows Task Scheduler tasks (elevated cmd.exe; /RP * asks for the password of ' + @RunAsAccount + N').');
    INSERT INTO @Lines (Line) SELECT n.Line FROM @Notes AS n ORDER BY n.Id;
    INSERT INTO @Lines (Line)
    SELECT N'schtasks /Create /F /TN "' + REPLACE(d.JobName, N'.', N'\') + N'" ' + d.TaskSchedule
           + N' /RU "' + @RunAsAccount + N'" /RP * /TR "' + @SqlcmdPath + N' -E -b -S \"' + @Server + N'\" -d \"' + @Db + N'\" -Q \"' + d.Command + N'\""'
    FROM woo.fn_JobDefinitions(60) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey
    ORDER BY d.JobKey;
    -- schtasks accepts a /TR command of at most 261 characters.
    INSERT INTO @Lines (Line)
    SELECT N'REM WARNING: the command of ' + d.JobName + N' is longer than the 261 characters schtasks /TR accepts: put it in a .cmd file and point /TR at that file.'
    FROM woo.fn_JobDefinitions(60) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey
    WHERE LEN(@SqlcmdPath + N' -E -b -S \"' + @Server + N'\" -d \"' + @Db + N'\" -Q \"' + d.Command + N'\"') > 261;
    INSERT INTO @Lines (Line) VALUES (N'REM Remove them with: schtasks /Delete /F /TN "<name>" (one per task above).');

    DECLARE @Id int = 0, @Line nvarchar (4000);
    WHILE 1 = 1
    BEGIN
        SELECT TOP (1) @Id = l.Id, @Line = l.Line FROM @Lines AS l WHERE l.Id > @Id ORDER BY l.Id;
        IF @@ROWCOUNT = 0 BREAK;
        RAISERROR (N'%s', 10, 1, @Line) WITH NOWAIT;
    END;
    SELECT l.Line FROM @Lines AS l ORDER BY l.Id;
    RETURN 0;
END;
