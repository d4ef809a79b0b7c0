-- What the queue compares between two contents of one WooCommerce order (woo.usp_UpsertOrders): status, modification
-- time, the totals, the line items, the refunds, the addresses and the customer note, read by the CLR's parsers (pure,
-- no HTTP, fine inside a transaction). Give it only text that wooclr.OrderJsonCheck accepted (NULL gives no row).
CREATE FUNCTION [woo].[fn_OrderSummary] (@OrderJson nvarchar (max))
RETURNS TABLE
AS
RETURN
SELECT h.id AS WooOrderId, h.number AS WooOrderNumber, h.status AS WooStatus, h.date_modified_gmt AS DateModifiedGmt, h.date_created_gmt AS DateCreatedGmt, h.currency AS Currency,
       h.total AS Total, h.total_tax AS TotalTax, h.shipping_total AS ShippingTotal, h.discount_total AS DiscountTotal,
       l.LineCount, lh.LinesHash, r.RefundCount, r.RefundTotal,
       HASHBYTES('SHA2_256', CONCAT(h.billing_first_name, N'|', h.billing_last_name, N'|', h.billing_company, N'|', h.billing_address_1, N'|',
                                    h.billing_address_2, N'|', h.billing_city, N'|', h.billing_state, N'|', h.billing_postcode, N'|',
                                    h.billing_country, N'|', h.billing_email, N'|', h.billing_phone, N'|', h.shipping_first_name, N'|',
                                    h.shipping_last_name, N'|', h.shipping_company, N'|', h.shipping_address_1, N'|', h.shipping_address_2, N'|',
                                    h.shipping_city, N'|', h.shipping_state, N'|', h.shipping_postcode, N'|', h.shipping_country, N'|',
                                    h.shipping_phone)) AS AddressHash,
       HASHBYTES('SHA2_256', ISNULL(h.customer_note, N'')) AS NoteHash
FROM wooclr.OrderHeader(@OrderJson) AS h
CROSS APPLY (SELECT COUNT(*) AS LineCount FROM wooclr.OrderLines(@OrderJson) AS i) AS l
CROSS APPLY (SELECT HASHBYTES('SHA2_256', ISNULL((SELECT x.sku, x.product_id, x.variation_id, x.quantity, x.subtotal, x.total, x.total_tax
                                                  FROM wooclr.OrderLines(@OrderJson) AS x ORDER BY x.line_no FOR JSON PATH), N'')) AS LinesHash) AS lh
CROSS APPLY (SELECT COUNT(*) AS RefundCount, ISNULL(SUM(f.total), 0) AS RefundTotal
             FROM wooclr.OrderRefunds(@OrderJson) AS f) AS r;
