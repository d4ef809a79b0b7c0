-- Review r14 finding 5: 'MIAN' (a typo: no IM_INV row) would count 0 on hand; a list without the store's StkLocId
-- (T14A, where web orders commit) would offer an applied order's units again. Both refused, in one error.
CREATE PROCEDURE [test_StockSync].[test the stock rule refuses an unknown location and a list without the web-order location]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetStockRule: nothing was changed; fix every problem:%@Locations: ''MIAN'' holds no stock in Counterpoint%must include the store''s web-order location T14A%';
    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @Locations = N'MIAN, T14B', @Execute = 'N';
END;
