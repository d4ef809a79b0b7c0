-- Review r15, 6: a run that outlives its one-hour lease still holds the message in its work list. An operator's skip
-- after the lease expired clears the lease, so that run's later write (WHERE LeaseOwner = its owner) misses and the
-- operator's SKIPPED stands.
CREATE PROCEDURE [test_PushUpdates].[test an operator skip after the lease expired is not overwritten by the run]
AS
BEGIN
    EXEC [test_PushUpdates].[Arrange];
    DECLARE @M bigint, @RunOwner uniqueidentifier = NEWID();
    EXEC [test_PushUpdates].[AddMessage] @WooOrderId = 5101, @Kind = 'NOTE', @Marker = 'cpo:created:5101', @NoteText = N'DOC_ID 5101', @MessageId = @M OUTPUT;
    UPDATE woo.Outbox SET LeaseOwner = @RunOwner, LeaseExpiresUtc = DATEADD(MINUTE, -1, SYSUTCDATETIME()) WHERE MessageId = @M;

    EXEC woo.usp_SkipMessage @MessageId = @M, @Reason = N'sent by hand';

    -- What the long run then writes for this message (the same statement shape as woo.usp_PushUpdates' result write).
    UPDATE o SET [State] = 'SENT', LeaseOwner = NULL FROM woo.Outbox AS o WHERE o.MessageId = @M AND o.LeaseOwner = @RunOwner;

    DECLARE @State varchar (10) = (SELECT o.[State] FROM woo.Outbox AS o WHERE o.MessageId = @M);
    EXEC tSQLt.AssertEquals @Expected = 'SKIPPED', @Actual = @State, @Message = N'the operator''s decision stands';
END;
