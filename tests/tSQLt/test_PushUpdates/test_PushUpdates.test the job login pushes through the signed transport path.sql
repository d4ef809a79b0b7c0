-- The least-privileged caller: the job login (CpOrdersJob only) runs the push (a checked status update, a note); the
-- transport procedures are spied, so decryption is not on this path (it is the transport procedures' own, signed,
-- covered by test_StoreSecrets). Operators' setup and message procedures stay closed to the job.
CREATE PROCEDURE [test_PushUpdates].[test the job login pushes through the signed transport path]
AS
BEGIN
    -- Before the spies replace them: the order transports themselves are closed to the job login (review r15, 11); it
    -- reaches them only through woo.usp_PushUpdates (ownership chaining). 229 = EXECUTE denied; a grant would let the
    -- call run and fail on the unknown store instead.
    DECLARE @Direct int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_WooUpdateOrder @StoreId = ''NOSTORE'', @OrderId = 1, @Status = N''completed'';', @ErrorNumber = @Direct OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Direct, @Message = N'the job login must not call woo.usp_WooUpdateOrder directly';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_WooAddOrderNote @StoreId = ''NOSTORE'', @OrderId = 1, @Note = N''x'', @Marker = ''x'';', @ErrorNumber = @Direct OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Direct, @Message = N'the job login must not call woo.usp_WooAddOrderNote directly';
    EXEC [test_PushUpdates].[Arrange];
    CREATE TABLE #sent (seq int IDENTITY (1, 1), call_no int, kind varchar (10), order_id bigint, status nvarchar (40), note nvarchar (max), marker nvarchar (100));
    CREATE TABLE #fail (id bigint, code nvarchar (100));
    CREATE TABLE #shopNotes (id int IDENTITY (1, 1), order_id bigint, note nvarchar (max), customer_note bit);
    CREATE TABLE #lostAnswers (marker nvarchar (100), remaining int);
    EXEC [test_PushUpdates].[AddQueuedOrder] @WooOrderId = 4001, @WooStatus = N'on-hold';
    DECLARE @S bigint, @N bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 4001, @Kind = 'STATUS', @Marker = 'cpo:created:41', @WooStatus = 'processing', @MessageId = @S OUTPUT;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 4001, @Kind = 'NOTE', @Marker = 'cpo:created:41', @NoteText = N'DOC_ID 41', @MessageId = @N OUTPUT;

    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_PushUpdates @StoreId = ''T15S'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_PushUpdates raised as the job login';
    DECLARE @Sent int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.MessageId IN (@S, @N) AND o.[State] = 'SENT');
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Sent, @Message = N'both messages sent as the job login';

    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SetStatusRule @StoreId = ''T15S'', @StatusAfterCreate = N''processing'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not change the status rule';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SkipMessage @MessageId = 1, @Reason = N''not mine'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not skip messages';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_EnqueueAfterCreate @QueueId = 1, @DocId = 1, @TktNo = ''1'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the enqueue step is internal';
END;
