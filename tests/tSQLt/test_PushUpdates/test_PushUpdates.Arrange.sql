-- Helper (not a test): store T15S (3 attempts, 60 s retry base), CpOrders' tables faked, and spies on the four order
-- transport procedures (the batch one stays spied so that a status sent through it would show as kind BATCH). Each test creates the temp tables the spies use before it pushes (a procedure's #tables vanish when it returns):
-- #sent (seq int IDENTITY, call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max),
-- marker nvarchar (100)), #fail (id bigint, code nvarchar (100)), #shopNotes (id int IDENTITY, order_id bigint,
-- note nvarchar (max), customer_note bit), #lostAnswers (marker nvarchar (100), remaining int); optionally
-- #shop (order_id bigint, status nvarchar (40), answers nvarchar (40) NULL): the order's current status in the shop.
CREATE PROCEDURE [test_PushUpdates].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreStatusRule', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Outbox', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OutboxEvent', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;

    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId,
                           StkLocId, PrcLocId, MaxAttempts, RetryBaseSeconds, TimeoutSeconds, TotalBudgetSeconds)
    VALUES ('T15S', 'Y', N'https://shop.example/wp-json/wc/v3', 'basic', 'N', 'USD', N'UTC', 'T15S', '1', '1', 'WEB', 'T15S', 'T15S', 3, 60, 30, 120);

    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooBatchUpdateOrders', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id, status)
