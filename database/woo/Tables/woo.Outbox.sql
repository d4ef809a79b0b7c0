-- What the shop must learn: one outbound message per change, written in the same transaction as the change that causes
-- it (the document written, a shipment seen, a void, an operator's re-push), so no change is lost and none is
-- announced that did not commit (issue 15). woo.usp_PushUpdates sends them later, outside any transaction (design 4):
-- STATUS messages through the checked update (the shop's current status read first: never backwards), NOTE messages one by one, each note carrying its Marker so a retry
-- after a timeout finds the note already posted and never posts it twice.
-- States as the order queue: PENDING (due), RETRY (failed, due again at NextAttemptUtc), SENT, DEAD (gave up: attempts
-- exhausted or no retry can help), SKIPPED (superseded by a later message of the same kind for the order, or an
-- operator's decision). (StoreId, WooOrderId, Kind, Marker) is unique: enqueuing the same announcement twice is a
-- no-op, so a writer may retry its own transaction freely.
CREATE TABLE [woo].[Outbox] (
    [MessageId]        bigint IDENTITY (1, 1) NOT NULL,
    [StoreId]          varchar (10)     NOT NULL,
    [WooOrderId]       bigint           NOT NULL,
    [QueueId]          bigint           NULL,        -- woo.OrderQueue row of the order (NULL only for an order CpOrders never queued)
    [Kind]             varchar (10)     NOT NULL,    -- STATUS | NOTE
    [Cause]            varchar (20)     NOT NULL,    -- CREATED | SHIPPED | PARTIAL | VOIDED | PAYMENT | OPERATOR | …
    [Marker]           varchar (100)    NOT NULL,    -- idempotency key, e.g. 'cpo:created:<DOC_ID>'; a NOTE's text carries it
    [WooStatus]        varchar (40)     NULL,        -- STATUS: the status to set
    [NoteText]         nvarchar (2000)  NULL,        -- NOTE: the note (without the marker; the sender appends it)
    [IsCustomerNote]   char (1)         CONSTRAINT [DF_Outbox_IsCustomerNote] DEFAULT ('N') NOT NULL,
    [State]            varchar (10)     CONSTRAINT [DF_Outbox_State] DEFAULT ('PENDING') NOT NULL,
    [Attempts]         int              CONSTRAINT [DF_Outbox_Attempts] DEFAULT (0) NOT NULL,
    [NextAttemptUtc]   datetime2 (0)    CONSTRAINT [DF_Outbox_NextAttemptUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [LastErrorCode]    varchar (40)     NULL,
    [LastError]        nvarchar (2000)  NULL,
    [WooNoteId]        bigint           NULL,        -- NOTE: the id WooCommerce gave the note
    [ShopStatus]       varchar (40)     NULL,        -- STATUS: the order's status as the shop last answered it (batch item, or the GET of a checked update)
    [ShopStatusAtUtc]  datetime2 (0)    NULL,        -- when that answer came (compared with the pull's date_modified_gmt: the later one is the better knowledge)
    [LeaseOwner]       uniqueidentifier NULL,        -- the woo.usp_PushUpdates run sending it now (operators leave a leased message alone)
    [LeaseExpiresUtc]  datetime2 (0)    NULL,
    [UpdatedAtUtc]     datetime2 (3)    CONSTRAINT [DF_Outbox_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [CreatedAtUtc]     datetime2 (3)    CONSTRAINT [DF_Outbox_CreatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [SentAtUtc]        datetime2 (3)    NULL,
    [CreatedBy]        sysname          CONSTRAINT [DF_Outbox_CreatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_Outbox] PRIMARY KEY CLUSTERED ([MessageId]),
    CONSTRAINT [UQ_Outbox_Message] UNIQUE ([StoreId], [WooOrderId], [Kind], [Marker]),
    CONSTRAINT [FK_Outbox_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [FK_Outbox_Queue] FOREIGN KEY ([QueueId]) REFERENCES [woo].[OrderQueue] ([QueueId]),
    CONSTRAINT [CK_Outbox_Kind] CHECK ([Kind] IN ('STATUS', 'NOTE')),
    CONSTRAINT [CK_Outbox_Payload] CHECK (([Kind] = 'STATUS' AND [WooStatus] IS NOT NULL) OR ([Kind] = 'NOTE' AND [NoteText] IS NOT NULL)),
    CONSTRAINT [CK_Outbox_State] CHECK ([State] IN ('PENDING', 'RETRY', 'SENT', 'DEAD', 'SKIPPED')),
    CONSTRAINT [CK_Outbox_IsCustomerNote] CHECK ([IsCustomerNote] IN ('Y', 'N'))
);
GO
-- woo.usp_PushUpdates' claim: due messages, oldest first.
CREATE NONCLUSTERED INDEX [IX_Outbox_Due]
    ON [woo].[Outbox] ([State], [NextAttemptUtc], [MessageId])
    INCLUDE ([StoreId], [WooOrderId], [Kind]);
GO
-- One order's messages: superseding older STATUS messages, the shop status last answered, operator look-ups.
CREATE NONCLUSTERED INDEX [IX_Outbox_Order]
    ON [woo].[Outbox] ([StoreId], [WooOrderId], [Kind], [MessageId])
    INCLUDE ([State], [WooStatus], [ShopStatus]);
