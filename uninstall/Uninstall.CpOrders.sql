-- Removes CpOrders from this instance (issue 15 point 9; README, Uninstall): the SQL Agent jobs of CpOrders database
-- $(DatabaseName) and their schedules; in the Counterpoint database $(CounterpointDb) exactly what CpOrders' deploy made
-- there (PostDeploy/20.CounterpointAccess.sql): the certificate user CpOrders_<database>, which takes its grants with
-- it, and the public part(s) of CpOrders' signing certificate - never a Counterpoint row, table or other principal; the
-- database $(DatabaseName) itself; and the trusted-assembly entry of its CLR assembly, unless another database on the
-- instance still loads an assembly with that hash (several CpOrders databases can share an instance).
-- Kept: every Counterpoint row (documents and customers CpOrders wrote are Counterpoint's data now), the predecessor's
-- tables, the logins (the job and operator logins are server principals a DBA made: drop them by hand if unused), the
-- job category CpOrders while another database's jobs use it, backups, and Windows Task Scheduler tasks (Express:
-- step 2 prints the schtasks /Delete line of each).
-- Run as a sysadmin with sqlcmd (or SSMS in SQLCMD mode with :setvar lines added above). SQLCMD variables:
--   DatabaseName    the CpOrders database to remove
--   CounterpointDb  the Counterpoint company database it was deployed against (NONE: it no longer exists)
--   ConfirmDrop     must repeat DatabaseName: nothing happens otherwise
--   sqlcmd -E -b -S <server> -i uninstall/Uninstall.CpOrders.sql -v DatabaseName=CpOrders CounterpointDb=CPSQL ConfirmDrop=CpOrders
-- Every step is idempotent: after an interruption, run the script again.
:on error exit
SET NOCOUNT ON;
USE [master];
GO
-- 1. Checks, all reported at once; nothing is changed before they pass.
DECLARE @Problems nvarchar(max) = N'', @Msg nvarchar(2048);
IF ISNULL(IS_SRVROLEMEMBER(N'sysadmin'), 0) <> 1
    SET @Problems += N' | only a sysadmin can remove jobs owned by the job login, the trusted-assembly entry and the database.';
IF N'$(ConfirmDrop)' <> N'$(DatabaseName)'
    SET @Problems += N' | ConfirmDrop must repeat DatabaseName ($(DatabaseName)): this script drops that database.';
IF DB_ID(N'$(DatabaseName)') IS NOT NULL AND OBJECT_ID(N'[$(DatabaseName)].woo.SchemaVersion', N'U') IS NULL
    SET @Problems += N' | database [$(DatabaseName)] has no woo.SchemaVersion: it is not a CpOrders database (or this login cannot see it); nothing is removed.';
IF N'$(CounterpointDb)' <> N'NONE' AND DB_ID(N'$(CounterpointDb)') IS NULL
    SET @Problems += N' | the Counterpoint database [$(CounterpointDb)] does not exist; name it, or CounterpointDb=NONE if it is gone.';
IF N'$(CounterpointDb)' = N'$(DatabaseName)'
    SET @Problems += N' | CounterpointDb and DatabaseName are the same database; CpOrders lives in its own database.';
IF N'$(CounterpointDb)' <> N'NONE' AND OBJECT_ID(N'[$(CounterpointDb)].woo.SchemaVersion', N'U') IS NOT NULL
    SET @Problems += N' | [$(CounterpointDb)] is a CpOrders database, not the Counterpoint company database.';
IF @Problems <> N''
BEGIN
    SET @Msg = LEFT(N'CPO-UNINSTALL: nothing was changed:' + STUFF(@Problems, 1, 2, N' '), 2048);
    THROW 50690, @Msg, 1;
END;
-- The CLR assembly's SHA2_512, read before the database goes (step 5 needs it).
IF OBJECT_ID(N'tempdb..#CpoUninstallTrust') IS NULL
    CREATE TABLE #CpoUninstallTrust (Hash varbinary(64) NOT NULL PRIMARY KEY);
