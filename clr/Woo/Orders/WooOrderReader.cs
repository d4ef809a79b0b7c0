using System.Collections.Generic;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Orders
{
    /// <summary>
    /// Reads one WooCommerce REST v3 order object (the JSON text of GET /orders/{id}, or one element of a page) into typed
    /// records. The text is read once (a <see cref="JsonDocument"/>); each Read method then walks its part. Missing fields
    /// are null, unknown fields are ignored; malformed JSON or a field of the wrong form throws
    /// <see cref="JsonParseException"/> with the field and its position.
    /// </summary>
    public sealed class WooOrderReader
    {
        private const int Code = WooOrderColumns.Code;
        private const int Text = WooOrderColumns.Text;
        private const int Max = WooOrderColumns.Unlimited;

        private readonly JsonElement _order;
        private readonly long? _orderId;

        public WooOrderReader(string orderJson)
            : this(JsonDocument.Parse(orderJson).Root)
        {
        }

        /// <summary>Reads an order that is already part of a document (e.g. one element of a page).</summary>
        public WooOrderReader(JsonElement order)
        {
            if (order.Kind != JsonValueKind.Object)
            {
                throw new JsonParseException("an order must be a JSON object, found " + JsonElement.Describe(order.Kind), order.Offset < 0 ? 0 : order.Offset);
            }
            _order = order;
            _orderId = WooFields.Id(order, "id", new FieldScope(null, 0));
        }

        public JsonElement Order
        {
            get { return _order; }
        }

        public long? OrderId
        {
            get { return _orderId; }
        }

        /// <summary>
        /// What wooclr.OrderJsonCheck answers: whether the text is one well-formed JSON object whose every part this reader
        /// reads (so none of the wooclr.Order* functions can fail on it). Never throws for bad input.
        /// </summary>
        public static JsonCheckResult Check(string orderJson)
        {
            if (orderJson == null) return JsonCheckResult.Invalid("the order JSON is NULL", -1);
            JsonDocument document;
            JsonCheckResult syntax;
            if (!JsonDocument.TryParse(orderJson, out document, out syntax)) return syntax;
            try
            {
                new WooOrderReader(document.Root).ReadAll();
            }
            catch (JsonParseException ex)
            {
                return JsonCheckResult.Invalid(ex.Reason, ex.Offset);
            }
            return JsonCheckResult.Ok();
        }

        /// <summary>Reads every part, so that a later call of any Read method cannot fail (what wooclr.OrderJsonCheck proves).</summary>
        public void ReadAll()
        {
            ReadHeader();
            ReadLineItems();
            ReadShippingLines();
            ReadFeeLines();
            ReadCouponLines();
            ReadTaxLines();
            ReadRefunds();
            ReadMeta();
        }

        public WooOrderHeader ReadHeader()
        {
            JsonElement o = _order;
            var scope = new FieldScope(null, 0);
            var h = new WooOrderHeader();
            h.Id = _orderId;
            h.ParentId = WooFields.Id(o, "parent_id", scope);
            h.Number = WooFields.Text(o, "number", scope, Code);
            h.OrderKey = WooFields.Text(o, "order_key", scope, Code);
            h.CreatedVia = WooFields.Text(o, "created_via", scope, Code);
            h.Version = WooFields.Text(o, "version", scope, Code);
            h.Status = WooFields.Text(o, "status", scope, Code);
            h.Currency = WooFields.Text(o, "currency", scope, Code);
            h.PricesIncludeTax = WooFields.Boolean(o, "prices_include_tax", scope);
            h.DateCreatedGmt = WooFields.Date(o, "date_created_gmt", scope);
            h.DateModifiedGmt = WooFields.Date(o, "date_modified_gmt", scope);
            h.DatePaidGmt = WooFields.Date(o, "date_paid_gmt", scope);
            h.DateCompletedGmt = WooFields.Date(o, "date_completed_gmt", scope);
            h.CustomerId = WooFields.Id(o, "customer_id", scope);
            h.CustomerNote = WooFields.Text(o, "customer_note", scope, Max);
            h.PaymentMethod = WooFields.Text(o, "payment_method", scope, Code);
            h.PaymentMethodTitle = WooFields.Text(o, "payment_method_title", scope, Text);
            h.TransactionId = WooFields.Text(o, "transaction_id", scope, Text);
            h.DiscountTotal = WooFields.Amount(o, "discount_total", scope);
            h.DiscountTax = WooFields.Amount(o, "discount_tax", scope);
            h.ShippingTotal = WooFields.Amount(o, "shipping_total", scope);
            h.ShippingTax = WooFields.Amount(o, "shipping_tax", scope);
            h.CartTax = WooFields.Amount(o, "cart_tax", scope);
            h.Total = WooFields.Amount(o, "total", scope);
            h.TotalTax = WooFields.Amount(o, "total_tax", scope);
            ReadAddress(WooFields.Object(o, "billing", scope), "billing", true, h.Billing);
            ReadAddress(WooFields.Object(o, "shipping", scope), "shipping", false, h.Shipping);
            return h;
        }

        private static void ReadAddress(JsonElement a, string section, bool hasEmail, WooAddress target)
        {
            if (a.Kind != JsonValueKind.Object) return;
            var scope = new FieldScope(section, 0);
            target.FirstName = WooFields.Text(a, "first_name", scope, Text);
            target.LastName = WooFields.Text(a, "last_name", scope, Text);
            target.Company = WooFields.Text(a, "company", scope, Text);
            target.Address1 = WooFields.Text(a, "address_1", scope, Text);
            target.Address2 = WooFields.Text(a, "address_2", scope, Text);
            target.City = WooFields.Text(a, "city", scope, Text);
            target.State = WooFields.Text(a, "state", scope, Code);
            target.Postcode = WooFields.Text(a, "postcode", scope, Code);
            target.Country = WooFields.Text(a, "country", scope, Code);
            if (hasEmail) target.Email = WooFields.Text(a, "email", scope, Text);
            target.Phone = WooFields.Text(a, "phone", scope, Code);
        }

        public List<WooLineItem> ReadLineItems()
        {
            const string Section = "line_items";
            var rows = new List<WooLineItem>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooLineItem();
                var scope = Start(r, Section, e, rows.Count);
                r.ProductId = WooFields.Id(e, "product_id", scope);
                r.VariationId = WooFields.Id(e, "variation_id", scope);
                r.Sku = WooFields.Text(e, "sku", scope, Code);
                r.Name = WooFields.Text(e, "name", scope, Text);
                r.Quantity = WooFields.Decimal(e, "quantity", scope);
                r.Subtotal = WooFields.Amount(e, "subtotal", scope);
                r.SubtotalTax = WooFields.Amount(e, "subtotal_tax", scope);
                r.Total = WooFields.Amount(e, "total", scope);
                r.TotalTax = WooFields.Amount(e, "total_tax", scope);
                r.TaxClass = WooFields.Text(e, "tax_class", scope, Code);
                r.Price = WooFields.NumberText(e, "price", scope, Code);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooShippingLine> ReadShippingLines()
        {
            const string Section = "shipping_lines";
            var rows = new List<WooShippingLine>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooShippingLine();
                var scope = Start(r, Section, e, rows.Count);
                r.MethodId = WooFields.Text(e, "method_id", scope, Code);
                r.MethodTitle = WooFields.Text(e, "method_title", scope, Text);
                r.InstanceId = WooFields.Id(e, "instance_id", scope);
                r.Total = WooFields.Amount(e, "total", scope);
                r.TotalTax = WooFields.Amount(e, "total_tax", scope);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooFeeLine> ReadFeeLines()
        {
            const string Section = "fee_lines";
            var rows = new List<WooFeeLine>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooFeeLine();
                var scope = Start(r, Section, e, rows.Count);
                r.Name = WooFields.Text(e, "name", scope, Text);
                r.TaxClass = WooFields.Text(e, "tax_class", scope, Code);
                r.TaxStatus = WooFields.Text(e, "tax_status", scope, Code);
                r.Total = WooFields.Amount(e, "total", scope);
                r.TotalTax = WooFields.Amount(e, "total_tax", scope);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooCouponLine> ReadCouponLines()
        {
            const string Section = "coupon_lines";
            var rows = new List<WooCouponLine>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooCouponLine();
                var scope = Start(r, Section, e, rows.Count);
                r.Code = WooFields.Text(e, "code", scope, Text);
                r.Discount = WooFields.Amount(e, "discount", scope);
                r.DiscountTax = WooFields.Amount(e, "discount_tax", scope);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooTaxLine> ReadTaxLines()
        {
            const string Section = "tax_lines";
            var rows = new List<WooTaxLine>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooTaxLine();
                var scope = Start(r, Section, e, rows.Count);
                r.RateCode = WooFields.Text(e, "rate_code", scope, Text);
                r.RateId = WooFields.Id(e, "rate_id", scope);
                r.Label = WooFields.Text(e, "label", scope, Text);
                r.Compound = WooFields.Boolean(e, "compound", scope);
                r.TaxTotal = WooFields.Amount(e, "tax_total", scope);
                r.ShippingTaxTotal = WooFields.Amount(e, "shipping_tax_total", scope);
                r.RatePercent = WooFields.Decimal(e, "rate_percent", scope);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooRefund> ReadRefunds()
        {
            const string Section = "refunds";
            var rows = new List<WooRefund>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooRefund();
                var scope = Start(r, Section, e, rows.Count);
                r.Reason = WooFields.Text(e, "reason", scope, Max);
                r.Total = WooFields.Amount(e, "total", scope);
                rows.Add(r);
            }
            return rows;
        }

        public List<WooMetaEntry> ReadMeta()
        {
            const string Section = "meta_data";
            var rows = new List<WooMetaEntry>();
            JsonElement array = WooFields.ArrayOfObjects(_order, Section, new FieldScope(null, 0));
            if (array.Kind != JsonValueKind.Array) return rows;
            foreach (JsonElement e in array.EnumerateArray())
            {
                var r = new WooMetaEntry();
                var scope = Start(r, Section, e, rows.Count);
                r.Key = WooFields.Text(e, "key", scope, Text);
                r.Value = WooFields.ValueText(e.Property("value"));
                rows.Add(r);
            }
            return rows;
        }

        private FieldScope Start(WooOrderLine line, string section, JsonElement e, int countSoFar)
        {
            line.OrderId = _orderId;
            line.LineNo = countSoFar + 1;
            var scope = new FieldScope(section, line.LineNo);
            line.Id = WooFields.Id(e, "id", scope);
            return scope;
        }
    }
}
