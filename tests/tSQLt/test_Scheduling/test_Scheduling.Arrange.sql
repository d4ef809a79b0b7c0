-- Helper (not a test): stores T15A and T15B enabled (T15B with an enabled stock rule), T15C disabled; the run log
-- faked with its identity; every step procedure spied: each records its call in #calls (the test creates it) and
-- fails where #fail names its step and store (THROW), or logs FAILED in its own run log row where #logfail does (as a
-- pull that ended on an error row does, without raising), or, where #leak names it (a table the test may create),
-- takes 'CpOrders.Pipeline' Shared (Session) and opens a transaction before it fails, as an error that bypasses a
-- step's own CATCH would leave them.
CREATE PROCEDURE [test_Scheduling].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StockRule', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId, StkLocId, PrcLocId)
    VALUES ('T15A', 'Y', N'https://a.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T15A', '1', '1', 'WEB', 'T15A', 'T15A'),
           ('T15B', 'Y', N'https://b.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T15B', '1', '1', 'WEB', 'T15B', 'T15B'),
           ('T15C', 'N', N'https://c.example/wp-json/wc/v3', 'basic', 'USD', N'UTC', 'T15C', '1', '1', 'WEB', 'T15C', 'T15C');
    INSERT INTO woo.StockRule (StoreId, IsEnabled) VALUES ('T15B', 'Y');

    DECLARE @Body nvarchar (max) = N'
INSERT INTO #calls (Step, StoreId, [Execute]) VALUES (''{STEP}'', @StoreId, @Execute);
IF OBJECT_ID(N''tempdb..#leak'') IS NOT NULL AND EXISTS (SELECT 1 FROM #leak AS f WHERE f.Step = ''{STEP}'' AND (f.StoreId = @StoreId OR f.StoreId IS NULL))
BEGIN
    EXEC sys.sp_getapplock @Resource = N''CpOrders.Pipeline'', @LockMode = N''Shared'', @LockOwner = N''Session'', @LockTimeout = 0, @DbPrincipal = N''public'';
    BEGIN TRANSACTION;
    THROW 50998, N''test_Scheduling: step {STEP} fails holding the pipeline lock and a transaction'', 1;
END;
IF EXISTS (SELECT 1 FROM #fail AS f WHERE f.Step = ''{STEP}'' AND (f.StoreId = @StoreId OR f.StoreId IS NULL))
    THROW 50999, N''test_Scheduling: step {STEP} fails'', 1;
IF @Execute = ''Y'' AND EXISTS (SELECT 1 FROM #logfail AS f WHERE f.Step = ''{STEP}'' AND (f.StoreId = @StoreId OR f.StoreId IS NULL))
    INSERT INTO woo.RunLog (Step, StoreId, Outcome, ErrorMessage) VALUES (''{LOG}'', @StoreId, ''FAILED'', N''test_Scheduling: logged failure'');';
    DECLARE @Pull nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'PULL'), N'{LOG}', N'PULL'),
            @Process nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'PROCESS'), N'{LOG}', N'PROCESS'),
            @Stock nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'STOCK'), N'{LOG}', N'STOCK'),
            @Catalog nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'CATALOG'), N'{LOG}', N'CATALOG');
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_PullOrders', @CommandToExecute = @Pull;
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_ProcessStagedOrders', @CommandToExecute = @Process;
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_PushStock', @CommandToExecute = @Stock;
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_ReadCatalog', @CommandToExecute = @Catalog;
    -- Steps being added to the pipeline (issue 15: push updates, fulfillment) are spied too once they exist, so no
    -- real step ever runs here; the tests assert on pull, process and stock, and on every call's @Execute.
    DECLARE @Push nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'PUSH_UPDATES'), N'{LOG}', N'PUSH_UPDATES'),
            @Fulfil nvarchar (max) = REPLACE(REPLACE(@Body, N'{STEP}', N'FULFILLMENT'), N'{LOG}', N'FULFILLMENT');
    IF OBJECT_ID(N'woo.usp_PushUpdates', N'P') IS NOT NULL
        EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_PushUpdates', @CommandToExecute = @Push;
    IF OBJECT_ID(N'woo.usp_SyncFulfillment', N'P') IS NOT NULL
        EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_SyncFulfillment', @CommandToExecute = @Fulfil;
END;
