-- Helper of the class (not a test): two applied orders of ann@example.com (one with a mixed-case e-mail), one of
-- bob@example.com, and both shoppers' guest map rows.
CREATE PROCEDURE [test_Privacy].[ArrangeShoppers]
AS
BEGIN
    EXEC [test_Privacy].[Arrange];
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, ContentHash, OrderJson, [Source], [State], Attempts, DocId, TktNo)
    VALUES ('WEB', 401, N'401', 0x01, [test_Privacy].[OrderJson](401, N'ann@example.com'), 'PULL', 'APPLIED', 0, 100401, 'W-401'),
           ('WEB', 402, N'402', 0x02, [test_Privacy].[OrderJson](402, N'Ann@Example.com'), 'PULL', 'APPLIED', 0, 100402, 'W-402'),
           ('WEB', 403, N'403', 0x03, [test_Privacy].[OrderJson](403, N'bob@example.com'), 'PULL', 'APPLIED', 0, 100403, 'W-403');
    INSERT INTO woo.StoreCustomerMap (StoreId, WooCustomerKey, CustNo, HowMapped)
    VALUES ('WEB', N'email:ann@example.com', 'W1001', 'CREATED'), ('WEB', N'email:bob@example.com', 'W1002', 'CREATED');
END;
