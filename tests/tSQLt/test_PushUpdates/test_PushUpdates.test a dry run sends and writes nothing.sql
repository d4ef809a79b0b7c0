-- @Execute = 'N': shows what each message would do (a batch, a note, a skip) and sends and writes nothing.
CREATE PROCEDURE [test_PushUpdates].[test a dry run sends and writes nothing]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 3001, @WooStatus = N'on-hold';
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 3002, @WooStatus = N'completed';
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 3001, @Kind = 'STATUS', @Marker = 'cpo:created:31', @WooStatus = 'processing';
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 3001, @Kind = 'NOTE', @Marker = 'cpo:created:31', @NoteText = N'DOC_ID 31, TKT_NO W31';
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 3002, @Kind = 'STATUS', @Marker = 'cpo:created:32', @WooStatus = 'processing';
    SELECT * INTO #Before FROM woo.Outbox;

    CREATE TABLE #Shown (RequestNo int, MessageId bigint, WooOrderId bigint, Kind varchar (10), Cause varchar (20), Marker varchar (100),
                         WouldDo varchar (200), WantedStatus varchar (40), KnownStatus varchar (40), KnownFrom varchar (10), Payload nvarchar (max),
                         Code varchar (40), Reason nvarchar (2000));
    INSERT INTO #Shown EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'N';

    SELECT s.WooOrderId, s.Kind, LEFT(s.WouldDo, 4) AS WouldDo, s.Code INTO #Actual FROM #Shown AS s;
    CREATE TABLE #Expected (WooOrderId bigint, Kind varchar (10), WouldDo varchar (4), Code varchar (40));
    INSERT INTO #Expected VALUES (3001, 'STATUS', 'SEND', NULL), (3001, 'NOTE', 'POST', NULL), (3002, 'STATUS', 'SKIP', 'CPO-STATUS-NOT-FORWARD');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'what the dry run shows';
    DECLARE @Payload nvarchar (max) = (SELECT s.Payload FROM #Shown AS s WHERE s.Kind = 'NOTE'),
            @ExpectedPayload nvarchar (max) = N'DOC_ID 31, TKT_NO W31' + NCHAR(10) + N'[cpo:created:31]  (private note)';
    EXEC tSQLt.AssertEquals @Expected = @ExpectedPayload, @Actual = @Payload, @Message = N'the note as WooCommerce would get it';

    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent), @Runs int = (SELECT COUNT(*) FROM woo.RunLog), @Alerts int = (SELECT COUNT(*) FROM woo.Alert);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Calls, @Message = N'no request';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Runs, @Message = N'no run log row';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Alerts, @Message = N'no alert';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'woo.Outbox', @Message = N'the messages are unchanged (no lease, no state)';
END;
