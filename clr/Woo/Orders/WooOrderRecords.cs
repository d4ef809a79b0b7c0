using System;

namespace CpOrders.WooClr.Woo.Orders
{
    /// <summary>
    /// Column sizes of the wooclr order functions. Text longer than its column is an error (the order is parked with
    /// the field's name), never truncated.
    /// </summary>
    public static class WooOrderColumns
    {
        /// <summary>Codes and keys: status, currency, sku, postcode, phone, payment_method, ...: nvarchar(100).</summary>
        public const int Code = 100;

        /// <summary>Names and addresses, titles, labels, e-mail, meta keys: nvarchar(400).</summary>
        public const int Text = 400;

        /// <summary>customer_note, refund reason, meta values: nvarchar(max).</summary>
        public const int Unlimited = 0;
    }

    /// <summary>An order's header: the scalar fields, billing_* and shipping_* (WooCommerce REST v3 names).</summary>
    public sealed class WooOrderHeader
    {
        public long? Id;
        public long? ParentId;
        public string Number;
        public string OrderKey;
        public string CreatedVia;
        public string Version;
        public string Status;
        public string Currency;
        public bool? PricesIncludeTax;
        public DateTime? DateCreatedGmt;
        public DateTime? DateModifiedGmt;
        public DateTime? DatePaidGmt;
        public DateTime? DateCompletedGmt;
        public long? CustomerId;
        public string CustomerNote;
        public string PaymentMethod;
        public string PaymentMethodTitle;
        public string TransactionId;
        public decimal? DiscountTotal;
        public decimal? DiscountTax;
        public decimal? ShippingTotal;
        public decimal? ShippingTax;
        public decimal? CartTax;
        public decimal? Total;
        public decimal? TotalTax;
        public WooAddress Billing = new WooAddress();
        public WooAddress Shipping = new WooAddress();
    }

    /// <summary>billing or shipping. Shipping has no email in WooCommerce (it stays null).</summary>
    public sealed class WooAddress
    {
        public string FirstName;
        public string LastName;
        public string Company;
        public string Address1;
        public string Address2;
        public string City;
        public string State;
        public string Postcode;
        public string Country;
        public string Email;
        public string Phone;
    }

    /// <summary>Common to every line of an order: the order's id and the 1-based position in its array.</summary>
    public abstract class WooOrderLine
    {
        public long? OrderId;
        public int LineNo;
        public long? Id;
    }

    /// <summary>line_items[]. Price is the exact source text of WooCommerce's unrounded float: for reference only (design 10).</summary>
    public sealed class WooLineItem : WooOrderLine
    {
        public long? ProductId;
        public long? VariationId;
        public string Sku;
        public string Name;
        public decimal? Quantity;
        public decimal? Subtotal;
        public decimal? SubtotalTax;
        public decimal? Total;
        public decimal? TotalTax;
        public string TaxClass;
        public string Price;
    }

    /// <summary>shipping_lines[].</summary>
    public sealed class WooShippingLine : WooOrderLine
    {
        public string MethodId;
        public string MethodTitle;
        public long? InstanceId;
        public decimal? Total;
        public decimal? TotalTax;
    }

    /// <summary>fee_lines[]; total may be negative (a discount fee).</summary>
    public sealed class WooFeeLine : WooOrderLine
    {
        public string Name;
        public string TaxClass;
        public string TaxStatus;
        public decimal? Total;
        public decimal? TotalTax;
    }

    /// <summary>coupon_lines[].</summary>
    public sealed class WooCouponLine : WooOrderLine
    {
        public string Code;
        public decimal? Discount;
        public decimal? DiscountTax;
    }

    /// <summary>tax_lines[].</summary>
    public sealed class WooTaxLine : WooOrderLine
    {
        public string RateCode;
        public long? RateId;
        public string Label;
        public bool? Compound;
        public decimal? TaxTotal;
        public decimal? ShippingTaxTotal;
        public decimal? RatePercent;
    }

    /// <summary>refunds[] as the order lists them; total is negative ("-10.00").</summary>
    public sealed class WooRefund : WooOrderLine
    {
        public string Reason;
        public decimal? Total;
    }

    /// <summary>The order's meta_data[]: value as text (strings unescaped, numbers and booleans as JSON text, objects and arrays as their exact JSON).</summary>
    public sealed class WooMetaEntry : WooOrderLine
    {
        public string Key;
        public string Value;
    }
}
