CREATE PROCEDURE [test_PullOrders].[test the same content twice stages once]
AS
BEGIN
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 201, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](201, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00');

    EXEC woo.usp_PullOrders @StoreId = 'WEB';
    EXEC woo.usp_PullOrders @StoreId = 'WEB';   -- the boundary second comes again: same order, same content
    -- The same text staged from JSON is the same content too.
    DECLARE @Json nvarchar(max) = [test_PullOrders].[OrderJson](201, N'processing', N'10.00', N'2026-12-01T10:00:00');
    EXEC woo.usp_StageOrderJson @StoreId = 'WEB', @OrderJson = @Json;

    SELECT e.EventType INTO #Actual FROM woo.OrderEvent AS e;
    CREATE TABLE #Expected (EventType varchar(20));
    INSERT INTO #Expected VALUES ('STAGED');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Rows int = (SELECT COUNT(*) FROM woo.OrderQueue), @Runs int = (SELECT COUNT(*) FROM woo.RunLog WHERE Outcome = 'OK');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Rows, @Message = N'one queue row';
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Runs, @Message = N'three runs, each logged OK';
END;
