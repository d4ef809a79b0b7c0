namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>One reason the order cannot be written: a stable code, a sentence a DBA can act on, the line (1-based) if any.</summary>
    public sealed class PlanProblem
    {
        public PlanProblem(string code, string message, int? line)
        {
            Code = code;
            Message = message;
            Line = line;
        }

        public string Code { get; private set; }

        public string Message { get; private set; }

        public int? Line { get; private set; }

        public override string ToString()
        {
            return Code + (Line.HasValue ? " (line " + Line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : "") + ": " + Message;
        }
    }

    /// <summary>The problem codes (PlanContract.md section 3).</summary>
    public static class PlanCodes
    {
        public const string Input = "CPO-INPUT";
        public const string Order = "CPO-ORDER";
        public const string Currency = "CPO-CURRENCY";
        public const string OrderRefunded = "CPO-ORDER-REFUNDED";
        public const string NoLines = "CPO-NO-LINES";
        public const string Sku = "CPO-SKU";
        public const string ItemUnknown = "CPO-ITEM-UNKNOWN";
        public const string ItemType = "CPO-ITEM-TYPE";
        public const string ItemGridded = "CPO-ITEM-GRIDDED";
        public const string ItemSerialized = "CPO-ITEM-SERIALIZED";
        public const string Unit = "CPO-UNIT";
        public const string Qty = "CPO-QTY";
        public const string LineAmount = "CPO-LINE-AMOUNT";
        public const string DiscId = "CPO-DISC-ID";
        public const string ShipVia = "CPO-SHIP-VIA";
        public const string MiscCharge = "CPO-MISC-CHARGE";
        public const string Fee = "CPO-FEE";
        public const string TaxUnmapped = "CPO-TAX-UNMAPPED";
        public const string TaxStrategy = "CPO-TAX-STRATEGY";
        public const string TaxRate = "CPO-TAX-RATE";
        public const string TaxMismatch = "CPO-TAX-MISMATCH";
        public const string TotalMismatch = "CPO-TOTAL-MISMATCH";
        public const string Customer = "CPO-CUSTOMER";
        public const string TextCharset = "CPO-TEXT-CHARSET";
        public const string TextTooLong = "CPO-TEXT-TOO-LONG";
        public const string Numbers = "CPO-NUMBERS";
        public const string PayMode = "CPO-PAY-MODE";
        public const string PayCode = "CPO-PAY-CODE";
        public const string DrawerClosed = "CPO-DRAWER-CLOSED";
        public const string Internal = "CPO-INTERNAL";
    }
}
