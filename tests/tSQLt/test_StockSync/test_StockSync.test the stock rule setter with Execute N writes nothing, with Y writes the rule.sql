CREATE PROCEDURE [test_StockSync].[test the stock rule setter with Execute N writes nothing, with Y writes the rule]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    DELETE FROM woo.StockLocation;
    DELETE FROM woo.StockRule;

    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @Locations = N'T14A, t14b', @SafetyStock = 1, @Execute = 'N';
    DECLARE @Rules int = (SELECT COUNT(*) FROM woo.StockRule), @Locs int = (SELECT COUNT(*) FROM woo.StockLocation);
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Rules, @Message = N'Execute N wrote a rule';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Locs, @Message = N'Execute N wrote locations';

    EXEC woo.usp_SetStockRule @StoreId = 'T14S', @Locations = N'T14A, t14b', @SafetyStock = 1, @Execute = 'Y';
    SELECT l.LocId INTO #Actual FROM woo.StockLocation AS l WHERE l.StoreId = 'T14S';
    CREATE TABLE #Expected (LocId varchar (10));
    INSERT INTO #Expected VALUES ('T14A'), ('T14B');   -- trimmed, upper-cased
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Safety decimal (15, 4) = (SELECT SafetyStock FROM woo.StockRule WHERE StoreId = 'T14S'),
            @Policy varchar (10) = (SELECT InactivePolicy FROM woo.StockRule WHERE StoreId = 'T14S'), @ExpectedSafety decimal (15, 4) = 1;
    EXEC tSQLt.AssertEquals @Expected = @ExpectedSafety, @Actual = @Safety;
    EXEC tSQLt.AssertEquals @Expected = 'ZERO', @Actual = @Policy, @Message = N'a new rule gets the default policy';
END;
