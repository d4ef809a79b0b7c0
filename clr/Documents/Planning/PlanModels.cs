using System.Collections.Generic;
using CpOrders.WooClr.Woo.Orders;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>A WooCommerce tax amount of one rate on one line, shipping line or fee (the line's "taxes" array).</summary>
    internal sealed class RateAmount
    {
        public long RateId;
        public decimal Total;
        // Tax before coupons (line items only): a line a 100 % coupon made free still names the rates that tax it here.
        public decimal Subtotal;
    }

    /// <summary>One planned document line and what it was derived from.</summary>
    internal sealed class LinePlan
    {
        public int Seq;
        public WooLineItem Woo;
        public List<RateAmount> Taxes = new List<RateAmount>();
        public string ItemNo;
        public char SellUnit = '0';
        public PlanInputRow Item;
        public PlanInputRow Inv;
        public PlanInputRow Prc;
        public string ItemTyp;
        public string QtyUnit;
        public decimal Qty;
        public decimal Numer = 1m;
        public decimal Denom = 1m;
        public decimal Gross;
        public decimal Net;
        public decimal Disc;
        // Unit price (4 dp) and EXT_PRC = ROUND(Qty × UnitPrc, 2) (CDM 6); when no 4-dp price gives the shop's subtotal exactly,
        // UnitPrc is the 4-dp ceiling and the excess Ext − Gross is an extra line discount (RoundDisc), so TOT is unchanged.
        public decimal UnitPrc;
        public decimal Ext;
        public decimal RoundDisc;
        public decimal TaxAlloc;
        public bool Taxable;
        public decimal StockQty;
        public bool Ok = true;
        public bool AmountOk;
    }

    /// <summary>A misc charge row being planned.</summary>
    internal sealed class MiscPlan
    {
        public int No;
        public string Typ;
        public decimal Amount;
        public decimal TaxAlloc;
        public List<RateAmount> Taxes = new List<RateAmount>();
    }

    /// <summary>One Counterpoint tax authority/rule of the document.</summary>
    internal sealed class AuthPlan
    {
        public string AuthCod;
        public string RulCod;
        public decimal? RatePercent;
        public decimal TaxAmt;
        public decimal TaxExact;
        public List<LinePlan> Lines = new List<LinePlan>();
        public List<MiscPlan> Miscs = new List<MiscPlan>();
    }

    internal sealed class TaxMapEntry
    {
        public long RateId;
        public string AuthCod;
        public string RulCod;
        public decimal? RatePercent;
    }
}
