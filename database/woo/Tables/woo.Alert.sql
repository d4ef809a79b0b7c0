-- Alerts an operator must see (schema drift, orders changed after apply, dead letters, …), always written here; any
-- monitor reads them with one SELECT. Digests and Database Mail are added by the alerting work (issue 15).
CREATE TABLE [woo].[Alert] (
    [AlertId]          bigint IDENTITY (1, 1) NOT NULL,
    [RaisedAtUtc]      datetime2 (3)   CONSTRAINT [DF_Alert_RaisedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [Severity]         varchar (10)    NOT NULL,
    [Code]             varchar (40)    NOT NULL,
    [StoreId]          varchar (10)    NULL,
    [QueueId]          bigint          NULL,
    [RunId]            bigint          NULL,
    [Message]          nvarchar (4000) NOT NULL,   -- what happened and what to do
    [AcknowledgedAtUtc] datetime2 (3)  NULL,
    [AcknowledgedBy]   sysname         NULL,
    CONSTRAINT [PK_Alert] PRIMARY KEY CLUSTERED ([AlertId]),
    CONSTRAINT [CK_Alert_Severity] CHECK ([Severity] IN ('INFO', 'WARNING', 'CRITICAL'))
);
GO
CREATE NONCLUSTERED INDEX [IX_Alert_Open] ON [woo].[Alert] ([Severity], [RaisedAtUtc]) WHERE [AcknowledgedAtUtc] IS NULL;
