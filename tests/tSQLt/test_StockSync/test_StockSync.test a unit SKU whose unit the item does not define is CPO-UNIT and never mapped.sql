-- Review r14 finding 3: SKU T14-U-CS12 (suffix -CS12 = unit 2) names item T14-U, which has no ALT_2_UNIT/NUMER/DENOM.
-- The order planner refuses such a line (CPO-UNIT); the catalog map reports it the same way and gives it no item, so
-- eaches are never sent as cases.
CREATE PROCEDURE [test_StockSync].[test a unit SKU whose unit the item does not define is CPO-UNIT and never mapped]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    INSERT INTO [$(CounterpointDb)].dbo.IM_ITEM (ITEM_NO, DESCR, ACCT_COD, PRC_1, REG_PRC, ITEM_TYP, TRK_METH, STAT, IS_TXBL, ALT_1_UNIT, ALT_1_NUMER, ALT_1_DENOM)
    VALUES ('T14-U', 'Units', 'SALES', 10.0000, 10.0000, 'I', 'N', 'A', 'Y', 'CS6', 6, 1);
    INSERT INTO woo.StoreUnitSuffix (StoreId, Suffix, SellUnit) VALUES ('T14S', N'-CS12', '2'), ('T14S', N'-CS6', '1');
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 301, N'simple', N'T14-U-CS12', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:00', 1, 200),   -- unit 2: not defined
           (2, N'product', 302, N'simple', N'T14-U-CS6', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:01', 1, 200);    -- unit 1: defined
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);

    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'Y';

    SELECT p.WooId, p.ProblemCode INTO #Actual FROM woo.SkuProblem AS p WHERE p.StoreId = 'T14S';
    CREATE TABLE #Expected (WooId bigint, ProblemCode varchar (40));
    INSERT INTO #Expected VALUES (301, 'CPO-UNIT');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT c.WooId, c.ItemNo, c.SellUnit INTO #ActualMap FROM woo.CatalogItem AS c WHERE c.ItemNo IS NOT NULL;
    CREATE TABLE #ExpectedMap (WooId bigint, ItemNo varchar (20), SellUnit char (1));
    INSERT INTO #ExpectedMap VALUES (302, 'T14-U', '1');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedMap', @Actual = N'#ActualMap';
END;
