-- Review r14 finding 4: IM_ITEM.ALT_n_NUMER/DENOM have no CHECK. An item whose unit factor is 0 (mapped before the
-- factor was cleared, or staged in that unit) gets no stock; the other items of the store are pushed and the run does
-- not fail (the CLR functions no longer throw inside the push's set-based statements).
CREATE PROCEDURE [test_StockSync].[test a zero unit factor on one item leaves that item alone and the rest is pushed]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    INSERT INTO [$(CounterpointDb)].dbo.IM_ITEM (ITEM_NO, DESCR, ACCT_COD, PRC_1, REG_PRC, ITEM_TYP, TRK_METH, STAT, IS_TXBL, ALT_1_UNIT, ALT_1_NUMER, ALT_1_DENOM)
    VALUES ('T14-Z', 'Zero factor', 'SALES', 10.0000, 10.0000, 'I', 'N', 'A', 'Y', 'CS', 0, 1);
    INSERT INTO [$(CounterpointDb)].dbo.IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND, QTY_COMMIT) VALUES ('T14-Z', 'T14A', 48, 0);
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 105, @ItemNo = 'T14-Z', @WooQty = 99;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 106, @ItemNo = 'T14-Z', @WooQty = 99;
    UPDATE woo.CatalogItem SET SellUnit = '1', Sku = N'T14-Z-CS' WHERE WooId = 105;   -- sold by the case: factor 0
    -- 106 sells T14-Z in the stocking unit, but a web order of it in cases is staged: it cannot be converted either.
    INSERT INTO woo.StoreUnitSuffix (StoreId, Suffix, SellUnit) VALUES ('T14S', N'-CS', '1');
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, ContentHash, OrderJson, [Source], [State])
    VALUES ('T14S', 701, 0x01, N'{"id":701,"status":"processing","line_items":[{"id":1,"name":"Z","product_id":105,"variation_id":0,"quantity":1,"sku":"T14-Z-CS","subtotal":"10.00","subtotal_tax":"0.00","total":"10.00","total_tax":"0.00","price":10}]}', 'PULL', 'PENDING');

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT j.id, j.stock_quantity
    INTO #Actual
    FROM #sent AS l
    CROSS APPLY OPENJSON(l.updates) WITH (id bigint '$.id', stock_quantity int '$.stock_quantity') AS j;
    CREATE TABLE #Expected (id bigint, stock_quantity int);
    INSERT INTO #Expected VALUES (104, 18);   -- 20 - 2 safety; T14-Z's two objects are left alone
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Outcome varchar (10) = (SELECT r.Outcome FROM woo.RunLog AS r WHERE r.Step = 'STOCK');
    EXEC tSQLt.AssertEquals @Expected = 'OK', @Actual = @Outcome;
END;
