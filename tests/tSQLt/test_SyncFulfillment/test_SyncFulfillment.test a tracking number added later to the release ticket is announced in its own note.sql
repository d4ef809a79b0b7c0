-- ShipStation-style: the release ticket exists (1 of 2 T15-A shipped, announced in a partial note without tracking
-- number), and the tracking number is written to the release ticket later (doc-model 14). The watched release ticket
-- is re-read by DOC_ID and the next run queues one note with the number, marked with it; a third run adds nothing.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a tracking number added later to the release ticket is announced in its own note]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91510, @DocId = 915110000010, @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000010, @ReleaseDocId = 915130000101, @QtyA = 1, @QtyB = 0;
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_PKG_TRK_NO (DOC_ID, PKG_TRK_NO) VALUES (915130000101, '1Z15LATE');

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), Marker varchar (100), NoteText nvarchar (2000));
    INSERT INTO #Expected VALUES ('NOTE', 'PARTIAL', 'cpo:partial:915110000010:915130000101', N'Partly shipped (1 of 3 so far): 1 of 2 x T15-A Test item A.'),
                                 ('NOTE', 'PARTIAL', 'cpo:tracking:915110000010:d826d6e796b1eab5', N'Tracking number(s): 1Z15LATE.');
    SELECT o.Kind, o.Cause, o.Marker, o.NoteText INTO #Actual
    FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91510;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'outbox rows after three runs';
END;
