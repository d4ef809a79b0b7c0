-- WooCommerce SKU → Counterpoint item, where the shop's SKU is not the item number (otherwise ITEM_NO = SKU, after
-- removing a unit suffix: woo.StoreUnitSuffix).
CREATE TABLE [woo].[StoreSkuMap] (
    [StoreId]   varchar (10)   NOT NULL,
    [WooSku]    nvarchar (100) NOT NULL,
    [ItemNo]    varchar (20)   NOT NULL,
    [SellUnit]  char (1)       NULL,   -- '0' stocking unit, '1'..'5' IM_ITEM.ALT_n_UNIT; NULL = from the suffix or '0'
    CONSTRAINT [PK_StoreSkuMap] PRIMARY KEY CLUSTERED ([StoreId], [WooSku]),
    CONSTRAINT [FK_StoreSkuMap_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId]),
    CONSTRAINT [CK_StoreSkuMap_SellUnit] CHECK ([SellUnit] IN ('0', '1', '2', '3', '4', '5'))
);
