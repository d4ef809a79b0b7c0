-- What operators did to outbound messages (woo.Outbox): requeued, skipped, re-pushed, with who (ORIGINAL_LOGIN()) and
-- why. Deleted with its message (retention of woo.Outbox: ON DELETE CASCADE). Operators read it; nothing updates it.
CREATE TABLE [woo].[OutboxEvent] (
    [EventId]      bigint IDENTITY (1, 1) NOT NULL,
    [MessageId]    bigint          NOT NULL,
    [EventAtUtc]   datetime2 (3)   CONSTRAINT [DF_OutboxEvent_EventAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [EventType]    varchar (20)    NOT NULL,
    [Detail]       nvarchar (2000) NULL,
    [Actor]        sysname         CONSTRAINT [DF_OutboxEvent_Actor] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_OutboxEvent] PRIMARY KEY CLUSTERED ([EventId]),
    CONSTRAINT [FK_OutboxEvent_Outbox] FOREIGN KEY ([MessageId]) REFERENCES [woo].[Outbox] ([MessageId]) ON DELETE CASCADE,
    CONSTRAINT [CK_OutboxEvent_EventType] CHECK ([EventType] IN ('REQUEUED', 'SKIPPED', 'REPUSHED'))
);
GO
CREATE NONCLUSTERED INDEX [IX_OutboxEvent_Message] ON [woo].[OutboxEvent] ([MessageId], [EventId]);
