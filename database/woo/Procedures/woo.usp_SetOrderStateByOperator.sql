-- Internal: the one implementation of woo.usp_RequeueOrder (@Action = 'REQUEUE') and woo.usp_SkipOrder ('SKIP'): checks
-- every parameter and the order's state, reports every problem at once, then changes the state under the row's lock and
-- logs the operator's reason in woo.OrderEvent (Actor = ORIGINAL_LOGIN(), the table's default).
CREATE PROCEDURE [woo].[usp_SetOrderStateByOperator]
    @StoreId    varchar (10),
    @WooOrderId bigint,
    @QueueId    bigint,
    @Reason     nvarchar (1000),
    @Action     varchar (10),
    @Execute    char (1)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @Name nvarchar (40) = CASE @Action WHEN 'REQUEUE' THEN N'woo.usp_RequeueOrder' ELSE N'woo.usp_SkipOrder' END;
    IF @Action IS NULL OR @Action NOT IN ('REQUEUE', 'SKIP')
        THROW 50133, N'CPO-PARAM: woo.usp_SetOrderStateByOperator: @Action must be REQUEUE or SKIP.', 1;
    IF NOT EXISTS (SELECT 1 FROM woo.Store AS s WHERE s.StoreId = @StoreId)
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store.');
    IF (@WooOrderId IS NULL AND @QueueId IS NULL) OR (@WooOrderId IS NOT NULL AND @QueueId IS NOT NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'Give exactly one of @WooOrderId and @QueueId.');
    IF @Reason IS NULL OR LEN(LTRIM(RTRIM(@Reason))) < 5
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required (at least 5 characters): it is logged with your login in woo.OrderEvent.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');

    DECLARE @Id bigint, @State varchar (10), @DocId bigint, @TktNo varchar (15), @LeaseExpires datetime2 (0), @HasJson bit, @LastError nvarchar (4000);
    SELECT @Id = q.QueueId, @State = q.[State], @DocId = q.DocId, @TktNo = q.TktNo, @LeaseExpires = q.LeaseExpiresUtc,
           @HasJson = CASE WHEN q.OrderJson IS NULL THEN 0 ELSE 1 END, @LastError = q.LastError
    FROM woo.OrderQueue AS q
    WHERE q.StoreId = @StoreId AND ((@QueueId IS NOT NULL AND q.QueueId = @QueueId) OR (@QueueId IS NULL AND q.WooOrderId = @WooOrderId));
    IF @Id IS NULL AND (@WooOrderId IS NOT NULL OR @QueueId IS NOT NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'No queued order of store ' + ISNULL(@StoreId, N'NULL') + N' has ' +
                                                CASE WHEN @QueueId IS NOT NULL THEN N'QueueId ' + CONVERT(nvarchar (20), @QueueId) ELSE N'WooCommerce order id ' + CONVERT(nvarchar (20), @WooOrderId) END + N'.');
    IF @State = 'APPLIED'
        INSERT INTO @Errors ([Message]) VALUES (N'CPO-ORDER-APPLIED: the order was applied as Counterpoint document ' + ISNULL(CONVERT(nvarchar (20), @DocId), N'?')
            + N' (ticket ' + ISNULL(@TktNo, N'?') + N'); ' + CASE WHEN @Action = 'REQUEUE' THEN N'requeueing it would write a second document. ' ELSE N'skipping it would not remove that document. ' END
            + N'Correct it in Counterpoint instead.');
    IF @Action = 'REQUEUE' AND @State IN ('PENDING')
        INSERT INTO @Errors ([Message]) VALUES (N'The order is already PENDING.');
    IF @Action = 'SKIP' AND @State = 'SKIPPED'
        INSERT INTO @Errors ([Message]) VALUES (N'The order is already SKIPPED.');
    IF @LeaseExpires > SYSUTCDATETIME() AND @State IN ('PENDING', 'RETRY')
        INSERT INTO @Errors ([Message]) VALUES (N'The order is being processed (lease until ' + CONVERT(nvarchar (30), @LeaseExpires, 126) + N' UTC); try again after that.');
    IF @Action = 'REQUEUE' AND @HasJson = 0
        INSERT INTO @Errors ([Message]) VALUES (N'The order has no WooCommerce JSON (purged, or migrated from the predecessor): the next pull re-stages it when the watermark is at or before its last change, or stage it with woo.usp_StageOrderJson.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(@Name + N': nothing was changed; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50133, @All, 1;
    END;

    DECLARE @NewState varchar (10) = CASE @Action WHEN 'REQUEUE' THEN 'PENDING' ELSE 'SKIPPED' END;
    DECLARE @Detail nvarchar (max) = CONCAT(@State, N' -> ', @NewState, N' by ', ORIGINAL_LOGIN(), N': ', LTRIM(RTRIM(@Reason)),
                                            CASE WHEN @LastError IS NOT NULL THEN N' (last error: ' + @LastError + N')' END);
    IF @Execute = 'N'
    BEGIN
        SELECT @Id AS QueueId, @State AS CurrentState, @NewState AS NewState, @Detail AS EventDetail;
        RAISERROR (N'%s: @Execute = ''N'' wrote nothing.', 10, 1, @Name) WITH NOWAIT;
        RETURN 0;
    END;

    BEGIN TRANSACTION;
    UPDATE q
    SET [State] = @NewState, UpdatedAtUtc = SYSUTCDATETIME(),
        Attempts = CASE WHEN @Action = 'REQUEUE' THEN 0 ELSE q.Attempts END,
        NextAttemptUtc = NULL, LeaseOwner = NULL, LeaseExpiresUtc = NULL,
        LastErrorCode = CASE WHEN @Action = 'REQUEUE' THEN NULL ELSE q.LastErrorCode END,
        LastError = CASE WHEN @Action = 'REQUEUE' THEN NULL ELSE q.LastError END
    FROM woo.OrderQueue AS q WITH (UPDLOCK, HOLDLOCK)
    WHERE q.QueueId = @Id AND q.[State] = @State;
    IF @@ROWCOUNT = 0
    BEGIN
        ROLLBACK TRANSACTION;
        THROW 50134, N'CPO-ORDER-CHANGED: the order''s state changed while this ran (a pull or the processor); look at it again and retry.', 1;
    END;
    INSERT INTO woo.OrderEvent (QueueId, EventType, Detail, Actor)
    VALUES (@Id, CASE @Action WHEN 'REQUEUE' THEN 'REQUEUED' ELSE 'SKIPPED' END, @Detail, ORIGINAL_LOGIN());
    COMMIT TRANSACTION;
    SELECT @Id AS QueueId, @State AS PreviousState, @NewState AS NewState, @Detail AS EventDetail;
    RAISERROR (N'%s: queue row %I64d: %s -> %s (logged).', 10, 1, @Name, @Id, @State, @NewState) WITH NOWAIT;
    RETURN 0;
END;
