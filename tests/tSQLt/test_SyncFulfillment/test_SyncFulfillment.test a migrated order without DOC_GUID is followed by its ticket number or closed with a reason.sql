-- Review r15 finding 1, second half: rows migrated from the predecessor carry no DOC_GUID. One with its TKT_NO is
-- baselined on the first run (its DOC_GUID found by DOC_ID, TKT_NO and DOC_TYP 'O' and kept), and a later full shipment
-- is announced; one with no TKT_NO either is closed UNTRACKED with the reason, announcing nothing. On the old code both
-- were filtered out (DocGuid IS NOT NULL) and never followed, never baselined.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a migrated order without DOC_GUID is followed by its ticket number or closed with a reason]
AS
BEGIN
    DECLARE @Q1 bigint, @Q2 bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91525, @DocId = 915110000025, @QueueId = @Q1 OUTPUT;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91526, @DocId = 915110000026, @QueueId = @Q2 OUTPUT;
    UPDATE woo.OrderQueue SET [Source] = 'MIGRATION', DocGuid = NULL WHERE QueueId IN (@Q1, @Q2);
    UPDATE woo.OrderQueue SET TktNo = NULL WHERE QueueId = @Q2;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    EXEC test_SyncFulfillment.Release @DocId = 915110000025, @ReleaseDocId = 915130000025, @QtyA = 2, @QtyB = 1, @Tracking1 = '1Z15MIG25';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    DECLARE @Guid uniqueidentifier = (SELECT h.DOC_GUID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = 915110000025);
    DECLARE @Kept int = (SELECT COUNT(*) FROM woo.OrderFulfillment AS f WHERE f.QueueId = @Q1 AND f.DocGuid = @Guid AND f.Baselined = 'Y');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Kept, @Message = N'the migrated order was baselined and its DOC_GUID kept';
    DECLARE @Shipped nvarchar (400) = (SELECT STRING_AGG(CONVERT(nvarchar (max), o.Kind + N'|' + o.Marker), N',') WITHIN GROUP (ORDER BY o.Kind)
                                       FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91525);
    EXEC tSQLt.AssertEqualsString @Expected = N'NOTE|cpo:shipped:915110000025,STATUS|cpo:shipped:915110000025', @Actual = @Shipped,
                                  @Message = N'its later full shipment is announced';
    DECLARE @Untracked nvarchar (200) = (SELECT f.DocState + N'|' + f.Closed + N'|' + f.LastErrorCode FROM woo.OrderFulfillment AS f WHERE f.QueueId = @Q2);
    EXEC tSQLt.AssertEqualsString @Expected = N'UNTRACKED|Y|CPO-FULFIL-UNTRACKED', @Actual = @Untracked, @Message = N'the one without a key is closed with the reason';
    DECLARE @Outbox2 int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91526);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Outbox2, @Message = N'nothing announced for it';
END;
