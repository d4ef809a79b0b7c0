-- The order is released in full and posted between two runs (its release ticket posted too, so no open release ticket
-- and no tracking number is left to read): found in PS_ORD_HIST by the BUS_DAT range and DOC_ID, its history lines
-- shipped in full. The shop gets the shipped status and a note saying no tracking number was recorded; the order is
-- closed, so a second run reads nothing for it and adds nothing.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test an order posted to history in full is announced shipped and no longer followed]
AS
BEGIN
    DECLARE @QueueId bigint, @Today datetime = CONVERT(date, SYSUTCDATETIME());
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91507, @DocId = 915110000007, @QueueId = @QueueId OUTPUT;
    UPDATE [$(CounterpointDb)].dbo.PS_DOC_LIN SET QTY_SHIPPED = ORIG_QTY WHERE DOC_ID = 915110000007;
    EXEC test_SyncFulfillment.PostOrder @DocId = 915110000007, @BusDat = @Today;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), Marker varchar (100), WooStatus varchar (40), IsCustomerNote char (1), [State] varchar (10));
    INSERT INTO #Expected VALUES ('STATUS', 'SHIPPED', 'cpo:shipped:915110000007', 'completed', 'N', 'PENDING'),
                                 ('NOTE', 'SHIPPED', 'cpo:shipped:915110000007', NULL, 'Y', 'PENDING');
    SELECT o.Kind, o.Cause, o.Marker, o.WooStatus, o.IsCustomerNote, o.[State] INTO #Actual
    FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91507;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'outbox rows after two runs';
    DECLARE @Note nvarchar (2000) = (SELECT o.NoteText FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91507 AND o.Kind = 'NOTE');
    EXEC tSQLt.AssertEqualsString @Expected = N'Shipped in full: 2 of 2 x T15-A; 1 of 1 x T15-B. No tracking number was recorded in Counterpoint.',
                                  @Actual = @Note, @Message = N'note text (history lines carry no description)';
    DECLARE @State nvarchar (200) = (SELECT f.DocState + N'|' + f.ShippedAnnounced + N'|' + f.Closed FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'HISTORY|Y|Y', @Actual = @State, @Message = N'state: in history, announced, closed';
    DECLARE @Runs nvarchar (200) = (SELECT STRING_AGG(CONVERT(nvarchar (max), CONVERT(nvarchar (10), r.OrdersRead)), N',') WITHIN GROUP (ORDER BY r.RunId)
                                    FROM woo.RunLog AS r WHERE r.Step = 'FULFILLMENT' AND r.StoreId = 'T15F');
    EXEC tSQLt.AssertEqualsString @Expected = N'1,0', @Actual = @Runs, @Message = N'the second run checked no order';
END;
