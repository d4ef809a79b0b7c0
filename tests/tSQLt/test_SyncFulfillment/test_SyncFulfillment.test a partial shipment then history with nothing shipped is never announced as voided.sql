-- Review r15 finding 2: a partial shipment was announced (1 of 3); Counterpoint then posts the order and its history
-- lines show QTY_SHIPPED 0 (history's meaning of the column is inferred). The shop must NOT be told 'cancelled' for an
-- order that shipped: no STATUS is queued, the operator gets CPO-FULFIL-VOID-AFTER-SHIP, the order is closed. On the
-- old code the second run queued STATUS 'cancelled' (cpo:voided) and CPO-FULFIL-VOIDED.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a partial shipment then history with nothing shipped is never announced as voided]
AS
BEGIN
    DECLARE @QueueId bigint, @Today datetime = CONVERT(date, SYSUTCDATETIME());
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91524, @DocId = 915110000024, @StatusWhenVoided = 'cancelled', @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000024, @ReleaseDocId = 915130000024, @QtyA = 1, @QtyB = 0, @Tracking1 = '1Z15PART24';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    -- Posted; history keeps QTY_SHIPPED 0 on every line.
    UPDATE [$(CounterpointDb)].dbo.PS_DOC_LIN SET QTY_SHIPPED = 0 WHERE DOC_ID = 915110000024;
    EXEC test_SyncFulfillment.PostOrder @DocId = 915110000024, @BusDat = @Today, @ToHistory = 1;
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    DECLARE @Kinds nvarchar (400) = (SELECT STRING_AGG(CONVERT(nvarchar (max), o.Kind + N'|' + o.Cause), N',') WITHIN GROUP (ORDER BY o.MessageId)
                                     FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91524);
    EXEC tSQLt.AssertEqualsString @Expected = N'NOTE|PARTIAL', @Actual = @Kinds, @Message = N'only the partial note; no void status';
    DECLARE @Alerts nvarchar (400) = (SELECT STRING_AGG(CONVERT(nvarchar (max), a.Code), N',') FROM woo.Alert AS a WHERE a.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'CPO-FULFIL-VOID-AFTER-SHIP', @Actual = @Alerts, @Message = N'a person settles it';
    DECLARE @State nvarchar (200) = (SELECT f.DocState + N'|' + f.VoidAnnounced + N'|' + f.Closed FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'HISTORY|N|Y', @Actual = @State, @Message = N'state';
END;
