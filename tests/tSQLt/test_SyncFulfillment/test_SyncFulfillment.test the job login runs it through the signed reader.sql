-- The real run as the least-privileged caller: the job login (member of CpOrdersJob only) runs woo.usp_SyncFulfillment
-- for a partial shipment. A permission error anywhere (229 on a woo object, 916 or 229 in Counterpoint when the reader's
-- or the schema check's signature is missing) would either raise or fail the order (no outbox row, RunLog WARNING).
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test the job login runs it through the signed reader]
AS
BEGIN
    DECLARE @QueueId bigint, @Error nvarchar (4000);
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91505, @DocId = 915110000005, @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000005, @ReleaseDocId = 915130000051, @QtyA = 0, @QtyB = 1;

    EXEC test_SyncFulfillment.SyncAsJobLogin @Error = @Error OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'error raised as the job login';
    DECLARE @Marker varchar (100) = (SELECT o.Marker FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91505);
    EXEC tSQLt.AssertEquals @Expected = 'cpo:partial:915110000005:915130000051', @Actual = @Marker, @Message = N'the partial-shipment note';
    DECLARE @Run nvarchar (200) = (SELECT r.Outcome + N'|' + r.LoginName FROM woo.RunLog AS r WHERE r.Step = 'FULFILLMENT' AND r.StoreId = 'T15F');
    EXEC tSQLt.AssertEqualsString @Expected = N'OK|CpOrdersTest_JobLogin', @Actual = @Run, @Message = N'the run log row';
END;
