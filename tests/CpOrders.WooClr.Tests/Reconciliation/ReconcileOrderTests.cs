using System.Collections;
using System.Data.SqlTypes;
using CpOrders.WooClr.SqlSurface;

namespace CpOrders.WooClr.Tests.Reconciliation;

/// <summary>
/// wooclr.ReconcileOrder (issue 15 point 4, design 11), called as SQL Server calls it: the shop's order JSON against the
/// document's PS_DOC_HDR_TOT row 'O' as the planner writes it (TOT = total, TAX_AMT = total_tax, TOT_MISC = shipping +
/// fees, SUB_TOT - discounts = line totals, payments (PS_DOC_PMT) only when a payment mode records them).
/// </summary>
public class ReconcileOrderTests
{
    private sealed record Row(string Code, string Field, decimal? Shop, decimal? Counterpoint, decimal? Difference, string Message);

    /// <summary>A paid order: lines 100.00 after discounts, shipping 10.00, a fee 5.00, tax 9.20, total 124.20.</summary>
    private static string Order(string total = "124.20", string totalTax = "9.20", string shipping = "10.00", string fee = "5.00",
                                string refunds = "", string datePaid = "\"2026-12-01T08:01:00\"")
        => "{\"id\":70039,\"status\":\"processing\",\"total\":\"" + total + "\",\"total_tax\":\"" + totalTax + "\",\"shipping_total\":\"" + shipping
           + "\",\"date_paid_gmt\":" + datePaid + ",\"fee_lines\":[{\"id\":1,\"name\":\"Gift wrap\",\"total\":\"" + fee + "\"}],"
           + "\"refunds\":[" + refunds + "],\"line_items\":[]}";

    private static List<Row> Reconcile(string? json, decimal? tot = 124.20m, decimal taxAmt = 9.20m, decimal totMisc = 15.00m,
                                       decimal subTot = 105.00m, decimal linDisc = 5.00m, decimal hdrDisc = 0m, decimal payments = 0m)
    {
        static SqlDecimal D(decimal d) => new(d);
        IEnumerable rows = ReconciliationFunctions.ReconcileOrder(json == null ? SqlString.Null : new SqlString(json),
            tot.HasValue ? D(tot.Value) : SqlDecimal.Null, D(taxAmt), D(totMisc), D(subTot), D(linDisc), D(hdrDisc), D(payments));
        var result = new List<Row>();
        foreach (object o in rows)
        {
            ReconciliationFunctions.FillReconcileRow(o, out SqlString code, out SqlString field, out SqlDecimal shop, out SqlDecimal cp,
                out SqlDecimal diff, out SqlString message);
            Assert.That(shop.IsNull || shop.Scale == 4, Is.True, "decimal(19,4) as declared");
            result.Add(new Row(code.Value, field.Value, shop.IsNull ? null : shop.Value, cp.IsNull ? null : cp.Value,
                diff.IsNull ? null : diff.Value, message.Value));
        }
        return result;
    }

    [Test]
    public void A_document_written_as_planned_matches_its_order()
    {
        Assert.That(Reconcile(Order()), Is.Empty);
    }

    [Test]
    public void A_total_changed_in_the_shop_is_a_total_and_a_lines_difference_to_the_cent()
    {
        // The shop's total moved by one cent (a line edited after apply): TOT and the line totals differ, tax and shipping do not.
        List<Row> rows = Reconcile(Order(total: "124.21"));
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-TOTAL", "CPO-RECON-LINES" }));
        Row total = rows[0];
        Assert.Multiple(() =>
        {
            Assert.That(total.Shop, Is.EqualTo(124.21m));
            Assert.That(total.Counterpoint, Is.EqualTo(124.20m));
            Assert.That(total.Difference, Is.EqualTo(-0.01m), "Counterpoint minus shop");
            Assert.That(total.Message, Does.Contain("124.21").And.Contain("124.20").And.Contain("-0.01"));
        });
    }

