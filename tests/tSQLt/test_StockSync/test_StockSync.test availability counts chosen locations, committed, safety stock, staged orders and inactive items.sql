CREATE PROCEDURE [test_StockSync].[test availability counts chosen locations, committed, safety stock, staged orders and inactive items]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 102, @ItemNo = 'T14-B', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 103, @ItemNo = 'T14-C', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 99;
    INSERT INTO woo.StockItemOverride (StoreId, ItemNo, SafetyStock, [Exclude]) VALUES ('T14S', 'T14-D', 5, 'N');
    -- A web order staged but not yet written (PENDING) with 1 of T14-A, and an applied one with 4 (already in QTY_COMMIT).
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, ContentHash, OrderJson, [Source], [State])
    VALUES ('T14S', 501, 0x01, N'{"id":501,"status":"processing","line_items":[{"id":1,"name":"A","product_id":101,"variation_id":0,"quantity":1,"sku":"T14-A","subtotal":"10.00","subtotal_tax":"0.00","total":"10.00","total_tax":"0.00","price":10}]}', 'PULL', 'PENDING'),
           ('T14S', 502, 0x02, N'{"id":502,"status":"processing","line_items":[{"id":1,"name":"A","product_id":101,"variation_id":0,"quantity":4,"sku":"T14-A","subtotal":"40.00","subtotal_tax":"0.00","total":"40.00","total_tax":"0.00","price":10}]}', 'PULL', 'APPLIED');

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT j.id, j.stock_quantity
    INTO #Actual
    FROM #sent AS l
    CROSS APPLY OPENJSON(l.updates) WITH (id bigint '$.id', stock_quantity int '$.stock_quantity') AS j;
    CREATE TABLE #Expected (id bigint, stock_quantity int);
    INSERT INTO #Expected
    VALUES (101, 9),   -- (10 + 5) on hand - 3 committed - 2 safety - 1 staged; T14X's 100 not counted
           (102, 0),   -- 2 - 5 - 2 < 0: floored at 0
           (103, 0),   -- discontinued, InactivePolicy ZERO
           (104, 15);  -- 20 - 5 (the item's own safety stock)
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Calls, @Message = N'four products in one request';
    DECLARE @Sent int = (SELECT SentQty FROM woo.CatalogItem WHERE WooId = 101);
    EXEC tSQLt.AssertEquals @Expected = 9, @Actual = @Sent, @Message = N'the sent value becomes the baseline';
END;
