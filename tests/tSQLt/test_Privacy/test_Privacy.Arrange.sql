-- Helper of the class (not a test): fakes CpOrders' queue, map and log tables and adds store WEB (imports processing).
CREATE PROCEDURE [test_Privacy].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreMetaKey';
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreCustomerMap', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, StatusesToImport, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'N', 'USD', N'processing', N'Eastern Standard Time');
END;
