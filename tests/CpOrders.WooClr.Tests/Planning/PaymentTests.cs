using CpOrders.WooClr.Documents.Planning;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static CpOrders.WooClr.Tests.Planning.PlanHarness;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Payments (issue 15): each mode keeps the document reconciled to the shop's total, and a deposit is shaped like
/// Counterpoint's native order 70039 with its deposit ticket 100495 (CDM 5, 7.1, 7.3, 12, 13).
/// </summary>
public class PaymentTests
{
    private const long OrderDocId = 201126152631L;
    private const long TicketDocId = 201326152630L;

    /// <summary>The plan's rows of one document (every array filtered by DOC_ID), so the order reconciles on its own rows.</summary>
    private static JObject Document(JObject plan, long docId)
    {
        var doc = new JObject { ["ok"] = plan["ok"], ["problems"] = plan["problems"] };
        foreach (JProperty p in plan.Properties())
            if (p.Value is JArray a && p.Name is not ("problems" or "notes"))
                doc[p.Name] = new JArray(a.Where(r => r is JObject o && o["DOC_ID"] != null && o["DOC_ID"]!.Type != JTokenType.Null ? (long)o["DOC_ID"]! == docId : p.Name is "AR_CUST_ORD" or "IM_INV" or "AR_CUST"));
        return doc;
    }

    private static JArray Of(JObject plan, string key, long docId) => new(Rows(plan, key).Where(r => (long)r["DOC_ID"]! == docId));

    /// <summary>Totals and payment agree: TOT = the shop's total, AMT_DUE = TOT − TOT_TND, TOT_TND = Σ payments = deposits received.</summary>
    private static void AssertPaymentReconciles(JObject input, JObject plan, decimal expectedDeposit)
    {
        ReconciliationTests.AssertReconciles(input, Document(plan, OrderDocId));
        JObject o = (JObject)Of(plan, "PS_DOC_HDR_TOT", OrderDocId).Single(r => (string)r["TOT_TYP"]! == "O");
        JObject r = (JObject)Of(plan, "PS_DOC_HDR_TOT", OrderDocId).Single(t => (string)t["TOT_TYP"]! == "R");
        decimal shop = M((string)input["order"]!["total"]!);
        Assert.Multiple(() =>
        {
            Assert.That(Dec(o, "TOT_TND"), Is.EqualTo(expectedDeposit), "O TOT_TND = the deposit");
            Assert.That(Dec(o, "AMT_DUE"), Is.EqualTo(shop - expectedDeposit), "O AMT_DUE = TOT − deposit");
            Assert.That(Dec(r, "AMT_DUE"), Is.EqualTo(Dec(r, "TOT") - expectedDeposit), "R AMT_DUE = R TOT − deposit (CDM 5: 70039 R −36.00)");
            Assert.That(Of(plan, "PS_DOC_PMT", OrderDocId).Where(p => (string)p["FINAL_PMT"]! == "N").Sum(p => Dec(p, "AMT")), Is.EqualTo(expectedDeposit), "Σ order deposit payments = TOT_TND");
            Assert.That(Dec(Of(plan, "PS_DOC_HDR_DOC_STAT", OrderDocId).Single(), "TOT_DEP_RECEIVED"), Is.EqualTo(expectedDeposit), "DOC_STAT TOT_DEP_RECEIVED");
            Assert.That(Dec(Row(plan, "AR_CUST_ORD"), "ORD_BAL"), Is.EqualTo(shop - expectedDeposit), "the customer's order balance grows by the amount due");
            foreach (JObject snap in Of(plan, "PS_DOC_AUDIT_LOG_TOT", OrderDocId).Cast<JObject>())
            {
                JObject tot = (JObject)Of(plan, "PS_DOC_HDR_TOT", OrderDocId).Single(t => (string)t["TOT_TYP"]! == (string)snap["TOT_TYP"]!);
                Assert.That(Dec(snap, "AMT_DUE"), Is.EqualTo(Dec(tot, "AMT_DUE")), "audit snapshot AMT_DUE " + snap["TOT_TYP"]);
                Assert.That(Dec(snap, "TOT_TND"), Is.EqualTo(Dec(tot, "TOT_TND")), "audit snapshot TOT_TND " + snap["TOT_TYP"]);
            }
        });
    }

