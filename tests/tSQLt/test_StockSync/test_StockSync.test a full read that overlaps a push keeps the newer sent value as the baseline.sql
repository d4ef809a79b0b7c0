-- Review r14 finding 2: the nightly full read runs for minutes while the pipeline pushes. An object sent to after the
-- read began keeps its sent value as the baseline (the page read before it is older); an object not sent since takes
-- WooCommerce's value (the repair of a hand edit).
CREATE PROCEDURE [test_StockSync].[test a full read that overlaps a push keeps the newer sent value as the baseline]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #products (seq int, row_kind nvarchar (10), id bigint, parent_id bigint, [type] nvarchar (40), sku nvarchar (400), status nvarchar (40),
                            manage_stock nvarchar (10), stock_quantity decimal (19, 4), stock_status nvarchar (40), backorders nvarchar (10),
                            regular_price nvarchar (40), sale_price nvarchar (40), date_modified_gmt datetime2, page_no int, http_status int,
                            message nvarchar (4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit);
    SELECT TOP (0) * INTO #variations FROM #products;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 201, @ItemNo = 'T14-A', @WooQty = 5, @SentQty = 8;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 202, @ItemNo = 'T14-D', @WooQty = 5, @SentQty = 8;
    -- 201: a push that overlapped the read (sent after the read began: a time after this call's start stands for it);
    -- 202: sent an hour before the read.
    UPDATE woo.CatalogItem SET SentAtUtc = DATEADD(MINUTE, 10, SYSUTCDATETIME()) WHERE WooId = 201;
    UPDATE woo.CatalogItem SET SentAtUtc = DATEADD(HOUR, -1, SYSUTCDATETIME()) WHERE WooId = 202;
    INSERT INTO #products (seq, row_kind, id, [type], sku, status, manage_stock, stock_quantity, stock_status, date_modified_gmt, page_no, http_status)
    VALUES (1, N'product', 201, N'simple', N'T14-A', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:00', 1, 200),
           (2, N'product', 202, N'simple', N'T14-D', N'publish', N'true', 5, N'instock', '2026-12-01T10:00:01', 1, 200);
    INSERT INTO #products (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (3, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);
    INSERT INTO #variations (seq, row_kind, page_no, http_status, requests, retries, complete_up_to_utc, read_all)
    VALUES (1, N'end', 1, 200, 1, 0, '2026-12-01T10:00:01', 1);

    EXEC woo.usp_ReadCatalog @StoreId = 'T14S', @Full = 'Y', @Execute = 'Y';

    SELECT c.WooId, c.BaselineFromWoo INTO #Actual FROM woo.CatalogItem AS c;
    CREATE TABLE #Expected (WooId bigint, BaselineFromWoo char (1));
    INSERT INTO #Expected VALUES (201, 'N'),   -- the sent 8 stays the baseline
                                 (202, 'Y');   -- WooCommerce's 5 becomes the baseline
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
