CREATE PROCEDURE [test_Privacy].[test erasure by customer id alone also erases the shopper's guest orders and e-mail map row]
AS
BEGIN
    EXEC [test_Privacy].[ArrangeShoppers];
    -- Order 401 was placed with Ann's account (customer 77); 402 as a guest with the same e-mail (other case).
    UPDATE woo.OrderQueue SET OrderJson = REPLACE(OrderJson, N'"customer_id":0', N'"customer_id":77') WHERE WooOrderId = 401;

    EXEC woo.usp_EraseShopper @StoreId = 'WEB', @WooCustomerId = 77, @Reason = N'account deleted, ticket 18', @Execute = 'Y';

    SELECT q.WooOrderId, CASE WHEN q.OrderJson IS NULL THEN 'N' ELSE 'Y' END AS HasJson INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, HasJson varchar(1));
    INSERT INTO #Expected VALUES (401, 'N'), (402, 'N'), (403, 'Y');   -- the guest order 402 is Ann's too; bob's stays
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT m.WooCustomerKey INTO #ActualMap FROM woo.StoreCustomerMap AS m;
    CREATE TABLE #ExpectedMap (WooCustomerKey nvarchar(200));
    INSERT INTO #ExpectedMap VALUES (N'email:bob@example.com');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedMap', @Actual = N'#ActualMap';
END;
