-- Helper (not a test): one mapped simple product of store T14S with WooCommerce's reported stock and, optionally, what
-- was last sent (then the baseline is the sent value).
CREATE PROCEDURE [test_StockSync].[AddCatalogItem]
    @WooId bigint,
    @ItemNo varchar (20),
    @WooQty decimal (19, 4),
    @SentQty int = NULL
AS
BEGIN
    INSERT INTO woo.CatalogItem (StoreId, WooId, ParentId, WooType, Sku, ItemNo, SellUnit, MapSource, WooStatus, WooManageStock, WooStockQuantity,
                                 WooStockStatus, BaselineFromWoo, SentQty, SentAtUtc, IsGone, Attempts)
    VALUES ('T14S', @WooId, NULL, N'simple', @ItemNo, @ItemNo, '0', 'sku', N'publish', N'true', @WooQty, N'instock',
            CASE WHEN @SentQty IS NULL THEN 'Y' ELSE 'N' END, @SentQty, CASE WHEN @SentQty IS NOT NULL THEN SYSUTCDATETIME() END, 'N', 0);
END;
