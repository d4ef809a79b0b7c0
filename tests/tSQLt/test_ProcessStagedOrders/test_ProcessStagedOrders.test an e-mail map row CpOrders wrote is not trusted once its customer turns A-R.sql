-- Review of issue 13, MAJOR 1: an 'email:' map row CpOrders wrote itself (CREATED or EMAIL) is re-checked against the
-- e-mail rules every time. Customer T13-GONE-AR was matched by e-mail earlier (map row EMAIL) and has since been made an
-- A/R customer: a guest with that e-mail must get a new customer, with the reason, and no map row by that e-mail. The
-- control: the same map row written by an operator (OPERATOR) is trusted as it is.
CREATE PROCEDURE [test_ProcessStagedOrders].[test an e-mail map row CpOrders wrote is not trusted once its customer turns A-R]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    INSERT INTO woo.StoreCustomerClass (StoreId, CategCod, AllowEmailMatch) VALUES ('T13P', 'RETAIL', 'Y');
    INSERT INTO [$(CounterpointDb)].dbo.AR_CUST (CUST_NO, NAM, SLS_REP, STR_ID, CUST_TYP, CATEG_COD, EMAIL_ADRS_1)
    VALUES ('T13-GONE-AR', 'Now An Account', 'WEB', 'T13P', 'A', 'RETAIL', 'was-cash@example.com');
    INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped)
    VALUES ('T13P', N'email:was-cash@example.com', 'T13-GONE-AR', 'EMAIL');
    DECLARE @Mode varchar (10), @CustNo varchar (15), @MapKey nvarchar (200), @MapHow varchar (10), @Reason nvarchar (1000),
            @Problem nvarchar (1000);

    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"Was-Cash@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
         @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Problem;
    EXEC tSQLt.AssertEquals @Expected = 'CREATE', @Actual = @Mode, @Message = N'the EMAIL row of a customer now A/R is not used';
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @CustNo;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @MapKey, @Message = N'a guest (no id) is not mapped: the e-mail key is taken';
    EXEC tSQLt.AssertLike @ExpectedPattern = N'%map row email:<the order''s billing e-mail> (EMAIL) not used: customer T13-GONE-AR is now A/R customer%', @Actual = @Reason;
    IF @Reason LIKE N'%was-cash@%'
        EXEC tSQLt.Fail N'the reason (written to the order''s events) holds the shopper''s e-mail address';

    -- A registered shopper with the same e-mail: the new customer is mapped by the shop's id.
    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":4242,"billing":{"email":"was-cash@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
         @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'CREATE', @Actual = @Mode;
    EXEC tSQLt.AssertEquals @Expected = N'id:4242', @Actual = @MapKey;
    EXEC tSQLt.AssertEquals @Expected = 'CREATED', @Actual = @MapHow;

    -- A CREATED row (the customer CpOrders made for this guest, class WEB of the template, which does not allow e-mail
    -- matching) stays the guest's: the class policy applies to EMAIL rows only (else every order of a guest would make
    -- a new customer).
    INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped) VALUES ('T13P', N'email:made@example.com', 'T13-TMPL', 'CREATED');
    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"made@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
         @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'EXISTING', @Actual = @Mode, @Message = N'a CREATED row of a cash customer is trusted';
    EXEC tSQLt.AssertEquals @Expected = 'T13-TMPL', @Actual = @CustNo;

    -- Control: an operator's row is the operator's decision.
    UPDATE woo.StoreCustomerMap SET HowMapped = 'OPERATOR' WHERE StoreId = 'T13P' AND WooCustomerKey = N'email:was-cash@example.com';
    EXEC woo.usp_ResolveCustomer @StoreId = 'T13P', @OrderJson = N'{"customer_id":0,"billing":{"email":"was-cash@example.com"}}',
         @Mode = @Mode OUTPUT, @CustNo = @CustNo OUTPUT, @MapKey = @MapKey OUTPUT, @MapHow = @MapHow OUTPUT, @Reason = @Reason OUTPUT,
         @Problem = @Problem OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 'EXISTING', @Actual = @Mode, @Message = N'OPERATOR rows are trusted';
    EXEC tSQLt.AssertEquals @Expected = 'T13-GONE-AR', @Actual = @CustNo;
END;
