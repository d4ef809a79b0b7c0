-- What happened to each queued order, in order: staged, re-staged with what changed, parked or failed with the reason,
-- claimed, applied (DOC_ID, TKT_NO), changed in the shop after apply (edit, cancellation, refund: recorded and alerted,
-- never applied silently), requeued or skipped by an operator (who and why). Operators read it; nothing updates it.
CREATE TABLE [woo].[OrderEvent] (
    [EventId]      bigint IDENTITY (1, 1) NOT NULL,
    [QueueId]      bigint          NOT NULL,
    [EventAtUtc]   datetime2 (3)   CONSTRAINT [DF_OrderEvent_EventAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [EventType]    varchar (20)    NOT NULL,
    [Code]         varchar (40)    NULL,       -- CPO-… code of an error or problem
    [Detail]       nvarchar (max)  NULL,
    [RunId]        bigint          NULL,       -- woo.RunLog row of the run that wrote it
    [Actor]        sysname         CONSTRAINT [DF_OrderEvent_Actor] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_OrderEvent] PRIMARY KEY CLUSTERED ([EventId]),
    CONSTRAINT [FK_OrderEvent_OrderQueue] FOREIGN KEY ([QueueId]) REFERENCES [woo].[OrderQueue] ([QueueId]),
    CONSTRAINT [CK_OrderEvent_EventType] CHECK ([EventType] IN ('STAGED', 'RESTAGED', 'UNCHANGED', 'PARKED', 'RETRY', 'DEAD',
                                                                'APPLIED', 'CHANGED_AFTER_APPLY', 'REQUEUED', 'SKIPPED',
                                                                'MIGRATED', 'PURGED', 'ERASED'))
);
GO
CREATE NONCLUSTERED INDEX [IX_OrderEvent_Queue] ON [woo].[OrderEvent] ([QueueId], [EventId]);
