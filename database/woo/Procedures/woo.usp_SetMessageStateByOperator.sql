-- The one implementation of woo.usp_RequeueMessage (@Action REQUEUE) and woo.usp_SkipMessage (SKIP): checks every
-- problem at once, shows the message before and after, and (@Execute = 'Y') changes it and logs who and why in
-- woo.OutboxEvent, in one transaction, under the row's lock. Internal: granted to no role (reached from those two by
-- ownership chaining).
CREATE PROCEDURE [woo].[usp_SetMessageStateByOperator]
    @MessageId bigint,
    @Reason    nvarchar (1000),
    @Action    varchar (10),
    @Execute   char (1)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Proc nvarchar (40) = CASE @Action WHEN 'SKIP' THEN N'woo.usp_SkipMessage' ELSE N'woo.usp_RequeueMessage' END;
    DECLARE @Found bit = 0, @State varchar (10), @Leased bit = 0, @StoreId varchar (10), @WooOrderId bigint, @Kind varchar (10), @Attempts int,
            @Code varchar (40), @Now datetime2 (0) = SYSUTCDATETIME();
    SELECT @Found = 1, @State = o.[State], @Leased = CASE WHEN o.LeaseOwner IS NOT NULL AND o.LeaseExpiresUtc > @Now THEN 1 ELSE 0 END,
           @StoreId = o.StoreId, @WooOrderId = o.WooOrderId, @Kind = o.Kind, @Attempts = o.Attempts, @Code = o.LastErrorCode
    FROM woo.Outbox AS o WHERE o.MessageId = @MessageId;
    SET @Reason = NULLIF(LTRIM(RTRIM(@Reason)), N'');

    IF @Action IS NULL OR @Action NOT IN ('REQUEUE', 'SKIP')
        INSERT INTO @Errors ([Message]) VALUES (N'@Action must be REQUEUE or SKIP.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @Reason IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required: why (it is logged with your login in woo.OutboxEvent).');
    IF @Found = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@MessageId ' + ISNULL(CONVERT(nvarchar (20), @MessageId), N'NULL') + N' is not in woo.Outbox.');
    IF @Leased = 1
        INSERT INTO @Errors ([Message]) VALUES (N'message ' + CONVERT(nvarchar (20), @MessageId) + N' is being sent right now (woo.usp_PushUpdates holds its lease); try again when that run has ended.');
    IF @Action = 'REQUEUE' AND @State = 'SENT'
        INSERT INTO @Errors ([Message]) VALUES (N'message ' + CONVERT(nvarchar (20), @MessageId) + N' was SENT; to tell the shop again use woo.usp_RepushOrderStatus @StoreId = '''
                                                + @StoreId + N''', @WooOrderId = ' + CONVERT(nvarchar (20), @WooOrderId) + N'.');
    IF @Action = 'REQUEUE' AND @State = 'PENDING'
        INSERT INTO @Errors ([Message]) VALUES (N'message ' + CONVERT(nvarchar (20), @MessageId) + N' is PENDING already: the next woo.usp_PushUpdates sends it.');
    IF @Action = 'SKIP' AND @State IN ('SENT', 'SKIPPED')
        INSERT INTO @Errors ([Message]) VALUES (N'message ' + CONVERT(nvarchar (20), @MessageId) + N' is ' + @State + N'; only a PENDING, RETRY or DEAD message can be skipped.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(@Proc + N': nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50550, @All, 1;
    END;

    DECLARE @NewState varchar (10) = CASE @Action WHEN 'SKIP' THEN 'SKIPPED' ELSE 'PENDING' END;
    SELECT o.MessageId, o.StoreId, o.WooOrderId, o.Kind, o.Cause, o.Marker, o.WooStatus, o.[State] AS CurrentState, @NewState AS NewState,
           o.Attempts AS CurrentAttempts, CASE @Action WHEN 'SKIP' THEN o.Attempts ELSE 0 END AS NewAttempts, o.LastErrorCode, o.LastError
    FROM woo.Outbox AS o WHERE o.MessageId = @MessageId;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'%s: @Execute = ''N'' wrote nothing (the change is listed).', 10, 1, @Proc) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @Detail nvarchar (2000) = LEFT(CONCAT(N'was ', @State, N' after ', @Attempts, N' attempt(s)', N' (', ISNULL(@Code, N'no error'), N'): ', @Reason), 2000);
    BEGIN TRANSACTION;
    UPDATE o
    SET [State] = @NewState,
        Attempts = CASE @Action WHEN 'SKIP' THEN o.Attempts ELSE 0 END,
        NextAttemptUtc = CASE @Action WHEN 'SKIP' THEN o.NextAttemptUtc ELSE SYSUTCDATETIME() END,
        LastErrorCode = CASE @Action WHEN 'SKIP' THEN 'CPO-OPERATOR-SKIPPED' ELSE o.LastErrorCode END,
        LastError = CASE @Action WHEN 'SKIP' THEN LEFT(N'skipped by ' + ORIGINAL_LOGIN() + N': ' + @Reason, 2000) ELSE o.LastError END,
        -- An expired lease may still be a long run's: cleared, so that run's write (WHERE LeaseOwner = its owner) misses
        -- and the operator's decision stands (review r15, 6); a requeued NOTE is then found by its marker.
        LeaseOwner = NULL, LeaseExpiresUtc = NULL,
        UpdatedAtUtc = SYSUTCDATETIME()
    FROM woo.Outbox AS o WITH (UPDLOCK, ROWLOCK)
    WHERE o.MessageId = @MessageId AND o.[State] = @State AND (o.LeaseOwner IS NULL OR o.LeaseExpiresUtc <= SYSUTCDATETIME());
    IF @@ROWCOUNT <> 1
        THROW 50551, N'CPO-OUTBOX-CHANGED: the message changed while this ran (a push claimed or recorded it); nothing was changed. Look at it again and repeat.', 1;
    INSERT INTO woo.OutboxEvent (MessageId, EventType, Detail)
    VALUES (@MessageId, CASE @Action WHEN 'SKIP' THEN 'SKIPPED' ELSE 'REQUEUED' END, @Detail);
    COMMIT TRANSACTION;
    RAISERROR (N'%s: done (the change is listed).', 10, 1, @Proc) WITH NOWAIT;
    RETURN 0;
END;
