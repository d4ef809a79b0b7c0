-- Design 10: the order meta_data keys a store keeps (an allow-list). woo.usp_UpsertOrders stores each order's JSON with
-- its top-level meta_data[] and each line_items[].meta_data[] reduced to these keys (woo.fn_FilterOrderMeta); a store
-- without rows keeps no meta_data. ContentHash stays the hash of the raw text as pulled. Set by woo.usp_SetMetaKey.
CREATE TABLE [woo].[StoreMetaKey] (
    [StoreId]  varchar (10)   NOT NULL,
    [MetaKey]  nvarchar (255) NOT NULL,   -- WooCommerce meta key, compared in the database's collation
    CONSTRAINT [PK_StoreMetaKey] PRIMARY KEY CLUSTERED ([StoreId], [MetaKey]),
    CONSTRAINT [FK_StoreMetaKey_Store] FOREIGN KEY ([StoreId]) REFERENCES [woo].[Store] ([StoreId])
);
