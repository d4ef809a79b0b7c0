CREATE PROCEDURE [test_StockSync].[test changes go in requests of at most 100 per products batch and per parent]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    -- 101 changed simple products, and 2 changed variations of variable product 900 (its own row carries no stock).
    WITH d AS (SELECT v.x FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS v (x)),
         n AS (SELECT a.x * 100 + b.x * 10 + c.x + 1 AS i FROM d AS a CROSS JOIN d AS b CROSS JOIN d AS c WHERE a.x * 100 + b.x * 10 + c.x < 101)
    INSERT INTO woo.CatalogItem (StoreId, WooId, WooType, Sku, ItemNo, SellUnit, WooManageStock, WooStockQuantity, WooStockStatus, BaselineFromWoo, IsGone, Attempts)
    SELECT 'T14S', 1000 + n.i, N'simple', CONCAT(N'T14-D-', n.i), 'T14-D', '0', N'true', 0, N'outofstock', 'Y', 'N', 0 FROM n;
    INSERT INTO woo.CatalogItem (StoreId, WooId, ParentId, WooType, Sku, ItemNo, SellUnit, WooManageStock, WooStockQuantity, WooStockStatus, BaselineFromWoo, IsGone, Attempts)
    VALUES ('T14S', 900, NULL, N'variable', N'T14-STYLE', 'T14-A', '0', N'false', NULL, N'instock', 'Y', 'N', 0),
           ('T14S', 901, 900, N'variation', N'T14-A', 'T14-A', '0', N'true', 0, N'outofstock', 'Y', 'N', 0),
           ('T14S', 902, 900, N'variation', N'T14-B', 'T14-B', '0', N'true', 3, N'instock', 'Y', 'N', 0);

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT s.parent_id, COUNT(*) AS objects
    INTO #Actual
    FROM #sent AS s CROSS APPLY OPENJSON(s.updates) AS j
    GROUP BY s.seq, s.parent_id;
    CREATE TABLE #Expected (parent_id bigint, objects int);
    INSERT INTO #Expected VALUES (NULL, 100), (NULL, 1), (900, 2);   -- ceil(101/100) + one per parent: the API's minimum
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Requests int = (SELECT Requests FROM woo.RunLog WHERE Step = 'STOCK');
    EXEC tSQLt.AssertEquals @Expected = 3, @Actual = @Requests;
END;
