CREATE PROCEDURE [test_StockSync].[test no change sends nothing]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    -- Last sent = what Counterpoint says now; WooCommerce's own (older) figure does not matter after a send.
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 101, @ItemNo = 'T14-A', @WooQty = 7, @SentQty = 10;
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 3, @SentQty = 18;

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    DECLARE @Calls int = (SELECT COUNT(*) FROM #sent);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Calls, @Message = N'no request when nothing changed';
    DECLARE @Outcome varchar (10) = (SELECT Outcome FROM woo.RunLog WHERE Step = 'STOCK'), @Requests int = (SELECT Requests FROM woo.RunLog WHERE Step = 'STOCK');
    EXEC tSQLt.AssertEquals @Expected = 'OK', @Actual = @Outcome;
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Requests;
END;
