-- A store without a status rule row (StatusWhenVoided defaults to NULL): Counterpoint voids the order, the operator
-- gets the alert and the shop gets no message at all.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a void without a configured status only alerts]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91504, @DocId = 915110000004, @QueueId = @QueueId OUTPUT;
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG (DOC_ID, LOG_SEQ_NO, DOC_TYP, DOC_GUID, LOG_ENTRY)
    SELECT h.DOC_ID, 2, 'V', h.DOC_GUID, 'Voided order' FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = 915110000004;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    DECLARE @Messages int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T15F');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Messages, @Message = N'no message to the shop';
    DECLARE @Alerts int = (SELECT COUNT(*) FROM woo.Alert AS a WHERE a.QueueId = @QueueId AND a.Code = 'CPO-FULFIL-VOIDED');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Alerts, @Message = N'the operator alert';
END;
