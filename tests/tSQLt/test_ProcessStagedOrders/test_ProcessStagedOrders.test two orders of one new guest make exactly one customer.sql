-- Two guest orders with one e-mail that no customer has, processed in one run: the first creates the customer (number
-- from EC_CTL.NXT_CUST_NO) and its map row in its transaction, the second finds the map row.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test two orders of one new guest make exactly one customer]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @Q1 bigint, @Q2 bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91011, @CustomerId = 0, @Email = N'New.Shopper@example.com', @QueueId = @Q1 OUTPUT;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91012, @CustomerId = 0, @Email = N'new.shopper@example.com', @QueueId = @Q2 OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    CREATE TABLE #Expected (QueueId bigint, [State] varchar (10), CustNo varchar (15));
    INSERT INTO #Expected VALUES (@Q1, 'APPLIED', 'T13-0001'), (@Q2, 'APPLIED', 'T13-0001');
    SELECT q.QueueId, q.[State], q.CustNo INTO #Actual FROM woo.OrderQueue AS q WHERE q.QueueId IN (@Q1, @Q2);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual', @Message = N'both orders on the one new customer';

    DECLARE @NewCustomers int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.STR_ID = 'T13P' AND a.CUST_NO NOT IN ('T13-TMPL', 'T13-C1'));
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @NewCustomers, @Message = N'one AR_CUST row made';
    DECLARE @How varchar (10) = (SELECT m.HowMapped FROM woo.StoreCustomerMap AS m WHERE m.StoreId = 'T13P' AND m.WooCustomerKey = N'email:new.shopper@example.com');
    EXEC tSQLt.AssertEquals @Expected = 'CREATED', @Actual = @How, @Message = N'map row by normalised e-mail';
    DECLARE @NextCust varchar (15) = (SELECT e.NXT_CUST_NO FROM [$(CounterpointDb)].dbo.EC_CTL AS e WHERE e.KEY_ID = 913);
    EXEC tSQLt.AssertEquals @Expected = 'T13-0002', @Actual = @NextCust, @Message = N'the customer counter moved once';
    DECLARE @Orders int = (SELECT a.NO_OF_ORDS FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.CUST_NO = 'T13-0001');
    EXEC tSQLt.AssertEquals @Expected = 2, @Actual = @Orders, @Message = N'AR_CUST.NO_OF_ORDS counts both orders';
END;
