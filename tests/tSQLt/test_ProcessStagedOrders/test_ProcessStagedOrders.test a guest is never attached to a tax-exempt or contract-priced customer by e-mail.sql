-- Design 10 exclusions beside A/R (review of issue 13, tests missing): a tax-exempt customer (TAX_EXEMPT_NO) and a
-- contract-priced one (DISC_PCT) of an e-mail-matching class are never matched by e-mail. AR_ACCT_NO alone (a GL
-- account every customer copies from the template, review MINOR 15) does not exclude: that customer is matched.
CREATE PROCEDURE [test_ProcessStagedOrders].[test a guest is never attached to a tax-exempt or contract-priced customer by e-mail]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    INSERT INTO woo.StoreCustomerClass (StoreId, CategCod, AllowEmailMatch) VALUES ('T13P', 'RETAIL', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.AR_CUST (CUST_NO, NAM, SLS_REP, STR_ID, CUST_TYP, CATEG_COD, EMAIL_ADRS_1, TAX_EXEMPT_NO, DISC_PCT, AR_ACCT_NO)
    VALUES ('T13-EXEMPT', 'Exempt', 'WEB', 'T13P', 'C', 'RETAIL', 'exempt@example.com', 'EX-123', 0, NULL),
           ('T13-DISC', 'Contract', 'WEB', 'T13P', 'C', 'RETAIL', 'disc@example.com', NULL, 10, NULL),
           ('T13-GL', 'Cash with GL account', 'WEB', 'T13P', 'C', 'RETAIL', 'gl@example.com', NULL, 0, '1200');
    DECLARE @Mode varchar (10), @CustNo varchar (15), @Reason nvarchar (1000);

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"exempt@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @Reason = @Reason OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'CREATE', @Actual = @Mode, @Message = N'tax-exempt not matched';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%T13-EXEMPT: tax-exempt customer%', @Actual = @Reason;

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"disc@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @Reason = @Reason OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'CREATE', @Actual = @Mode, @Message = N'contract-priced not matched';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%T13-DISC: contract-priced customer%', @Actual = @Reason;

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"gl@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @Reason = @Reason OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'EXISTING', @Actual = @Mode, @Message = N'AR_ACCT_NO alone does not make an A/R customer';
    EXEC tSQLt.AssertEquals @Expected = 'T13-GL', @Actual = @CustNo;
END;
