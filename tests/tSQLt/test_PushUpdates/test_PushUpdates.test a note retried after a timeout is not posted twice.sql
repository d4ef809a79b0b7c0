-- The first attempt reaches the shop but its answer is lost (a timeout): RETRY. The retry lists the order's notes, finds
-- the marker and records the note SENT with the shop's note id, without posting it again: one note in the shop.
CREATE PROCEDURE [test_PushUpdates].[test a note retried after a timeout is not posted twice]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    INSERT INTO #lostAnswers (marker, remaining) VALUES (N'cpo:created:501', 1);
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 501, @WooStatus = N'processing';
    DECLARE @M bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 501, @Kind = 'NOTE', @Marker = 'cpo:created:501',
         @NoteText = N'Counterpoint: written as document DOC_ID 100501, ticket TKT_NO W501 (CpOrders).', @MessageId = @M OUTPUT;

    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    DECLARE @State varchar (10), @Attempts int, @Code varchar (40), @Next datetime2 (0);
    SELECT @State = o.[State], @Attempts = o.Attempts, @Code = o.LastErrorCode, @Next = o.NextAttemptUtc FROM woo.Outbox AS o WHERE o.MessageId = @M;
    EXEC tSQLt.AssertEquals @Expected = 'RETRY', @Actual = @State, @Message = N'after the timeout';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Attempts;
    EXEC tSQLt.AssertEquals @Expected = 'CPO-HTTP-TIMEOUT', @Actual = @Code;
    IF @Next <= SYSUTCDATETIME()
        EXEC tSQLt.Fail N'the retry must wait for its backoff';

    UPDATE woo.Outbox SET NextAttemptUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE MessageId = @M;
    EXEC woo.usp_PushUpdates @StoreId = 'T15S', @Execute = 'Y';

    DECLARE @NoteId bigint, @InShop int = (SELECT COUNT(*) FROM #shopNotes AS n WHERE n.order_id = 501 AND n.note LIKE N'%[[]cpo:created:501]%'),
            @Posts int = (SELECT COUNT(*) FROM #sent AS s WHERE s.kind = 'ADD'), @Lists int = (SELECT COUNT(*) FROM #sent AS s WHERE s.kind = 'LIST');
    SELECT @State = o.[State], @NoteId = o.WooNoteId FROM woo.Outbox AS o WHERE o.MessageId = @M;
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @InShop, @Message = N'exactly one note with the marker in the shop';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Posts, @Message = N'posted once';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Lists, @Message = N'the retry listed the notes first';
    EXEC tSQLt.AssertEquals @Expected = 'SENT', @Actual = @State;
    DECLARE @ShopId bigint = (SELECT n.id FROM #shopNotes AS n WHERE n.order_id = 501);
    EXEC tSQLt.AssertEquals @Expected = @ShopId, @Actual = @NoteId, @Message = N'the shop''s note id recorded';
END;
