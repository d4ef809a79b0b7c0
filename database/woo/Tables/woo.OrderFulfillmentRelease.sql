-- Release tickets woo.usp_SyncFulfillment found for an order (documents whose lines point back to the order's lines
-- through PS_DOC_LIN.LINK_LIN_GUID, found through PS_DOC_HDR_ORIG_DOC), what each shipped, and the tracking numbers
-- announced from it. A release ticket is watched (by its DOC_ID) while it is open, because tracking numbers are often
-- added to it after the release (ShipStation-style connectors write them to the release ticket, doc-model 14); once
-- posted it leaves PS_DOC_HDR and IsOpen turns N. Written only by woo.usp_SyncFulfillment, in the order's transaction.
CREATE TABLE [woo].[OrderFulfillmentRelease] (
    [QueueId]          bigint          NOT NULL,
    [ReleaseDocId]     bigint          NOT NULL,       -- the release ticket's PS_DOC_HDR.DOC_ID
    [ReleaseTktNo]     varchar (15)    NULL,
    [QtyShipped]       decimal (15, 4) CONSTRAINT [DF_OrderFulfillmentRelease_QtyShipped] DEFAULT (0) NOT NULL,  -- Σ its lines linked to the order
    [IsOpen]           char (1)        CONSTRAINT [DF_OrderFulfillmentRelease_IsOpen] DEFAULT ('Y') NOT NULL,
    [FirstSeenUtc]     datetime2 (0)   CONSTRAINT [DF_OrderFulfillmentRelease_FirstSeenUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [LastSeenUtc]      datetime2 (0)   CONSTRAINT [DF_OrderFulfillmentRelease_LastSeenUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_OrderFulfillmentRelease] PRIMARY KEY CLUSTERED ([QueueId], [ReleaseDocId]),
    CONSTRAINT [FK_OrderFulfillmentRelease_Fulfillment] FOREIGN KEY ([QueueId]) REFERENCES [woo].[OrderFulfillment] ([QueueId]),
    CONSTRAINT [CK_OrderFulfillmentRelease_IsOpen] CHECK ([IsOpen] IN ('Y', 'N'))
);
