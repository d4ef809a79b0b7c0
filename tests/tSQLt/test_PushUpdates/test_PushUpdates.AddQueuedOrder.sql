-- Helper (not a test): an applied order of store T15S as the last pull saw it (its status in the shop at @ModifiedGmt).
CREATE PROCEDURE [test_PushUpdates].[AddQueuedOrder]
    @WooOrderId  bigint,
    @WooStatus   nvarchar (40),
    @ModifiedGmt datetime2 (0) = '2026-12-01T10:00:00'
AS
BEGIN
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, [Source], [State], DocId, TktNo)
    VALUES ('T15S', @WooOrderId, CONVERT(nvarchar (40), @WooOrderId), @WooStatus, @ModifiedGmt, 0x00, 'PULL', 'APPLIED', 100000 + @WooOrderId, 'W' + CONVERT(varchar (10), @WooOrderId));
END;
