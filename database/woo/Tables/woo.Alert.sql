-- Alerts an operator must see (schema drift, orders changed after apply, dead letters, …), always written here; any
-- monitor reads them with one SELECT. Raised through woo.usp_RaiseAlert: the same problem (Code, store, order) while
-- its alert is still open counts up Occurrences and LastRaisedAtUtc on one row instead of adding a row per run; mail
-- goes out as one digest per problem class per period (issue 15).
CREATE TABLE [woo].[Alert] (
    [AlertId]          bigint IDENTITY (1, 1) NOT NULL,
    [RaisedAtUtc]      datetime2 (3)   CONSTRAINT [DF_Alert_RaisedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [Severity]         varchar (10)    NOT NULL,
    [Code]             varchar (40)    NOT NULL,
    [StoreId]          varchar (10)    NULL,
    [QueueId]          bigint          NULL,
    [RunId]            bigint          NULL,
    [Message]          nvarchar (4000) NOT NULL,   -- what happened and what to do (the latest occurrence's)
    [Occurrences]      int             CONSTRAINT [DF_Alert_Occurrences] DEFAULT (1) NOT NULL,
    [LastRaisedAtUtc]  datetime2 (3)   CONSTRAINT [DF_Alert_LastRaisedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [MailedAtUtc]      datetime2 (3)   NULL,       -- last digest that included this alert (NULL: not mailed yet)
    [AcknowledgedAtUtc] datetime2 (3)  NULL,
    [AcknowledgedBy]   sysname         NULL,
    [AcknowledgedReason] nvarchar (400) NULL,      -- woo.usp_AcknowledgeAlert's @Reason (no personal data)
    CONSTRAINT [PK_Alert] PRIMARY KEY CLUSTERED ([AlertId]),
    CONSTRAINT [CK_Alert_Severity] CHECK ([Severity] IN ('INFO', 'WARNING', 'CRITICAL'))
);
GO
CREATE NONCLUSTERED INDEX [IX_Alert_Open] ON [woo].[Alert] ([Severity], [RaisedAtUtc]) WHERE [AcknowledgedAtUtc] IS NULL;
GO
-- woo.usp_RaiseAlert's lookup of the open alert of the same problem.
CREATE NONCLUSTERED INDEX [IX_Alert_OpenProblem] ON [woo].[Alert] ([Code], [StoreId], [QueueId]) WHERE [AcknowledgedAtUtc] IS NULL;
