-- A valid DEPOSIT rule: @Execute = 'N' checks and writes nothing; @Execute = 'Y' writes the rule, and setting it again
-- updates the one row.
CREATE PROCEDURE [test_Payments].[test the setter with Execute N checks and writes nothing and with Y sets the rule]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = NULL;
    DECLARE @Rules int;
    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'DEPOSIT', @UncapturedMode = 'FINAL', @DefaultPayCod = 't15web', @Execute = 'N';
    SELECT @Rules = COUNT(*) FROM woo.StorePaymentRule AS r WHERE r.StoreId = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Rules, @Message = N'@Execute = N writes nothing';

    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'DEPOSIT', @UncapturedMode = 'FINAL', @DefaultPayCod = 't15web', @Execute = 'Y';
    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'deposit', @UncapturedMode = 'FINAL', @DefaultPayCod = 'T15WEB', @Execute = 'Y';
    CREATE TABLE #Expected (StoreId varchar (10), Mode varchar (10), UncapturedMode varchar (10), DefaultPayCod varchar (10));
    INSERT INTO #Expected VALUES ('T15Y', 'DEPOSIT', 'FINAL', 'T15WEB');
    SELECT r.StoreId, r.Mode, r.UncapturedMode, r.DefaultPayCod INTO #Actual FROM woo.StorePaymentRule AS r WHERE r.StoreId = 'T15Y';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'one rule row';
END;
