-- Helper of the class (not a test): fakes CpOrders' tables, adds store WEB (imports 'processing', watermark
-- 2026-12-02T12:00), two Counterpoint documents CpOrders wrote - 915000000001 for order 601 (total 30.00, as the shop
-- shows it) and 915000000002 for order 602 (25.00 while the shop now shows 26.00) - and their queue rows, and spies on
-- the transport procedure. Each test then fills #fixture (wooclr.GetOrders' columns) before it runs.
CREATE PROCEDURE [test_Reconcile].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Outbox', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreStatusRule', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.ReconcileFinding', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, StatusesToImport, TimeZoneName, PullWatermarkUtc, CpStrId, CpStaId)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'N', 'USD', N'processing', N'Eastern Standard Time', '2026-12-02T12:00:00', 'T15R', '1');

    INSERT INTO [$(CounterpointDb)].dbo.PS_STR (STR_ID, STR_NO) VALUES ('T15R', 915);
    INSERT INTO [$(CounterpointDb)].dbo.PS_STA (STR_ID, STA_ID, STA_NO) VALUES ('T15R', '1', 1);
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR (DOC_ID, STR_ID, STA_ID, TKT_NO, DOC_GUID, DOC_TYP)
    VALUES (915000000001, 'T15R', '1', 'W601', NEWID(), 'O'), (915000000002, 'T15R', '1', 'W602', NEWID(), 'O');
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR_TOT (DOC_ID, TOT_TYP, INITIAL_MIN_DUE, TAX_AMT_SHIPPED, SUB_TOT, TOT_MISC, TAX_AMT, TOT_WEIGHT, TOT_CUBE,
                                                        TOT, AMT_DUE, TOT_HDR_DISC, TOT_LIN_DISC)
    VALUES (915000000001, 'O', 0, 0, 30.00, 0, 0, 0, 0, 30.00, 30.00, 0, 0),
           (915000000002, 'O', 0, 0, 25.00, 0, 0, 0, 0, 25.00, 25.00, 0, 0);
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, [Source], [State], AppliedAtUtc, DocId, TktNo)
    VALUES ('WEB', 601, N'601', N'processing', '2026-12-01T09:00:00', 0x01, 'PULL', 'APPLIED', '2026-12-01T09:01:00', 915000000001, 'W601'),
           ('WEB', 602, N'602', N'processing', '2026-12-01T09:00:00', 0x02, 'PULL', 'APPLIED', '2026-12-01T09:01:00', 915000000002, 'W602');

    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooGetOrders', @CommandToExecute = N'
SET @PulledJson = (SELECT f.row_kind, f.order_id, f.status, f.date_modified_gmt, f.order_json, f.page_no, f.http_status, f.message,
                          f.requests, f.retries, f.complete_up_to_utc
                   FROM #fixture AS f ORDER BY f.seq FOR JSON PATH);';
END;
