-- Tracking numbers already announced for an order (from its release tickets or from the order document itself), so a
-- number is announced once, however often it is read again.
CREATE TABLE [woo].[OrderFulfillmentTracking] (
    [QueueId]          bigint          NOT NULL,
    [TrackingNo]       varchar (25)    NOT NULL,       -- PS_DOC_PKG_TRK_NO.PKG_TRK_NO (T_PKG_TRK_NO varchar(25))
    [SourceDocId]      bigint          NOT NULL,       -- the document it was read from
    [AnnouncedAtUtc]   datetime2 (0)   CONSTRAINT [DF_OrderFulfillmentTracking_AnnouncedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_OrderFulfillmentTracking] PRIMARY KEY CLUSTERED ([QueueId], [TrackingNo]),
    CONSTRAINT [FK_OrderFulfillmentTracking_Fulfillment] FOREIGN KEY ([QueueId]) REFERENCES [woo].[OrderFulfillment] ([QueueId])
);