SELECT @Call, ''BATCH'', o.n.value(''@id'', ''bigint''), o.n.value(''@status'', ''nvarchar(40)'') FROM @Updates.nodes(''/orders/order'') AS o (n);
SELECT @Requests = 1, @HttpStatus = 200;
SET @Results = (SELECT o.n.value(''@id'', ''bigint'') AS [@id], CASE WHEN f.id IS NULL THEN 1 ELSE 0 END AS [@applied],
                       CASE WHEN f.id IS NULL THEN o.n.value(''@status'', ''nvarchar(40)'') ELSE N'''' END AS [@status],
                       ISNULL(f.code, N'''') AS [@error_code], CASE WHEN f.id IS NULL THEN N'''' ELSE N''WooCommerce refused the order.'' END AS [@error_message]
                FROM @Updates.nodes(''/orders/order'') AS o (n)
                LEFT JOIN #fail AS f ON f.id = o.n.value(''@id'', ''bigint'')
                FOR XML PATH(''result''), ROOT(''results''), TYPE);
IF EXISTS (SELECT 1 FROM @Updates.nodes(''/orders/order'') AS o (n) JOIN #fail AS f ON f.id = o.n.value(''@id'', ''bigint''))
    SELECT @ErrorCode = N''CPO-WOO-BATCH-ITEMS'', @ErrorMessage = N''CPO-WOO-BATCH-ITEMS: some orders were not applied.'';';
    -- The checked update as wooclr.UpdateOrder does it: the shop's CURRENT status (the test's #shop, when it has one;
    -- else the order is taken to be in a status the precondition allows) decides; a status in #fail fails the call with
    -- that code and the HTTP status WooCommerce or the way to it would give; #shop.answers is what the shop sets instead
    -- (e.g. 'pending' for a slug it does not register).
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooUpdateOrder', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id, status, note) VALUES (@Call, ''UPDATE'', @OrderId, @Status, @OnlyIfStatusIn);
DECLARE @FailCode nvarchar (100) = (SELECT TOP (1) f.code FROM #fail AS f WHERE f.id = @OrderId);
IF @FailCode IS NOT NULL
BEGIN
    SELECT @Applied = 0, @ErrorCode = @FailCode, @ErrorMessage = @FailCode + N'': the stand-in shop failed the call.'', @Requests = 1,
           @HttpStatus = CASE @FailCode WHEN N''CPO-HTTP-TIMEOUT'' THEN 0 WHEN N''CPO-HTTP-SERVER-ERROR'' THEN 503 WHEN N''CPO-HTTP-CLIENT-ERROR'' THEN 400
                                        WHEN N''rest_no_route'' THEN 404 WHEN N''woocommerce_rest_shop_order_invalid_id'' THEN 404
                                        WHEN N''rest_invalid_param'' THEN 400 ELSE 200 END;
    RETURN;
END;
DECLARE @Shop nvarchar (40), @Answers nvarchar (40);
IF OBJECT_ID(N''tempdb..#shop'') IS NOT NULL
    EXEC sys.sp_executesql N''SELECT @S = s.status, @A = s.answers FROM #shop AS s WHERE s.order_id = @Id;'',
         N''@S nvarchar (40) OUTPUT, @A nvarchar (40) OUTPUT, @Id bigint'', @S = @Shop OUTPUT, @A = @Answers OUTPUT, @Id = @OrderId;
IF @Shop IS NOT NULL AND @OnlyIfStatusIn IS NOT NULL AND NOT EXISTS (SELECT 1 FROM STRING_SPLIT(@OnlyIfStatusIn, N'','') AS x WHERE x.[value] = @Shop)
BEGIN
    SELECT @Applied = 0, @CurrentStatus = @Shop, @HttpStatus = 200, @Requests = 1;
    RETURN;
END;
SELECT @CurrentStatus = ISNULL(@Answers, @Status), @HttpStatus = 200, @Requests = 2;
IF OBJECT_ID(N''tempdb..#shop'') IS NOT NULL
    EXEC sys.sp_executesql N''UPDATE #shop SET status = @S WHERE order_id = @Id;'', N''@S nvarchar (40), @Id bigint'', @S = @CurrentStatus, @Id = @OrderId;
IF @CurrentStatus = @Status
    SET @Applied = 1;
ELSE
    SELECT @Applied = 0, @ErrorCode = N''CPO-WOO-NOT-APPLIED'',
           @ErrorMessage = N''CPO-WOO-NOT-APPLIED: PUT answered 200 but the shop set the status '' + @CurrentStatus + N'' instead of '' + @Status + N''.'';';
    -- A stand-in for the real transport, which posts whatever it is given: the marker check under test is CpOrders'.
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooAddOrderNote', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id, note, marker) VALUES (@Call, ''ADD'', @OrderId, @Note, @Marker);
IF EXISTS (SELECT 1 FROM #fail AS f WHERE f.id = @OrderId)
BEGIN
    SELECT @ErrorCode = f.code, @ErrorMessage = f.code + N'': the stand-in shop failed the call.'', @Requests = 1,
           @HttpStatus = CASE f.code WHEN N''CPO-HTTP-TIMEOUT'' THEN 0 WHEN N''CPO-HTTP-SERVER-ERROR'' THEN 503 WHEN N''CPO-HTTP-CLIENT-ERROR'' THEN 400
                                     WHEN N''rest_no_route'' THEN 404 WHEN N''woocommerce_rest_shop_order_invalid_id'' THEN 404 ELSE 200 END
    FROM #fail AS f WHERE f.id = @OrderId;
    RETURN;
END;
INSERT INTO #shopNotes (order_id, note, customer_note) VALUES (@OrderId, @Note + NCHAR(10) + N''['' + @Marker + N'']'', @CustomerNote);
SELECT @NoteId = SCOPE_IDENTITY(), @AlreadyPresent = 0, @HttpStatus = 201, @Requests = 1;
IF EXISTS (SELECT 1 FROM #lostAnswers AS l WHERE l.marker = @Marker AND l.remaining > 0)
BEGIN
    UPDATE #lostAnswers SET remaining = remaining - 1 WHERE marker = @Marker;
    SELECT @NoteId = NULL, @AlreadyPresent = NULL, @HttpStatus = 0, @ErrorCode = N''CPO-HTTP-TIMEOUT'',
           @ErrorMessage = N''CPO-HTTP-TIMEOUT: POST orders/notes: no answer within 30 s; the note may have been added.'';
END;';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooListOrderNotes', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id) VALUES (@Call, ''LIST'', @OrderId);
SET @NotesJson = ISNULL((SELECT n.id, N''shop'' AS author, ''2026-12-01T10:00:00'' AS date_created_gmt, n.note, n.customer_note
                         FROM #shopNotes AS n WHERE n.order_id = @OrderId ORDER BY n.id DESC FOR JSON PATH), N''[]'');
SELECT @HttpStatus = 200, @Requests = 1;';
END;
