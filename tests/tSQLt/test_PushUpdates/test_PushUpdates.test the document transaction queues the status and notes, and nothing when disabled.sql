-- Issue 15 point 1, through the real processor: applying an order queues, in the document's transaction, the configured
-- status, the private note with DOC_ID and TKT_NO and the customer note with {TKT_NO} replaced (Cause CREATED, markers
-- cpo:created:<DOC_ID> and ...:customer). With the store's rule disabled, the next applied order queues nothing. A
-- NoTransaction test (the processor refuses an outer transaction), on test_ProcessStagedOrders' store T13P; its CleanUp
-- deletes the messages too.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_PushUpdates].[test the document transaction queues the status and notes, and nothing when disabled]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    EXEC woo.usp_SetStatusRule @StoreId = 'T13P', @StatusAfterCreate = N'processing', @PrivateNoteAfterCreate = 'Y',
                               @CustomerNoteAfterCreate = N'Thank you! Your order is ticket {TKT_NO} in our store.';
    DECLARE @QueueId bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91501, @QueueId = @QueueId OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    DECLARE @DocId bigint, @TktNo varchar (15), @State varchar (10);
    SELECT @DocId = q.DocId, @TktNo = q.TktNo, @State = q.[State] FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'the order must apply for this test to mean anything';
    DECLARE @Marker varchar (100) = 'cpo:created:' + CONVERT(varchar (20), @DocId);
    SELECT o.WooOrderId, o.QueueId, o.Kind, o.Cause, o.Marker, o.WooStatus, o.NoteText, o.IsCustomerNote, o.[State]
    INTO #Actual FROM woo.Outbox AS o WHERE o.StoreId = 'T13P';
    CREATE TABLE #Expected (WooOrderId bigint, QueueId bigint, Kind varchar (10), Cause varchar (20), Marker varchar (100), WooStatus varchar (40),
                            NoteText nvarchar (2000), IsCustomerNote char (1), [State] varchar (10));
    INSERT INTO #Expected
    VALUES (91501, @QueueId, 'STATUS', 'CREATED', @Marker, 'processing', NULL, 'N', 'PENDING'),
           (91501, @QueueId, 'NOTE', 'CREATED', @Marker, NULL,
            N'Counterpoint: written as document DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', ticket TKT_NO ' + @TktNo + N' (CpOrders).', 'N', 'PENDING'),
           (91501, @QueueId, 'NOTE', 'CREATED', @Marker + ':customer', NULL, N'Thank you! Your order is ticket ' + @TktNo + N' in our store.', 'Y', 'PENDING');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    -- Disabled: the next order is applied and tells the shop nothing.
    EXEC woo.usp_SetStatusRule @StoreId = 'T13P', @IsEnabled = 'N';
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91502, @QueueId = @QueueId OUTPUT;
    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';
    SET @State = (SELECT q.[State] FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId);
    EXEC tSQLt.AssertEquals @Expected = 'APPLIED', @Actual = @State, @Message = N'the second order applies';
    DECLARE @Messages int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.WooOrderId = 91502);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Messages, @Message = N'a disabled rule queues nothing';
END;
