CREATE PROCEDURE [test_StockSync].[test the stock rule setter reports every problem at once]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    -- Four problems in one call, one error naming them all (THROW under XACT_ABORT dooms the test's transaction, so
    -- ExpectException is the last statement, as in test_StoreSetup).
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetStockRule: nothing was changed; fix every problem:%@Locations: ''THIS-IS-TOO-LONG'' is longer than 10%@SafetyStock must be 0 or more%@InactivePolicy must be ZERO%@ManageUnmanaged, @StatusWhenUnmanaged%';
    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @Locations = N'THIS-IS-TOO-LONG', @SafetyStock = -1, @InactivePolicy = 'HIDE',
         @ManageUnmanaged = 'X', @Execute = 'Y';
END;
