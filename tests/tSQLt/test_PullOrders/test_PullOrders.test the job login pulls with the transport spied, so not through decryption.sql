CREATE PROCEDURE [test_PullOrders].[test the job login pulls with the transport spied, so not through decryption]
AS
BEGIN
    EXEC [test_PullOrders].[Arrange];
    CREATE TABLE #fixture (seq int, row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, order_json nvarchar(max),
                           page_no int, http_status int, message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2);
    INSERT INTO #fixture (seq, row_kind, order_id, status, date_modified_gmt, order_json, page_no, http_status)
    VALUES (1, N'order', 501, N'processing', '2026-12-01T10:00:00', [test_PullOrders].[OrderJson](501, N'processing', N'10.00', N'2026-12-01T10:00:00'), 1, 200);
    INSERT INTO #fixture (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:05:00');

    -- The transport woo.usp_WooGetOrders is spied (Arrange), so its decryption and wooclr.GetOrders are NOT on this path
    -- (the CLR cannot be spied; decrypting the secret as the job login is not tested by this test).
    -- As the non-sysadmin job login (only CpOrdersJob): the pull, the upsert and the CLR parser are reached through
    -- dbo-owned modules; a direct call of the parser is refused (schema wooclr is denied to public).
    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_PullOrders @StoreId = ''WEB'';', @ErrorNumber = @Error OUTPUT;
    IF @Error IS NOT NULL
        EXEC tSQLt.Fail N'woo.usp_PullOrders failed as the job login with error ', @Error;
    IF NOT EXISTS (SELECT 1 FROM woo.OrderQueue WHERE WooOrderId = 501 AND [State] = 'PENDING')
        EXEC tSQLt.Fail N'the job login''s pull staged nothing';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'SELECT c.is_valid FROM wooclr.OrderJsonCheck(N''{}'') AS c;', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not call the parser directly';
    -- Operators' procedures stay closed to the job.
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SkipOrder @StoreId = ''WEB'', @WooOrderId = 501, @Reason = N''not mine'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not skip orders';
END;
