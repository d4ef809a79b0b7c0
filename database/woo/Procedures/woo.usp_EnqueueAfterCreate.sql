-- Queues what the shop is told once an order's Counterpoint document is written (issue 15; README "Status back to the
-- shop"), inside the document's own transaction (woo.usp_ProcessStagedOrders, right where the queue row becomes APPLIED),
-- so the messages commit or roll back with the document. Per the store's woo.StoreStatusRule (no row: the column
-- defaults; IsEnabled = 'N': nothing): a STATUS message (StatusAfterCreate, when set), a private NOTE with DOC_ID and
-- TKT_NO (PrivateNoteAfterCreate = 'Y'), a customer NOTE (CustomerNoteAfterCreate, {TKT_NO} replaced). Cause CREATED,
-- Marker 'cpo:created:<DOC_ID>' (+ ':customer' for the customer note). A message already queued under its key is left
-- as it is (a repeat is a no-op, never a key violation that would doom the document's transaction). Internal: granted
-- to no role (ownership chaining from the processor).
CREATE PROCEDURE [woo].[usp_EnqueueAfterCreate]
    @QueueId bigint,
    @DocId   bigint,
    @TktNo   varchar (15)
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    -- The messages belong to the document: outside its transaction they could announce a document that never committed.
    IF @@TRANCOUNT = 0
        THROW 50530, N'CPO-OUTBOX-NO-TRANSACTION: woo.usp_EnqueueAfterCreate must run inside the document''s transaction (woo.usp_ProcessStagedOrders).', 1;
    IF @QueueId IS NULL OR @DocId IS NULL OR @TktNo IS NULL
        THROW 50531, N'CPO-PARAM: woo.usp_EnqueueAfterCreate needs @QueueId, @DocId and @TktNo.', 1;

    DECLARE @StoreId varchar (10), @WooOrderId bigint, @Enabled char (1), @Status varchar (40), @Private char (1), @Customer nvarchar (1000);
    SELECT @StoreId = q.StoreId, @WooOrderId = q.WooOrderId, @Enabled = ISNULL(r.IsEnabled, 'Y'), @Status = r.StatusAfterCreate,
           @Private = ISNULL(r.PrivateNoteAfterCreate, 'Y'), @Customer = r.CustomerNoteAfterCreate
    FROM woo.OrderQueue AS q
    LEFT JOIN woo.StoreStatusRule AS r ON r.StoreId = q.StoreId
    WHERE q.QueueId = @QueueId;
    IF @StoreId IS NULL
        THROW 50531, N'CPO-PARAM: woo.usp_EnqueueAfterCreate: @QueueId is not in woo.OrderQueue.', 1;
    IF @Enabled = 'N'
        RETURN 0;

    DECLARE @Marker varchar (100) = 'cpo:created:' + CONVERT(varchar (20), @DocId);
    DECLARE @New TABLE (Kind varchar (10) NOT NULL, Marker varchar (100) NOT NULL, WooStatus varchar (40) NULL, NoteText nvarchar (2000) NULL,
                        IsCustomerNote char (1) NOT NULL);
    IF @Status IS NOT NULL
        INSERT INTO @New (Kind, Marker, WooStatus, IsCustomerNote) VALUES ('STATUS', @Marker, @Status, 'N');
    IF @Private = 'Y'
        INSERT INTO @New (Kind, Marker, NoteText, IsCustomerNote)
        VALUES ('NOTE', @Marker, N'Counterpoint: written as document DOC_ID ' + CONVERT(nvarchar (20), @DocId) + N', ticket TKT_NO ' + @TktNo + N' (CpOrders).', 'N');
    IF @Customer IS NOT NULL
        INSERT INTO @New (Kind, Marker, NoteText, IsCustomerNote)
        VALUES ('NOTE', @Marker + ':customer', REPLACE(@Customer, N'{TKT_NO}', @TktNo), 'Y');

    INSERT INTO woo.Outbox (StoreId, WooOrderId, QueueId, Kind, Cause, Marker, WooStatus, NoteText, IsCustomerNote)
    SELECT @StoreId, @WooOrderId, @QueueId, n.Kind, 'CREATED', n.Marker, n.WooStatus, n.NoteText, n.IsCustomerNote
    FROM @New AS n
    WHERE NOT EXISTS (SELECT 1 FROM woo.Outbox AS o WITH (UPDLOCK, HOLDLOCK)
                      WHERE o.StoreId = @StoreId AND o.WooOrderId = @WooOrderId AND o.Kind = n.Kind AND o.Marker = n.Marker);
    RETURN 0;
END;
