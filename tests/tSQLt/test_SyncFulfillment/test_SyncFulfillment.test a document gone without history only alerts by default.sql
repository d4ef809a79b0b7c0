-- Review r15 finding 3: the order document disappears from the open tables and is not found in history. With a void
-- status configured but VoidWhenGone left at its default (N), two runs past the grace period announce NOTHING to the
-- shop (an absence may be a posting the history lookup missed); the operator gets one CPO-FULFIL-GONE alert and the
-- order is no longer followed. On the old code the second run queued STATUS 'cancelled'.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a document gone without history only alerts by default]
AS
BEGIN
    DECLARE @QueueId bigint, @Today datetime = CONVERT(date, SYSUTCDATETIME());
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91521, @DocId = 915110000021, @StatusWhenVoided = 'cancelled', @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.PostOrder @DocId = 915110000021, @BusDat = @Today, @ToHistory = 0;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;

    DECLARE @Outbox int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91521);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Outbox, @Message = N'nothing announced to the shop';
    DECLARE @Alerts nvarchar (200) = (SELECT STRING_AGG(CONVERT(nvarchar (max), a.Code), N',') FROM woo.Alert AS a WHERE a.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'CPO-FULFIL-GONE', @Actual = @Alerts, @Message = N'one alert for a person';
    DECLARE @State nvarchar (200) = (SELECT f.DocState + N'|' + f.VoidAnnounced + N'|' + f.Closed FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'GONE|N|Y', @Actual = @State, @Message = N'state: gone, no void announced, no longer followed';
END;
