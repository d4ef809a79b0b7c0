-- Counterpoint releases 1 of the 2 T15-A on a release ticket with one tracking number (order line QTY_SHIPPED 1, release
-- line LINK_LIN_GUID = the order line's LIN_GUID, PS_DOC_HDR_ORIG_DOC link): the shop gets ONE note (store without a
-- status rule row: the defaults, a customer note) saying what shipped so far and the tracking number, marked with the
-- release ticket's DOC_ID, and no status. The state records the announced quantity and keeps the order followed.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a partial shipment queues a note with what shipped and no status]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91501, @DocId = 915110000001, @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000001, @ReleaseDocId = 915130000011, @QtyA = 1, @QtyB = 0, @Tracking1 = '1Z15PARTIAL1';

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), Marker varchar (100), WooStatus varchar (40), IsCustomerNote char (1), [State] varchar (10));
    INSERT INTO #Expected VALUES ('NOTE', 'PARTIAL', 'cpo:partial:915110000001:915130000011', NULL, 'Y', 'PENDING');
    SELECT o.Kind, o.Cause, o.Marker, o.WooStatus, o.IsCustomerNote, o.[State] INTO #Actual
    FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91501;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'outbox rows';

    DECLARE @Note nvarchar (2000) = (SELECT o.NoteText FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91501);
    EXEC tSQLt.AssertEqualsString @Expected = N'Partly shipped (1 of 3 so far): 1 of 2 x T15-A Test item A. Tracking number(s): 1Z15PARTIAL1.',
                                  @Actual = @Note, @Message = N'note text';
    DECLARE @State nvarchar (200) = (SELECT f.DocState + N'|' + CONVERT(nvarchar (20), CONVERT(float, f.QtyAnnounced)) + N'|' + f.ShippedAnnounced + N'|' + f.Closed
                                     FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'OPEN|1|N|N', @Actual = @State, @Message = N'state: open, 1 announced, not shipped in full, followed';
    DECLARE @Watched int = (SELECT COUNT(*) FROM woo.OrderFulfillmentRelease AS r WHERE r.QueueId = @QueueId AND r.ReleaseDocId = 915130000011 AND r.IsOpen = 'Y');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Watched, @Message = N'the release ticket is watched for late tracking numbers';
END;
