-- Helper of the class (not a test): fakes every table the health views read and adds store WEB, enabled, whose pull and
-- processing ran a minute ago (so the order steps are healthy) and whose watermark is @WatermarkAgeMinutes old.
CREATE PROCEDURE [test_PipelineHealth].[Arrange]
    @WatermarkAgeMinutes int = 1
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Outbox', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StockRule', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.CatalogItem', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.SkuProblem', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.CatalogWatermark';
    EXEC tSQLt.FakeTable @TableName = N'woo.DeployJobState';
    EXEC tSQLt.FakeTable @TableName = N'woo.InstallCheckRecord', @Defaults = 1;
    DECLARE @Now datetime2 (0) = SYSUTCDATETIME();
    DECLARE @Watermark datetime2 (0) = DATEADD(MINUTE, -@WatermarkAgeMinutes, @Now);
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, StatusesToImport, TimeZoneName, PullWatermarkUtc, MaxAttempts)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'N', 'USD', N'processing', N'Eastern Standard Time', @Watermark, 8);
    INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, EndedAtUtc, Outcome, IsDryRun)
    VALUES ('PULL', 'WEB', DATEADD(MINUTE, -1, @Now), DATEADD(MINUTE, -1, @Now), 'OK', 'N'),
           ('PROCESS', NULL, DATEADD(MINUTE, -1, @Now), DATEADD(MINUTE, -1, @Now), 'OK', 'N');
END;
