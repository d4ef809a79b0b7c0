-- Review r15, 4 and 3: a request that fails as a whole (no answer within the timeout) says nothing about the message:
-- no attempt is counted, the rest of the store's run is not tried (each would fail alike), every claimed message waits
-- RetryBaseSeconds, the run is FAILED with one alert. Repeated past MaxAttempts (3 here) no message goes DEAD. A bare
-- 400 page on a note (no WooCommerce code) is retried with an attempt counted, never DEAD at once.
CREATE PROCEDURE [test_PushUpdates].[test a shop outage costs no attempt, stops the run and never makes a message dead]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    INSERT INTO #fail (id, code) VALUES (5001, N'CPO-HTTP-TIMEOUT'), (5002, N'CPO-HTTP-TIMEOUT');
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 5001, @WooStatus = N'on-hold';
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 5002, @WooStatus = N'on-hold';
    DECLARE @S1 bigint, @S2 bigint, @N1 bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5001, @Kind = 'STATUS', @Marker = 'cpo:created:51', @WooStatus = 'processing', @MessageId = @S1 OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5002, @Kind = 'STATUS', @Marker = 'cpo:created:52', @WooStatus = 'processing', @MessageId = @S2 OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5001, @Kind = 'NOTE', @Marker = 'cpo:created:51', @NoteText = N'DOC_ID 51', @MessageId = @N1 OUTPUT;

    DECLARE @Round int = 1;
    WHILE @Round <= 5
    BEGIN
        UPDATE woo.Outbox SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE [State] IN ('PENDING', 'RETRY');
        EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
        SET @Round += 1;
    END;

    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 5, @Actual = @Calls, @Message = N'one request per run while the shop is down (the rest not tried)';
    SELECT o.MessageId, o.Attempts, CASE WHEN o.[State] = 'DEAD' THEN 'DEAD' ELSE 'OPEN' END AS [State], o.LeaseOwner INTO #Actual FROM woo.Outbox AS o;
    CREATE TABLE #Expected (MessageId bigint, Attempts int, [State] varchar (10), LeaseOwner uniqueidentifier);
    INSERT INTO #Expected VALUES (@S1, 0, 'OPEN', NULL), (@S2, 0, 'OPEN', NULL), (@N1, 0, 'OPEN', NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'no attempt charged, nothing dead, no lease left';
    DECLARE @Later int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.NextAttemptUtc > SYSUTCDATETIME());
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Later, @Message = N'the store backs off: every claimed message waits';
    DECLARE @Failed int = (SELECT COUNT(*) FROM woo.RunLog AS r WHERE r.Step = 'PUSH_UPDATES' AND r.Outcome = 'FAILED' AND r.ErrorCode = 'CPO-PUSH-SHOP-UNREACHABLE');
    EXEC tSQLt.AssertEquals @Expected = 5, @Actual = @Failed, @Message = N'each run FAILED, saying why';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.Code = 'CPO-PUSH-SHOP-UNREACHABLE');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one alert, folded while the outage lasts';
    DECLARE @DeadAlerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.Code = 'CPO-OUTBOX-DEAD');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @DeadAlerts;

    -- The shop is back, but answers the note with a bare 400 page (a firewall): retried with an attempt, not DEAD.
    DELETE FROM #fail;
    INSERT INTO #fail (id, code) VALUES (5001, N'CPO-HTTP-CLIENT-ERROR');
    UPDATE woo.Outbox SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME());
    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
    SELECT o.MessageId, o.[State], o.Attempts INTO #ActualAfter FROM woo.Outbox AS o WHERE o.MessageId IN (@S2, @N1);
    CREATE TABLE #ExpectedAfter (MessageId bigint, [State] varchar (10), Attempts int);
    INSERT INTO #ExpectedAfter VALUES (@S2, 'SENT', 0), (@N1, 'RETRY', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedAfter', @Actual = N'#ActualAfter', @Message = N'a bare 400 costs an attempt, it is no death sentence';
END;
