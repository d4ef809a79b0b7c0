CREATE PROCEDURE [test_MigrateLegacyStaging].[test a granted but invisible legacy table is an error, never no-legacy]
AS
BEGIN
    -- The deploy saw and granted the table (woo.CounterpointGrant), yet the probe cannot see it: a broken signature looks
    -- like this. Here the table is dropped (rolled back with the test) to make the probe answer 0.
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.CounterpointGrant';
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName) VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    INSERT INTO woo.CounterpointGrant (PermissionName, SchemaName, ObjectName, ColumnName) VALUES (N'SELECT', N'dbo', N'USER_ORDER_STAGING', N'');
    DECLARE @CpExec nvarchar (300) = QUOTENAME(N'$(CounterpointDb)') + N'.sys.sp_executesql';
    EXEC @CpExec N'DROP TABLE dbo.USER_ORDER_STAGING;';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'%CPO-MIGRATE-NOT-VISIBLE%', @ExpectedErrorNumber = 50135;
    EXEC woo.usp_MigrateLegacyStaging @StoreId = 'WEB';
END;
