CREATE PROCEDURE [test_PullOrders].[test an edited order is re-staged before apply and alerted after, never applied]
AS
BEGIN
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 301, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](301, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00');
    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    -- Edited in the shop before it was applied (and after a failed attempt): re-staged, attempts reset.
    UPDATE woo.OrderQueue SET [State] = 'RETRY', Attempts = 3 WHERE WooOrderId = 301;
    UPDATE #fixture SET order_json = [test_PullOrders].[OrderJson](301, N'processing', N'12.00', N'2026-12-01T10:10:00'), date_modified_gmt = '2026-12-01T10:10:00'
    WHERE seq = 1;
    EXEC woo.usp_PullOrders @StoreId = 'WEB';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderQueue WHERE WooOrderId = 301 AND [State] = 'PENDING' AND Attempts = 0)
        EXEC tSQLt.Fail N'the edited order was not re-staged as PENDING with its attempts reset';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderEvent WHERE EventType = 'RESTAGED' AND Detail LIKE N'%total 10.0000 -> 12.0000%')
        EXEC tSQLt.Fail N'the RESTAGED event does not say that the total changed';

    -- Applied (as the processor does), then cancelled in the shop: recorded and alerted, the queue row stays APPLIED.
    UPDATE woo.OrderQueue SET [State] = 'APPLIED', DocId = 100234, TktNo = 'W-301', AppliedContentHash = ContentHash, AppliedAtUtc = SYSUTCDATETIME()
    WHERE WooOrderId = 301;
    UPDATE #fixture SET order_json = [test_PullOrders].[OrderJson](301, N'cancelled', N'12.00', N'2026-12-01T10:20:00'), status = N'cancelled',
                        date_modified_gmt = '2026-12-01T10:20:00'
    WHERE seq = 1;
    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    SELECT q.WooOrderId, q.[State], q.ChangedAfterApply, q.DocId, q.WooStatus INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), ChangedAfterApply char(1), DocId bigint, WooStatus nvarchar(40));
    INSERT INTO #Expected VALUES (301, 'APPLIED', 'Y', 100234, N'cancelled');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderEvent WHERE EventType = 'CHANGED_AFTER_APPLY' AND Detail LIKE N'%cancellation%processing -> cancelled%')
        EXEC tSQLt.Fail N'no CHANGED_AFTER_APPLY event saying what changed';
    IF NOT EXISTS (SELECT 1 FROM woo.Alert WHERE Code = 'CPO-ORDER-CHANGED-AFTER-APPLY' AND [Message] LIKE N'%301%cancellation%')
        EXEC tSQLt.Fail N'no alert for the order cancelled after apply';
END;
