-- Helper (not a test): store T15S (3 attempts, 60 s retry base), CpOrders' tables faked, and spies on the four order
-- transport procedures. Each test creates the temp tables the spies use before it pushes (a procedure's #tables vanish when it returns):
-- #sent (seq int IDENTITY, call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max),
-- marker nvarchar (100)), #fail (id bigint, code nvarchar (100)), #shopNotes (id int IDENTITY, order_id bigint,
-- note nvarchar (max), customer_note bit), #lostAnswers (marker nvarchar (100), remaining int).
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
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooUpdateOrder', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id, status, note) VALUES (@Call, ''UPDATE'', @OrderId, @Status, @OnlyIfStatusIn);
SELECT @Applied = 1, @CurrentStatus = @Status, @HttpStatus = 200, @Requests = 2;';
    -- A stand-in for the real transport, which posts whatever it is given: the marker check under test is CpOrders'.
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooAddOrderNote', @CommandToExecute = N'
DECLARE @Call int = (SELECT ISNULL(MAX(s.call_no), 0) + 1 FROM #sent AS s);
INSERT INTO #sent (call_no, kind, order_id, note, marker) VALUES (@Call, ''ADD'', @OrderId, @Note, @Marker);
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
