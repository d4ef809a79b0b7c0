-- Never backwards (issue 15, design 4): 'processing' is sent only to the order the shop shows below it. Order 1001 is
-- completed as the last pull saw it; order 1003 was pulled as processing, but the shop's later answer to an earlier push
-- said completed (the later knowledge wins); order 1002 is on-hold. Order 1004 was pulled on-hold, but the shopper
-- cancelled it in the shop since (review r15, 1): the checked update reads the shop's current status and leaves it
-- cancelled. Only 1002 is changed; the others are SKIPPED with the reason.
CREATE PROCEDURE [test_PushUpdates].[test a status push never moves a completed order back]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    CREATE TABLE #shop (order_id bigint, status nvarchar (40), answers nvarchar (40) NULL);
    INSERT INTO #shop (order_id, status) VALUES (1002, N'on-hold'), (1004, N'cancelled');
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 1004, @WooStatus = N'on-hold';
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 1001, @WooStatus = N'completed';
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 1002, @WooStatus = N'on-hold';
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 1003, @WooStatus = N'processing', @ModifiedGmt = '2026-12-01T10:00:00';
    INSERT INTO woo.Outbox (StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, [State], ShopStatus, ShopStatusAtUtc, SentAtUtc)
    VALUES ('T15S', 1003, 'STATUS', 'SHIPPED', 'cpo:shipped:1', 'completed', 'SENT', 'completed', '2026-12-01T11:00:00', '2026-12-01T11:00:00');
    DECLARE @M1 bigint, @M2 bigint, @M3 bigint, @M4 bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 1001, @Kind = 'STATUS', @Marker = 'cpo:created:1', @WooStatus = 'processing', @MessageId = @M1 OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 1002, @Kind = 'STATUS', @Marker = 'cpo:created:2', @WooStatus = 'processing', @MessageId = @M2 OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 1003, @Kind = 'STATUS', @Marker = 'cpo:created:3', @WooStatus = 'processing', @MessageId = @M3 OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 1004, @Kind = 'STATUS', @Marker = 'cpo:created:4', @WooStatus = 'processing', @MessageId = @M4 OUTPUT;

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    SELECT s.kind, s.order_id, s.status INTO #ActualSent FROM #sent AS s;
    CREATE TABLE #ExpectedSent (kind varchar (10), order_id bigint, status nvarchar (40));
    INSERT INTO #ExpectedSent VALUES ('UPDATE', 1002, N'processing'), ('UPDATE', 1004, N'processing');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedSent', @Actual = N'#ActualSent', @Message = N'checked updates only, for the orders not known at or past processing';
    SELECT sh.order_id, sh.status INTO #ActualShop FROM #shop AS sh;
    CREATE TABLE #ExpectedShop (order_id bigint, status nvarchar (40));
    INSERT INTO #ExpectedShop VALUES (1002, N'processing'), (1004, N'cancelled');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedShop', @Actual = N'#ActualShop', @Message = N'the order cancelled in the shop since the pull stays cancelled';

    SELECT o.MessageId, o.[State], o.LastErrorCode, o.ShopStatus INTO #Actual FROM woo.Outbox AS o WHERE o.MessageId IN (@M1, @M2, @M3, @M4);
    CREATE TABLE #Expected (MessageId bigint, [State] varchar (10), LastErrorCode varchar (40), ShopStatus varchar (40));
    INSERT INTO #Expected VALUES (@M1, 'SKIPPED', 'CPO-STATUS-NOT-FORWARD', NULL), (@M2, 'SENT', NULL, 'processing'),
                                 (@M3, 'SKIPPED', 'CPO-STATUS-NOT-FORWARD', NULL), (@M4, 'SKIPPED', 'CPO-STATUS-NOT-FORWARD', 'cancelled');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Outcome varchar (10), @Requests int;
    SELECT @Outcome = r.Outcome, @Requests = r.Requests FROM woo.RunLog AS r WHERE r.Step = 'PUSH_UPDATES' AND r.StoreId = 'T15S';
    EXEC tSQLt.AssertEquals @Expected = 'OK', @Actual = @Outcome, @Message = N'a skip for never-backwards is no failure';
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Requests, @Message = N'GET + PUT for 1002, GET for 1004';
END;
