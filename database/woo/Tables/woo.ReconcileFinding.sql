-- What woo.usp_Reconcile found (issue 15 point 4): one row per difference between the shop and CpOrders/Counterpoint
-- for the orders the shop created in the run's date range. Codes:
--   CPO-RECON-MISSING        a sale in the shop (a status the store imports, or completed) that CpOrders never queued
--   CPO-RECON-NOT-APPLIED    a sale queued but not written to Counterpoint (PENDING, RETRY, PARKED, DEAD)
--   CPO-RECON-TOTAL/-TAX/-MISC/-LINES  the document's totals differ from the shop's (wooclr.ReconcileOrder)
--   CPO-RECON-REFUND, CPO-RECON-PAYMENT  refunds in the shop, or payment rows that differ from what the shop shows paid
--   CPO-RECON-SHOP-JSON      the shop's order could not be read
--   CPO-RECON-SHOP-UNPROCESSED  applied, but the shop still shows it unprocessed (pending, on-hold, processing) while the
--                            store's status rule says which status it should have after the document was written
--   CPO-RECON-DOC-NOT-OPEN   applied, but the document is no longer in PS_DOC_HDR (posted or voided): INFO, not compared
-- Rows of one run share RunId (woo.RunLog, Step RECONCILE); woo.ReconcileReport shows each store's latest run.
CREATE TABLE [woo].[ReconcileFinding] (
    [FindingId]         bigint IDENTITY (1, 1) NOT NULL,
    [RunId]             bigint          NOT NULL,
    [StoreId]           varchar (10)    NOT NULL,
    [FromUtc]           datetime2 (0)   NOT NULL,
    [ToUtc]             datetime2 (0)   NOT NULL,
    [WooOrderId]        bigint          NOT NULL,
    [WooOrderNumber]    nvarchar (40)   NULL,
    [WooStatus]         nvarchar (40)   NULL,
    [DateCreatedGmt]    datetime2 (0)   NULL,
    [QueueId]           bigint          NULL,
    [QueueState]        varchar (10)    NULL,
    [DocId]             bigint          NULL,
    [TktNo]             varchar (15)    NULL,
    [Severity]          varchar (10)    NOT NULL,
    [Code]              varchar (40)    NOT NULL,
    [Field]             nvarchar (100)  NULL,
    [ShopValue]         decimal (19, 4) NULL,
    [CounterpointValue] decimal (19, 4) NULL,
    [Difference]        decimal (19, 4) NULL,
    [Message]           nvarchar (2000) NOT NULL,
    [FoundAtUtc]        datetime2 (3)   CONSTRAINT [DF_ReconcileFinding_FoundAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_ReconcileFinding] PRIMARY KEY CLUSTERED ([FindingId]),
    CONSTRAINT [FK_ReconcileFinding_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_ReconcileFinding_Severity] CHECK ([Severity] IN ('INFO', 'WARNING'))
);
GO
CREATE NONCLUSTERED INDEX [IX_ReconcileFinding_Run] ON [woo].[ReconcileFinding] ([RunId]);
GO
CREATE NONCLUSTERED INDEX [IX_ReconcileFinding_Order] ON [woo].[ReconcileFinding] ([StoreId], [WooOrderId]);
