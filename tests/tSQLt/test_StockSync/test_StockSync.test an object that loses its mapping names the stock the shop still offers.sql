-- Review r14 finding 7: a product whose SKU is edited so it no longer matches gets no more stock (never guessed); its
-- SkuProblem row says how many the shop still offers, so a person can act.
CREATE PROCEDURE [test_StockSync].[test an object that loses its mapping names the stock the shop still offers]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 201, @ItemNo = 'T14-A', @WooQty = 40, @SentQty = 40;
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 201, N'simple', N'T14-A-OLD', N'publish', N'true', 40, N'instock', '2026-12-01T10:00:00', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);

    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'Y';

    DECLARE @Problem nvarchar (1000) = (SELECT p.Problem FROM woo.SkuProblem AS p WHERE p.WooId = 201 AND p.ProblemCode = 'CPO-SKU-UNMATCHED');
    IF @Problem IS NULL OR @Problem NOT LIKE N'%the shop still offers 40,%'
        EXEC tSQLt.Fail @Message0 = N'the SkuProblem text names the frozen stock: ', @Message1 = @Problem;
END;
