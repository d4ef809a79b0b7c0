-- Order 603 is a sale the queue never got. The reconciliation's dry run shows it and writes nothing; the operator's
-- re-pull of that one order (from a date, the range path) stages it PENDING through the one upsert path and leaves the
-- store's watermark where it was.
CREATE PROCEDURE [test_Reconcile].[test a dry run writes nothing and a re-pull stages the missing order without moving the watermark]
AS
BEGIN
    EXEC [test_Reconcile].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 603, N'processing', '2026-12-01T11:00:00', [test_Reconcile].[OrderJson](603, N'processing', N'12.00', N'2026-12-01T11:00:00', N'2026-12-01T11:00:00'), 1, 200),
           (2, N'order', 606, N'processing', '2026-12-01T11:30:00', [test_Reconcile].[OrderJson](606, N'processing', N'7.00', N'2026-12-01T11:30:00', N'2026-12-01T11:30:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-02T12:30:00');

    EXEC woo.usp_Reconcile @StoreId = 'WEB', @FromUtc = '2026-12-01T00:00:00', @ToUtc = '2026-12-02T00:00:00', @Execute = 'N';
    IF EXISTS (SELECT 1 FROM woo.ReconcileFinding) OR EXISTS (SELECT 1 FROM woo.RunLog) OR EXISTS (SELECT 1 FROM woo.Alert)
        EXEC tSQLt.Fail N'the dry run wrote a finding, a run log row or an alert';

    EXEC woo.usp_RepullOrders @StoreId = 'WEB', @WooOrderId = 603, @FromUtc = '2026-12-01T00:00:00', @Reason = N'reconciliation found it missing';
    SELECT q.WooOrderId, q.[State] INTO #Actual FROM woo.OrderQueue AS q WHERE q.WooOrderId IN (603, 606);
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar (10));
    INSERT INTO #Expected (WooOrderId, [State]) VALUES (603, 'PENDING');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'only the asked order is staged';
    DECLARE @Watermark datetime2 (0) = (SELECT PullWatermarkUtc FROM woo.Store WHERE StoreId = 'WEB'), @Unmoved datetime2 (0) = '2026-12-02T12:00:00';
    EXEC tSQLt.AssertEquals @Expected = @Unmoved, @Actual = @Watermark, @Message = N'a re-pull never moves the watermark';
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog WHERE Step = 'REPULL' AND Outcome = 'OK' AND Details LIKE N'%reconciliation found it missing%')
        EXEC tSQLt.Fail N'the re-pull is not logged REPULL OK with its reason';
END;
