-- One order's checked update fails with an answer that is not an order (retryable, an attempt counted) and one is for an
-- order the shop no longer has (WooCommerce's own code): the first waits for a retry, the second is DEAD at once with
-- one alert; the others are SENT. The retry sends only the failed one.
CREATE PROCEDURE [test_PushUpdates].[test a failed status update is retried without resending the others]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    INSERT INTO #fail (id, code) VALUES (2002, N'CPO-WOO-RESPONSE'), (2004, N'woocommerce_rest_shop_order_invalid_id');
    DECLARE @Id bigint = 2001, @M2 bigint, @M4 bigint, @M bigint;
    WHILE @Id <= 2004
    BEGIN
        EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = @Id, @WooStatus = N'on-hold';
        DECLARE @Marker varchar (100) = 'cpo:created:' + CONVERT(varchar (20), @Id);
        EXEC [test_PushUpdates].[AddMessage] @WooOrderId = @Id, @Kind = 'STATUS', @Marker = @Marker, @WooStatus = 'processing', @MessageId = @M OUTPUT;
        IF @Id = 2002 SET @M2 = @M;
        IF @Id = 2004 SET @M4 = @M;
        SET @Id += 1;
    END;

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    SELECT o.WooOrderId, o.[State], o.Attempts, o.LastErrorCode INTO #Actual FROM woo.Outbox AS o;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar (10), Attempts int, LastErrorCode varchar (40));
    INSERT INTO #Expected VALUES (2001, 'SENT', 0, NULL), (2002, 'RETRY', 1, 'CPO-WOO-RESPONSE'), (2003, 'SENT', 0, NULL),
                                 (2004, 'DEAD', 1, 'woocommerce_rest_shop_order_invalid_id');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.Code = 'CPO-OUTBOX-DEAD' AND a.StoreId = 'T15S');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'one alert for the dead message';
    DECLARE @Outcome varchar (10) = (SELECT r.Outcome FROM woo.RunLog AS r WHERE r.Step = 'PUSH_UPDATES');
    EXEC tSQLt.AssertEquals @Expected = 'WARNING', @Actual = @Outcome;

    -- Not due yet: nothing is sent.
    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
    DECLARE @Calls int = (SELECT MAX(s.call_no) FROM #sent AS s);
    EXEC tSQLt.AssertEquals @Expected = 4, @Actual = @Calls, @Message = N'nothing resent before the retry is due';

    -- Due, and the shop accepts it now: only the failed order is sent.
    DELETE FROM #fail;
    UPDATE woo.Outbox SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE MessageId = @M2;
    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
    SELECT s.order_id INTO #ActualResent FROM #sent AS s WHERE s.call_no > 4;
    CREATE TABLE #ExpectedResent (order_id bigint);
    INSERT INTO #ExpectedResent VALUES (2002);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedResent', @Actual = N'#ActualResent';
    DECLARE @State varchar (10) = (SELECT o.[State] FROM woo.Outbox AS o WHERE o.MessageId = @M2),
            @Dead varchar (10) = (SELECT o.[State] FROM woo.Outbox AS o WHERE o.MessageId = @M4);
    EXEC tSQLt.AssertEquals @Expected = 'SENT', @Actual = @State;
    EXEC tSQLt.AssertEquals @Expected = 'DEAD', @Actual = @Dead, @Message = N'a dead message stays dead';
END;
