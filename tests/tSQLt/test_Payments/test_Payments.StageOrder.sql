-- Helper (not a test): stages one WooCommerce order of store T15Y (one 100.00 line of T15-A, no tax, no shipping)
-- paid with 'stripe', transaction ch_T15; captured (date_paid_gmt set) unless @Captured = 'N'.
CREATE PROCEDURE [test_Payments].[StageOrder]
    @WooOrderId  bigint,
    @Captured    char (1) = 'Y',
    @QueueId     bigint = NULL OUTPUT
AS
BEGIN
    DECLARE @Id nvarchar (20) = CONVERT(nvarchar (20), @WooOrderId);
    DECLARE @Address nvarchar (max) = N'"first_name":"Pat","last_name":"Payer","company":"","address_1":"1 Main St","address_2":"","city":"Memphis","state":"TN","postcode":"38103","country":"US","phone":"901-555-0100"';
    DECLARE @Json nvarchar (max) = N'{"id":' + @Id + N',"number":"' + @Id + N'","status":"processing","currency":"USD","prices_include_tax":false,'
        + N'"date_created_gmt":"2026-12-01T10:15:00","date_paid_gmt":' + CASE WHEN @Captured = 'Y' THEN N'"2026-12-01T10:16:00"' ELSE N'null' END + N','
        + N'"customer_id":77,"customer_note":"",'
        + N'"discount_total":"0.00","discount_tax":"0.00","shipping_total":"0.00","shipping_tax":"0.00","cart_tax":"0.00",'
        + N'"total":"100.00","total_tax":"0.00","payment_method":"stripe","payment_method_title":"Credit card (Stripe)","transaction_id":"ch_T15",'
        + N'"billing":{' + @Address + N',"email":"payer@example.com"},"shipping":{' + @Address + N'},'
        + N'"line_items":[{"id":1,"name":"Test item","product_id":101,"variation_id":0,"quantity":1,"tax_class":"","subtotal":"100.00",'
        + N'"subtotal_tax":"0.00","total":"100.00","total_tax":"0.00","taxes":[],"meta_data":[],"sku":"T15-A","price":100}],'
        + N'"tax_lines":[],"shipping_lines":[],"fee_lines":[],"coupon_lines":[],"refunds":[],"meta_data":[]}';
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source])
    VALUES ('T15Y', @WooOrderId, @Id, N'processing', '2026-12-01T10:15:00', HASHBYTES('SHA2_256', @Json), @Json, 'JSON');
    SET @QueueId = SCOPE_IDENTITY();
END;
