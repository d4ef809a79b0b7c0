CREATE PROCEDURE [test_MigrateLegacyStaging].[test a migration run twice imports once and reports duplicates]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName, PullWatermarkUtc)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time', '2026-12-01T00:00:00');
    -- 901 applied as document 900901; 902 not applied, staged twice (the later row wins); 903 "applied" without a document id.
    INSERT INTO [$(CounterpointDb)].dbo.USER_ORDER_STAGING (BATCH_ID, WOO_ORDER_ID, WOO_ORDER_NO, ORD_DAT, ORD_STATUS, IS_APPLIED, CP_DOC_ID)
    VALUES ('WOO_ORDERS_20261120_100000', 901, '901', '2026-11-20', 'processing', 1, '900901'),
           ('WOO_ORDERS_20261120_100000', 902, '902', '2026-11-25', 'processing', 0, NULL),
           ('WOO_ORDERS_20261121_100000', 902, '902', '2026-11-25', 'processing', 0, NULL),
           ('WOO_ORDERS_20261121_100000', 903, '903', '2026-11-21', 'processing', 1, 'n/a');
    DECLARE @Later int = (SELECT MAX(u.STAGING_ID) FROM [$(CounterpointDb)].dbo.USER_ORDER_STAGING AS u WHERE u.WOO_ORDER_ID = 902);
    SELECT COUNT(*) AS LegacyRows INTO #Before FROM [$(CounterpointDb)].dbo.USER_ORDER_STAGING;

    EXEC woo.usp_MigrateLegacyStaging @StoreId = 'WEB';
    EXEC woo.usp_MigrateLegacyStaging @StoreId = 'WEB';

    SELECT q.WooOrderId, q.[State], q.DocId, q.LastErrorCode, q.[Source], CASE WHEN q.WooOrderId = 902 THEN q.LegacyStagingId - @Later END AS LaterRow
    INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), DocId bigint, LastErrorCode varchar(40), [Source] varchar(10), LaterRow int);
    INSERT INTO #Expected VALUES (901, 'APPLIED', 900901, NULL, 'MIGRATION', NULL),
                                 (902, 'PARKED', NULL, 'CPO-MIGRATED-AWAITING-PULL', 'MIGRATION', 0),
                                 (903, 'SKIPPED', NULL, 'CPO-MIGRATED-NO-DOC', 'MIGRATION', NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Events int = (SELECT COUNT(*) FROM woo.OrderEvent WHERE EventType = 'MIGRATED'),
            @Duplicate int = (SELECT COUNT(*) FROM woo.OrderEvent WHERE Detail LIKE N'%duplicate rows: %'),
            @Watermark datetime2(0) = (SELECT PullWatermarkUtc FROM woo.Store), @ExpectedWatermark datetime2(0) = '2026-11-24T00:00:00',
            @LegacyAfter int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.USER_ORDER_STAGING), @LegacyBefore int = (SELECT LegacyRows FROM #Before);
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Events, @Message = N'one MIGRATED event per imported order, none from the second run';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Duplicate, @Message = N'the duplicate row of order 902 is reported';
    EXEC tSQLt.AssertEquals @Expected = @ExpectedWatermark, @Actual = @Watermark, @Message = N'the watermark moves back to the day before the oldest parked order';
    EXEC tSQLt.AssertEquals @Expected = @LegacyBefore, @Actual = @LegacyAfter, @Message = N'the predecessor''s table is not changed';
END;
