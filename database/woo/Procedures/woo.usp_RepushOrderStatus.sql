-- An operator tells the shop again about one order that CpOrders wrote to Counterpoint (issue 15 point 4): queues, with
-- Cause OPERATOR and a fresh marker 'cpo:repush:<guid>', a STATUS message (@Status, or else the furthest status CpOrders
-- ever queued for the order, or else the store's StatusAfterCreate) and a private NOTE with DOC_ID and TKT_NO, logged
-- with who (ORIGINAL_LOGIN()) and why in woo.OutboxEvent (REPUSHED). woo.usp_PushUpdates sends them by the usual rules:
-- a status is still never sent backwards (an order the shop shows at or past it is left alone), and older open STATUS
-- messages of the order are superseded. Refuses an order that is not APPLIED and a store whose rule is disabled.
-- @Execute = 'N' shows the messages, writes nothing.
CREATE PROCEDURE [woo].[usp_RepushOrderStatus]
    @StoreId    varchar (10),
    @WooOrderId bigint,
    @Reason     nvarchar (1000) = NULL,
    @Status     nvarchar (100) = NULL,     -- NULL: the furthest status queued before, else StatusAfterCreate; '' = the note only
    @Execute    char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Errors TABLE (Id int IDENTITY (1, 1) NOT NULL, [Message] nvarchar (4000) NOT NULL);
    DECLARE @QueueId bigint, @State varchar (10), @DocId bigint, @TktNo varchar (15), @Enabled char (1), @StatusOrder varchar (400),
            @AfterCreate varchar (40), @StoreFound bit = 0;
    SELECT @StoreFound = 1, @Enabled = ISNULL(r.IsEnabled, 'Y'), @StatusOrder = ISNULL(r.StatusOrder, 'pending,on-hold,processing,completed'),
           @AfterCreate = r.StatusAfterCreate
    FROM woo.Store AS s LEFT JOIN woo.StoreStatusRule AS r ON r.StoreId = s.StoreId
    WHERE s.StoreId = @StoreId;
    SELECT @QueueId = q.QueueId, @State = q.[State], @DocId = q.DocId, @TktNo = q.TktNo
    FROM woo.OrderQueue AS q WHERE q.StoreId = @StoreId AND q.WooOrderId = @WooOrderId;
    SET @Reason = NULLIF(LTRIM(RTRIM(@Reason)), N'');

    -- The status: given, or the furthest one queued for the order before, or the store's status after create.
    DECLARE @Wanted nvarchar (100) = CASE WHEN @Status IS NOT NULL THEN NULLIF(LTRIM(RTRIM(@Status)), N'') END;
    IF @Status IS NULL
        SET @Wanted = ISNULL((SELECT TOP (1) o.WooStatus FROM woo.Outbox AS o OUTER APPLY woo.fn_StatusRank(@StatusOrder, o.WooStatus) AS rk
                              WHERE o.StoreId = @StoreId AND o.WooOrderId = @WooOrderId AND o.Kind = 'STATUS'
                              ORDER BY ISNULL(rk.StatusRank, 0) DESC, o.MessageId DESC), @AfterCreate);

    IF @StoreFound = 0
        INSERT INTO @Errors ([Message]) VALUES (N'@StoreId ''' + ISNULL(@StoreId, N'NULL') + N''' is not a store (woo.usp_SetStore).');
    IF @Enabled = 'N'
        INSERT INTO @Errors ([Message]) VALUES (N'store ' + @StoreId + N' sends nothing to the shop (woo.usp_SetStatusRule @IsEnabled = ''N''); enable it first.');
    IF @Execute IS NULL OR @Execute NOT IN ('Y', 'N')
        INSERT INTO @Errors ([Message]) VALUES (N'@Execute must be Y or N.');
    IF @Reason IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'@Reason is required: why (it is logged with your login in woo.OutboxEvent).');
    IF @StoreFound = 1 AND @QueueId IS NULL
        INSERT INTO @Errors ([Message]) VALUES (N'WooCommerce order ' + ISNULL(CONVERT(nvarchar (20), @WooOrderId), N'NULL') + N' of store ' + @StoreId + N' is not in woo.OrderQueue.');
    IF @QueueId IS NOT NULL AND (@State <> 'APPLIED' OR @DocId IS NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'WooCommerce order ' + CONVERT(nvarchar (20), @WooOrderId) + N' is ' + @State
                                                + N', not APPLIED: CpOrders has written no document for it, so there is nothing to tell the shop.');
    IF @Wanted IS NOT NULL AND (LEN(@Wanted) > 40 OR @Wanted COLLATE Latin1_General_BIN2 LIKE N'%[^a-z0-9_-]%' OR @Wanted LIKE N'wc-%')
        INSERT INTO @Errors ([Message]) VALUES (N'@Status ''' + @Wanted + N''' is not a status slug (lower-case letters, digits, - and _, at most 40 characters, without ''wc-'').');
    ELSE IF @Wanted IS NOT NULL AND NOT EXISTS (SELECT 1 FROM woo.fn_StatusRank(@StatusOrder, CONVERT(varchar (40), @Wanted)) AS rk WHERE rk.StatusRank IS NOT NULL)
        INSERT INTO @Errors ([Message]) VALUES (N'@Status ''' + @Wanted + N''' is not ranked in the store''s status order (' + @StatusOrder + N'); add it with woo.usp_SetStatusRule @StatusOrder.');
    ELSE IF @Wanted = N'trash'
        INSERT INTO @Errors ([Message]) VALUES (N'@Status ''trash'' deletes the order; it is never pushed.');
    IF EXISTS (SELECT 1 FROM @Errors)
    BEGIN
        DECLARE @All nvarchar (2048) = LEFT(N'woo.usp_RepushOrderStatus: nothing was queued; fix every problem:' + (SELECT NCHAR(10) + N'CPO-PARAM: ' + e.[Message] FROM @Errors AS e ORDER BY e.Id
                                            FOR XML PATH(''), TYPE).value(N'.', N'nvarchar(max)'), 2048);
        THROW 50560, @All, 1;
    END;

    DECLARE @Marker varchar (100) = 'cpo:repush:' + LOWER(CONVERT(varchar (36), NEWID()));
    DECLARE @New TABLE (Kind varchar (10) NOT NULL, WooStatus varchar (40) NULL, NoteText nvarchar (2000) NULL);
    IF @Wanted IS NOT NULL
        INSERT INTO @New (Kind, WooStatus) VALUES ('STATUS', CONVERT(varchar (40), @Wanted));
    INSERT INTO @New (Kind, NoteText)
    VALUES ('NOTE', N'Counterpoint: written as document DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', ticket TKT_NO ' + ISNULL(@TktNo, N'(unknown)') + N' (CpOrders, sent again by an operator).');
    SELECT @StoreId AS StoreId, @WooOrderId AS WooOrderId, n.Kind, 'OPERATOR' AS Cause, @Marker AS Marker, n.WooStatus, n.NoteText FROM @New AS n;
    IF @Execute = 'N'
    BEGIN
        RAISERROR (N'woo.usp_RepushOrderStatus: @Execute = ''N'' queued nothing (the messages are listed).', 10, 1) WITH NOWAIT;
        RETURN 0;
    END;

    DECLARE @Ids TABLE (MessageId bigint NOT NULL);
    BEGIN TRANSACTION;
    INSERT INTO woo.Outbox (StoreId, WooOrderId, QueueId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
    OUTPUT inserted.MessageId INTO @Ids (MessageId)
    SELECT @StoreId, @WooOrderId, @QueueId, n.Kind, 'OPERATOR', @Marker, n.WooStatus, n.NoteText, 'N' FROM @New AS n;
    INSERT INTO woo.OutboxEvent (MessageId, EventType, Detail)
    SELECT i.MessageId, 'REPUSHED', LEFT(N'queued by an operator: ' + @Reason, 2000) FROM @Ids AS i;
    COMMIT TRANSACTION;
    RAISERROR (N'woo.usp_RepushOrderStatus: queued (listed); the next woo.usp_PushUpdates sends them.', 10, 1) WITH NOWAIT;
    RETURN 0;
END;
