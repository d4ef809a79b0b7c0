-- Issue 14 item 6: with SyncName on and NameSource LONG_DESCR, a product gets Counterpoint's long description (its
-- DESCR where that is blank); a name equal as text (the shop's "&amp;" is "&") is not resent; a variation's name (its
-- parent's plus attributes) is never written.
CREATE PROCEDURE [test_StockSync].[test the name comes from DESCR or LONG_DESCR, only when different, never to a variation]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    UPDATE woo.StockRule SET SyncName = 'Y', NameSource = 'LONG_DESCR' WHERE StoreId = 'T14S';
    UPDATE [$(CounterpointDb)].dbo.IM_ITEM SET LONG_DESCR = 'Plenty & more' WHERE ITEM_NO = 'T14-D';
    UPDATE [$(CounterpointDb)].dbo.IM_ITEM SET LONG_DESCR = '   ' WHERE ITEM_NO = 'T14-A';   -- blank: DESCR
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 10;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 18;
    UPDATE woo.CatalogItem SET WooName = N'Old name' WHERE WooId = 101;
    UPDATE woo.CatalogItem SET WooName = N'Plenty &amp; more' WHERE WooId = 104;
    INSERT INTO woo.CatalogItem (StoreId, WooId, ParentId, WooType, Sku, ItemNo, SellUnit, WooManageStock, WooStockQuantity, WooStockStatus, WooName,
                                 BaselineFromWoo, IsGone, Attempts)
    VALUES ('T14S', 902, 900, N'variation', N'T14-B', 'T14-B', '0', N'true', 0, N'outofstock', N'Tee - Red', 'Y', 'N', 0);

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT l.parent_id, l.updates INTO #Actual FROM #sent AS l;
    CREATE TABLE #Expected (parent_id bigint, updates nvarchar (max));
    INSERT INTO #Expected VALUES (NULL, N'[{"id":101,"name":"Two locations"}]');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @SentName nvarchar (400) = (SELECT SentName FROM woo.CatalogItem WHERE WooId = 101);
    EXEC tSQLt.AssertEquals @Expected = N'Two locations', @Actual = @SentName, @Message = N'the sent name becomes the baseline';
END;
