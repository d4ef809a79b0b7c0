CREATE PROCEDURE [test_Privacy].[test erasure removes the JSON and the map row and logs ERASED without the e-mail]
AS
BEGIN
    EXEC [test_Privacy].[ArrangeShoppers];

    EXEC woo.usp_EraseShopper @StoreId = 'WEB', @Email = N' ANN@example.com ', @Reason = N'request from ann@example.com, ticket 17', @Execute = 'Y';

    SELECT q.WooOrderId, q.WooOrderNumber, CASE WHEN q.OrderJson IS NULL THEN 'N' ELSE 'Y' END AS HasJson INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, WooOrderNumber nvarchar(40), HasJson varchar(1));
    INSERT INTO #Expected VALUES (401, N'401', 'N'), (402, N'402', 'N'), (403, N'403', 'Y');   -- bob's order stays
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT m.WooCustomerKey INTO #ActualMap FROM woo.StoreCustomerMap AS m;
    CREATE TABLE #ExpectedMap (WooCustomerKey nvarchar(200));
    INSERT INTO #ExpectedMap VALUES (N'email:bob@example.com');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedMap', @Actual = N'#ActualMap';
    SELECT q.WooOrderId, e.EventType INTO #ActualEvents FROM woo.OrderEvent AS e JOIN woo.OrderQueue AS q ON q.QueueId = e.QueueId;
    CREATE TABLE #ExpectedEvents (WooOrderId bigint, EventType varchar(20));
    INSERT INTO #ExpectedEvents VALUES (401, 'ERASED'), (402, 'ERASED');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedEvents', @Actual = N'#ActualEvents';
    IF EXISTS (SELECT 1 FROM woo.OrderEvent AS e WHERE e.Detail LIKE N'%ann@%' OR e.Detail NOT LIKE N'%ticket 17%')
        EXEC tSQLt.Fail N'the ERASED event holds the e-mail, or not the reason';
END;
