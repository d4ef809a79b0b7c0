CREATE PROCEDURE [test_StockSync].[test a dry run sends and writes nothing]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 99;
    SELECT * INTO #Before FROM woo.CatalogItem;

    -- The dry run lists the change it would send (captured here) ...
    CREATE TABLE #Shown ([Endpoint] nvarchar (100), BatchKey bigint, RequestNo int, WooId bigint, ParentId bigint, Sku nvarchar (400), ItemNo varchar (20),
                         SellUnit char (1), OnHand decimal (19, 4), [Commit] decimal (19, 4), SafetyStock decimal (15, 4), Staged decimal (19, 4),
                         WantedQty int, BaselineQty decimal (19, 4), UpdateJson nvarchar (4000), Reason nvarchar (1000));
    INSERT INTO #Shown EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'N';
    DECLARE @Shown int = (SELECT COUNT(*) FROM #Shown WHERE WooId = 101 AND WantedQty = 10);
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Shown, @Message = N'the change is shown (15 on hand - 3 committed - 2 safety)';

    -- ... and sends and writes nothing.
    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent), @Runs int = (SELECT COUNT(*) FROM woo.RunLog), @Alerts int = (SELECT COUNT(*) FROM woo.Alert);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Calls, @Message = N'no request';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Runs, @Message = N'no run log row';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Alerts, @Message = N'no alert';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'woo.CatalogItem', @Message = N'the catalog state is unchanged';
END;
