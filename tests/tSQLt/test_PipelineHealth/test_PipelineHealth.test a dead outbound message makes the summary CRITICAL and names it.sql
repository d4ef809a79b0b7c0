-- Dead letters are CRITICAL (the shop was never told): the same install is not CRITICAL before the message dies, so the
-- test fails if the summary ignores the outbox, and also if something else on the scratch server were CRITICAL.
CREATE PROCEDURE [test_PipelineHealth].[test a dead outbound message makes the summary CRITICAL and names it]
AS
BEGIN
    EXEC [test_PipelineHealth].[Arrange];
    DECLARE @Status varchar (10), @Reason nvarchar (4000);
    INSERT INTO woo.Outbox (StoreId, WooOrderId, Kind, Cause, Marker, WooStatus, [State], Attempts, NextAttemptUtc, LastErrorCode, LastError)
    VALUES ('WEB', 701, 'STATUS', 'CREATED', 'cpo:created:1', 'completed', 'PENDING', 0, SYSUTCDATETIME(), NULL, NULL);
    EXEC woo.usp_PipelineHealth @ResultSets = 'N', @Status = @Status OUTPUT, @Reason = @Reason OUTPUT;
    IF @Status = 'CRITICAL'
        EXEC tSQLt.Fail N'before any dead letter the summary is already CRITICAL: ', @Reason;

    UPDATE woo.Outbox SET [State] = 'DEAD', Attempts = 8, LastErrorCode = 'CPO-WOO-REJECTED', LastError = N'rejected' WHERE WooOrderId = 701;
    EXEC woo.usp_PipelineHealth @ResultSets = 'N', @Status = @Status OUTPUT, @Reason = @Reason OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'CRITICAL', @Actual = @Status, @Message = @Reason;
    IF @Reason NOT LIKE N'%outbox_dead [[]WEB]%'
        EXEC tSQLt.Fail N'the reason does not name the dead outbound message of store WEB: ', @Reason;
    -- The view an operator or a monitor reads says the same.
    DECLARE @ViewStatus varchar (10) = (SELECT s.[Status] FROM woo.HealthSummary AS s);
    EXEC tSQLt.AssertEquals @Expected = 'CRITICAL', @Actual = @ViewStatus, @Message = N'woo.HealthSummary';
END;
