-- The least-privileged caller: the job login (CpOrdersJob only, no permission in Counterpoint) reads the catalog (IM_ITEM
-- through the signed woo.usp_ReadCatalog) and pushes stock (IM_ITEM, IM_INV through the signed woo.usp_PushStock).
CREATE PROCEDURE [test_StockSync].[test the job login reads the catalog and pushes stock through the signed path]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 101, N'simple', N'T14-A', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:00', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (2, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:00', 1);

    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_ReadCatalog @StoreId = ''T14S'', @Full = ''Y'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_ReadCatalog raised as the job login';
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_PushStock @StoreId = ''T14S'', @Execute = ''Y'';', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'woo.usp_PushStock raised as the job login';

    SELECT j.id, j.stock_quantity INTO #Actual
    FROM #sent AS s CROSS APPLY OPENJSON(s.updates) WITH (id bigint '$.id', stock_quantity int '$.stock_quantity') AS j;
    CREATE TABLE #Expected (id bigint, stock_quantity int);
    INSERT INTO #Expected VALUES (101, 10);   -- 15 on hand - 3 committed - 2 safety stock
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    -- Operators' setup stays closed to the job.
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'EXEC woo.usp_SetStockRule @StoreId = ''T14S'', @SafetyStock = 0;', @ErrorNumber = @Error OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error, @Message = N'the job login must not change the stock rule';
END;
