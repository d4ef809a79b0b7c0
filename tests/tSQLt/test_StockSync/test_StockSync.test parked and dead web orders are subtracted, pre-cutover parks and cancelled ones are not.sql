-- Review r14 finding 1: a parked or dead web order is not in Counterpoint (no QTY_COMMIT) but the shop already took its
-- units; the push subtracts it. A CPO-PRE-CUTOVER park (the predecessor wrote it) and a parked order the shop cancelled
-- (WooCommerce gave the units back) are not subtracted.
CREATE PROCEDURE [test_StockSync].[test parked and dead web orders are subtracted, pre-cutover parks and cancelled ones are not]
AS
BEGIN
    EXEC [test_StockSync].[Arrange];
    CREATE TABLE #fail (id bigint);
    CREATE TABLE #sent (seq int IDENTITY (1, 1), parent_id bigint, updates nvarchar (max));
    EXEC [test_StockSync].[AddCatalogItem] @WooId = 104, @ItemNo = 'T14-D', @WooQty = 99;
    DECLARE @Line nvarchar (400) = N'{"id":1,"name":"D","product_id":104,"variation_id":0,"quantity":QTY,"sku":"T14-D","subtotal":"10.00","subtotal_tax":"0.00","total":"10.00","total_tax":"0.00","price":10}';
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, ContentHash, OrderJson, [Source], [State], LastErrorCode)
    VALUES ('T14S', 601, 0x01, N'{"id":601,"status":"on-hold","line_items":[' + REPLACE(@Line, N'QTY', N'3') + N']}', 'PULL', 'PARKED', 'CPO-ORDER-STATUS'),
           ('T14S', 602, 0x02, N'{"id":602,"status":"processing","line_items":[' + REPLACE(@Line, N'QTY', N'1') + N']}', 'PULL', 'DEAD', 'CPO-CP-ERROR'),
           ('T14S', 603, 0x03, N'{"id":603,"status":"processing","line_items":[' + REPLACE(@Line, N'QTY', N'4') + N']}', 'PULL', 'PARKED', 'CPO-PRE-CUTOVER'),
           ('T14S', 604, 0x04, N'{"id":604,"status":"cancelled","line_items":[' + REPLACE(@Line, N'QTY', N'5') + N']}', 'PULL', 'PARKED', 'CPO-ORDER-STATUS');

    EXEC woo.usp_PushStock @StoreId = 'T14S', @Execute = 'Y';

    DECLARE @Sent int = (SELECT j.stock_quantity FROM #sent AS l CROSS APPLY OPENJSON(l.updates) WITH (id bigint '$.id', stock_quantity int '$.stock_quantity') AS j
                         WHERE j.id = 104);
    -- 20 on hand - 2 safety - 3 parked - 1 dead (the pre-cutover park's 4 and the cancelled order's 5 are not subtracted)
    EXEC tSQLt.AssertEquals @Expected = 14, @Actual = @Sent, @Message = N'parked and dead orders hold units the shop sold';
END;
