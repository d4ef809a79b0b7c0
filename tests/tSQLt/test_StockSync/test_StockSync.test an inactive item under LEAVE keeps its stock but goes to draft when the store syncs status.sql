-- Issue 14 items 3 and 6: InactivePolicy LEAVE leaves a discontinued item's stock alone, while a store that syncs the
-- publish status still sees it go to draft (STAT not A); the active item's status is already publish: nothing sent.
CREATE PROCEDURE [test_StockSync].[test an inactive item under LEAVE keeps its stock but goes to draft when the store syncs status]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    UPDATE woo.StockRule SET InactivePolicy = 'LEAVE', SyncStatus = 'Y' WHERE StoreId = 'T14S';
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 103, @ItemNo = 'T14-C', @WooQty = 99;   -- discontinued, 48 available: stock left at 99
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 18;   -- active, in step, already publish

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    SELECT l.updates INTO #Actual FROM #sent AS l;
    CREATE TABLE #Expected (updates nvarchar (max));
    INSERT INTO #Expected VALUES (N'[{"id":103,"status":"draft"}]');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
END;
