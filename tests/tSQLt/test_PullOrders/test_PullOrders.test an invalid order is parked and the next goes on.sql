CREATE PROCEDURE [test_PullOrders].[test an invalid order is parked and the next goes on]
AS
BEGIN
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 101, N'processing', '2026-12-01T10:00:00', N'{"id":101,"status":"processing","total":', 1, 200),
           (2, N'order', 102, N'processing', '2026-12-01T10:01:00', [test_PullOrders].[OrderJson](102, N'processing', N'10.00', N'2026-12-01T10:01:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00');

    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    SELECT q.WooOrderId, q.[State], q.LastErrorCode INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), LastErrorCode varchar(40));
    INSERT INTO #Expected VALUES (101, 'PARKED', 'CPO-ORDER-JSON'), (102, 'PENDING', NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderQueue WHERE WooOrderId = 101 AND LastError IS NOT NULL AND LastError <> N'')
        EXEC tSQLt.Fail N'the parked order does not carry the parser''s message';
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog WHERE Step = 'PULL' AND Outcome = 'WARNING' AND OrdersRead = 2 AND OrdersStaged = 1 AND OrdersParked = 1)
        EXEC tSQLt.Fail N'the run log does not count one staged and one parked order';
END;
