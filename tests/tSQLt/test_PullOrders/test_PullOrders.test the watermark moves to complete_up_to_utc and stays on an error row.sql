CREATE PROCEDURE [test_PullOrders].[test the watermark moves to complete_up_to_utc and stays on an error row]
AS
BEGIN
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 401, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](401, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00.4');
    EXEC woo.usp_PullOrders @StoreId = 'WEB';
    DECLARE @Expected datetime2(0) = '2026-12-01T10:05:00';
    DECLARE @After datetime2(0) = (SELECT PullWatermarkUtc FROM woo.Store WHERE StoreId = 'WEB');
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @After, @Message = N'the watermark is the end row''s complete_up_to_utc (to the second)';

    -- The next pull stops with an error row: its complete_up_to_utc is not taken, the run FAILED, an alert is raised.
    DELETE FROM #fixture;
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, message, requests, retries, complete_up_to_utc)
    VALUES (1, N'error', 1, 0, N'CPO-HTTP-TIMEOUT: the shop did not answer within 30 s.', 3, 2, '2026-12-02T00:00:00');
    EXEC woo.usp_PullOrders @StoreId = 'WEB';
    SET @After = (SELECT PullWatermarkUtc FROM woo.Store WHERE StoreId = 'WEB');
    EXEC tSQLt.AssertEquals @Expected = @Expected, @Actual = @After, @Message = N'an error row leaves the watermark';
    IF NOT EXISTS (SELECT 1 FROM woo.RunLog WHERE Outcome = 'FAILED' AND ErrorCode = 'CPO-HTTP-TIMEOUT')
        EXEC tSQLt.Fail N'the failed pull is not logged FAILED with its code';
    IF NOT EXISTS (SELECT 1 FROM woo.Alert WHERE Code = 'CPO-PULL-FAILED' AND StoreId = 'WEB')
        EXEC tSQLt.Fail N'the failed pull raised no alert';
END;
