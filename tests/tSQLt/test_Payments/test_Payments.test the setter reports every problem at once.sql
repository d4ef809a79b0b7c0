-- woo.usp_SetPaymentRule refuses DEPOSIT with every problem in one message (it writes only after all checks pass): an
-- unknown default pay code, a mapped pay code not allowed on orders, a missing drawer, no deposits-received GL account,
-- no ticket counter for the deposit tickets.
CREATE PROCEDURE [test_Payments].[test the setter reports every problem at once]
AS
BEGIN
    EXEC test_Payments.Arrange @Mode = NULL;
    UPDATE woo.StorePayCodeMap SET PayCod = 'T15NOORD' WHERE StoreId = 'T15Y';
    DELETE FROM [$(CounterpointDb)].dbo.PS_DRW WHERE STR_ID = 'T15Y';
    UPDATE [$(CounterpointDb)].dbo.PS_STR_CFG_PS SET ORD_DEP_RECVD_ACCT_NO = NULL, NXT_TKT_NO = NULL WHERE STR_ID = 'T15Y';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SetPaymentRule: nothing was changed; fix every problem:%CPO-PAY-CODE: pay code ''NOSUCH''%not in SY_PAY_COD%CPO-PAY-CODE: pay code ''T15NOORD''%not allowed on orders%CPO-DRAWER: %CPO-DEPOSIT-ACCOUNT: %CPO-NUMBER-NONE: %';
    EXEC woo.usp_SetPaymentRule @StoreId = 'T15Y', @Mode = 'DEPOSIT', @DefaultPayCod = 'NOSUCH';
END;
