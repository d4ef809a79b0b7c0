-- 1b. CpOrders' own database must run at compatibility level 130 or higher: its modules use OPENJSON, FOR JSON,
-- STRING_SPLIT and STRING_AGG, which fail at run time (not at deploy) under a lower level. Reported, never changed
-- (the deploy does not script database options, ScriptDatabaseOptions False): the message names the ALTER DATABASE
-- option a DBA sets (the deploy script itself never alters a database option: DeployTests). THROW stops the deploy before anything is changed.
DECLARE @CpoCompat tinyint = (SELECT d.compatibility_level FROM sys.databases AS d WHERE d.name = N'$(DatabaseName)'), @CpoCompatMessage nvarchar(2048);
IF @CpoCompat IS NOT NULL AND @CpoCompat < 130
BEGIN
    SET @CpoCompatMessage = N'CPO-DEPLOY-COMPATIBILITY: database [$(DatabaseName)] runs at compatibility level ' + CAST(@CpoCompat AS nvarchar(10))
        + N'; CpOrders needs 130 or higher (OPENJSON, FOR JSON, STRING_SPLIT). Nothing was changed. A DBA raises it with ALTER DATABASE [$(DatabaseName)], option COMPATIBILITY_LEVEL = 140 (SQL Server 2017; 130 on SQL Server 2016), then deploys again.';
    THROW 50104, @CpoCompatMessage, 1;
END;
DECLARE @CpoCompatText nvarchar(10) = ISNULL(CAST(@CpoCompat AS nvarchar(10)), N'new database');
RAISERROR (N'CpOrders pre-deploy: compatibility level (%s): no changes.', 10, 1, @CpoCompatText) WITH NOWAIT;
GO
