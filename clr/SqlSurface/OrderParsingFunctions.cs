using System;
using System.Collections;
using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.Woo.Orders;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// wooclr.Order*(@OrderJson): one WooCommerce order's JSON text as rows. Column names are WooCommerce's field names;
    /// money is decimal(19,4) parsed exactly from WooCommerce's strings, dates are the *_gmt fields as datetime2 (UTC).
    /// A NULL @OrderJson gives no rows. Malformed JSON or a field of the wrong form raises an error naming the field and
    /// the character position; call wooclr.OrderJsonCheck first (it never raises) to park such an order instead.
    /// </summary>
    public static class OrderParsingFunctions
    {
        private const string Money = "decimal(19,4)";

        // ---------------------------------------------------------------- OrderJsonCheck

        /// <summary>wooclr.OrderJsonCheck(@OrderJson): one row (is_valid, error, error_position). Never raises an error.</summary>
        [SqlFunction(Name = "OrderJsonCheck", FillRowMethodName = nameof(FillCheckRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "is_valid bit, error nvarchar(4000), error_position int")]
        public static IEnumerable OrderJsonCheck([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            JsonCheckResult result;
            try
            {
                result = WooOrderReader.Check(OrderJson.IsNull ? null : OrderJson.Value);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // A bug, not bad input (WooOrderReader.Check turns every input problem into a result): still a row.
                result = JsonCheckResult.Invalid("internal error in the order parser (" + ex.GetType().Name + "): " + ex.Message, -1);
            }
            return new object[] { result };
        }

        public static void FillCheckRow(object row, out SqlBoolean is_valid, out SqlString error, out SqlInt32 error_position)
        {
            var r = (JsonCheckResult)row;
            is_valid = new SqlBoolean(r.IsValid);
            string message = r.Message;
            error = message == null ? SqlString.Null : new SqlString(message.Length > 4000 ? message.Substring(0, 4000) : message);
            error_position = r.IsValid || r.Offset < 0 ? SqlInt32.Null : new SqlInt32(r.Offset + 1);
        }

        // ---------------------------------------------------------------- OrderHeader

        /// <summary>wooclr.OrderHeader(@OrderJson): one row with the order's scalar fields, billing_* and shipping_*.</summary>
        [SqlFunction(Name = "OrderHeader", FillRowMethodName = nameof(FillHeaderRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition =
                "id bigint, parent_id bigint, number nvarchar(100), order_key nvarchar(100), created_via nvarchar(100), " +
                "version nvarchar(100), status nvarchar(100), currency nvarchar(100), prices_include_tax bit, " +
                "date_created_gmt datetime2, date_modified_gmt datetime2, date_paid_gmt datetime2, date_completed_gmt datetime2, " +
                "customer_id bigint, customer_note nvarchar(max), payment_method nvarchar(100), payment_method_title nvarchar(400), " +
                "transaction_id nvarchar(400), discount_total " + Money + ", discount_tax " + Money + ", shipping_total " + Money + ", " +
                "shipping_tax " + Money + ", cart_tax " + Money + ", total " + Money + ", total_tax " + Money + ", " +
                "billing_first_name nvarchar(400), billing_last_name nvarchar(400), billing_company nvarchar(400), " +
                "billing_address_1 nvarchar(400), billing_address_2 nvarchar(400), billing_city nvarchar(400), billing_state nvarchar(100), " +
                "billing_postcode nvarchar(100), billing_country nvarchar(100), billing_email nvarchar(400), billing_phone nvarchar(100), " +
                "shipping_first_name nvarchar(400), shipping_last_name nvarchar(400), shipping_company nvarchar(400), " +
                "shipping_address_1 nvarchar(400), shipping_address_2 nvarchar(400), shipping_city nvarchar(400), shipping_state nvarchar(100), " +
                "shipping_postcode nvarchar(100), shipping_country nvarchar(100), shipping_phone nvarchar(100)")]
        public static IEnumerable OrderHeader([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new object[] { new WooOrderReader(OrderJson.Value).ReadHeader() };
        }

        public static void FillHeaderRow(object row,
            out SqlInt64 id, out SqlInt64 parent_id, out SqlString number, out SqlString order_key, out SqlString created_via,
            out SqlString version, out SqlString status, out SqlString currency, out SqlBoolean prices_include_tax,
            out DateTime? date_created_gmt, out DateTime? date_modified_gmt, out DateTime? date_paid_gmt, out DateTime? date_completed_gmt,
            out SqlInt64 customer_id, out SqlString customer_note, out SqlString payment_method, out SqlString payment_method_title,
            out SqlString transaction_id, out SqlDecimal discount_total, out SqlDecimal discount_tax, out SqlDecimal shipping_total,
            out SqlDecimal shipping_tax, out SqlDecimal cart_tax, out SqlDecimal total, out SqlDecimal total_tax,
            out SqlString billing_first_name, out SqlString billing_last_name, out SqlString billing_company,
            out SqlString billing_address_1, out SqlString billing_address_2, out SqlString billing_city, out SqlString billing_state,
            out SqlString billing_postcode, out SqlString billing_country, out SqlString billing_email, out SqlString billing_phone,
            out SqlString shipping_first_name, out SqlString shipping_last_name, out SqlString shipping_company,
            out SqlString shipping_address_1, out SqlString shipping_address_2, out SqlString shipping_city, out SqlString shipping_state,
            out SqlString shipping_postcode, out SqlString shipping_country, out SqlString shipping_phone)
        {
            var h = (WooOrderHeader)row;
            id = SqlValues.Int64(h.Id);
            parent_id = SqlValues.Int64(h.ParentId);
            number = SqlValues.String(h.Number);
            order_key = SqlValues.String(h.OrderKey);
            created_via = SqlValues.String(h.CreatedVia);
            version = SqlValues.String(h.Version);
            status = SqlValues.String(h.Status);
            currency = SqlValues.String(h.Currency);
            prices_include_tax = SqlValues.Boolean(h.PricesIncludeTax);
            date_created_gmt = h.DateCreatedGmt;
            date_modified_gmt = h.DateModifiedGmt;
            date_paid_gmt = h.DatePaidGmt;
            date_completed_gmt = h.DateCompletedGmt;
            customer_id = SqlValues.Int64(h.CustomerId);
            customer_note = SqlValues.String(h.CustomerNote);
            payment_method = SqlValues.String(h.PaymentMethod);
            payment_method_title = SqlValues.String(h.PaymentMethodTitle);
            transaction_id = SqlValues.String(h.TransactionId);
            discount_total = SqlValues.Money(h.DiscountTotal);
            discount_tax = SqlValues.Money(h.DiscountTax);
            shipping_total = SqlValues.Money(h.ShippingTotal);
            shipping_tax = SqlValues.Money(h.ShippingTax);
            cart_tax = SqlValues.Money(h.CartTax);
            total = SqlValues.Money(h.Total);
            total_tax = SqlValues.Money(h.TotalTax);
            WooAddress b = h.Billing;
            billing_first_name = SqlValues.String(b.FirstName);
            billing_last_name = SqlValues.String(b.LastName);
            billing_company = SqlValues.String(b.Company);
            billing_address_1 = SqlValues.String(b.Address1);
            billing_address_2 = SqlValues.String(b.Address2);
            billing_city = SqlValues.String(b.City);
            billing_state = SqlValues.String(b.State);
            billing_postcode = SqlValues.String(b.Postcode);
            billing_country = SqlValues.String(b.Country);
            billing_email = SqlValues.String(b.Email);
            billing_phone = SqlValues.String(b.Phone);
            WooAddress s = h.Shipping;
            shipping_first_name = SqlValues.String(s.FirstName);
            shipping_last_name = SqlValues.String(s.LastName);
            shipping_company = SqlValues.String(s.Company);
            shipping_address_1 = SqlValues.String(s.Address1);
            shipping_address_2 = SqlValues.String(s.Address2);
            shipping_city = SqlValues.String(s.City);
            shipping_state = SqlValues.String(s.State);
            shipping_postcode = SqlValues.String(s.Postcode);
            shipping_country = SqlValues.String(s.Country);
            shipping_phone = SqlValues.String(s.Phone);
        }

        // ---------------------------------------------------------------- OrderLines

        /// <summary>wooclr.OrderLines(@OrderJson): one row per line_items element. price is WooCommerce's unrounded float as text, for reference only.</summary>
        [SqlFunction(Name = "OrderLines", FillRowMethodName = nameof(FillLineRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition =
                "order_id bigint, line_no int, id bigint, product_id bigint, variation_id bigint, sku nvarchar(100), name nvarchar(400), " +
                "quantity " + Money + ", subtotal " + Money + ", subtotal_tax " + Money + ", total " + Money + ", total_tax " + Money + ", " +
                "tax_class nvarchar(100), price nvarchar(100)")]
        public static IEnumerable OrderLines([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadLineItems();
        }

        public static void FillLineRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlInt64 product_id,
            out SqlInt64 variation_id, out SqlString sku, out SqlString name, out SqlDecimal quantity, out SqlDecimal subtotal,
            out SqlDecimal subtotal_tax, out SqlDecimal total, out SqlDecimal total_tax, out SqlString tax_class, out SqlString price)
        {
            var r = (WooLineItem)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            product_id = SqlValues.Int64(r.ProductId);
            variation_id = SqlValues.Int64(r.VariationId);
            sku = SqlValues.String(r.Sku);
            name = SqlValues.String(r.Name);
            quantity = SqlValues.Money(r.Quantity);
            subtotal = SqlValues.Money(r.Subtotal);
            subtotal_tax = SqlValues.Money(r.SubtotalTax);
            total = SqlValues.Money(r.Total);
            total_tax = SqlValues.Money(r.TotalTax);
            tax_class = SqlValues.String(r.TaxClass);
            price = SqlValues.String(r.Price);
        }

        // ---------------------------------------------------------------- OrderShippingLines

        /// <summary>wooclr.OrderShippingLines(@OrderJson): one row per shipping_lines element.</summary>
        [SqlFunction(Name = "OrderShippingLines", FillRowMethodName = nameof(FillShippingRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition =
                "order_id bigint, line_no int, id bigint, method_id nvarchar(100), method_title nvarchar(400), instance_id bigint, " +
                "total " + Money + ", total_tax " + Money)]
        public static IEnumerable OrderShippingLines([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadShippingLines();
        }

        public static void FillShippingRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString method_id,
            out SqlString method_title, out SqlInt64 instance_id, out SqlDecimal total, out SqlDecimal total_tax)
        {
            var r = (WooShippingLine)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            method_id = SqlValues.String(r.MethodId);
            method_title = SqlValues.String(r.MethodTitle);
            instance_id = SqlValues.Int64(r.InstanceId);
            total = SqlValues.Money(r.Total);
            total_tax = SqlValues.Money(r.TotalTax);
        }

        // ---------------------------------------------------------------- OrderFeeLines

        /// <summary>wooclr.OrderFeeLines(@OrderJson): one row per fee_lines element (total may be negative).</summary>
        [SqlFunction(Name = "OrderFeeLines", FillRowMethodName = nameof(FillFeeRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition =
                "order_id bigint, line_no int, id bigint, name nvarchar(400), tax_class nvarchar(100), tax_status nvarchar(100), " +
                "total " + Money + ", total_tax " + Money)]
        public static IEnumerable OrderFeeLines([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadFeeLines();
        }

        public static void FillFeeRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString name,
            out SqlString tax_class, out SqlString tax_status, out SqlDecimal total, out SqlDecimal total_tax)
        {
            var r = (WooFeeLine)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            name = SqlValues.String(r.Name);
            tax_class = SqlValues.String(r.TaxClass);
            tax_status = SqlValues.String(r.TaxStatus);
            total = SqlValues.Money(r.Total);
            total_tax = SqlValues.Money(r.TotalTax);
        }

        // ---------------------------------------------------------------- OrderCouponLines

        /// <summary>wooclr.OrderCouponLines(@OrderJson): one row per coupon_lines element.</summary>
        [SqlFunction(Name = "OrderCouponLines", FillRowMethodName = nameof(FillCouponRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "order_id bigint, line_no int, id bigint, code nvarchar(400), discount " + Money + ", discount_tax " + Money)]
        public static IEnumerable OrderCouponLines([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadCouponLines();
        }

        public static void FillCouponRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString code,
            out SqlDecimal discount, out SqlDecimal discount_tax)
        {
            var r = (WooCouponLine)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            code = SqlValues.String(r.Code);
            discount = SqlValues.Money(r.Discount);
            discount_tax = SqlValues.Money(r.DiscountTax);
        }

        // ---------------------------------------------------------------- OrderTaxLines

        /// <summary>wooclr.OrderTaxLines(@OrderJson): one row per tax_lines element.</summary>
        [SqlFunction(Name = "OrderTaxLines", FillRowMethodName = nameof(FillTaxRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition =
                "order_id bigint, line_no int, id bigint, rate_code nvarchar(400), rate_id bigint, label nvarchar(400), compound bit, " +
                "tax_total " + Money + ", shipping_tax_total " + Money + ", rate_percent " + Money)]
        public static IEnumerable OrderTaxLines([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadTaxLines();
        }

        public static void FillTaxRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString rate_code,
            out SqlInt64 rate_id, out SqlString label, out SqlBoolean compound, out SqlDecimal tax_total, out SqlDecimal shipping_tax_total,
            out SqlDecimal rate_percent)
        {
            var r = (WooTaxLine)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            rate_code = SqlValues.String(r.RateCode);
            rate_id = SqlValues.Int64(r.RateId);
            label = SqlValues.String(r.Label);
            compound = SqlValues.Boolean(r.Compound);
            tax_total = SqlValues.Money(r.TaxTotal);
            shipping_tax_total = SqlValues.Money(r.ShippingTaxTotal);
            rate_percent = SqlValues.Money(r.RatePercent);
        }

        // ---------------------------------------------------------------- OrderRefunds

        /// <summary>wooclr.OrderRefunds(@OrderJson): one row per refunds element (total is negative).</summary>
        [SqlFunction(Name = "OrderRefunds", FillRowMethodName = nameof(FillRefundRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "order_id bigint, line_no int, id bigint, reason nvarchar(max), total " + Money)]
        public static IEnumerable OrderRefunds([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadRefunds();
        }

        public static void FillRefundRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString reason,
            out SqlDecimal total)
        {
            var r = (WooRefund)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            reason = SqlValues.String(r.Reason);
            total = SqlValues.Money(r.Total);
        }

        // ---------------------------------------------------------------- OrderMeta

        /// <summary>wooclr.OrderMeta(@OrderJson): one row per order-level meta_data element; value as text (objects and arrays as their exact JSON).</summary>
        [SqlFunction(Name = "OrderMeta", FillRowMethodName = nameof(FillMetaRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "order_id bigint, line_no int, id bigint, [key] nvarchar(400), value nvarchar(max)")]
        public static IEnumerable OrderMeta([SqlFacet(MaxSize = -1)] SqlString OrderJson)
        {
            if (OrderJson.IsNull) return new object[0];
            return new WooOrderReader(OrderJson.Value).ReadMeta();
        }

        public static void FillMetaRow(object row, out SqlInt64 order_id, out SqlInt32 line_no, out SqlInt64 id, out SqlString key,
            out SqlString value)
        {
            var r = (WooMetaEntry)row;
            order_id = SqlValues.Int64(r.OrderId);
            line_no = new SqlInt32(r.LineNo);
            id = SqlValues.Int64(r.Id);
            key = SqlValues.String(r.Key);
            value = SqlValues.String(r.Value);
        }
    }

    /// <summary>CLR values to SqlTypes for FillRow methods (null to SQL NULL).</summary>
    internal static class SqlValues
    {
        public static SqlString String(string value)
        {
            return value == null ? SqlString.Null : new SqlString(value);
        }

        public static SqlInt64 Int64(long? value)
        {
            return value.HasValue ? new SqlInt64(value.Value) : SqlInt64.Null;
        }

        public static SqlBoolean Boolean(bool? value)
        {
            return value.HasValue ? new SqlBoolean(value.Value) : SqlBoolean.Null;
        }

        /// <summary>decimal(19,4): the value is already exact at 4 decimals or fewer (Money refuses anything else).</summary>
        public static SqlDecimal Money(decimal? value)
        {
            return value.HasValue ? SqlDecimal.ConvertToPrecScale(new SqlDecimal(value.Value), 19, 4) : SqlDecimal.Null;
        }
    }
}