    [TestCase("OFF", "NOTE", true, true, "OFF")]
    [TestCase(null, "NOTE", true, true, "OFF")]
    [TestCase("NOTE", "NOTE", true, true, "NOTE")]
    [TestCase("NOTE", "NOTE", false, true, "NOTE")]
    [TestCase("DEPOSIT", "NOTE", true, true, "DEPOSIT")]
    [TestCase("DEPOSIT", "NOTE", false, true, "NOTE")]
    [TestCase("DEPOSIT", "FINAL", false, true, "FINAL")]
    [TestCase("DEPOSIT", "FINAL", true, true, "DEPOSIT")]
    [TestCase("DEPOSIT", "NOTE", true, false, "NOTE")]
    [TestCase("FINAL", "NOTE", false, true, "FINAL")]
    [TestCase("FINAL", "NOTE", true, true, "FINAL")]
    [TestCase("FINAL", "NOTE", true, false, "NOTE")]
    public void Treatment_follows_the_mode_capture_and_presence_of_a_payment(string? mode, string uncaptured, bool captured, bool hasPayment, string expected)
    {
        Assert.That(OrderPlanner.Treatment(mode!, uncaptured, captured, hasPayment), Is.EqualTo(expected));
    }

    [Test]
    public void OFF_plans_exactly_what_a_store_without_a_payment_rule_gets()
    {
        JObject without = Plan(BaseInput());
        JObject off = Plan(WithPayment(BaseInput(), "OFF"));
        // The order's own payment fields differ (WithPayment sets them), so compare the rows that do not quote the shop's text.
        foreach (string key in new[] { "PS_DOC_HDR", "PS_DOC_HDR_TOT", "PS_DOC_LIN", "PS_DOC_HDR_DOC_STAT", "AR_CUST_ORD", "IM_INV", "PS_DOC_AUDIT_LOG_TOT", "PS_DOC_PMT", "PS_DOC_PMT_APPLY", "PS_DOC_HDR_ORIG_DOC" })
            Assert.That(Rows(off, key).ToString(Formatting.None), Is.EqualTo(Rows(without, key).ToString(Formatting.None)), key);
        Assert.That(Rows(off, "PS_DOC_NOTE").Select(n => (string)n["NOTE_ID"]!), Is.EqualTo(new[] { "WEB ORDER" }));
        Assert.That((string)off["payment"]!["treatment"]!, Is.EqualTo("OFF"));
    }

