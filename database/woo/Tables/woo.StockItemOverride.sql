-- Per-item exceptions to a store's stock rule (woo.usp_SetStockItemOverride): another safety stock, or the item left
-- alone entirely (never sent).
CREATE TABLE [woo].[StockItemOverride] (
    [StoreId]      varchar (10)    NOT NULL,
    [ItemNo]       varchar (20)    NOT NULL,
    [SafetyStock]  decimal (15, 4) NULL,       -- NULL = the store's
    [Exclude]      char (1)        CONSTRAINT [DF_StockItemOverride_Exclude] DEFAULT ('N') NOT NULL,
    CONSTRAINT [PK_StockItemOverride] PRIMARY KEY CLUSTERED ([StoreId], [ItemNo]),
    CONSTRAINT [FK_StockItemOverride_StockRule] FOREIGN KEY ([StoreId]) REFERENCES [woo].[StockRule] ([StoreId]),
    CONSTRAINT [CK_StockItemOverride] CHECK ([Exclude] IN ('Y', 'N') AND ([SafetyStock] IS NULL OR [SafetyStock] >= 0))
);
