-- Helper of the class (not a test): a small WooCommerce order with the given id and billing e-mail, order meta _keep and
-- _ip (the shopper's IP address), line meta _keep and _gift_message.
CREATE FUNCTION [test_Privacy].[OrderJson] (@Id bigint, @Email nvarchar(100))
RETURNS nvarchar(max)
AS
BEGIN
    RETURN CONCAT(N'{"id":', @Id, N',"number":"', @Id, N'","status":"processing","currency":"USD","prices_include_tax":false,',
                  N'"date_created_gmt":"2026-12-01T08:00:00","date_modified_gmt":"2026-12-01T10:00:00","customer_id":0,',
                  N'"discount_total":"0.00","discount_tax":"0.00","shipping_total":"0.00","shipping_tax":"0.00","cart_tax":"0.00",',
                  N'"total":"10.00","total_tax":"0.00","billing":{"first_name":"Ann","last_name":"Lee","email":"', @Email, N'"},',
                  N'"shipping":{"first_name":"Ann","last_name":"Lee"},"payment_method":"stripe",',
                  N'"line_items":[{"id":1,"name":"Pen","product_id":5,"variation_id":0,"quantity":1,"sku":"PEN","subtotal":"10.00",',
                  N'"subtotal_tax":"0.00","total":"10.00","total_tax":"0.00","price":10,"taxes":[],',
                  N'"meta_data":[{"id":11,"key":"_gift_message","value":"for Ann"},{"id":12,"key":"_keep","value":"L"}]}],',
                  N'"tax_lines":[],"shipping_lines":[],"fee_lines":[],"coupon_lines":[],"refunds":[],',
                  N'"meta_data":[{"id":21,"key":"_ip","value":"192.0.2.7"},{"id":22,"key":"_keep","value":"O"}]}');
END;
