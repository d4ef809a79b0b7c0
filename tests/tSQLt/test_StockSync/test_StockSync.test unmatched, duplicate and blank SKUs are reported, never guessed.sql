CREATE PROCEDURE [test_StockSync].[test unmatched, duplicate and blank SKUs are reported, never guessed]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 201, N'simple', N'T14-A', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:00', 1, 200),
           (2, N'product', 202, N'simple', N'T14-NONE', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:01', 1, 200),   -- no such item
           (3, N'product', 203, N'simple', N'T14-B', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:02', 1, 200),     -- two products,
           (4, N'product', 204, N'simple', N'  T14-B', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:03', 1, 200),   -- one item
           (5, N'product', 205, N'simple', N'', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:04', 1, 200);          -- blank
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (6, N'end', 1, 200, 1, 0, '2026-12-01T10:00:04', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:04', 1);

    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'Y';

    SELECT p.WooId, p.ProblemCode INTO #Actual FROM woo.SkuProblem AS p WHERE p.StoreId = 'T14S';
    CREATE TABLE #Expected (WooId bigint, ProblemCode varchar (40));
    INSERT INTO #Expected VALUES (202, 'CPO-SKU-UNMATCHED'), (203, 'CPO-SKU-DUPLICATE'), (204, 'CPO-SKU-DUPLICATE'), (205, 'CPO-SKU');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    -- Only the clean SKU is mapped; the others get no item (and so no stock).
    SELECT c.WooId, c.ItemNo INTO #ActualMap FROM woo.CatalogItem AS c WHERE c.ItemNo IS NOT NULL;
    CREATE TABLE #ExpectedMap (WooId bigint, ItemNo varchar (20));
    INSERT INTO #ExpectedMap VALUES (201, 'T14-A');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedMap', @Actual = N'#ActualMap';
    DECLARE @Watermark datetime2 (0) = (SELECT ProductsWatermarkUtc FROM woo.CatalogWatermark WHERE StoreId = 'T14S'),
            @ExpectedWatermark datetime2 (0) = '2026-12-01T10:00:04';
    EXEC tSQLt.AssertEquals @Expected = @ExpectedWatermark, @Actual = @Watermark, @Message = N'the watermark moves to complete_up_to_utc';
END;
