-- SKU problems for the operator (README "Stock back to the shop"), rewritten for the objects of each catalog read:
-- CPO-SKU (blank), CPO-SKU-PARENT (a variation showing its parent's SKU), CPO-UNIT, CPO-SKU-DUPLICATE (several objects on
-- one item and unit; the ids are in Problem), CPO-SKU-UNMATCHED (no such IM_ITEM), CPO-ITEM-GONE (the object is gone
-- from WooCommerce). Never guessed: such an object gets no stock from CpOrders until the SKU or woo.StoreSkuMap is fixed.
CREATE TABLE [woo].[SkuProblem] (
    [StoreId]         varchar (10)    NOT NULL,
    [WooId]           bigint          NOT NULL,
    [ProblemCode]     varchar (40)    NOT NULL,
    [ParentId]        bigint          NULL,
    [Sku]             nvarchar (400)  NULL,
    [ItemNo]          nvarchar (400)  NULL,
    [Problem]         nvarchar (1000) NULL,
    [FirstSeenAtUtc]  datetime2 (0)   CONSTRAINT [DF_SkuProblem_FirstSeenAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [LastSeenAtUtc]   datetime2 (0)   CONSTRAINT [DF_SkuProblem_LastSeenAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    CONSTRAINT [PK_SkuProblem] PRIMARY KEY CLUSTERED ([StoreId], [WooId], [ProblemCode]),
    CONSTRAINT [FK_SkuProblem_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
