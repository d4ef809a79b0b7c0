-- Helper of the class (not a test): a small WooCommerce order object with the given id, status, total and modification time.
CREATE FUNCTION [test_PullOrders].[OrderJson] (@Id bigint, @Status nvarchar(40), @Total nvarchar(20), @ModifiedGmt nvarchar(30))
RETURNS nvarchar(max)
AS
BEGIN
    RETURN CONCAT(N'{"id":', @Id, N',"number":"', @Id, N'","status":"', @Status, N'","currency":"USD","prices_include_tax":false,',
                  N'"date_created_gmt":"2026-12-01T08:00:00","date_modified_gmt":"', @ModifiedGmt, N'","customer_id":0,',
                  N'"discount_total":"0.00","discount_tax":"0.00","shipping_total":"0.00","shipping_tax":"0.00","cart_tax":"0.00",',
                  N'"total":"', @Total, N'","total_tax":"0.00","billing":{"first_name":"Ann","last_name":"Lee","email":"ann@example.com"},',
                  N'"shipping":{"first_name":"Ann","last_name":"Lee"},"payment_method":"stripe",',
                  N'"line_items":[{"id":1,"name":"Pen","product_id":5,"variation_id":0,"quantity":1,"sku":"PEN","subtotal":"', @Total,
                  N'","subtotal_tax":"0.00","total":"', @Total, N'","total_tax":"0.00","price":', @Total, N',"taxes":[],"meta_data":[]}],',
                  N'"tax_lines":[],"shipping_lines":[],"fee_lines":[],"coupon_lines":[],"refunds":[],"meta_data":[]}');
END;
