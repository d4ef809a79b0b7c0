-- Helper of the class (not a test): store WEB and one queued order 601 in @State.
CREATE PROCEDURE [test_QueueOperator].[Arrange]
    @State varchar(10)
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'woo.Store';
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderQueue', @Identity = 1, @Defaults = 1;
    EXEC tSQLt.FakeTable @TableName = N'woo.OrderEvent', @Identity = 1, @Defaults = 1;
    INSERT INTO woo.Store (StoreId, IsEnabled, SiteUrl, AuthMode, Currency, TimeZoneName)
    VALUES ('WEB', 'Y', N'https://shop.example.com/wp-json/wc/v3', 'basic', 'USD', N'Eastern Standard Time');
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, ContentHash, OrderJson, [Source], [State], Attempts, LastErrorCode, LastError, DocId, TktNo)
    VALUES ('WEB', 601, 0x01, N'{"id":601}', 'PULL', @State, CASE WHEN @State = 'DEAD' THEN 8 ELSE 0 END,
            CASE WHEN @State = 'DEAD' THEN 'CPO-ITEM-UNKNOWN' END, CASE WHEN @State = 'DEAD' THEN N'SKU PEN-X has no item' END,
            CASE WHEN @State = 'APPLIED' THEN 100601 END, CASE WHEN @State = 'APPLIED' THEN 'W-601' END);
END;
