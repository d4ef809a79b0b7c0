-- Review r14 finding 5: a rule set before the setter checked it may still leave out woo.Store.StkLocId; the push then
-- refuses (CPO-PARAM) instead of offering the units of applied web orders again.
CREATE PROCEDURE [test_StockSync].[test a push refuses a rule that does not count the web-order location]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    DELETE FROM woo.StockLocation WHERE LocId = 'T14A';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_PushStock: nothing was sent%does not count its web-order location T14A%';
    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'N';
END;
