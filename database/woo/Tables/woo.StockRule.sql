-- The stock rule of a store (issue 14, README "Stock back to the shop"): how Counterpoint's availability becomes the
-- WooCommerce stock. Set only through woo.usp_SetStockRule. A store without a row has no stock sync (woo.usp_PushStock
-- refuses it), so nothing is sent before an operator has chosen the locations and the safety stock.
-- Why (design 11, README wooclr.AvailableToSell): available = Σ QTY_ON_HND − Σ QTY_COMMIT over the locations of
-- woo.StockLocation − safety stock − web orders staged but not yet written, floored, never below 0.
CREATE TABLE [woo].[StockRule] (
    [StoreId]             varchar (10)    NOT NULL,
    [IsEnabled]           char (1)        CONSTRAINT [DF_StockRule_IsEnabled] DEFAULT ('Y') NOT NULL,
    [SafetyStock]         decimal (15, 4) CONSTRAINT [DF_StockRule_SafetyStock] DEFAULT (0) NOT NULL,  -- stocking units, per item unless overridden
    [InactivePolicy]      varchar (10)    CONSTRAINT [DF_StockRule_InactivePolicy] DEFAULT ('ZERO') NOT NULL,
        -- items whose IM_ITEM.STAT is not 'A': ZERO = send 0 (sold out on the web), LEAVE = its stock never touched (status, price, name still follow the rule), SYNC = as active
    [ManageUnmanaged]     char (1)        CONSTRAINT [DF_StockRule_ManageUnmanaged] DEFAULT ('N') NOT NULL,  -- set manage_stock true where WooCommerce has it off
    [StatusWhenUnmanaged] char (1)        CONSTRAINT [DF_StockRule_StatusWhenUnmanaged] DEFAULT ('N') NOT NULL,  -- send instock/outofstock instead
    [SyncRegularPrice]    char (1)        CONSTRAINT [DF_StockRule_SyncRegularPrice] DEFAULT ('N') NOT NULL,  -- Counterpoint's price (PriceLevel) is master
    [SyncStatus]          char (1)        CONSTRAINT [DF_StockRule_SyncStatus] DEFAULT ('N') NOT NULL,        -- STAT 'A' = publish, else draft
    [UpdatedAtUtc]        datetime2 (0)   CONSTRAINT [DF_StockRule_UpdatedAtUtc] DEFAULT (SYSUTCDATETIME()) NOT NULL,
    [UpdatedBy]           sysname         CONSTRAINT [DF_StockRule_UpdatedBy] DEFAULT (ORIGINAL_LOGIN()) NOT NULL,
    -- Issue 14 item 6 (columns last: an upgrade adds them without rebuilding the table).
    [PriceLevel]          varchar (10)    CONSTRAINT [DF_StockRule_PriceLevel] DEFAULT ('PRC_1') NOT NULL,
        -- which Counterpoint price becomes regular_price: PRC_1 or REG_PRC of IM_ITEM (ALT_n_PRC_1 / ALT_n_REG_PRC for a
        -- unit SKU) when PriceLocId is NULL; PRC_1..PRC_6 or REG_PRC of IM_PRC at PriceLocId otherwise (unit SKUs: none)
    [PriceLocId]          varchar (10)    NULL,        -- NULL = IM_ITEM; else IM_PRC.LOC_ID ('*' where prices are not per location)
    [SyncName]            char (1)        CONSTRAINT [DF_StockRule_SyncName] DEFAULT ('N') NOT NULL,          -- Counterpoint's name is master (simple products)
    [NameSource]          varchar (10)    CONSTRAINT [DF_StockRule_NameSource] DEFAULT ('DESCR') NOT NULL,    -- DESCR | LONG_DESCR (blank: DESCR)
    CONSTRAINT [PK_StockRule] PRIMARY KEY CLUSTERED ([StoreId]),
    CONSTRAINT [FK_StockRule_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StockRule_YN] CHECK ([IsEnabled] IN ('Y', 'N') AND [ManageUnmanaged] IN ('Y', 'N') AND [StatusWhenUnmanaged] IN ('Y', 'N')
                                       AND [SyncRegularPrice] IN ('Y', 'N') AND [SyncStatus] IN ('Y', 'N') AND [SyncName] IN ('Y', 'N')),
    CONSTRAINT [CK_StockRule_PriceLevel] CHECK ([PriceLevel] IN ('PRC_1', 'PRC_2', 'PRC_3', 'PRC_4', 'PRC_5', 'PRC_6', 'REG_PRC')
                                                AND ([PriceLocId] IS NOT NULL OR [PriceLevel] IN ('PRC_1', 'REG_PRC'))),
    CONSTRAINT [CK_StockRule_NameSource] CHECK ([NameSource] IN ('DESCR', 'LONG_DESCR')),
    CONSTRAINT [CK_StockRule_InactivePolicy] CHECK ([InactivePolicy] IN ('ZERO', 'LEAVE', 'SYNC')),
    CONSTRAINT [CK_StockRule_SafetyStock] CHECK ([SafetyStock] >= 0)
);
