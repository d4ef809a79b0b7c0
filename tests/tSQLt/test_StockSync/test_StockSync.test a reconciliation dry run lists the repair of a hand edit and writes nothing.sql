-- Issue 14 item 7: the reconciliation's dry run (woo.usp_ReconcileCatalog @Execute = 'N' = a dry-run full read whose
-- values, @ReadJson, are the baseline of a dry-run push) lists exactly what the real run would send: here the repair of
-- a quantity set by hand in the shop, which the stored baseline (10 sent) alone would not show. Nothing is written.
CREATE PROCEDURE [test_StockSync].[test a reconciliation dry run lists the repair of a hand edit and writes nothing]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 10, @SentQty = 10;
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 101, N'simple', N'T14-A', N'publish', N'true', 3, N'instock', '2026-12-01T10:00:00', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    SELECT * INTO #Before FROM woo.CatalogItem;

    -- The two calls woo.usp_ReconcileCatalog @Execute = 'N' makes (the push's list captured here).
    DECLARE @ReadJson nvarchar (max);
    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'N', @ReadJson = @ReadJson OUTPUT;
    CREATE TABLE #Shown ([Endpoint] nvarchar (100), BatchKey bigint, RequestNo int, WooId bigint, ParentId bigint, Sku nvarchar (400), ItemNo varchar (20),
                         SellUnit char (1), OnHand decimal (19, 4), [Commit] decimal (19, 4), SafetyStock decimal (15, 4), Staged decimal (19, 4),
                         WantedQty int, BaselineQty decimal (19, 4), UpdateJson nvarchar (4000), Reason nvarchar (1000));
    INSERT INTO #Shown EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'N', @ReadJson = @ReadJson;

    SELECT s.WooId, s.BaselineQty, s.UpdateJson INTO #Actual FROM #Shown AS s;
    CREATE TABLE #Expected (WooId bigint, BaselineQty decimal (19, 4), UpdateJson nvarchar (4000));
    INSERT INTO #Expected VALUES (101, 3, N'{"id":101,"manage_stock":true,"stock_quantity":10}');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent), @Runs int = (SELECT COUNT(*) FROM woo.RunLog);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Calls, @Message = N'nothing sent';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Runs, @Message = N'no run log row';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'woo.CatalogItem', @Message = N'the catalog state is unchanged';
END;
