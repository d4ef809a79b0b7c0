-- Helper of the class (not a test): fakes CpOrders' queue tables, adds store WEB with a watermark and spies on the
-- transport procedure. Each test then creates #fixture (the columns of wooclr.GetOrders) before it pulls.
CREATE PROCEDURE [test_PullOrders].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, StatusesToImport, TimeZoneName, PullWatermarkUtc)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'N', 'USD', N'processing', N'Eastern Standard Time', '2026-12-01T09:00:00');
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooGetOrders', @CommandToExecute = N'
SET @PulledJson = (SELECT f.row_kind, f.order_id, f.status, f.date_modified_gmt, f.order_json, f.page_no, f.http_status, f.message,
                          f.requests, f.retries, f.complete_up_to_utc
                   FROM #fixture AS f ORDER BY f.seq FOR JSON PATH);';
END;
