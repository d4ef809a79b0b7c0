-- Counterpoint releases every line (2 x T15-A, 1 x T15-B) on one release ticket carrying two tracking numbers: the
-- shop gets the shipped status (default 'completed') and one customer note with what shipped and both tracking
-- numbers. A second run finds nothing new and queues nothing (the state says it was announced; the Outbox marker
-- would refuse a repeat anyway); both runs are logged as FULFILLMENT runs.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a full shipment queues status and note with tracking numbers once when run twice]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91502, @DocId = 915110000002, @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000002, @ReleaseDocId = 915130000021, @QtyA = 2, @QtyB = 1,
                                      @Tracking1 = '1Z15FULL2', @Tracking2 = '1Z15FULL1';

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), Marker varchar (100), WooStatus varchar (40), IsCustomerNote char (1), [State] varchar (10));
    INSERT INTO #Expected VALUES ('STATUS', 'SHIPPED', 'cpo:shipped:915110000002', 'completed', 'N', 'PENDING'),
                                 ('NOTE', 'SHIPPED', 'cpo:shipped:915110000002', NULL, 'Y', 'PENDING');
    SELECT o.Kind, o.Cause, o.Marker, o.WooStatus, o.IsCustomerNote, o.[State] INTO #Actual
    FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91502;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'outbox rows after two runs';

    DECLARE @Note nvarchar (2000) = (SELECT o.NoteText FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91502 AND o.Kind = 'NOTE');
    EXEC tSQLt.AssertEqualsString
         @Expected = N'Shipped in full: 2 of 2 x T15-A Test item A; 1 of 1 x T15-B Test item B. Tracking number(s): 1Z15FULL1, 1Z15FULL2.',
         @Actual = @Note, @Message = N'note text';
    DECLARE @Tracked int = (SELECT COUNT(*) FROM woo.OrderFulfillmentTracking AS t WHERE t.QueueId = @QueueId AND t.SourceDocId = 915130000021);
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Tracked, @Message = N'both tracking numbers recorded as announced';
    DECLARE @Runs nvarchar (200) = (SELECT STRING_AGG(CONVERT(nvarchar (max), r.Outcome + N':' + CONVERT(nvarchar (10), r.OrdersCreated)), N',') WITHIN GROUP (ORDER BY r.RunId)
                                    FROM woo.RunLog AS r WHERE r.Step = 'FULFILLMENT' AND r.StoreId = 'T15F');
    EXEC tSQLt.AssertEqualsString @Expected = N'OK:2,OK:0', @Actual = @Runs, @Message = N'two runs logged: 2 messages, then none';
END;
