-- Class RETAIL allows e-mail matching. A guest whose e-mail belongs to an A/R customer (CUST_TYP 'A') of that class gets
-- a new customer; the same kind of guest whose e-mail belongs to a cash customer of the class is matched (the control
-- that shows the e-mail match itself works).
CREATE PROCEDURE [test_ProcessStagedOrders].[test a guest is never attached to an A-R customer by e-mail alone]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    INSERT INTO woo.StoreCustomerClass (StoreId, CategCod, AllowEmailMatch) VALUES ('T13P', 'RETAIL', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.AR_CUST (CUST_NO, NAM, SLS_REP, STR_ID, CUST_TYP, CATEG_COD, EMAIL_ADRS_1)
    VALUES ('T13-AR', 'Account Customer', 'WEB', 'T13P', 'A', 'RETAIL', 'shared@example.com'),
           ('T13-CASH', 'Cash Customer', 'WEB', 'T13P', 'C', 'RETAIL', 'cash@example.com');
    DECLARE @Mode varchar (10), @CustNo varchar (15), @MapHow varchar (10), @Reason nvarchar (1000), @Problem nvarchar (1000);

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"Shared@Example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT, @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'CREATE', @Actual = @Mode, @Message = N'A/R customer not matched';
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @CustNo;
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%T13-AR: A/R customer%', @Actual = @Reason;

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"cash@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT, @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'EXISTING', @Actual = @Mode, @Message = N'cash customer of an e-mail-matching class';
    EXEC tSQLt.AssertEquals @Expected = 'T13-CASH', @Actual = @CustNo;
    EXEC tSQLt.AssertEquals @Expected = 'EMAIL', @Actual = @MapHow;
END;
