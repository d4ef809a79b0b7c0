-- woo.usp_RepushOrderStatus (issue 15 point 4): a fresh marker, Cause OPERATOR, logged; the push sends the note again
-- (a new marker, so a new note) and the status only when it is forward of what the shop shows.
CREATE PROCEDURE [test_PushUpdates].[test a re-push queues a fresh status and note that still never move the order back]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 6001, @WooStatus = N'completed';
    INSERT INTO woo.Outbox (StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, [State], SentAtUtc)
    VALUES ('T15S', 6001, 'STATUS', 'CREATED', 'cpo:created:106001', 'processing', 'SENT', '2026-12-01T10:00:00');
    EXEC woo.usp_RepushOrderStatus @StoreId = 'T15S', @WooOrderId = 6001, @Reason = N'shopper did not get the note';

    SELECT o.Kind, o.Cause, o.WooStatus, o.[State], CASE WHEN o.Marker LIKE 'cpo:repush:%' THEN 1 ELSE 0 END AS FreshMarker
    INTO #Actual FROM woo.Outbox AS o WHERE o.Cause = 'OPERATOR';
    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), WooStatus varchar (40), [State] varchar (10), FreshMarker int);
    INSERT INTO #Expected VALUES ('STATUS', 'OPERATOR', 'processing', 'PENDING', 1), ('NOTE', 'OPERATOR', NULL, 'PENDING', 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Events int = (SELECT COUNT(*) FROM woo.OutboxEvent AS e WHERE e.EventType = 'REPUSHED' AND e.Detail LIKE N'%shopper did not get the note');
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Events, @Message = N'both logged with the reason';

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';
    SELECT s.kind, s.order_id INTO #ActualSent FROM #sent AS s;
    CREATE TABLE #ExpectedSent (kind varchar (10), order_id bigint);
    INSERT INTO #ExpectedSent VALUES ('ADD', 6001);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedSent', @Actual = N'#ActualSent', @Message = N'the note goes, the status does not (the shop shows completed)';
    DECLARE @State varchar (10) = (SELECT o.[State] FROM woo.Outbox AS o WHERE o.Cause = 'OPERATOR' AND o.Kind = 'STATUS');
    EXEC tSQLt.AssertEquals @Expected = 'SKIPPED', @Actual = @State;
END;
