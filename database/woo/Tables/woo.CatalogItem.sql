-- The catalog state of a store: one row per WooCommerce product or variation read by woo.usp_ReadCatalog, with what
-- WooCommerce last reported (Woo*), the Counterpoint item it maps to (wooclr.MapSkus), what woo.usp_PushStock last sent
-- (Sent*) and the per-item failure state (retried with backoff like the order queue; one bad item never blocks others).
-- Baseline for the delta (wooclr.StockUpdate): the last sent values, or WooCommerce's reported ones when BaselineFromWoo
-- = 'Y' (set by a full read: the nightly reconciliation repairs changes made by hand in the shop) or nothing was sent.
-- Unseen: missing from a complete full read (UnseenSinceUtc); gone (IsGone = 'Y') only when the next incremental read
-- does not return it either (README "Absence is not deletion").
CREATE TABLE [woo].[CatalogItem] (
    [StoreId]             varchar (10)    NOT NULL,
    [WooId]               bigint          NOT NULL,
    [ParentId]            bigint          NULL,        -- the variable product of a variation
    [WooType]             nvarchar (40)   NULL,        -- simple, variable, variation, grouped, external
    [Sku]                 nvarchar (400)  NULL,
    [ItemNo]              varchar (20)    NULL,        -- mapped Counterpoint item (NULL: SKU problem, woo.SkuProblem)
    [SellUnit]            char (1)        NULL,
    [MapSource]           varchar (10)    NULL,        -- map | suffix | sku
    [WooStatus]           nvarchar (40)   NULL,
    [WooManageStock]      nvarchar (10)   NULL,        -- true | false | parent
    [WooStockQuantity]    decimal (19, 4) NULL,
    [WooStockStatus]      nvarchar (40)   NULL,
    [WooBackorders]       nvarchar (10)   NULL,
    [WooRegularPrice]     nvarchar (40)   NULL,
    [WooSalePrice]        nvarchar (40)   NULL,
    [WooDateModifiedGmt]  datetime2 (0)   NULL,
    [LastReadAtUtc]       datetime2 (0)   NULL,
    [BaselineFromWoo]     char (1)        CONSTRAINT [DF_CatalogItem_BaselineFromWoo] DEFAULT ('Y') NOT NULL,
    [SentQty]             int             NULL,
    [SentStockStatus]     nvarchar (40)   NULL,
    [SentRegularPrice]    nvarchar (40)   NULL,
    [SentStatus]          nvarchar (40)   NULL,
    [SentAtUtc]           datetime2 (0)   NULL,
    [UnseenSinceUtc]      datetime2 (0)   NULL,
    [IsGone]              char (1)        CONSTRAINT [DF_CatalogItem_IsGone] DEFAULT ('N') NOT NULL,
    [Attempts]            int             CONSTRAINT [DF_CatalogItem_Attempts] DEFAULT (0) NOT NULL,
    [NextAttemptUtc]      datetime2 (0)   NULL,
    [LastErrorCode]       varchar (40)    NULL,
    [LastError]           nvarchar (2000) NULL,
    [WooName]             nvarchar (400)  NULL,        -- the name as WooCommerce stores it (entities such as &amp; included)
    [SentName]            nvarchar (400)  NULL,        -- the name last sent (issue 14 item 6)
    CONSTRAINT [PK_CatalogItem] PRIMARY KEY CLUSTERED ([StoreId], [WooId]),
    CONSTRAINT [FK_CatalogItem_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_CatalogItem_YN] CHECK ([BaselineFromWoo] IN ('Y', 'N') AND [IsGone] IN ('Y', 'N')),
    CONSTRAINT [CK_CatalogItem_SellUnit] CHECK ([SellUnit] IN ('0', '1', '2', '3', '4', '5'))
);
GO
CREATE NONCLUSTERED INDEX [IX_CatalogItem_Item] ON [woo].[CatalogItem] ([StoreId], [ItemNo]) WHERE [ItemNo] IS NOT NULL;
