CREATE PROCEDURE [test_StockSync].[test a catalog read with Execute N reads the shop and writes nothing]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 10, @SentQty = 10;
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 101, N'simple', N'T14-A', N'publish', N'true', 3, N'instock', '2026-12-01T10:00:00', 1, 200),
           (2, N'product', 202, N'simple', N'T14-NONE', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:01', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);
    SELECT * INTO #Before FROM woo.CatalogItem;

    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'N';

    CREATE TABLE #Log (Reads int);
    INSERT INTO #Log (Reads) EXEC (N'SELECT COUNT(*) FROM woo.usp_WooGetProducts_SpyProcedureLog;');   -- created by tSQLt at run time
    DECLARE @Reads int = (SELECT Reads FROM #Log);
    DECLARE @Runs int = (SELECT COUNT(*) FROM woo.RunLog),
            @Problems int = (SELECT COUNT(*) FROM woo.SkuProblem), @Marks int = (SELECT COUNT(*) FROM woo.CatalogWatermark);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Reads, @Message = N'the shop was read';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Runs, @Message = N'no run log row';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Problems, @Message = N'the unmatched SKU is listed, not recorded';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Marks, @Message = N'no watermark';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'woo.CatalogItem', @Message = N'the catalog state is unchanged';
END;
