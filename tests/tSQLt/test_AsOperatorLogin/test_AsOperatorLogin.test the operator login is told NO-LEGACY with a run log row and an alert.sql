CREATE PROCEDURE [test_AsOperatorLogin].[test the operator login is told NO-LEGACY with a run log row and an alert]
AS
BEGIN
    -- The table absent and the deploy's grant list without it (a company that never ran the predecessor).
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.CounterpointGrant';
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName) VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    DECLARE @CpExec nvarchar (300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    EXEC @CpExec N'DROP TABLE dbo.USER_ORDER_STAGING;';   -- rolled back with the test
    DECLARE @Error int, @Message nvarchar (4000);
    EXEC [test_AsOperatorLogin].[ErrorAsOperatorLogin] @Statement = N'EXEC woo.usp_MigrateLegacyStaging @StoreId = ''WEB'';',
         @ErrorNumber = @Error OUTPUT, @ErrorMessage = @Message OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = @Message;
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog WHERE Step = 'MIGRATE' AND Outcome = 'WARNING' AND ErrorCode = 'CPO-MIGRATE-NO-LEGACY')
        EXEC tSQLt.Fail N'no MIGRATE run log row for the NO-LEGACY answer';
    IF NOT EXISTS (SELECT 1 FROM woo.Alert WHERE Severity = 'WARNING' AND Code = 'CPO-MIGRATE-NO-LEGACY')
        EXEC tSQLt.Fail N'no WARNING alert for the NO-LEGACY answer';
END;
