-- Helper (not a test): store T14S counting locations T14A and T14B (not T14X) with a safety stock of 2, items T14-A..T14-D
-- in Counterpoint, and spies on the four catalog transport procedures. Each test creates #fail (ids the batch answers
-- as failed), #sent (one row per batch request: parent id, the update objects) and, for a catalog read, #products and
-- #variations before it runs a procedure.
CREATE PROCEDURE [test_StockSync].[Arrange]
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StockRule', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StockLocation';
    EXEC tSQLt.FakeTable @TableName = N'woo.StockItemOverride', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.CatalogItem', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.CatalogWatermark';
    EXEC tSQLt.FakeTable @TableName = N'woo.SkuProblem', @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreSkuMap';
    EXEC tSQLt.FakeTable @TableName = N'woo.StoreUnitSuffix';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.RunLog', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.Alert', @Identity = 1, @Defaults = 1;

    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, AllowPlainHttp, Currency, TimeZoneName, CpStrId, CpStaId, CpDrwId, CpUsrId,
                           StkLocId, PrcLocId, MaxAttempts, RetryBaseSeconds, TimeoutSeconds, TotalBudgetSeconds)
    VALUES ('T14S', 'Y', N'https://shop.example/wp-json/wc/v3', 'basic', 'N', 'USD', N'UTC', 'T14S', '1', '1', 'WEB', 'T14A', 'T14A', 8, 60, 30, 120);
    INSERT INTO woo.StockRule (StoreId, IsEnabled, SafetyStock, InactivePolicy, ManageUnmanaged, StatusWhenUnmanaged, SyncRegularPrice, SyncStatus)
    VALUES ('T14S', 'Y', 2, 'ZERO', 'N', 'N', 'N', 'N');
    INSERT INTO woo.StockLocation (StoreId, LocId) VALUES ('T14S', 'T14A'), ('T14S', 'T14B');

    INSERT INTO [$(CounterpointDb)].dbo.IM_ITEM (ITEM_NO, DESCR, ACCT_COD, PRC_1, REG_PRC, ITEM_TYP, TRK_METH, STAT, IS_TXBL)
    VALUES ('T14-A', 'Two locations', 'SALES', 10.0000, 10.0000, 'I', 'N', 'A', 'Y'),
           ('T14-B', 'Over-committed', 'SALES', 10.0000, 10.0000, 'I', 'N', 'A', 'Y'),
           ('T14-C', 'Discontinued', 'SALES', 10.0000, 10.0000, 'I', 'N', 'D', 'Y'),
           ('T14-D', 'Plenty', 'SALES', 10.0000, 10.0000, 'I', 'N', 'A', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND, QTY_COMMIT)
    VALUES ('T14-A', 'T14A', 10, 3), ('T14-A', 'T14B', 5, 0), ('T14-A', 'T14X', 100, 0),   -- T14X is not counted
           ('T14-B', 'T14A', 2, 5),                                                         -- more committed than on hand
           ('T14-C', 'T14A', 50, 0),
           ('T14-D', 'T14A', 20, 0);

    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooGetProducts', @CommandToExecute = N'
SET @RowsJson = (SELECT f.row_kind, f.id, f.parent_id, f.[type], f.sku, f.status, f.manage_stock, f.stock_quantity, f.stock_status, f.backorders,
                        f.regular_price, f.sale_price, f.date_modified_gmt, f.page_no, f.http_status, f.message, f.requests, f.retries,
                        f.complete_up_to_utc, f.read_all
                 FROM #products AS f ORDER BY f.seq FOR JSON PATH, INCLUDE_NULL_VALUES);';
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooGetVariations', @CommandToExecute = N'
SET @RowsJson = (SELECT f.row_kind, f.id, f.parent_id, f.[type], f.sku, f.status, f.manage_stock, f.stock_quantity, f.stock_status, f.backorders,
                        f.regular_price, f.sale_price, f.date_modified_gmt, f.page_no, f.http_status, f.message, f.requests, f.retries,
                        f.complete_up_to_utc, f.read_all
                 FROM #variations AS f ORDER BY f.seq FOR JSON PATH, INCLUDE_NULL_VALUES);';
    DECLARE @Answer nvarchar (max) = N'
SET @Requests = 1; SET @HttpStatus = 200;
SET @Results = (SELECT j.id AS [@id], CASE WHEN x.id IS NULL THEN 1 ELSE 0 END AS [@applied], j.stock_quantity AS [@stock_quantity],
                       CASE WHEN x.id IS NULL THEN N'''' ELSE N''woocommerce_rest_product_invalid_id'' END AS [@error_code],
                       CASE WHEN x.id IS NULL THEN N'''' ELSE N''Invalid ID.'' END AS [@error_message]
                FROM OPENJSON(@UpdatesJson) WITH (id bigint ''$.id'', stock_quantity int ''$.stock_quantity'') AS j
                LEFT JOIN #fail AS x ON x.id = j.id
                FOR XML PATH(''result''), ROOT(''results''), TYPE);
IF EXISTS (SELECT 1 FROM OPENJSON(@UpdatesJson) WITH (id bigint ''$.id'') AS j JOIN #fail AS x ON x.id = j.id) SET @ErrorCode = N''CPO-WOO-BATCH-ITEMS'';';
    DECLARE @Products nvarchar (max) = N'INSERT INTO #sent (parent_id, updates) VALUES (NULL, @UpdatesJson);' + @Answer,
            @Variations nvarchar (max) = N'INSERT INTO #sent (parent_id, updates) VALUES (@ParentId, @UpdatesJson);' + @Answer;
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooBatchUpdateProducts', @CommandToExecute = @Products;
    EXEC tSQLt.SpyProcedure @ProcedureName = N'woo.usp_WooBatchUpdateVariations', @CommandToExecute = @Variations;
END;
