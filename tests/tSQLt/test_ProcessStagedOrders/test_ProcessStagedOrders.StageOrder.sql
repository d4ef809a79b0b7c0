-- Helper (not a test): stages one WooCommerce order of store T13P (the shape WooCommerce REST v3 returns; one line,
-- no tax, no shipping) straight into woo.OrderQueue as PENDING. @CustomerId 0 = a guest. A coupon spreads
-- @Subtotal - @Total over the line, as WooCommerce does.
CREATE PROCEDURE [test_ProcessStagedOrders].[StageOrder]
    @WooOrderId  bigint,
    @CustomerId  bigint = 77,
    @Email       nvarchar (100) = N'mapped@example.com',
    @Sku         nvarchar (40) = N'T13-A',
    @Subtotal    varchar (20) = '100.00',
    @Total       varchar (20) = '100.00',
    @CouponCode  nvarchar (40) = NULL,
    @QueueId     bigint = NULL OUTPUT
AS
BEGIN
    DECLARE @Discount varchar (20) = CONVERT(varchar (20), CONVERT(decimal (15, 2), @Subtotal) - CONVERT(decimal (15, 2), @Total));
    DECLARE @Id nvarchar (20) = CONVERT(nvarchar (20), @WooOrderId);
    DECLARE @Address nvarchar (max) = N'"first_name":"Gina","last_name":"Guest","company":"","address_1":"1 Main St","address_2":"","city":"Memphis","state":"TN","postcode":"38103","country":"US","phone":"901-555-0100"';
    DECLARE @Json nvarchar (max) = N'{"id":' + @Id + N',"number":"' + @Id + N'","status":"processing","currency":"USD","prices_include_tax":false,'
        + N'"date_created_gmt":"2026-12-01T10:15:00","customer_id":' + CONVERT(nvarchar (20), @CustomerId) + N',"customer_note":"",'
        + N'"discount_total":"' + @Discount + N'","discount_tax":"0.00","shipping_total":"0.00","shipping_tax":"0.00","cart_tax":"0.00",'
        + N'"total":"' + @Total + N'","total_tax":"0.00","payment_method":"cod","payment_method_title":"Cash on delivery","transaction_id":"",'
        + N'"billing":{' + @Address + N',"email":"' + @Email + N'"},"shipping":{' + @Address + N'},'
        + N'"line_items":[{"id":1,"name":"Test item","product_id":101,"variation_id":0,"quantity":1,"tax_class":"","subtotal":"' + @Subtotal
        + N'","subtotal_tax":"0.00","total":"' + @Total + N'","total_tax":"0.00","taxes":[],"meta_data":[],"sku":"' + @Sku + N'","price":' + @Total + N'}],'
        + N'"tax_lines":[],"shipping_lines":[],"fee_lines":[],"coupon_lines":'
        + CASE WHEN @CouponCode IS NULL THEN N'[]' ELSE N'[{"id":1,"code":"' + @CouponCode + N'","discount":"' + @Discount + N'","discount_tax":"0.00"}]' END
        + N',"refunds":[],"meta_data":[]}';
    INSERT INTO woo.OrderQueue (StoreId, WooOrderId, WooOrderNumber, WooStatus, DateModifiedGmt, ContentHash, OrderJson, [Source])
    VALUES ('T13P', @WooOrderId, @Id, N'processing', '2026-12-01T10:15:00', HASHBYTES('SHA2_256', @Json), @Json, 'JSON');
    SET @QueueId = SCOPE_IDENTITY();
END;