-- Dynamic SQL: on a second run the database may already be gone, and a static three-part name would not compile.
IF DB_ID(N'$(DatabaseName)') IS NOT NULL
    EXEC sys.sp_executesql N'INSERT INTO #CpoUninstallTrust (Hash)
        SELECT DISTINCT HASHBYTES(''SHA2_512'', f.content)
        FROM [$(DatabaseName)].sys.assembly_files AS f
        JOIN [$(DatabaseName)].sys.assemblies AS a ON a.assembly_id = f.assembly_id
        WHERE a.name = N''CpOrders.WooClr'' AND f.file_id = 1
          AND NOT EXISTS (SELECT 1 FROM #CpoUninstallTrust AS t WHERE t.Hash = HASHBYTES(''SHA2_512'', f.content));';
DECLARE @Recorded nvarchar(max) = ISNULL((SELECT STRING_AGG(CONVERT(nvarchar(max), CONVERT(nvarchar(130), t.Hash, 1)), N', ') FROM #CpoUninstallTrust AS t), N'none');
-- Printed now: if the script stops between step 4 and step 5, a new run no longer finds the hash in the dropped database.
RAISERROR (N'CpOrders uninstall: checks passed; the CLR assembly''s trusted hash: %s (if this script stops before step 5: EXEC sys.sp_drop_trusted_assembly @hash = <it>; when no database uses it).', 10, 1, @Recorded) WITH NOWAIT;
GO
-- 2. The jobs of this database (category CpOrders with a step in it, or named CpOrders.<database>.<Title>, where a
--    Title has no dot: so for database Shop the jobs of a CpOrders database Shop.Test, CpOrders.Shop.Test.<Title>, are
--    not selected) and their unshared schedules; the same selection as woo.usp_UninstallJobs, written out so it works
--    whatever version is deployed. Then the Windows Task Scheduler tasks (Express), which the script cannot remove.
DECLARE @JobId uniqueidentifier, @JobName sysname, @Rc int, @Msg nvarchar(2048);
DECLARE job_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT j.job_id, j.name FROM msdb.dbo.sysjobs AS j
    WHERE (EXISTS (SELECT 1 FROM msdb.dbo.syscategories AS c WHERE c.category_id = j.category_id AND c.name = N'CpOrders')
           AND EXISTS (SELECT 1 FROM msdb.dbo.sysjobsteps AS s WHERE s.job_id = j.job_id AND s.database_name = N'$(DatabaseName)'))
       OR (j.name LIKE REPLACE(REPLACE(REPLACE(N'CpOrders.$(DatabaseName).', N'[', N'[[]'), N'_', N'[_]'), N'%', N'[%]') + N'_%'
           AND SUBSTRING(j.name, LEN(N'CpOrders.$(DatabaseName).') + 1, 256) NOT LIKE N'%.%');
OPEN job_cursor;
FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC @Rc = msdb.dbo.sp_delete_job @job_id = @JobId, @delete_history = 1, @delete_unused_schedule = 1;
    IF @Rc <> 0
    BEGIN
        SET @Msg = N'CPO-UNINSTALL: msdb.dbo.sp_delete_job failed for job ' + @JobName + N' (see the message above); run the script again.';
        THROW 50691, @Msg, 1;
    END;
    RAISERROR (N'CpOrders uninstall: removed job %s and its unshared schedules.', 10, 1, @JobName) WITH NOWAIT;
    FETCH NEXT FROM job_cursor INTO @JobId, @JobName;
END;
CLOSE job_cursor;
DEALLOCATE job_cursor;
-- The category goes only when no job of any database uses it any more.
IF EXISTS (SELECT 1 FROM msdb.dbo.syscategories AS c WHERE c.name = N'CpOrders' AND c.category_class = 1)
   AND NOT EXISTS (SELECT 1 FROM msdb.dbo.sysjobs AS j JOIN msdb.dbo.syscategories AS c ON c.category_id = j.category_id WHERE c.name = N'CpOrders')
BEGIN
    EXEC @Rc = msdb.dbo.sp_delete_category @class = 'JOB', @name = N'CpOrders';
    IF @Rc <> 0
        THROW 50692, N'CPO-UNINSTALL: msdb.dbo.sp_delete_category failed for category CpOrders (see the message above); run the script again.', 1;
    PRINT N'CpOrders uninstall: removed the job category CpOrders (no job uses it).';
END;
PRINT N'CpOrders uninstall: jobs done.';
-- Task Scheduler tasks (woo.usp_ScriptTaskScheduler made them CpOrders\<database>\<Title>): a Windows administrator
-- deletes them; until then each fails once a run (the database is gone). One line per job CpOrders defines; a task that
-- was never made answers "cannot find".
PRINT N'CpOrders uninstall: Windows Task Scheduler tasks (Express): delete them in an elevated cmd.exe:';
DECLARE @Title sysname, @TaskLine nvarchar(400);
DECLARE task_cursor CURSOR LOCAL FAST_FORWARD FOR
    SELECT t.Title FROM (VALUES (N'Pipeline'), (N'Catalog'), (N'CatalogFull'), (N'Reconcile'), (N'Housekeeping'), (N'AlertDigest')) AS t (Title);
OPEN task_cursor;
FETCH NEXT FROM task_cursor INTO @Title;
WHILE @@FETCH_STATUS = 0
BEGIN
    SET @TaskLine = N'  schtasks /Delete /F /TN "' + REPLACE(N'CpOrders.$(DatabaseName).', N'.', N'\') + @Title + N'"';
    RAISERROR (N'%s', 10, 1, @TaskLine) WITH NOWAIT;
    FETCH NEXT FROM task_cursor INTO @Title;
END;
CLOSE task_cursor;
DEALLOCATE task_cursor;
GO
-- 3. The Counterpoint database: the certificate user CpOrders_<database> (its grants go with it) and CpOrders' public
--    certificate parts - the one the user is made from, and any other whose thumbprint is a signing certificate of
--    the CpOrders database and whose name has the shape CpOrders gives (<user> or <user>_<yyyymmddhhmmss>).
--    Nothing else there is touched: no row, no table, no other principal.
IF N'$(CounterpointDb)' = N'NONE'
    PRINT N'CpOrders uninstall: Counterpoint database: NONE given, nothing to remove there.';
ELSE
BEGIN
    DECLARE @Principal sysname = LEFT(N'CpOrders_' + N'$(DatabaseName)', 128);
    DECLARE @CpExec nvarchar(300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql', @Sql nvarchar(max), @Name sysname;
    DECLARE @UserType char(1), @UserSid varbinary(85);
    EXEC @CpExec N'SELECT @T = p.type, @S = p.sid FROM sys.database_principals AS p WHERE p.name = @P;',
         N'@P sysname, @T char(1) OUTPUT, @S varbinary(85) OUTPUT', @P = @Principal, @T = @UserType OUTPUT, @S = @UserSid OUTPUT;
    DECLARE @Ours TABLE (Thumbprint varbinary(32) NOT NULL);
    IF DB_ID(N'$(DatabaseName)') IS NOT NULL
        INSERT INTO @Ours (Thumbprint)
        EXEC sys.sp_executesql N'SELECT c.thumbprint FROM [$(DatabaseName)].sys.certificates AS c WHERE c.name LIKE N''CpOrdersCounterpointSigner%'';';
    DECLARE @CpCerts TABLE (CertName sysname NOT NULL, Thumbprint varbinary(32) NOT NULL, CertSid varbinary(85) NULL);
    INSERT INTO @CpCerts (CertName, Thumbprint, CertSid)
    EXEC @CpExec N'SELECT c.name, c.thumbprint, c.sid FROM sys.certificates AS c;';
    IF @UserType IS NOT NULL AND @UserType <> 'C'
        RAISERROR (N'CpOrders uninstall: WARNING: [%s] has a principal %s that is not a certificate user; CpOrders did not make it, so it stays.', 10, 1, N'$(CounterpointDb)', @Principal) WITH NOWAIT;
    ELSE IF @UserType = 'C'
    BEGIN
        SET @Sql = N'DROP USER ' + QUOTENAME(@Principal) + N';';
        EXEC @CpExec @Sql;
        RAISERROR (N'CpOrders uninstall: dropped user %s (and with it every grant CpOrders made) in [%s].', 10, 1, @Principal, N'$(CounterpointDb)') WITH NOWAIT;
    END;
    DECLARE cert_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT cc.CertName FROM @CpCerts AS cc
        WHERE (cc.CertSid = @UserSid AND @UserType = 'C')
           OR (EXISTS (SELECT 1 FROM @Ours AS o WHERE o.Thumbprint = cc.Thumbprint)
               AND (cc.CertName = @Principal
                    OR (RIGHT(cc.CertName, 15) LIKE N'[_]' + REPLICATE(N'[0-9]', 14)
                        AND LEFT(cc.CertName, CASE WHEN LEN(cc.CertName) > 15 THEN LEN(cc.CertName) - 15 ELSE 0 END) = LEFT(@Principal, 113))));
    OPEN cert_cursor;
    FETCH NEXT FROM cert_cursor INTO @Name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @Sql = N'DROP CERTIFICATE ' + QUOTENAME(@Name) + N';';
        EXEC @CpExec @Sql;
        RAISERROR (N'CpOrders uninstall: dropped certificate %s (public part of CpOrders'' signer) in [%s].', 10, 1, @Name, N'$(CounterpointDb)') WITH NOWAIT;
        FETCH NEXT FROM cert_cursor INTO @Name;
    END;
    CLOSE cert_cursor;
    DEALLOCATE cert_cursor;
    PRINT N'CpOrders uninstall: Counterpoint database done.';
END;
GO
-- 4. The CpOrders database (its queue, configuration, encrypted secrets, keys, certificates and assembly go with it).
--    RESTRICTED_USER, not SINGLE_USER: this script runs in master, so SINGLE_USER's one connection could be taken by
--    anyone (a Task Scheduler run every minute, SSMS Object Explorer) before DROP, leaving the database SINGLE_USER and
--    the DROP failing (3702); RESTRICTED_USER admits only db_owner, dbcreator and sysadmin, which the job and operator
--    logins are not.
IF DB_ID(N'$(DatabaseName)') IS NOT NULL
BEGIN
    ALTER DATABASE [$(DatabaseName)] SET RESTRICTED_USER WITH ROLLBACK IMMEDIATE;
    DROP DATABASE [$(DatabaseName)];
    PRINT N'CpOrders uninstall: dropped database [$(DatabaseName)].';
END
ELSE
    PRINT N'CpOrders uninstall: database [$(DatabaseName)] does not exist (already dropped).';
GO
-- 5. The trusted-assembly entry (added by the deploy, PreDeploy ClrTool section c): dropped only when no other
--    database holds an assembly with that hash; if a database cannot be checked, the entry stays and the reason is printed.
IF OBJECT_ID(N'tempdb..#CpoUninstallTrust') IS NOT NULL AND EXISTS (SELECT 1 FROM #CpoUninstallTrust)
BEGIN
    DECLARE @Hash varbinary(64), @HashText nvarchar(130), @DatabaseId int, @Database sysname, @State nvarchar(60),
            @Unchecked nvarchar(1500) = N'', @UsedIn sysname, @Sql nvarchar(max);
    DECLARE trust_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT t.Hash FROM #CpoUninstallTrust AS t WHERE EXISTS (SELECT 1 FROM sys.trusted_assemblies AS a WHERE a.[hash] = t.Hash);
    OPEN trust_cursor;
    FETCH NEXT FROM trust_cursor INTO @Hash;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SELECT @DatabaseId = 0, @UsedIn = NULL, @Unchecked = N'', @HashText = CONVERT(nvarchar(130), @Hash, 1);
        WHILE 1 = 1
        BEGIN
            SELECT TOP (1) @DatabaseId = database_id, @Database = name, @State = state_desc FROM sys.databases WHERE database_id > @DatabaseId ORDER BY database_id;
            IF @@ROWCOUNT = 0 BREAK;
            IF @State <> N'ONLINE' OR HAS_DBACCESS(@Database) = 0
            BEGIN
                SET @Unchecked = LEFT(@Unchecked + N' ' + QUOTENAME(@Database) + N' (' + CASE WHEN @State <> N'ONLINE' THEN @State ELSE N'no access' END + N')', 1500);
                CONTINUE;
            END;
            SET @Sql = N'IF EXISTS (SELECT 1 FROM ' + QUOTENAME(@Database) + N'.sys.assembly_files AS f WHERE HASHBYTES(''SHA2_512'', f.content) = @Hash) SET @UsedIn = @Database;';
            BEGIN TRY
                EXEC sys.sp_executesql @Sql, N'@Hash varbinary(64), @Database sysname, @UsedIn sysname OUTPUT', @Hash = @Hash, @Database = @Database, @UsedIn = @UsedIn OUTPUT;
            END TRY
            BEGIN CATCH
                SET @Unchecked = LEFT(@Unchecked + N' ' + QUOTENAME(@Database) + N' (' + ERROR_MESSAGE() + N')', 1500);
            END CATCH;
        END;
        IF @UsedIn IS NOT NULL
            RAISERROR (N'CpOrders uninstall: kept the trusted-assembly entry %s: database [%s] still holds an assembly with that hash.', 10, 1, @HashText, @UsedIn) WITH NOWAIT;
        ELSE IF @Unchecked <> N''
            RAISERROR (N'CpOrders uninstall: WARNING: kept the trusted-assembly entry %s: these databases could not be checked for it:%s. Drop it by hand when none uses it: EXEC sys.sp_drop_trusted_assembly @hash = %s;', 10, 1, @HashText, @Unchecked, @HashText) WITH NOWAIT;
        ELSE
        BEGIN
            EXEC sys.sp_drop_trusted_assembly @hash = @Hash;
            RAISERROR (N'CpOrders uninstall: dropped the trusted-assembly entry %s.', 10, 1, @HashText) WITH NOWAIT;
        END;
        FETCH NEXT FROM trust_cursor INTO @Hash;
    END;
    CLOSE trust_cursor;
    DEALLOCATE trust_cursor;
END
ELSE
    PRINT N'CpOrders uninstall: trusted-assembly entry: none recorded for this database (nothing to remove).';
IF OBJECT_ID(N'tempdb..#CpoUninstallTrust') IS NOT NULL
    DROP TABLE #CpoUninstallTrust;
PRINT N'CpOrders uninstall: done. Kept: Counterpoint''s rows, the predecessor''s tables, the logins, backups (README, Uninstall).';
GO
