using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Documents.Reconciliation
{
    /// <summary>The totals of a Counterpoint order document as CpOrders wrote them (PS_DOC_HDR_TOT, TOT_TYP 'O').</summary>
    public sealed class DocumentTotals
    {
        public decimal Tot;
        public decimal TaxAmt;
        public decimal TotMisc;
        public decimal SubTot;
        public decimal TotLinDisc;
        public decimal TotHdrDisc;
        public decimal Payments;
    }

    /// <summary>One difference between the shop's order and its Counterpoint document.</summary>
    public sealed class ReconcileDifference
    {
        public string Code;
        public string Field;
        public decimal? ShopValue;
        public decimal? CounterpointValue;
        public decimal? Difference;
        public string Message;
    }

    /// <summary>
    /// Reconciliation arithmetic (issue 15 point 4, design 11): compares one WooCommerce order, as the shop shows it now,
    /// with the totals row 'O' of the Counterpoint document CpOrders wrote for it. The planner writes TOT = total,
    /// TAX_AMT = total_tax, TOT_MISC = shipping_total + Σ fee_lines.total, SUB_TOT − TOT_LIN_DISC − TOT_HDR_DISC = the line
    /// totals (total − total_tax − shipping_total − fees), and the payment rows (Σ PS_DOC_PMT.AMT) exist only when a payment mode records them. So any
    /// difference to the cent is a finding (no tolerance: the planner reconciles to the cent or parks the order):
    /// <list type="bullet">
    /// <item>CPO-RECON-TOTAL, CPO-RECON-TAX, CPO-RECON-MISC, CPO-RECON-LINES: a total differs.</item>
    /// <item>CPO-RECON-REFUND: the shop shows refunds (Σ refunds[].total, negative) the document does not carry.</item>
    /// <item>CPO-RECON-PAYMENT: the document's payment rows (Σ PS_DOC_PMT.AMT ≠ 0) differ from what the shop shows paid
    /// (total + refunds when date_paid_gmt is set, else 0). A document without payment rows (payment mode OFF or NOTE) is
    /// not compared for payment.</item>
    /// <item>CPO-RECON-SHOP-JSON: the shop's order cannot be read (invalid JSON or an amount that is not money).</item>
    /// </list>
    /// No rows: the document matches the shop. Pure: no data access, no HTTP.
    /// </summary>
    public sealed class OrderReconciler
    {
        public const string Total = "CPO-RECON-TOTAL";
        public const string Tax = "CPO-RECON-TAX";
        public const string Misc = "CPO-RECON-MISC";
        public const string Lines = "CPO-RECON-LINES";
        public const string Refund = "CPO-RECON-REFUND";
        public const string Payment = "CPO-RECON-PAYMENT";
        public const string ShopJson = "CPO-RECON-SHOP-JSON";

        public List<ReconcileDifference> Compare(string orderJson, DocumentTotals doc)
        {
            var result = new List<ReconcileDifference>();
            JsonDocument document;
            JsonCheckResult error;
            if (orderJson == null)
            {
                result.Add(Problem("no order JSON was read from the shop"));
                return result;
            }
            if (!JsonDocument.TryParse(orderJson, out document, out error))
            {
                result.Add(Problem("the shop's order JSON is not valid: " + error.Message));
                return result;
            }
            JsonElement order = document.Root;
            if (order.Kind != JsonValueKind.Object)
            {
                result.Add(Problem("the shop's order JSON is not an object"));
                return result;
            }

            string problem = null;
            decimal total = Amount(order, "total", ref problem);
            decimal totalTax = Amount(order, "total_tax", ref problem);
            decimal shipping = Amount(order, "shipping_total", ref problem);
            decimal fees = Sum(order, "fee_lines", ref problem);
            decimal refunds = Sum(order, "refunds", ref problem);
            if (problem != null)
            {
                result.Add(Problem(problem));
                return result;
            }
            JsonElement paid;
            bool isPaid = order.TryGetProperty("date_paid_gmt", out paid) && !paid.IsNullOrMissing
                          && paid.Kind == JsonValueKind.String && paid.GetString().Length > 0;

            Check(result, Total, "total / TOT", total, doc.Tot, "the shop's order total");
            Check(result, Tax, "total_tax / TAX_AMT", totalTax, doc.TaxAmt, "the shop's total tax");
            Check(result, Misc, "shipping_total + fees / TOT_MISC", shipping + fees, doc.TotMisc, "shipping and fees");
            Check(result, Lines, "line totals / SUB_TOT - TOT_LIN_DISC - TOT_HDR_DISC", total - totalTax - shipping - fees,
                doc.SubTot - doc.TotLinDisc - doc.TotHdrDisc, "the line totals after discounts");
            if (refunds != 0m)
                result.Add(new ReconcileDifference
                {
                    Code = Refund,
                    Field = "refunds",
                    ShopValue = refunds,
                    CounterpointValue = 0m,
                    Difference = refunds,
                    Message = "the shop refunded " + Show(-refunds) + " after the document was written (it still totals " + Show(doc.Tot)
                              + "): make the return or credit in Counterpoint.",
                });
            if (doc.Payments != 0m)
            {
                decimal shopPaid = isPaid ? total + refunds : 0m;
                if (shopPaid != doc.Payments)
                    result.Add(new ReconcileDifference
                    {
                        Code = Payment,
                        Field = "paid / PS_DOC_PMT",
                        ShopValue = shopPaid,
                        CounterpointValue = doc.Payments,
                        Difference = doc.Payments - shopPaid,
                        Message = (isPaid ? "the shop shows " + Show(shopPaid) + " paid" : "the shop shows the order unpaid (no date_paid)")
                                  + ", Counterpoint has " + Show(doc.Payments) + " in the document's payment rows (PS_DOC_PMT).",
                    });
            }
            return result;
        }

        private static void Check(List<ReconcileDifference> result, string code, string field, decimal shop, decimal counterpoint, string what)
        {
            if (shop == counterpoint)
                return;
            result.Add(new ReconcileDifference
            {
                Code = code,
                Field = field,
                ShopValue = shop,
                CounterpointValue = counterpoint,
                Difference = counterpoint - shop,
                Message = what + " is " + Show(shop) + " in the shop and " + Show(counterpoint) + " in Counterpoint (difference "
                          + Show(counterpoint - shop) + ").",
            });
        }

        private static ReconcileDifference Problem(string message)
        {
            return new ReconcileDifference { Code = ShopJson, Field = "order", Message = message + "; the order was not compared." };
        }

        /// <summary>A money string field; a missing or null field is 0 (WooCommerce always sends these four).</summary>
        private static decimal Amount(JsonElement parent, string name, ref string problem)
        {
            JsonElement e;
            if (!parent.TryGetProperty(name, out e) || e.IsNullOrMissing)
                return 0m;
            decimal value;
            string error;
            if (e.Kind == JsonValueKind.String && Money.TryParseString(e.GetString(), out value, out error))
                return value;
            if (e.Kind == JsonValueKind.Number && Money.TryParseNumberText(e.GetNumberText(), out value, out error))
                return value;
            if (problem == null)
                problem = "'" + name + "' is not an amount";
            return 0m;
        }

        /// <summary>Σ of the "total" of each object of an array field (fee_lines, refunds).</summary>
        private static decimal Sum(JsonElement order, string arrayName, ref string problem)
        {
            JsonElement array;
            if (!order.TryGetProperty(arrayName, out array) || array.IsNullOrMissing)
                return 0m;
            if (array.Kind != JsonValueKind.Array)
            {
                if (problem == null)
                    problem = "'" + arrayName + "' is not an array";
                return 0m;
            }
            decimal sum = 0m;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.Kind != JsonValueKind.Object)
                {
                    if (problem == null)
                        problem = "an entry of '" + arrayName + "' is not an object";
                    continue;
                }
                sum += Amount(item, "total", ref problem);
            }
            return sum;
        }

        private static string Show(decimal d)
        {
            return d.ToString("0.00##", CultureInfo.InvariantCulture);
        }
    }
}
