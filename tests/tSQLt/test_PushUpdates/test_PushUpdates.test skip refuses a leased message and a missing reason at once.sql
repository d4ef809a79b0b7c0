CREATE PROCEDURE [test_PushUpdates].[test skip refuses a leased message and a missing reason at once]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    DECLARE @Leased bigint;
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5002, @Kind = 'NOTE', @Marker = 'cpo:created:52', @NoteText = N'DOC_ID 52', @MessageId = @Leased OUTPUT;
    UPDATE woo.Outbox SET LeaseOwner = NEWID(), LeaseExpiresUtc = DATEADD(MINUTE, 30, SYSUTCDATETIME()) WHERE MessageId = @Leased;
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SkipMessage: nothing was changed; fix every problem:%@Reason is required%is being sent right now%';
    EXEC woo.usp_SkipMessage @MessageId = @Leased, @Reason = N'  ';
END;
