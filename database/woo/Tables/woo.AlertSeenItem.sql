-- Dead letters woo.usp_CheckAlerts has already alerted (woo.OrderQueue QueueId or woo.Outbox MessageId, per Code):
-- a dead letter is announced once, not at every check; a row goes when its item is no longer DEAD (requeued,
-- skipped), so the same item dying again is new again.
CREATE TABLE [woo].[AlertSeenItem] (
    [Code]       varchar (40)  NOT NULL,   -- CPO-QUEUE-DEAD | CPO-OUTBOX-DEAD | CPO-RUN-LONG (ItemId = woo.RunLog.RunId, StoreId '' for none)
    [ItemId]     bigint        NOT NULL,
    [StoreId]    varchar (10)  NOT NULL,
    [SeenAtUtc]  datetime2 (3) CONSTRAINT [DF_AlertSeenItem_SeenAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_AlertSeenItem] PRIMARY KEY CLUSTERED ([Code], [ItemId])
);
