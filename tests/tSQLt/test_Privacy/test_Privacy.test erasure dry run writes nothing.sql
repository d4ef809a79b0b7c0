CREATE PROCEDURE [test_Privacy].[test erasure dry run writes nothing]
AS
BEGIN
    EXEC [test_Privacy].[ArrangeShoppers];
    SELECT q.QueueId, q.OrderJson, q.WooOrderNumber INTO #Expected FROM woo.OrderQueue AS q;
    SELECT m.WooCustomerKey, m.CustNo INTO #ExpectedMap FROM woo.StoreCustomerMap AS m;

    EXEC woo.usp_EraseShopper @StoreId = 'WEB', @Email = N'ann@example.com', @Reason = N'GDPR request 17';   -- @Execute defaults to 'N'

    SELECT q.QueueId, q.OrderJson, q.WooOrderNumber INTO #Actual FROM woo.OrderQueue AS q;
    SELECT m.WooCustomerKey, m.CustNo INTO #ActualMap FROM woo.StoreCustomerMap AS m;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedMap', @Actual = N'#ActualMap';
    EXEC tSQLt.AssertEmptyTable @TableName = N'woo.OrderEvent';
END;
