-- A final payment works only with credit-type pay codes (CDM 7.3 [doc I-43]; review r15 MINOR 7): FINAL, and DEPOSIT with
-- @UncapturedMode FINAL, refuse a pay code whose SY_PAY_COD.PAY_TYP is not E; DEPOSIT with NOTE accepts it (a cash
-- deposit is native, order 70039). @Mode FINAL uses the same check (the condition covers both).
CREATE PROCEDURE [test_Payments].[test the setter refuses a final payment with a pay code that is not credit-type]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = NULL;
    INSERT INTO [$(CounterpointDb)].dbo.SY_PAY_COD (PAY_COD, PAY_TYP, DESCR, PAY_COD_ACCT_NO, ALLOW_FOR_ORDS, ALLOW_FOR_LWYS, DFLT_DOC_TND_AMT,
                                                    DFLT_DOC_FINAL_PMT, EDC_AUTH_FLG, CURNCY_COD)
    VALUES ('T15CASH', 'B', 'Cash', '1000', 'Y', 'N', 'N', 'N', 'N', 'HOME');
    UPDATE woo.StorePayCodeMap SET PayCod = 'T15CASH' WHERE StoreId = 'T15Y';
    DECLARE @Rules int;

    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'DEPOSIT', @UncapturedMode = 'NOTE', @Execute = 'Y';
    SELECT @Rules = COUNT(*) FROM woo.StorePaymentRule AS r WHERE r.StoreId = 'T15Y' AND r.Mode = 'DEPOSIT';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Rules, @Message = N'a cash deposit is accepted';

    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetPaymentRule: nothing was changed; fix every problem:%CPO-PAY-CODE: pay code ''T15CASH''%PAY_TYP ''B'', not E%';
    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'DEPOSIT', @UncapturedMode = 'FINAL', @Execute = 'Y';
END;
