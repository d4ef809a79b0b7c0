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
-- The /TR command (schtasks /Create docs: "Type the fully qualified path and file name ... If you don't add the path,
-- schtasks assumes that the file is in the <systemroot>\System32 directory", where sqlcmd is not): @SqlcmdPath is
-- required and must be a full path to the .exe; it is always quoted, because its usual place (C:\Program Files\...)
-- has a space and an unquoted path runs "C:\Program" (last run result 0x80070002). The whole /TR value is one quoted
-- argument of schtasks with its inner quotes written \" (schtasks' own example: /tr "\"c:\program files\...\" args").
-- cmd.exe does not know \", so its quote state flips at each quote; every name printed is therefore refused when it
-- holds a character cmd.exe would act on outside quotes (& | ^ < > %) or one a task name cannot hold, and a job
-- command holding one is reported (WARNING: use a .cmd file). sqlcmd 18 (ODBC Driver 18 tools) encrypts by default and
-- refuses the self-signed certificate of a default Express install (a login error on every run): install a trusted
-- certificate, or @TrustServerCertificate = 'Y' adds -C (trust the server certificate; only where the task and the
-- instance are on one machine).
CREATE PROCEDURE [woo].[usp_ScriptTaskScheduler]
    @RunAsAccount nvarchar (256),            -- DOMAIN\account (a dedicated Windows account, not an administrator)
    @ServerName   nvarchar (256) = NULL,     -- NULL = @@SERVERNAME (e.g. HOST\SQLEXPRESS)
    @SqlcmdPath   nvarchar (260),            -- required: the full path of SQLCMD.EXE, e.g. C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE
    @Jobs         nvarchar (400) = N'ALL',
    @TrustServerCertificate char (1) = 'N'   -- Y: sqlcmd -C (sqlcmd 18 and Express's self-signed certificate)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Server nvarchar (256) = ISNULL(@ServerName, @@SERVERNAME), @Db sysname = DB_NAME();
    -- cmd.exe acts on & | ^ < > (and expands %VAR%) wherever its quote state is off; a double quote would end the argument.
    DECLARE @CmdSpecial nvarchar (20) = N'%[&|<>^%"]%';
    IF @RunAsAccount IS NULL OR @RunAsAccount NOT LIKE N'%_\_%' OR @RunAsAccount LIKE @CmdSpecial
        INSERT INTO @Errors ([Message]) VALUES (N'@RunAsAccount must be a Windows account as DOMAIN\name (or MACHINE\name), without quotes or & | ^ < > %.');
    IF @Server IS NULL OR @Server LIKE @CmdSpecial
        INSERT INTO @Errors ([Message]) VALUES (N'@ServerName must name this instance (HOST or HOST\INSTANCE), without quotes or & | ^ < > %.');
    IF @SqlcmdPath IS NULL OR NOT (@SqlcmdPath LIKE N'[A-Za-z]:\%' OR @SqlcmdPath LIKE N'\\%') OR @SqlcmdPath NOT LIKE N'%_.exe'
       OR @SqlcmdPath LIKE @CmdSpecial
        INSERT INTO @Errors ([Message]) VALUES (N'@SqlcmdPath must be the full path of SQLCMD.EXE (e.g. C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE; where sqlcmd in cmd.exe shows it), without quotes or & | ^ < > %: schtasks looks for a bare name in System32 only.');
    IF @TrustServerCertificate IS NULL OR @TrustServerCertificate NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@TrustServerCertificate must be Y or N.');
    IF @Db LIKE @CmdSpecial OR @Db LIKE N'%[:*?/]%'
        INSERT INTO @Errors ([Message]) VALUES (N'the database name holds a character a Task Scheduler task name or a cmd.exe line cannot carry (" & | ^ < > % : * ? /); schedule it by hand with a .cmd file.');
    DECLARE @Wanted TABLE (JobKey varchar (400) NOT NULL PRIMARY KEY);   -- the parameter's size: a long name gets the collected message
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

    IF @TrustServerCertificate = 'N'
        INSERT INTO @Notes (Line) VALUES (N'REM NOTE: sqlcmd 18 (ODBC Driver 18 tools) encrypts by default and refuses a self-signed server certificate (a login error on every run): install a trusted certificate, or print these lines again with @TrustServerCertificate = ''Y'' (-C).');

    -- The /TR value as schtasks stores it, and as printed inside the quoted /TR argument (each inner quote as \").
    DECLARE @Tasks TABLE (JobKey varchar (20) NOT NULL PRIMARY KEY, JobName nvarchar (256) NOT NULL, TaskName nvarchar (300) NOT NULL,
                          TaskSchedule nvarchar (200) NOT NULL, Command nvarchar (400) NOT NULL, TaskRun nvarchar (2000) NOT NULL);
    INSERT INTO @Tasks (JobKey, JobName, TaskName, TaskSchedule, Command, TaskRun)
    SELECT d.JobKey, d.JobName, REPLACE(d.JobName, N'.', N'\'), d.TaskSchedule, d.Command,
           N'"' + @SqlcmdPath + N'" -E -b' + CASE WHEN @TrustServerCertificate = 'Y' THEN N' -C' ELSE N'' END
           + N' -S "' + @Server + N'" -d "' + @Db + N'" -Q "' + d.Command + N'"'
    FROM woo.fn_JobDefinitions(60) AS d JOIN @Wanted AS w ON w.JobKey = d.JobKey;

    DECLARE @Lines TABLE (Id int IDENTITY (1, 1) NOT NULL, Line nvarchar (4000) NOT NULL);
    INSERT INTO @Lines (Line) VALUES (N'REM CpOrders ' + @Db + N' on ' + @Server + N': Windows Task Scheduler tasks (elevated cmd.exe; /RP * asks for the password of ' + @RunAsAccount + N').');
    INSERT INTO @Lines (Line) SELECT n.Line FROM @Notes AS n ORDER BY n.Id;
    INSERT INTO @Lines (Line)
    SELECT N'schtasks /Create /F /TN "' + t.TaskName + N'" ' + t.TaskSchedule
           + N' /RU "' + @RunAsAccount + N'" /RP * /TR "' + REPLACE(t.TaskRun, N'"', N'\"') + N'"'
    FROM @Tasks AS t
    ORDER BY t.JobKey;
    -- schtasks accepts a /TR command of at most 261 characters (counted as stored: \" is one character).
    INSERT INTO @Lines (Line)
    SELECT N'REM WARNING: the command of ' + t.JobName + N' is longer than the 261 characters schtasks /TR accepts: put it in a .cmd file and point /TR at that file.'
    FROM @Tasks AS t WHERE LEN(t.TaskRun) > 261;
    INSERT INTO @Lines (Line)
    SELECT N'REM WARNING: the command of ' + t.JobName + N' holds a character cmd.exe acts on (& | ^ < > %): put the sqlcmd line in a .cmd file and point /TR at that file.'
    FROM @Tasks AS t WHERE t.Command LIKE @CmdSpecial;
    INSERT INTO @Lines (Line) VALUES (N'REM To remove these tasks (before uninstall/Uninstall.CpOrders.sql drops the database):');
    INSERT INTO @Lines (Line)
    SELECT N'REM   schtasks /Delete /F /TN "' + t.TaskName + N'"' FROM @Tasks AS t ORDER BY t.JobKey;

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
