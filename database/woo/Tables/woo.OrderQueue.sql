-- CpOrders' order queue: one row per WooCommerce order of a store (unique), holding the latest content pulled or
-- staged, its processing state and, once applied, the Counterpoint document it became. Every state change is also
-- written to woo.OrderEvent with who and why.
-- States: PENDING (due for processing), RETRY (failed, due again at NextAttemptUtc), PARKED (needs a person or an edit
-- in the shop: invalid JSON, planner problems, schema drift), DEAD (gave up: attempts exhausted or no retry can help),
-- APPLIED (document written; later edits are recorded as events, never applied silently), SKIPPED (operator decision).
-- A claim is a lease (LeaseOwner, LeaseExpiresUtc): a crashed run's claim expires (design 5). ContentHash is
-- HASHBYTES('SHA2_256', <raw order JSON as pulled>) (OrderJson keeps meta_data only by woo.StoreMetaKey; woo.usp_UpsertOrders; a row migrated from the
-- predecessor, which kept no JSON, hashes a marker 'legacy:USER_ORDER_STAGING:<id>'); the document transaction re-reads
-- it under the row lock, so an edit staged while an order is being planned is never written under the old content.
CREATE TABLE [woo].[OrderQueue] (
    [QueueId]            bigint IDENTITY (1, 1) NOT NULL,
    [StoreId]            varchar (10)     NOT NULL,
    [WooOrderId]         bigint           NOT NULL,
    [WooOrderNumber]     nvarchar (40)    NULL,
    [WooStatus]          nvarchar (40)    NULL,
    [DateModifiedGmt]    datetime2 (0)    NULL,
    [ContentHash]        binary (32)      NOT NULL,
    [OrderJson]          nvarchar (max)   NULL,       -- NULLed by woo.usp_PurgeOrderJson after woo.Store.RawJsonRetentionDays (design 10)
    [Source]             varchar (10)     NOT NULL,   -- PULL | JSON | MIGRATION
    [State]              varchar (10)     CONSTRAINT [DF_OrderQueue_State] DEFAULT ('PENDING') NOT NULL,
    [Attempts]           int              CONSTRAINT [DF_OrderQueue_Attempts] DEFAULT (0) NOT NULL,
    [NextAttemptUtc]     datetime2 (0)    NULL,
    [LastErrorCode]      varchar (40)     NULL,
    [LastError]          nvarchar (4000)  NULL,
    [LeaseOwner]         uniqueidentifier NULL,
    [LeaseExpiresUtc]    datetime2 (0)    NULL,
    [StagedAtUtc]        datetime2 (0)    CONSTRAINT [DF_OrderQueue_StagedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedAtUtc]       datetime2 (0)    CONSTRAINT [DF_OrderQueue_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [AppliedAtUtc]       datetime2 (0)    NULL,
    [AppliedContentHash] binary (32)      NULL,       -- the content the document was written from
    [ChangedAfterApply]  char (1)         CONSTRAINT [DF_OrderQueue_ChangedAfterApply] DEFAULT ('N') NOT NULL,
    [DocId]              bigint           NULL,       -- PS_DOC_HDR.DOC_ID written
    [DocGuid]            uniqueidentifier NULL,
    [TktNo]              varchar (15)     NULL,
    [CustNo]             varchar (15)     NULL,
    [LegacyStagingId]    int              NULL,       -- dbo.USER_ORDER_STAGING.STAGING_ID of a migrated row
    CONSTRAINT [PK_OrderQueue] PRIMARY KEY CLUSTERED ([QueueId]),
    CONSTRAINT [UQ_OrderQueue_StoreOrder] UNIQUE ([StoreId], [WooOrderId]),
    CONSTRAINT [FK_OrderQueue_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_OrderQueue_State] CHECK ([State] IN ('PENDING', 'RETRY', 'PARKED', 'DEAD', 'APPLIED', 'SKIPPED')),
    CONSTRAINT [CK_OrderQueue_Source] CHECK ([Source] IN ('PULL', 'JSON', 'MIGRATION')),
    CONSTRAINT [CK_OrderQueue_ChangedAfterApply] CHECK ([ChangedAfterApply] IN ('Y', 'N')),
    CONSTRAINT [CK_OrderQueue_Applied] CHECK ([State] <> 'APPLIED' OR [DocId] IS NOT NULL)
);
GO
-- The processor's claim: due orders, oldest first.
CREATE NONCLUSTERED INDEX [IX_OrderQueue_Due]
    ON [woo].[OrderQueue] ([State], [NextAttemptUtc], [QueueId])
    INCLUDE ([StoreId], [LeaseExpiresUtc])
    WHERE [State] IN ('PENDING', 'RETRY');
GO
CREATE NONCLUSTERED INDEX [IX_OrderQueue_Document]
    ON [woo].[OrderQueue] ([DocId])
    WHERE [DocId] IS NOT NULL;
