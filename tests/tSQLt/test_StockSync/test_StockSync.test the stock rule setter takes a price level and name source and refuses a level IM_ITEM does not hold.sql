CREATE PROCEDURE [test_StockSync].[test the stock rule setter takes a price level and name source and refuses a level IM_ITEM does not hold]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @SyncRegularPrice = 'Y', @PriceLevel = 'prc_2', @PriceLocId = '*', @SyncName = 'Y',
         @NameSource = 'LONG_DESCR', @Execute = 'Y';
    SELECT r.SyncRegularPrice, r.PriceLevel, r.PriceLocId, r.SyncName, r.NameSource INTO #Actual FROM woo.StockRule AS r WHERE r.StoreId = 'T14S';
    CREATE TABLE #Expected (SyncRegularPrice char (1), PriceLevel varchar (10), PriceLocId varchar (10), SyncName char (1), NameSource varchar (10));
    INSERT INTO #Expected VALUES ('Y', 'PRC_2', '*', 'Y', 'LONG_DESCR');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    -- Back to IM_ITEM ('') while the level is PRC_2, which only IM_PRC holds, and an unknown name source: both reported.
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetStockRule: nothing was changed; fix every problem:%@PriceLevel PRC_2 lives in IM_PRC only%@NameSource must be DESCR%';
    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @PriceLocId = '', @NameSource = 'SHORT', @Execute = 'Y';
END;
