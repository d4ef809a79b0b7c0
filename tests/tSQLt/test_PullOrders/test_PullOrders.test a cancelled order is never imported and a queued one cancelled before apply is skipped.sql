CREATE PROCEDURE [test_PullOrders].[test a cancelled order is never imported and a queued one cancelled before apply is skipped]
AS
BEGIN
    -- The pull reads every status; StatusesToImport decides what becomes a queue row (issue 13 review, BLOCKER 1).
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 401, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](401, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200),
           (2, N'order', 402, N'cancelled', '2026-12-01T10:01:00', [test_PullOrders].[OrderJson](402, N'cancelled', N'10.00', N'2026-12-01T10:01:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00');
    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    -- 401 queued and being worked on by a processor (a lease), then cancelled in the shop before apply.
    UPDATE woo.OrderQueue SET LeaseOwner = NEWID(), LeaseExpiresUtc = DATEADD(MINUTE, 5, SYSUTCDATETIME()) WHERE WooOrderId = 401;
    UPDATE #fixture SET order_json = [test_PullOrders].[OrderJson](401, N'cancelled', N'10.00', N'2026-12-01T10:10:00'), status = N'cancelled',
                        date_modified_gmt = '2026-12-01T10:10:00'
    WHERE seq = 1;
    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    SELECT q.WooOrderId, q.[State], q.LastErrorCode, q.WooStatus, q.LeaseOwner INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), LastErrorCode varchar(40), WooStatus nvarchar(40), LeaseOwner uniqueidentifier);
    INSERT INTO #Expected VALUES (401, 'SKIPPED', 'CPO-ORDER-CANCELLED', N'cancelled', NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderEvent WHERE EventType = 'SKIPPED' AND Code = 'CPO-ORDER-CANCELLED' AND Detail LIKE N'%processing -> cancelled%')
        EXEC tSQLt.Fail N'no SKIPPED event saying the order was cancelled in the shop';
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog WHERE RunId = 1 AND JSON_VALUE(Details, N'$.ignored_status') = N'1')
        EXEC tSQLt.Fail N'the first run does not count the cancelled new order as not imported';
END;
