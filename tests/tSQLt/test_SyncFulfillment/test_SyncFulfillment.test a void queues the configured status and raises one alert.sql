-- Counterpoint voids the open order (an audit row with DOC_TYP 'V', as public SQL recognises voided orders): with
-- StatusWhenVoided = 'cancelled' the shop gets that status, the operator a WARNING alert CPO-FULFIL-VOIDED, and the order
-- is closed (no longer followed), so a second run adds neither a message nor an occurrence.
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a void queues the configured status and raises one alert]
AS
BEGIN
    DECLARE @QueueId bigint;
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91503, @DocId = 915110000003, @StatusWhenVoided = 'cancelled', @QueueId = @QueueId OUTPUT;
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_AUDIT_LOG (DOC_ID, LOG_SEQ_NO, DOC_TYP, DOC_GUID, CURR_DT, CURR_STR_ID, CURR_STA_ID, CURR_USR_ID, LOG_ENTRY)
    SELECT h.DOC_ID, 2, 'V', h.DOC_GUID, '2026-12-02T11:00:00', 'T15F', '1', 'MGR', 'Voided order'
    FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = 915110000003;

    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';
    EXEC woo.usp_SyncFulfillment @StoreId = 'T15F';

    CREATE TABLE #Expected (Kind varchar (10), Cause varchar (20), Marker varchar (100), WooStatus varchar (40), IsCustomerNote char (1), [State] varchar (10));
    INSERT INTO #Expected VALUES ('STATUS', 'VOIDED', 'cpo:voided:915110000003', 'cancelled', 'N', 'PENDING');
    SELECT o.Kind, o.Cause, o.Marker, o.WooStatus, o.IsCustomerNote, o.[State] INTO #Actual
    FROM woo.Outbox AS o WHERE o.StoreId = 'T15F' AND o.WooOrderId = 91503;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'outbox rows';

    DECLARE @Alert nvarchar (200) = (SELECT STRING_AGG(CONVERT(nvarchar (max), a.Severity + N'|' + a.Code + N'|' + CONVERT(nvarchar (10), a.Occurrences)), N',')
                                     FROM woo.Alert AS a WHERE a.StoreId = 'T15F' AND a.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'WARNING|CPO-FULFIL-VOIDED|1', @Actual = @Alert, @Message = N'one alert, raised once';
    DECLARE @State nvarchar (200) = (SELECT f.DocState + N'|' + f.VoidAnnounced + N'|' + f.Closed FROM woo.OrderFulfillment AS f WHERE f.QueueId = @QueueId);
    EXEC tSQLt.AssertEqualsString @Expected = N'VOIDED|Y|Y', @Actual = @State, @Message = N'state: voided, announced, closed';
END;
