-- What woo.usp_SyncFulfillment has seen of each applied order's document in Counterpoint and already announced to the
-- shop (issue 15 point 2), so every change is announced exactly once: the shipped quantity announced, whether the full
-- shipment and a void were announced, and whether the order is still followed. Written only by woo.usp_SyncFulfillment,
-- in the same transaction as the woo.Outbox rows it announces. One row per woo.OrderQueue row, made on the first check.
-- Closed = 'Y': the order is no longer followed (shipped in full and posted, voided or cancelled, closed in Counterpoint's
-- history, gone and alerted, or baselined while no longer open); an operator may delete the row (children first) to
-- have the order checked afresh: an order that already has fulfillment messages in woo.Outbox is then baselined again
-- (its state recorded, nothing announced twice). DocState UNTRACKED: an order that cannot be followed (a migrated row
-- with neither DOC_GUID nor TKT_NO), closed at once with the reason in LastErrorCode / LastError.
CREATE TABLE [woo].[OrderFulfillment] (
    [QueueId]             bigint          NOT NULL,
    [StoreId]             varchar (10)    NOT NULL,
    [DocId]               bigint          NOT NULL,       -- PS_DOC_HDR.DOC_ID followed (woo.OrderQueue.DocId)
    [DocState]            varchar (10)    NOT NULL,       -- OPEN | HISTORY | GONE | VOIDED | UNTRACKED: where the document was last found
    [QtyOrdered]          decimal (15, 4) CONSTRAINT [DF_OrderFulfillment_QtyOrdered] DEFAULT (0) NOT NULL,
    [QtyShipped]          decimal (15, 4) CONSTRAINT [DF_OrderFulfillment_QtyShipped] DEFAULT (0) NOT NULL,      -- as last read (Σ QTY_SHIPPED, capped per line at the ordered quantity)
    [QtyAnnounced]        decimal (15, 4) CONSTRAINT [DF_OrderFulfillment_QtyAnnounced] DEFAULT (0) NOT NULL,    -- shipped quantity already announced (or baselined)
    [ShippedAnnounced]    char (1)        CONSTRAINT [DF_OrderFulfillment_ShippedAnnounced] DEFAULT ('N') NOT NULL,
    [VoidAnnounced]       char (1)        CONSTRAINT [DF_OrderFulfillment_VoidAnnounced] DEFAULT ('N') NOT NULL,
    [Closed]              char (1)        CONSTRAINT [DF_OrderFulfillment_Closed] DEFAULT ('N') NOT NULL,
    [Baselined]           char (1)        CONSTRAINT [DF_OrderFulfillment_Baselined] DEFAULT ('N') NOT NULL,      -- Y: first seen as a migrated order, one applied before woo.Store.FulfillmentFromUtc, or one re-checked after its row was deleted; its state then was recorded, not announced
    [LastSeenOpenUtc]     datetime2 (0)   NULL,           -- last run that found the document open in PS_DOC_HDR (history is searched from here)
    [GoneSinceUtc]        datetime2 (0)   NULL,           -- first run that found it neither open nor in history (a void only after a grace period)
    [FirstCheckedUtc]     datetime2 (0)   CONSTRAINT [DF_OrderFulfillment_FirstCheckedUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [LastCheckedUtc]      datetime2 (0)   CONSTRAINT [DF_OrderFulfillment_LastCheckedUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [LastChangeUtc]       datetime2 (0)   NULL,           -- last time something was announced
    [LastErrorCode]       varchar (40)    NULL,
    [LastError]           nvarchar (2000) NULL,
    [DocGuid]             uniqueidentifier NULL,          -- PS_DOC_HDR.DOC_GUID found for an order queued without one (migrated: sought by DOC_ID, TKT_NO, DOC_TYP 'O')
    CONSTRAINT [PK_OrderFulfillment] PRIMARY KEY CLUSTERED ([QueueId]),
    CONSTRAINT [FK_OrderFulfillment_Queue] FOREIGN KEY ([QueueId]) REFERENCES [woo].[OrderQueue] ([QueueId]),
    CONSTRAINT [CK_OrderFulfillment_DocState] CHECK ([DocState] IN ('OPEN', 'HISTORY', 'GONE', 'VOIDED', 'UNTRACKED')),
    CONSTRAINT [CK_OrderFulfillment_YN] CHECK ([ShippedAnnounced] IN ('Y', 'N') AND [VoidAnnounced] IN ('Y', 'N')
                                               AND [Closed] IN ('Y', 'N') AND [Baselined] IN ('Y', 'N'))
);
GO
-- The run's choice of orders to check: still followed, least recently checked first.
CREATE NONCLUSTERED INDEX [IX_OrderFulfillment_Followed]
    ON [woo].[OrderFulfillment] ([Closed], [LastCheckedUtc])
    INCLUDE ([StoreId]);
