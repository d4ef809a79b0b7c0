-- The order document disappears from the open tables without reaching history (a cancellation): the first run only
-- notes when it went missing (a posting seen half-way must never read as a void); a later run, after the grace period
-- (@GoneGraceMinutes = 0 here), announces the configured status and alerts the operator - only because the store chose
-- VoidWhenGone = 'Y' (by default an absence alone is only alerted: the test beside this one).
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a document gone without history is voided only when seen gone twice]
AS
BEGIN
    DECLARE @QueueId bigint, @Today datetime = CONVERT(date, SYSUTCDATETIME());
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91508, @DocId = 915110000008, @StatusWhenVoided = 'cancelled', @VoidWhenGone = 'Y', @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.PostOrder @DocId = 915110000008, @BusDat = @Today, @ToHistory = 0;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;
    DECLARE @AfterFirst int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91508)
                              + (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.QueueId = @QueueId);
    DECLARE @FirstState nvarchar (200) = (SELECT f.DocState + N'|' + CASE WHEN f.GoneSinceUtc IS NULL THEN N'-' ELSE N'gone since' END + N'|' + f.Closed
                                          FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @GoneGraceMinutes = 0;

    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @AfterFirst, @Message = N'nothing announced or alerted on the first sighting';
    EXEC tSQLt.AssertEqualsString @Expected = N'GONE|gone since|N', @Actual = @FirstState, @Message = N'state after the first run';
    DECLARE @Marker varchar (200) = (SELECT STRING_AGG(CONVERT(varchar (max), o.Kind + '|' + o.Marker + '|' + o.WooStatus), ',')
                                     FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91508);
    EXEC tSQLt.AssertEqualsString @Expected = N'STATUS|cpo:voided:915110000008|cancelled', @Actual = @Marker, @Message = N'the void status after the second run';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.QueueId = @QueueId AND a.Code = 'CPO-FULFIL-VOIDED');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'the operator alert';
END;