    [Test]
    public void Tax_and_shipping_differences_are_named_separately()
    {
        List<Row> rows = Reconcile(Order(), taxAmt: 9.00m, totMisc: 12.00m);
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-TAX", "CPO-RECON-MISC" }));
        Assert.That(rows[1].Shop, Is.EqualTo(15.00m), "shipping 10.00 + fee 5.00");
    }

    [Test]
    public void Header_and_line_discounts_both_reduce_the_document_line_totals()
    {
        Assert.That(Reconcile(Order(), subTot: 110.00m, linDisc: 5.00m, hdrDisc: 5.00m), Is.Empty);
        Assert.That(Reconcile(Order(), subTot: 110.00m, linDisc: 5.00m, hdrDisc: 0m).Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-LINES" }));
    }

    [Test]
    public void A_refund_in_the_shop_is_a_payment_finding()
    {
        List<Row> rows = Reconcile(Order(refunds: "{\"id\":9,\"reason\":\"damaged\",\"total\":\"-10.00\"},{\"id\":10,\"total\":\"-2.50\"}"));
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-REFUND" }));
        Assert.That(rows[0].Shop, Is.EqualTo(-12.50m));
        Assert.That(rows[0].Message, Does.Contain("refunded 12.50"));
    }

    [Test]
    public void A_tender_is_compared_with_what_the_shop_shows_paid()
    {
        Assert.That(Reconcile(Order(), payments: 124.20m), Is.Empty, "a deposit of the whole paid total");
        List<Row> wrong = Reconcile(Order(), payments: 100.00m);
        Assert.That(wrong.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-PAYMENT" }));
        Assert.That(wrong[0].Difference, Is.EqualTo(-24.20m));
        List<Row> unpaid = Reconcile(Order(datePaid: "null"), payments: 124.20m);
        Assert.That(unpaid.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-PAYMENT" }));
        Assert.That(unpaid[0].Message, Does.Contain("unpaid"));
        Assert.That(Reconcile(Order(datePaid: "null")), Is.Empty, "no tender recorded (payment mode OFF or NOTE): payment is not compared");
    }

    [Test]
    public void A_refunded_and_deposited_order_compares_the_net_paid()
    {
        List<Row> rows = Reconcile(Order(refunds: "{\"id\":9,\"total\":\"-24.20\"}"), payments: 100.00m);
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-REFUND" }), "paid 124.20 - refunded 24.20 = the 100.00 tendered");
    }

    [TestCase("{\"total\":", TestName = "Truncated JSON is one SHOP-JSON row")]
    [TestCase("[1,2]", TestName = "A JSON array is one SHOP-JSON row")]
    [TestCase("{\"total\":\"12,50\"}", TestName = "A total that is not money is one SHOP-JSON row")]
    [TestCase("{\"total\":\"1.00\",\"refunds\":{}}", TestName = "Refunds that are not an array are one SHOP-JSON row")]
    public void Unreadable_shop_data_is_reported_never_raised(string json)
    {
        List<Row> rows = Reconcile(json);
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { "CPO-RECON-SHOP-JSON" }));
        Assert.That(rows[0].Message, Does.EndWith("the order was not compared."));
    }

    [Test]
    public void Nothing_to_compare_gives_no_rows()
    {
        Assert.That(Reconcile(null), Is.Empty);
        Assert.That(Reconcile(Order(), tot: null), Is.Empty);
    }

    [Test]
    public void Amounts_beyond_decimal_19_4_come_back_as_null_instead_of_failing_the_row()
    {
        string big = "999999999999999.00";
        List<Row> rows = Reconcile(Order(total: big, shipping: big, fee: big));
        Assert.That(rows.Select(r => r.Code), Does.Contain("CPO-RECON-MISC"));
        Assert.That(rows.Single(r => r.Code == "CPO-RECON-MISC").Shop, Is.Null, "1,999,999,999,999,998 does not fit decimal(19,4)");
    }
}
