-- woo.StoreStatusRule.IsEnabled = 'N': nothing is sent back to that store's shop, so its orders are not followed at all
-- (no message, no state row); the run itself is logged.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a store whose status rule is disabled gets nothing]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91509, @DocId = 915110000009, @QueueId = @QueueId OUTPUT;
    INSERT INTO woo.StoreStatusRule (StoreId, IsEnabled) VALUES ('T15F', 'N');
    EXEC test_SyncFulfillment.Release @DocId = 915110000009, @ReleaseDocId = 915130000091, @QtyA = 2, @QtyB = 1, @Tracking1 = '1Z15OFF';

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    DECLARE @Messages int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F'),
            @States int = (SELECT COUNT(*) FROM woo.OrderFulfillment AS f WHERE f.StoreId = 'T15F'),
            @Runs int = (SELECT COUNT(*) FROM woo.RunLog AS r WHERE r.Step = 'FULFILLMENT' AND r.StoreId = 'T15F' AND r.Outcome = 'OK' AND r.OrdersRead = 0);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Messages, @Message = N'no message';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @States, @Message = N'not followed';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Runs, @Message = N'the run, with no order read';
END;
