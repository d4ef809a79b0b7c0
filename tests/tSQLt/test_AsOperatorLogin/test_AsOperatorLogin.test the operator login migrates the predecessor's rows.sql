CREATE PROCEDURE [test_AsOperatorLogin].[test the operator login migrates the predecessor's rows]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName, PullWatermarkUtc)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time', '2026-12-01T00:00:00');
    INSERT INTO [$(CounterpointDb)].dbo.USER_ORDER_STAGING (BATCH_ID, WOO_ORDER_ID, WOO_ORDER_NO, ORD_DAT, ORD_STATUS, IS_APPLIED, CP_DOC_ID)
    VALUES ('WOO_ORDERS_20261120_100000', 911, '911', '2026-11-20', 'processing', 1, '900911');
    DECLARE @Error int, @Message nvarchar (4000);
    EXEC [test_AsOperatorLogin].[ErrorAsOperatorLogin] @Statement = N'EXEC woo.usp_MigrateLegacyStaging @StoreId = ''WEB'';',
         @ErrorNumber = @Error OUTPUT, @ErrorMessage = @Message OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = @Message;
    IF NOT EXISTS (SELECT 1 FROM woo.OrderQueue WHERE WooOrderId = 911 AND [State] = 'APPLIED' AND DocId = 900911)
        EXEC tSQLt.Fail N'the operator''s migration did not read the predecessor''s table (signed path)';
    IF NOT EXISTS (SELECT 1 FROM woo.Store WHERE StoreId = 'WEB' AND CutoverUtc IS NOT NULL)
        EXEC tSQLt.Fail N'the migration did not set the cutover';
END;
