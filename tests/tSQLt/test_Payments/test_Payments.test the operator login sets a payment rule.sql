-- The operator role (CpOrdersTest_OperatorLogin, created by the runner) runs the setter: its checks read SY_PAY_COD,
-- PS_DRW, PS_STR_CFG_PS and PS_DRW_SESSION in Counterpoint through the signed module, and it writes the rule.
CREATE PROCEDURE [test_Payments].[test the operator login sets a payment rule]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = NULL;
    CREATE TABLE #Error (ErrorNumber int NULL, ErrorMessage nvarchar (4000) NULL);
    DECLARE @Batch nvarchar (max) = N'
DECLARE @N int, @M nvarchar (4000);
EXECUTE AS LOGIN = N''CpOrdersTest_OperatorLogin'';
BEGIN TRY
    EXEC woo.usp_SetPaymentRule @StoreId = ''T15Y'', @Mode = ''DEPOSIT'', @DefaultPayCod = ''T15WEB'';
END TRY
BEGIN CATCH
    SELECT @N = ERROR_NUMBER(), @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Error (ErrorNumber, ErrorMessage) VALUES (@N, @M);';
    EXEC (@Batch);
    DECLARE @Error int, @Message nvarchar (4000), @Mode varchar (10);
    SELECT @Error = e.ErrorNumber, @Message = e.ErrorMessage FROM #Error AS e;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = @Message;
    SELECT @Mode = r.Mode FROM woo.StorePaymentRule AS r WHERE r.StoreId = 'T15Y';
    EXEC tSQLt.AssertEquals @Expected = 'DEPOSIT', @Actual = @Mode, @Message = N'the rule the operator set';
END;
