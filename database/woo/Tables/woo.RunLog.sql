-- One row per run of a pipeline step (pull, process, migration, …): the record an operator and a monitor read (Agent
-- keeps little job history, design 8). Counts say what the run read, created, retried, parked and dead-lettered.
CREATE TABLE [woo].[RunLog] (
    [RunId]          bigint IDENTITY (1, 1) NOT NULL,
    [Step]           varchar (40)    NOT NULL,     -- PULL | PROCESS | STAGE_JSON | MIGRATE | CATALOG | STOCK | PUSH_UPDATES | FULFILLMENT | RECONCILE | REPULL | ALERT_DIGEST | ALERT_CHECK | HOUSEKEEPING | PIPELINE | …
    [StoreId]        varchar (10)    NULL,
    [StartedAtUtc]   datetime2 (3)   CONSTRAINT [DF_RunLog_StartedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [EndedAtUtc]     datetime2 (3)   NULL,
    [Outcome]        varchar (10)    CONSTRAINT [DF_RunLog_Outcome] DEFAULT ('RUNNING') NOT NULL,
    [IsDryRun]       char (1)        CONSTRAINT [DF_RunLog_IsDryRun] DEFAULT ('N') NOT NULL,
    [OrdersRead]     int             CONSTRAINT [DF_RunLog_OrdersRead] DEFAULT (0) NOT NULL,
    [OrdersStaged]   int             CONSTRAINT [DF_RunLog_OrdersStaged] DEFAULT (0) NOT NULL,
    [OrdersCreated]  int             CONSTRAINT [DF_RunLog_OrdersCreated] DEFAULT (0) NOT NULL,
    [OrdersRetried]  int             CONSTRAINT [DF_RunLog_OrdersRetried] DEFAULT (0) NOT NULL,
    [OrdersParked]   int             CONSTRAINT [DF_RunLog_OrdersParked] DEFAULT (0) NOT NULL,
    [OrdersDead]     int             CONSTRAINT [DF_RunLog_OrdersDead] DEFAULT (0) NOT NULL,
    [Requests]       int             CONSTRAINT [DF_RunLog_Requests] DEFAULT (0) NOT NULL,
    [ErrorCode]      varchar (40)    NULL,
    [ErrorMessage]   nvarchar (4000) NULL,
    [Details]        nvarchar (max)  NULL,
    [LoginName]      sysname         CONSTRAINT [DF_RunLog_LoginName] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    CONSTRAINT [PK_RunLog] PRIMARY KEY CLUSTERED ([RunId]),
    CONSTRAINT [CK_RunLog_Outcome] CHECK ([Outcome] IN ('RUNNING', 'OK', 'WARNING', 'FAILED', 'SKIPPED')),
    CONSTRAINT [CK_RunLog_IsDryRun] CHECK ([IsDryRun] IN ('Y', 'N'))
);
GO
CREATE NONCLUSTERED INDEX [IX_RunLog_Step] ON [woo].[RunLog] ([Step], [StartedAtUtc]);
