-- The Counterpoint locations (IM_INV.LOC_ID) whose stock a store sells on the web (woo.usp_SetStockLocation). Only
-- these count; the predecessor summed every location and sold stock that was in another shop.
CREATE TABLE [woo].[StockLocation] (
    [StoreId]  varchar (10) NOT NULL,
    [LocId]    varchar (10) NOT NULL,
    CONSTRAINT [PK_StockLocation] PRIMARY KEY CLUSTERED ([StoreId], [LocId]),
    CONSTRAINT [FK_StockLocation_StockRule] FOREIGN KEY ([StoreId]) REFERENCES [woo].[StockRule] ([StoreId])
);
