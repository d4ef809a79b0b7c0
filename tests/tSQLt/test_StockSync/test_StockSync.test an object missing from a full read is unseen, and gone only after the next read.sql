CREATE PROCEDURE [test_StockSync].[test an object missing from a full read is unseen, and gone only after the next read]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 5;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 5;
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    -- A complete full read returns 101 only.
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 101, N'simple', N'T14-A', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:00', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y';

    DECLARE @Unseen datetime2 (0), @Gone char (1);
    SELECT @Unseen = c.UnseenSinceUtc, @Gone = c.IsGone FROM woo.CatalogItem AS c WHERE c.WooId = 104;
    IF @Unseen IS NULL
        EXEC tSQLt.Fail N'104 was not returned by a complete full read: it must be unseen';
    EXEC tSQLt.AssertEquals @Expected = 'N', @Actual = @Gone, @Message = N'unseen is not gone yet';

    -- The next complete incremental read does not return it either: now it is gone, and the operator is told.
    DELETE FROM #products WHERE row_kind = N'product';
    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'N';
    SELECT @Gone = c.IsGone FROM woo.CatalogItem AS c WHERE c.WooId = 104;
    EXEC tSQLt.AssertEquals @Expected = 'Y', @Actual = @Gone, @Message = N'gone after the second read';
    DECLARE @Noticed int = (SELECT COUNT(*) FROM woo.SkuProblem WHERE WooId = 104 AND ProblemCode = 'CPO-ITEM-GONE'),
            @Other char (1) = (SELECT IsGone FROM woo.CatalogItem WHERE WooId = 101);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Noticed, @Message = N'CPO-ITEM-GONE reported';
    EXEC tSQLt.AssertEquals @Expected = 'N', @Actual = @Other, @Message = N'an object returned by the full read stays';
END;
