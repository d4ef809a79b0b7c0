CREATE PROCEDURE [test_PushUpdates].[test requeue and skip are logged with who and why]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    DECLARE @Dead bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5001, @Kind = 'NOTE', @Marker = 'cpo:created:51', @NoteText = N'DOC_ID 51', @MessageId = @Dead OUTPUT;
    UPDATE woo.Outbox SET [State] = 'DEAD', Attempts = 3, LastErrorCode = 'CPO-HTTP-TIMEOUT', NextAttemptUtc = '2026-01-01' WHERE MessageId = @Dead;

    EXEC woo.usp_RequeueMessage @MessageId = @Dead, @Reason = N'shop back online';

    DECLARE @State varchar (10), @Attempts int, @Next datetime2 (0), @Code varchar (40);
    SELECT @State = o.[State], @Attempts = o.Attempts, @Next = o.NextAttemptUtc FROM woo.Outbox AS o WHERE o.MessageId = @Dead;
    EXEC tSQLt.AssertEquals @Expected = 'PENDING', @Actual = @State;
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Attempts, @Message = N'attempts reset';
    IF @Next < DATEADD(MINUTE, -5, SYSUTCDATETIME())
        EXEC tSQLt.Fail N'a requeued message is due now';
    SELECT e.MessageId, e.EventType, e.Actor, CASE WHEN e.Detail LIKE N'was DEAD after 3 attempt(s) (CPO-HTTP-TIMEOUT): shop back online' THEN 1 ELSE 0 END AS DetailOk
    INTO #Actual FROM woo.OutboxEvent AS e;
    CREATE TABLE #Expected (MessageId bigint, EventType varchar (20), Actor sysname, DetailOk int);
    INSERT INTO #Expected VALUES (@Dead, 'REQUEUED', ORIGINAL_LOGIN(), 1);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'who and why';

    EXEC woo.usp_SkipMessage @MessageId = @Dead, @Reason = N'told the shopper by phone';
    SELECT @State = o.[State], @Code = o.LastErrorCode FROM woo.Outbox AS o WHERE o.MessageId = @Dead;
    EXEC tSQLt.AssertEquals @Expected = 'SKIPPED', @Actual = @State;
    EXEC tSQLt.AssertEquals @Expected = 'CPO-OPERATOR-SKIPPED', @Actual = @Code;
    DECLARE @Skips int = (SELECT COUNT(*) FROM woo.OutboxEvent AS e WHERE e.MessageId = @Dead AND e.EventType = 'SKIPPED' AND e.Detail LIKE N'%told the shopper by phone');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Skips;
END;