    [Test]
    public void NOTE_records_method_amount_transaction_and_date_paid_in_a_note_and_keeps_the_totals()
    {
        JObject input = WithPayment(BaseInput(), "NOTE");
        JObject plan = PlanOk(input);
        AssertPaymentReconciles(input, plan, 0m);
        JToken note = Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "PAYMENT");
        string text = (string)note["NOTE_TXT"]!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Cash on delivery (cod)"));
            Assert.That(text, Does.Contain("Amount: 435.99 USD"));
            Assert.That(text, Does.Contain("Transaction id: ch_3PqXyZ"));
            Assert.That(text, Does.Contain("Date paid: 2020-05-05 08:41:00 UTC"));
            Assert.That(text, Does.Contain("Not recorded as a Counterpoint payment"));
            Assert.That((int)note["NOTE_SEQ_NO"]!, Is.EqualTo(2), "after the WEB ORDER note");
            Assert.That((string)Row(plan, "PS_DOC_HDR")["REF"]!, Is.EqualTo("4711"), "REF keeps the web order number (RAPI), which reconciliation and fulfilment read");
            Assert.That(Rows(plan, "PS_DOC_PMT"), Is.Empty);
            Assert.That(Rows(plan, "PS_DOC_HDR"), Has.Count.EqualTo(1));
            Assert.That((string)plan["payment"]!["treatment"]!, Is.EqualTo("NOTE"));
            Assert.That((bool)plan["payment"]!["depositTicket"]!, Is.False);
        });
    }

    [Test]
    public void NOTE_of_an_unpaid_order_says_it_is_not_paid_and_needs_no_pay_code()
    {
        JObject input = WithPayment(BaseInput(), "NOTE", captured: false);
        ((JObject)input["payment"]!)["payCodeMap"] = new JArray();
        JObject plan = PlanOk(input);
        AssertPaymentReconciles(input, plan, 0m);
        string text = (string)Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "PAYMENT")["NOTE_TXT"]!;
        Assert.That(text, Does.Contain("Date paid: not paid in the shop yet"));
    }

    [Test]
    public void FINAL_writes_one_final_payment_record_without_a_deposit()
    {
        JObject input = CreditCard(WithPayment(BaseInput(), "FINAL", captured: false));
        JObject plan = PlanOk(input);
        AssertPaymentReconciles(input, plan, 0m);
        JObject pmt = (JObject)Rows(plan, "PS_DOC_PMT").Single();
        Assert.Multiple(() =>
        {
            Assert.That((long)pmt["DOC_ID"]!, Is.EqualTo(OrderDocId));
            Assert.That((string)pmt["FINAL_PMT"]!, Is.EqualTo("Y"));
            Assert.That(Dec(pmt, "AMT"), Is.EqualTo(0m), "no amount: nothing is taken before release (CDM 7.3)");
            Assert.That(Dec(pmt, "HOME_CURNCY_AMT"), Is.EqualTo(0m));
            Assert.That((string)pmt["PAY_COD"]!, Is.EqualTo("CASH"));
            Assert.That((string)pmt["PAY_COD_TYP"]!, Is.EqualTo("E"), "= SY_PAY_COD.PAY_TYP");
            Assert.That((string)pmt["DESCR"]!, Is.EqualTo("Web card"), "= SY_PAY_COD.DESCR");
            Assert.That((string)pmt["TKT_NO"]!, Is.EqualTo("70039"));
            Assert.That(pmt["PAY_DAT"]!.Type, Is.EqualTo(JTokenType.Null), "not paid yet");
            Assert.That(Rows(plan, "PS_DOC_PMT_APPLY"), Is.Empty, "nothing applied");
            Assert.That(Rows(plan, "PS_DOC_HDR"), Has.Count.EqualTo(1), "no deposit ticket");
            Assert.That(Rows(plan, "PS_DOC_HDR_ORIG_DOC"), Is.Empty);
            Assert.That((string)Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "PAYMENT")["NOTE_TXT"]!, Does.Contain("final payment with pay code CASH"));
        });
    }

    [Test]
    public void DEPOSIT_of_a_captured_payment_is_shaped_like_the_native_order_70039_and_its_deposit_ticket()
    {
        JObject input = WithPayment(BaseInput(), "DEPOSIT");
        JObject plan = PlanOk(input);
        AssertPaymentReconciles(input, plan, 435.99m);
        JObject o = (JObject)Of(plan, "PS_DOC_HDR_TOT", OrderDocId)[0];
        JObject r = (JObject)Of(plan, "PS_DOC_HDR_TOT", OrderDocId)[1];
        JObject orderPmt = (JObject)Of(plan, "PS_DOC_PMT", OrderDocId).Single();
        JObject ticket = (JObject)Rows(plan, "PS_DOC_HDR").Single(h => (long)h["DOC_ID"]! == TicketDocId);
        JObject ticketTot = (JObject)Of(plan, "PS_DOC_HDR_TOT", TicketDocId).Single();
        JObject ticketPmt = (JObject)Of(plan, "PS_DOC_PMT", TicketDocId).Single();
        Assert.Multiple(() =>
        {
            // The order (CDM 5 table, 70039 paid in full with a cash deposit).
            Assert.That((Dec(o, "TOT"), Dec(o, "TOT_TND"), Dec(o, "AMT_DUE")), Is.EqualTo((435.99m, 435.99m, 0m)), "O: TOT, TOT_TND, AMT_DUE");
            Assert.That((Dec(r, "TOT"), Dec(r, "TOT_TND"), Dec(r, "AMT_DUE")), Is.EqualTo((399.99m, 0m, -36.00m)), "R: TOT, TOT_TND, AMT_DUE");
            Assert.That(Dec(Of(plan, "PS_DOC_HDR_DOC_STAT", OrderDocId).Single(), "TOT_DEP_RECEIVED"), Is.EqualTo(435.99m));
            Assert.That(Row(plan, "PS_DOC_HDR")["DRW_SESSION_ID"]!.Type, Is.EqualTo(JTokenType.Null), "orders carry no drawer session (CDM 4)");
            // The order's payment row (CDM 7.1 [obs]).
            Assert.That((int)orderPmt["PMT_SEQ_NO"]!, Is.EqualTo(1));
            Assert.That((string)orderPmt["TKT_NO"]!, Is.EqualTo("70039"), "the order's own TKT_NO");
            Assert.That(((string)orderPmt["PAY_COD"]!, (string)orderPmt["PAY_COD_TYP"]!, (string)orderPmt["DESCR"]!), Is.EqualTo(("CASH", "B", "Cash")));
            Assert.That((Dec(orderPmt, "AMT"), Dec(orderPmt, "HOME_CURNCY_AMT"), Dec(orderPmt, "EXCH_LOSS")), Is.EqualTo((435.99m, 435.99m, 0m)));
            Assert.That(((string)orderPmt["FINAL_PMT"]!, (string)orderPmt["PMT_LIN_TYP"]!, (string)orderPmt["DEP_LIN_COPIED_TO_REL_DOC"]!, (string)orderPmt["EDC_AUTH_FLG"]!, (string)orderPmt["CURNCY_COD"]!),
                Is.EqualTo(("N", "T", "N", "O", "HOME")));
            Assert.That((string)orderPmt["PAY_DAT"]!, Is.EqualTo("2020-05-05T00:00:00.000"), "the store-local date paid at midnight");
            Assert.That(Of(plan, "PS_DOC_PMT_APPLY", OrderDocId).Select(a => ((string)a["APPL_TYP"]!, Dec(a, "AMT"))), Is.EqualTo(new[] { ("O", 435.99m) }), "APPL_TYP 'O' on the order (T-ORD)");
            // The deposit ticket (CDM 7.3 [obs] ticket 100495; NCR's test: ORD_LINS 0, SAL_LINS 0, one payment APPL_TYP 'S').
            Assert.That(((string)ticket["DOC_TYP"]!, (string)ticket["TKT_TYP"]!, (string)ticket["TKT_NO"]!), Is.EqualTo(("T", "T", "100495")));
            Assert.That(((int)ticket["ORD_LINS"]!, (int)ticket["SAL_LINS"]!), Is.EqualTo((0, 0)));
            Assert.That((long)ticket["DRW_SESSION_ID"]!, Is.EqualTo(100000000000104L), "in the drawer's open session");
            Assert.That((string)ticket["DRW_ID"]!, Is.EqualTo("1"));
            Assert.That((string)ticket["DOC_GUID"]!, Is.EqualTo("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"));
            Assert.That(((string)ticket["CUST_NO"]!, (string)ticket["TKT_DT"]!), Is.EqualTo(((string)Row(plan, "PS_DOC_HDR")["CUST_NO"]!, (string)Row(plan, "PS_DOC_HDR")["TKT_DT"]!)));
            Assert.That(((string)ticketTot["TOT_TYP"]!, (int)ticketTot["LINS"]!, Dec(ticketTot, "SUB_TOT"), Dec(ticketTot, "TAX_AMT"), Dec(ticketTot, "TOT"), Dec(ticketTot, "TOT_TND"), Dec(ticketTot, "AMT_DUE")),
                Is.EqualTo(("S", 0, 0m, 0m, 0m, 435.99m, 0m)), "ticket 'S' total: zero amounts, TOT_TND = deposit, AMT_DUE 0");
            Assert.That(Of(plan, "PS_DOC_LIN", TicketDocId).Select(l => (string)l["LIN_TYP"]!), Is.EqualTo(new[] { "U" }), "'U' mirror lines");
            JObject orderLine = (JObject)Of(plan, "PS_DOC_LIN", OrderDocId).Single();
            JObject mirror = (JObject)Of(plan, "PS_DOC_LIN", TicketDocId).Single();
            foreach (string col in new[] { "LIN_SEQ_NO", "ITEM_NO", "QTY_SOLD", "PRC", "EXT_PRC", "TAX_AMT_ALLOC", "SELL_UNIT", "STR_ID", "STA_ID" })
                Assert.That(mirror[col]!.ToString(), Is.EqualTo(orderLine[col]!.ToString()), "mirror line " + col + " = the order line's");
            Assert.That((string)mirror["TKT_NO"]!, Is.EqualTo("100495"));
            Assert.That(Of(plan, "PS_DOC_CONTACT", TicketDocId).Select(c => (string)c["NAM"]!), Is.EqualTo(Of(plan, "PS_DOC_CONTACT", OrderDocId).Select(c => (string)c["NAM"]!)), "copies of the contacts");
            Assert.That(Of(plan, "PS_DOC_TAX", TicketDocId), Is.Empty, "no tax rows on the ticket");
            Assert.That(Of(plan, "PS_DOC_HDR_MISC_CHRG", TicketDocId), Is.Empty, "no misc-charge row on the ticket");
            Assert.That((string)Of(plan, "PS_DOC_HDR_DOC_STAT", TicketDocId).Single()["LST_DOC_ACTIV"]!, Is.EqualTo("!"));
            Assert.That((string)Of(plan, "PS_DOC_AUDIT_LOG", TicketDocId).Single()["LOG_ENTRY"]!, Is.EqualTo("Entered a new ticket with order deposit"));
            Assert.That(((string)ticketPmt["TKT_NO"]!, Dec(ticketPmt, "AMT"), (string)ticketPmt["PAY_COD"]!), Is.EqualTo(("100495", 435.99m, "CASH")), "the same payment, its own TKT_NO");
            Assert.That(Of(plan, "PS_DOC_PMT_APPLY", TicketDocId).Select(a => ((string)a["APPL_TYP"]!, Dec(a, "AMT"))), Is.EqualTo(new[] { ("S", 435.99m) }), "APPL_TYP 'S' on the ticket");
            Assert.That(Rows(plan, "PS_DOC_HDR_ORIG_DOC").Select(l => ((long)l["DOC_ID"]!, (long)l["ORIG_DOC_ID"]!)), Is.EqualTo(new[] { (TicketDocId, OrderDocId) }), "the ticket points to the order");
            // Mirror lines do not commit stock (CDM 15): IM_INV is the order's alone.
            Assert.That(Rows(plan, "IM_INV").ToString(Formatting.None), Is.EqualTo(Rows(Plan(BaseInput()), "IM_INV").ToString(Formatting.None)));
            Assert.That((bool)plan["payment"]!["depositTicket"]!, Is.True);
            Assert.That((decimal)plan["payment"]!["deposit"]!, Is.EqualTo(435.99m));
        });
    }

    [Test]
    public void PAY_DAT_is_the_store_local_day_the_shop_was_paid_not_the_order_day()
    {
        JObject input = WithPayment(BaseInput(), "DEPOSIT");
        input["payment"]!["DatePaidLocal"] = "2020-05-07T23:59:00";
        JObject plan = PlanOk(input);
        Assert.That(Rows(plan, "PS_DOC_PMT").Select(p => (string)p["PAY_DAT"]!), Is.EqualTo(new[] { "2020-05-07T00:00:00.000", "2020-05-07T00:00:00.000" }));
        Assert.That((string)Row(plan, "PS_DOC_HDR")["TKT_DT"]!, Does.StartWith("2020-05-05"), "the order keeps its own date");
    }

    [Test]
    public void A_deposit_ticket_written_after_a_wait_is_dated_when_it_is_written_and_the_order_keeps_its_date()
    {
        // The order was made at 03:41 on 5 May; the drawer opened later and the ticket is written at 09:05 on 6 May
        // (review r15 MINOR 4): the ticket and its audit row carry the write time, the order its own.
        JObject input = WithPayment(BaseInput(), "DEPOSIT");
        input["numbers"]!["DEP_TKT_DT"] = "2020-05-06T09:05:00";
        JObject plan = PlanOk(input);
        JObject order = (JObject)Of(plan, "PS_DOC_HDR", OrderDocId).Single();
        JObject ticket = (JObject)Of(plan, "PS_DOC_HDR", TicketDocId).Single();
        Assert.Multiple(() =>
        {
            Assert.That((string)ticket["TKT_DT"]!, Does.StartWith("2020-05-06T09:05:00"));
            Assert.That((string)ticket["LST_MAINT_DT"]!, Does.StartWith("2020-05-06T09:05:00"));
            Assert.That((string)Of(plan, "PS_DOC_AUDIT_LOG", TicketDocId).Single()["CURR_DT"]!, Does.StartWith("2020-05-06T09:05:00"));
            Assert.That((string)order["TKT_DT"]!, Is.Not.EqualTo((string)ticket["TKT_DT"]!), "the order keeps its creation time");
            Assert.That((string)Of(plan, "PS_DOC_AUDIT_LOG", OrderDocId).Single()["CURR_DT"]!, Is.EqualTo((string)order["TKT_DT"]!));
        });
    }

    [Test]
    public void DEPOSIT_keeps_an_order_with_coupons_shipping_and_a_new_customer_reconciled()
    {
        JObject input = WithPayment(BaseInput(), "DEPOSIT");
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        ((JArray)input["order"]!["line_items"]!).Add(Line(2, "GLOVE", 2, "25.00", "20.00", "0.00"));
        input["order"]!["discount_total"] = "5.00";
        input["order"]!["total"] = "455.99";
        JObject plan = PlanOk(input);
        AssertPaymentReconciles(input, plan, 455.99m);
        Assert.That(Of(plan, "PS_DOC_LIN", TicketDocId).Select(l => ((string)l["LIN_TYP"]!, (int)l["LIN_SEQ_NO"]!)), Is.EqualTo(new[] { ("U", 1), ("U", 2) }));
        Assert.That(Of(plan, "PS_DOC_DISC", TicketDocId), Is.Empty, "the ticket carries no discounts (its totals are zero)");
        Assert.That(Of(plan, "PS_DOC_LIN_PRICE", TicketDocId), Has.Count.EqualTo(2));
    }

    [Test]
    public void DEPOSIT_records_an_unpaid_order_as_the_uncaptured_mode_says()
    {
        JObject noteInput = WithPayment(BaseInput(), "DEPOSIT", captured: false);
        JObject note = PlanOk(noteInput);
        AssertPaymentReconciles(noteInput, note, 0m);
        Assert.That(Rows(note, "PS_DOC_PMT"), Is.Empty, "UncapturedMode NOTE: no payment rows");
        JObject finalInput = CreditCard(WithPayment(BaseInput(), "DEPOSIT", uncapturedMode: "FINAL", captured: false));
        JObject final = PlanOk(finalInput);
        AssertPaymentReconciles(finalInput, final, 0m);
        Assert.That(Rows(final, "PS_DOC_PMT").Select(p => (string)p["FINAL_PMT"]!), Is.EqualTo(new[] { "Y" }), "UncapturedMode FINAL");
    }

    [Test]
    public void DEPOSIT_without_an_open_drawer_session_is_refused_with_CPO_DRAWER_CLOSED_alone()
    {
        JObject input = WithPayment(BaseInput(), "DEPOSIT", session: false);
        JObject plan = Plan(input);
        Assert.That(Codes(plan), Is.EqualTo(new[] { "CPO-DRAWER-CLOSED" }), "the processor retries an order whose only problem is this");
        Assert.That(Rows(plan, "PS_DOC_HDR"), Is.Empty, "no rows");
        input["numbers"] = null;
        Assert.That(Codes(Plan(input)), Is.EqualTo(new[] { "CPO-DRAWER-CLOSED" }), "the validation call finds it too");
    }

    /// <summary>The mapped pay code as a credit card/EDC tender (PAY_TYP 'E'), the only kind a final payment takes (CDM 7.3 [doc I-43]).</summary>
    private static JObject CreditCard(JObject input)
    {
        var row = (JObject)input["counterpoint"]!["SY_PAY_COD"]![0]!;
        row["PAY_TYP"] = "E";
        row["DESCR"] = "Web card";
        return input;
    }

    [TestCase("FINAL", "NOTE", false)]
    [TestCase("FINAL", "NOTE", true)]
    [TestCase("DEPOSIT", "FINAL", false)]
    public void A_final_payment_needs_a_credit_type_pay_code(string mode, string uncaptured, bool captured)
    {
        // Cash ('B'), as on the native deposit 70039, is fine for a deposit but not for a final payment (review r15 MINOR 7).
        JObject cash = WithPayment(BaseInput(), mode, uncapturedMode: uncaptured, captured: captured);
        JObject plan = Plan(cash);
        Assert.That(Codes(plan), Is.EqualTo(new[] { "CPO-PAY-CODE" }));
        Assert.That((string)plan["problems"]![0]!["message"]!, Does.Contain("PAY_TYP 'B', not E"));
        Assert.That(Rows(plan, "PS_DOC_PMT"), Is.Empty, "nothing written");
        foreach (string typ in new[] { "D", "C", "A", "G", "" })
        {
            JObject other = WithPayment(BaseInput(), mode, uncapturedMode: uncaptured, captured: captured);
            other["counterpoint"]!["SY_PAY_COD"]![0]!["PAY_TYP"] = typ;
            Assert.That(Codes(Plan(other)), Is.EqualTo(new[] { "CPO-PAY-CODE" }), "PAY_TYP '" + typ + "'");
        }
        Assert.That(Codes(PlanOk(CreditCard(WithPayment(BaseInput(), mode, uncapturedMode: uncaptured, captured: captured)))), Is.Empty, "PAY_TYP 'E' is planned");
    }

    [Test]
    public void A_deposit_with_a_cash_pay_code_is_still_planned()
    {
        Assert.That(Rows(PlanOk(WithPayment(BaseInput(), "DEPOSIT")), "PS_DOC_PMT").Select(p => (string)p["PAY_COD_TYP"]!), Is.EqualTo(new[] { "B", "B" }));
    }

    [Test]
    public void A_deposit_or_final_payment_needs_a_pay_code_allowed_on_orders()
    {
        JObject unmapped = WithPayment(BaseInput(), "DEPOSIT");
        ((JObject)unmapped["payment"]!)["payCodeMap"] = new JArray();
        Assert.That(Codes(Plan(unmapped)), Is.EqualTo(new[] { "CPO-PAY-CODE" }), "no map row, no default");

        ((JObject)unmapped["payment"]!)["DefaultPayCod"] = "CASH";
        JObject withDefault = PlanOk(unmapped);
        Assert.That((string)Rows(withDefault, "PS_DOC_PMT")[0]["PAY_COD"]!, Is.EqualTo("CASH"), "the rule's DefaultPayCod");

        JObject notAllowed = WithPayment(BaseInput(), "FINAL");
        notAllowed["counterpoint"]!["SY_PAY_COD"]![0]!["ALLOW_FOR_ORDS"] = "N";
        Assert.That(Codes(Plan(notAllowed)), Is.EqualTo(new[] { "CPO-PAY-CODE" }));

        JObject missing = WithPayment(BaseInput(), "FINAL");
        missing["counterpoint"]!["SY_PAY_COD"] = new JArray();
        Assert.That(Codes(Plan(missing)), Is.EqualTo(new[] { "CPO-PAY-CODE" }), "the mapped code is not in SY_PAY_COD");
    }

    [Test]
    public void A_deposit_plan_with_numbers_needs_the_tickets_numbers()
    {
        JObject input = WithPayment(BaseInput(), "DEPOSIT");
        ((JObject)input["numbers"]!).Remove("DEP_TKT_NO");
        JObject plan = Plan(input);
        Assert.That(Codes(plan), Is.EqualTo(new[] { "CPO-NUMBERS" }));
        Assert.That((string)plan["problems"]![0]!["message"]!, Does.Contain("DEP_TKT_NO"));
    }

    [Test]
    public void An_order_without_a_payment_method_or_amount_gets_the_note_only()
    {
        JObject noMethod = WithPayment(BaseInput(), "DEPOSIT");
        noMethod["order"]!["payment_method"] = "";
        noMethod["order"]!["payment_method_title"] = "";
        JObject plan = PlanOk(noMethod);
        Assert.That((string)plan["payment"]!["treatment"]!, Is.EqualTo("NOTE"));
        Assert.That(Rows(plan, "PS_DOC_PMT"), Is.Empty);
        AssertPaymentReconciles(noMethod, plan, 0m);
    }

    [Test]
    public void An_unknown_mode_is_refused()
    {
        JObject input = WithPayment(BaseInput(), "LAYAWAY", uncapturedMode: "DEPOSIT");
        Assert.That(Codes(Plan(input)), Is.EqualTo(new[] { "CPO-PAY-MODE", "CPO-PAY-MODE" }));
    }
}
