-- Review r15 finding 1 (BLOCKER on upgrade): two orders an earlier version applied (AppliedAtUtc before the store's
-- FulfillmentFromUtc, which the deploy that adds the column sets to the deploy time): one shipped in full long ago and
-- still open, one already posted and gone. The first run records both (Baselined Y; the gone one closed) and queues
-- no Outbox row and no alert. On the old code the first one got STATUS completed + a customer note "Shipped in full",
-- and the second became GONE and later VOIDED.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test orders applied before fulfillment existed are baselined and nothing is announced]
AS
BEGIN
    DECLARE @Q1 bigint, @Q2 bigint, @Today datetime = CONVERT(date, SYSUTCDATETIME());
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91522, @DocId = 915110000022, @StatusWhenVoided = 'cancelled', @VoidWhenGone = 'Y', @QueueId = @Q1 OUTPUT;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91523, @DocId = 915110000023, @QueueId = @Q2 OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000022, @ReleaseDocId = 915130000022, @QtyA = 2, @QtyB = 1, @Tracking1 = '1Z15OLD1';
    EXEC test_SyncFulfillment.PostOrder @DocId = 915110000023, @BusDat = @Today, @ToHistory = 0;
    -- Applied by an earlier version, before the deploy that brought fulfillment.
    UPDATE woo.OrderQueue SET AppliedAtUtc = DATEADD(DAY, -90, SYSUTCDATETIME()) WHERE QueueId IN (@Q1, @Q2);

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;

    DECLARE @Outbox int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Outbox, @Message = N'nothing announced for orders the shop already knew';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.QueueId IN (@Q1, @Q2));
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Alerts, @Message = N'no alert either';
    DECLARE @States nvarchar (400) = (SELECT STRING_AGG(CONVERT(nvarchar (max), CONVERT(nvarchar (20), f.QueueId - @Q1) + N':' + f.Baselined + f.ShippedAnnounced + f.Closed), N',')
                                                 WITHIN GROUP (ORDER BY f.QueueId)
                                      FROM woo.OrderFulfillment AS f WHERE f.QueueId IN (@Q1, @Q2));
    DECLARE @Expected nvarchar (400) = N'0:YYN,' + CONVERT(nvarchar (20), @Q2 - @Q1) + N':YNY';
    EXEC tSQLt.AssertEqualsString @Expected = @Expected, @Actual = @States,
                                  @Message = N'baselined: the shipped one recorded as announced (still followed for its open release ticket), the gone one closed';
END;
