-- Helper of the class (not a test): a WooCommerce order without tax, shipping or fees, whose one line totals @Total.
CREATE FUNCTION [test_Reconcile].[OrderJson] (@Id bigint, @Status nvarchar(40), @Total nvarchar(20), @CreatedGmt nvarchar(30), @ModifiedGmt nvarchar(30))
RETURNS nvarchar(max)
AS
BEGIN
    RETURN CONCAT(N'{"id":', @Id, N',"number":"', @Id, N'","status":"', @Status, N'","currency":"USD","prices_include_tax":false,',
                  N'"date_created_gmt":"', @CreatedGmt, N'","date_modified_gmt":"', @ModifiedGmt, N'","date_paid_gmt":"', @CreatedGmt, N'","customer_id":0,',
                  N'"discount_total":"0.00","discount_tax":"0.00","shipping_total":"0.00","shipping_tax":"0.00","cart_tax":"0.00",',
                  N'"total":"', @Total, N'","total_tax":"0.00","billing":{"first_name":"Ann","last_name":"Lee","email":"ann@example.com"},',
                  N'"shipping":{"first_name":"Ann","last_name":"Lee"},"payment_method":"stripe",',
                  N'"line_items":[{"id":1,"name":"Pen","product_id":5,"variation_id":0,"quantity":1,"sku":"PEN","subtotal":"', @Total,
                  N'","subtotal_tax":"0.00","total":"', @Total, N'","total_tax":"0.00","price":', @Total, N',"taxes":[],"meta_data":[]}],',
                  N'"tax_lines":[],"shipping_lines":[],"fee_lines":[],"coupon_lines":[],"refunds":[],"meta_data":[]}');
END;
