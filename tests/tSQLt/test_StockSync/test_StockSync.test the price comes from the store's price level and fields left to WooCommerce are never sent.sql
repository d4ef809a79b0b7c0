-- Issue 14 item 6: the regular price comes from the price level the store chose (here IM_PRC.PRC_3 at LOC_ID '*'), not
-- always IM_ITEM.PRC_1; status and name, whose sync is off, are never sent even where the shop differs from Counterpoint.
CREATE PROCEDURE [test_StockSync].[test the price comes from the store's price level and fields left to WooCommerce are never sent]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    UPDATE woo.StockRule SET SyncRegularPrice = 'Y', PriceLevel = 'PRC_3', PriceLocId = '*', SyncStatus = 'N', SyncName = 'N' WHERE StoreId = 'T14S';
    INSERT INTO [$(CounterpointDb)].dbo.IM_PRC (ITEM_NO, LOC_ID, REG_PRC, PRC_1, PRC_2, PRC_3, PRC_4, PRC_5, PRC_6)
    VALUES ('T14-A', '*', 12.0000, 10.0000, 9.0000, 8.5000, 8.0000, 7.0000, 6.0000),
           ('T14-A', 'T14A', 99.0000, 99.0000, 99.0000, 99.0000, 99.0000, 99.0000, 99.0000),   -- another price location: not the store's
           ('T14-D', '*', 10.0000, 10.0000, 10.0000, 10.0000, 10.0000, 10.0000, 10.0000);
    -- Stock already right (10 and 18): only price differences can be sent.
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 10;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 18;
    UPDATE woo.CatalogItem SET WooRegularPrice = N'10.00' WHERE WooId IN (101, 104);
    -- Hand-made in the shop, left to WooCommerce by the rule: a draft status and another name.
    UPDATE woo.CatalogItem SET WooStatus = N'draft', WooName = N'Shop''s own name' WHERE WooId = 104;

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT l.updates INTO #Actual FROM #sent AS l;
    CREATE TABLE #Expected (updates nvarchar (max));
    INSERT INTO #Expected VALUES (N'[{"id":101,"regular_price":"8.50"}]');   -- PRC_3 at '*'; 104's 10.00 is already right
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Sent nvarchar (40) = (SELECT SentRegularPrice FROM woo.CatalogItem WHERE WooId = 101);
    EXEC tSQLt.AssertEquals @Expected = N'8.50', @Actual = @Sent, @Message = N'the sent price becomes the baseline';
END;
