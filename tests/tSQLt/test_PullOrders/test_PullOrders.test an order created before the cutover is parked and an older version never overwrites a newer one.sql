CREATE PROCEDURE [test_PullOrders].[test an order created before the cutover is parked and an older version never overwrites a newer one]
AS
BEGIN
    -- BLOCKER 2 and MAJOR 3 of the issue 13 review. OrderJson's orders are created 2026-12-01T08:00:00 UTC.
    EXEC [test_PullOrders].[Arrange];
    UPDATE woo.Store SET CutoverUtc = '2026-12-01T09:00:00' WHERE StoreId = 'WEB';
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 501, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](501, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00');
    EXEC woo.usp_PullOrders @StoreId = 'WEB';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderQueue WHERE WooOrderId = 501 AND [State] = 'PARKED' AND LastErrorCode = 'CPO-PRE-CUTOVER')
        EXEC tSQLt.Fail N'an order created before the cutover was not parked CPO-PRE-CUTOVER';

    -- A newer edit keeps it parked for a person (not re-staged to PENDING) ...
    DECLARE @Newer nvarchar(max) = [test_PullOrders].[OrderJson](501, N'processing', N'12.00', N'2026-12-01T10:20:00');
    EXEC woo.usp_StageOrderJson @StoreId = 'WEB', @OrderJson = @Newer;
    -- ... and an older version arriving late changes nothing.
    EXEC woo.usp_PullOrders @StoreId = 'WEB';

    SELECT q.WooOrderId, q.[State], q.LastErrorCode, q.DateModifiedGmt, q.ContentHash INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), LastErrorCode varchar(40), DateModifiedGmt datetime2(0), ContentHash binary(32));
    INSERT INTO #Expected VALUES (501, 'PARKED', 'CPO-PRE-CUTOVER', '2026-12-01T10:20:00', HASHBYTES('SHA2_256', @Newer));
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderEvent WHERE EventType = 'UNCHANGED' AND Detail LIKE N'%older version%')
        EXEC tSQLt.Fail N'no UNCHANGED event for the older version';
END;
