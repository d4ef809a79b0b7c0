-- Issue 14 items 5 and 7: the stored baseline says 10 was sent (a normal push sends nothing), but someone set 3 by hand
-- in the shop. woo.usp_ReconcileCatalog reads the whole catalog (WooCommerce's values become the baseline) and pushes
-- 10 again; each step logs its own run.
CREATE PROCEDURE [test_StockSync].[test a reconciliation reads everything and repairs a change made by hand in the shop]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 10, @SentQty = 10;
    INSERT INTO woo.CatalogWatermark (StoreId, ProductsWatermarkUtc, VariationsWatermarkUtc) VALUES ('T14S', '2026-12-01T09:00:00', '2026-12-01T09:00:00');
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

    EXEC woo.usp_ReconcileCatalog @StoreId = 'T14S';

    -- The read was full (no watermark passed on: the spy's log, read by dynamic SQL as tSQLt creates it at run time),
    -- then the hand edit was repaired.
    CREATE TABLE #Log (Reads int, WithWatermark int);
    INSERT INTO #Log (Reads, WithWatermark)
    EXEC (N'SELECT COUNT(*), COUNT(s.ModifiedAfterUtc) FROM woo.usp_WooGetProducts_SpyProcedureLog AS s;');
    DECLARE @Reads int = (SELECT Reads FROM #Log), @WithWatermark int = (SELECT WithWatermark FROM #Log);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Reads;
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @WithWatermark, @Message = N'a reconciliation reads from the beginning';
    DECLARE @ReadKind nvarchar (20) = (SELECT JSON_VALUE(r.Details, N'$.read') FROM woo.RunLog AS r WHERE r.Step = 'CATALOG');
    EXEC tSQLt.AssertEquals @Expected = N'full', @Actual = @ReadKind;
    SELECT j.id, j.stock_quantity INTO #Actual
    FROM #sent AS l CROSS APPLY OPENJSON(l.updates) WITH (id bigint '$.id', stock_quantity int '$.stock_quantity') AS j;
    CREATE TABLE #Expected (id bigint, stock_quantity int);
    INSERT INTO #Expected VALUES (101, 10);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT r.Step, r.Outcome INTO #ActualRuns FROM woo.RunLog AS r;
    CREATE TABLE #ExpectedRuns (Step varchar (40), Outcome varchar (10));
    INSERT INTO #ExpectedRuns VALUES ('CATALOG', 'OK'), ('STOCK', 'OK');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedRuns', @Actual = N'#ActualRuns';
END;
