using System.Data.SqlTypes;
using CpOrders.WooClr.Documents.Planning;
using CpOrders.WooClr.SqlSurface;
using Newtonsoft.Json.Linq;
using static CpOrders.WooClr.Tests.Planning.PlanHarness;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Every problem code fails on wrong input: each case mutates the good 70039 input in one way and expects exactly that
/// code (and no rows); the unmutated input has no problems (so each case's code comes from its mutation).
/// </summary>
public class ProblemCodeTests
{
    public static IEnumerable<TestCaseData> Mutations()
    {
        yield return Case("CPO-INPUT", "store missing", i => i.Remove("store"));
        yield return Case("CPO-INPUT", "stock location missing", i => ((JObject)i["store"]!).Remove("StkLocId"));
        yield return Case("CPO-INPUT", "PS_STR_CFG_PS missing", i => ((JObject)i["counterpoint"]!).Remove("PS_STR_CFG_PS"));
        yield return Case("CPO-INPUT", "amount not a number", i => i["counterpoint"]!["IM_INV"]![0]!["LST_AVG_COST"] = "abc");
        yield return Case("CPO-ORDER", "order text not JSON", i => i["order"] = "{not json");
        yield return Case("CPO-ORDER", "order field of the wrong form", i => i["order"]!["total"] = new JArray());
        yield return Case("CPO-ORDER", "shipping_total with 3 decimals", i => i["order"]!["shipping_total"] = "0.005");
        yield return Case("CPO-ORDER", "tax line with 3 decimals", i => i["order"]!["tax_lines"]![0]!["tax_total"] = "8.001");
        yield return Case("CPO-ORDER", "total with 3 decimals", i => i["order"]!["total"] = "435.991");
        yield return Case("CPO-ORDER", "fee with 3 decimals", i => AddFee(i, "1.005"));
        yield return Case("CPO-ORDER", "shipping line beyond decimal(15,2)", i =>
        {
            i["order"]!["shipping_lines"] = new JArray(new JObject { ["id"] = 5, ["method_id"] = "flat_rate", ["method_title"] = "Flat", ["total"] = "99999999999999.00", ["total_tax"] = "0.00" });
            i["order"]!["shipping_total"] = "99999999999999.00";
        });
        yield return Case("CPO-CURRENCY", "EUR order in a USD store", i => i["order"]!["currency"] = "EUR");
        yield return Case("CPO-ORDER-REFUNDED", "refund present", i => i["order"]!["refunds"] = new JArray(new JObject { ["id"] = 1, ["reason"] = "x", ["total"] = "-10.00" }));
        yield return Case("CPO-NO-LINES", "no lines", i => i["order"]!["line_items"] = new JArray());
        yield return Case("CPO-SKU", "line without SKU", i => i["order"]!["line_items"]![0]!["sku"] = "");
        yield return Case("CPO-ITEM-UNKNOWN", "SKU not an item", i => i["order"]!["line_items"]![0]!["sku"] = "NOPE");
        yield return Case("CPO-ITEM-TYPE", "kit item type", i => i["counterpoint"]!["IM_ITEM"]![0]!["ITEM_TYP"] = "K");
        yield return Case("CPO-ITEM-GRIDDED", "gridded item", i => i["counterpoint"]!["IM_ITEM"]![0]!["TRK_METH"] = "G");
        yield return Case("CPO-ITEM-SERIALIZED", "serialized item", i => i["counterpoint"]!["IM_ITEM"]![0]!["TRK_METH"] = "S");
        yield return Case("CPO-UNIT", "suffix unit without ALT unit", i =>
        {
            i["store"]!["unitSuffixes"] = new JArray(new JObject { ["Suffix"] = "-SCD", ["SellUnit"] = "2" });
            i["counterpoint"]!["IM_ITEM"]![0]!["ITEM_NO"] = "ADM";
            i["counterpoint"]!["IM_INV"]![0]!["ITEM_NO"] = "ADM";
        });
        yield return Case("CPO-QTY", "quantity zero", i => i["order"]!["line_items"]![0]!["quantity"] = 0);
        yield return Case("CPO-QTY", "fractional quantity", i => i["order"]!["line_items"]![0]!["quantity"] = 1.5);
        yield return Case("CPO-LINE-AMOUNT", "total above subtotal", i => i["order"]!["line_items"]![0]!["total"] = "400.00");
        yield return Case("CPO-LINE-AMOUNT", "three decimals", i => i["order"]!["line_items"]![0]!["subtotal"] = "399.995");
        yield return Case("CPO-DISC-ID", "coupon without a line discount id", i =>
        {
            ((JObject)i["store"]!).Remove("LineDiscId");
            i["order"]!["line_items"]![0]!["total"] = "389.99";
            i["order"]!["total"] = "425.99";
        });
        yield return Case("CPO-DISC-ID", "line discount id not positive", i => i["store"]!["LineDiscId"] = 0);
        yield return Case("CPO-SHIP-VIA", "unmapped shipping method", i => i["order"]!["shipping_lines"] = new JArray(new JObject { ["id"] = 1, ["method_id"] = "local_pickup", ["method_title"] = "Pickup", ["total"] = "0.00", ["total_tax"] = "0.00" }));
        yield return Case("CPO-MISC-CHARGE", "shipping misc charge not enabled", i => i["store"]!["ShippingMiscChargeNo"] = 3);
        yield return Case("CPO-MISC-CHARGE", "shipping misc charge out of range", i => i["store"]!["ShippingMiscChargeNo"] = 7);
        yield return Case("CPO-MISC-CHARGE", "fees and shipping on the same misc charge", i =>
        {
            i["store"]!["FeeMiscChargeNo"] = 1;
            i["order"]!["shipping_lines"] = new JArray(new JObject { ["id"] = 5, ["method_id"] = "flat_rate", ["method_title"] = "Flat", ["total"] = "5.00", ["total_tax"] = "0.00" });
            i["order"]!["shipping_total"] = "5.00";
            i["order"]!["total"] = "440.99";
            AddFee(i, "2.00");
        });
        yield return Case("CPO-FEE", "fee without a fee misc charge", i =>
        {
            ((JObject)i["store"]!).Remove("FeeMiscChargeNo");
            AddFee(i, "2.00");
        });
        yield return Case("CPO-FEE", "negative fee", i => AddFee(i, "-2.00"));
        yield return Case("CPO-TAX-UNMAPPED", "tax rate not mapped", i => ((JArray)i["store"]!["taxMap"]!).RemoveAt(0));
        yield return Case("CPO-TAX-UNMAPPED", "line taxed by a rate the order does not list", i => ((JArray)i["order"]!["line_items"]![0]!["taxes"]!).Add(new JObject { ["id"] = 99, ["total"] = "0.01" }));
        yield return Case("CPO-TAX-STRATEGY", "unknown strategy", i => i["store"]!["TaxStrategy"] = "WHATEVER");
        yield return Case("CPO-TAX-RATE", "rates strategy without RatePercent", i =>
        {
            i["store"]!["TaxStrategy"] = "COUNTERPOINT_RATES";
            i["store"]!["taxMap"]![1]!["RatePercent"] = null;
        });
        yield return Case("CPO-TAX-MISMATCH", "tax lines do not add up", i => i["order"]!["tax_lines"]![0]!["tax_total"] = "8.01");
        yield return Case("CPO-TAX-MISMATCH", "line taxes off by more than a cent per line", i => i["order"]!["line_items"]![0]!["total_tax"] = "35.98");
        yield return Case("CPO-TOTAL-MISMATCH", "total off by a cent", i => i["order"]!["total"] = "436.00");
        yield return Case("CPO-CUSTOMER", "no mode", i => ((JObject)i["customer"]!).Remove("mode"));
        yield return Case("CPO-CUSTOMER", "no billing and no shipping address", i =>
        {
            i["order"]!["billing"] = new JObject { ["email"] = "bill@example.com" };
            i["order"]!["shipping"] = new JObject();
        });
        yield return Case("CPO-CUSTOMER", "no customer row", i => ((JObject)i["counterpoint"]!).Remove("AR_CUST"));
        yield return Case("CPO-CUSTOMER", "create without a billing name", i =>
        {
            i["customer"]!["mode"] = "CREATE";
            i["numbers"]!["CUST_NO"] = "W9";
            i["order"]!["billing"]!["first_name"] = "";
            i["order"]!["billing"]!["last_name"] = " ";
        });
        yield return Case("CPO-TEXT-CHARSET", "city in Chinese", i => i["order"]!["billing"]!["city"] = "北京");
        yield return Case("CPO-TEXT-CHARSET", "emoji in a name", i => i["order"]!["shipping"]!["last_name"] = "Baker \U0001F600");
        yield return Case("CPO-TEXT-TOO-LONG", "postcode longer than ZIP_COD", i => i["order"]!["billing"]!["postcode"] = "12345-6789-0123-4");
        yield return Case("CPO-TEXT-TOO-LONG", "e-mail longer than EMAIL_ADRS_1", i => i["order"]!["billing"]!["email"] = new string('a', 45) + "@example.com");
        yield return Case("CPO-NUMBERS", "numbers without DOC_ID", i => ((JObject)i["numbers"]!).Remove("DOC_ID"));
        yield return Case("CPO-NUMBERS", "CREATE without a new CUST_NO", i => i["customer"]!["mode"] = "CREATE");
        yield return Case("CPO-NUMBERS", "TKT_NO outside 1252", i => i["numbers"]!["TKT_NO"] = "W\u4e00");
        yield return Case("CPO-NUMBERS", "GUID malformed", i => i["numbers"]!["DOC_GUID"] = "not-a-guid");
    }

    private static void AddFee(JObject i, string amount)
    {
        i["order"]!["fee_lines"] = new JArray(new JObject { ["id"] = 6, ["name"] = "Handling", ["total"] = amount, ["total_tax"] = "0.00" });
        decimal total = M((string)i["order"]!["total"]!) + M(amount);
        i["order"]!["total"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static TestCaseData Case(string code, string name, Action<JObject> mutate)
    {
        return new TestCaseData(code, mutate).SetName(code + ": " + name);
    }

    [Test]
    public void The_unmutated_input_has_no_problems()
    {
        Assert.That(Codes(Plan(BaseInput())), Is.Empty);
    }

    [TestCaseSource(nameof(Mutations))]
    public void Wrong_input_gives_its_code_and_no_rows(string code, Action<JObject> mutate)
    {
        JObject input = BaseInput();
        mutate(input);
        JObject plan = Plan(input);
        Assert.That((bool)plan["ok"]!, Is.False);
        Assert.That(Codes(plan), Has.Member(code), plan["problems"]!.ToString());
        Assert.That(Codes(plan).Distinct(), Is.EquivalentTo(new[] { code }), "only the mutation's problem");
        foreach (JToken p in plan["problems"]!) Assert.That(((string)p["message"]!).Length, Is.GreaterThan(20), "a sentence a DBA can act on");
        foreach (string key in new[] { "PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_HDR_TOT", "IM_INV", "AR_CUST" })
        {
            Assert.That(Rows(plan, key), Is.Empty, key);
        }
    }

    /// <summary>Finding 13: input strings are trimmed as the contract says (Counterpoint's char columns come padded).</summary>
    [Test]
    public void Input_strings_are_trimmed()
    {
        JObject input = BaseInput();
        input["store"]!["CpStrId"] = "MAIN  ";
        input["store"]!["TaxStrategy"] = " WEB_AS_CHARGED ";
        input["counterpoint"]!["AR_CUST"]!["CUST_NO"] = "1000   ";
        input["counterpoint"]!["IM_ITEM"]![0]!["CATEG_COD"] = "GOLF      ";
        input["counterpoint"]!["AR_CUST"]!["TERMS_COD"] = "   ";
        JObject plan = PlanOk(input);
        JObject h = Row(plan, "PS_DOC_HDR");
        Assert.That(((string)h["STR_ID"]!, (string)h["CUST_NO"]!, (string)Row(plan, "PS_DOC_LIN")["CATEG_COD"]!), Is.EqualTo(("MAIN", "1000", "GOLF")));
        Assert.That(h["TERMS_COD"]!.Type, Is.EqualTo(JTokenType.Null), "blank = null");
    }

    /// <summary>Finding 18: a phone number too long is cut with a note (not an identifier); an e-mail too long stays refused.</summary>
    [Test]
    public void A_long_phone_is_truncated_with_a_note()
    {
        JObject input = BaseInput();
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        string phone = "+1 901-555-0100 ext. 12345 (office)";
        input["order"]!["billing"]!["phone"] = phone;
        JObject plan = PlanOk(input);
        Assert.That((string)Row(plan, "PS_DOC_CONTACT", 0)["PHONE_1"]!, Is.EqualTo("+1 901-555-0100 ext. 1234"));
        Assert.That(((string)Row(plan, "AR_CUST")["PHONE_1"]!).Length, Is.LessThanOrEqualTo(25));
        JToken note = Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "TEXT TRUNCATED");
        Assert.That((string)note["NOTE_TXT"]!, Does.Contain(phone));
    }

    /// <summary>Finding 15: a new shopper is not flagged as an e-commerce customer (Counterpoint would not merge it with a store customer).</summary>
    [Test]
    public void A_new_customer_is_not_flagged_as_ecommerce()
    {
        JObject input = BaseInput();
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        Assert.That((string)Row(PlanOk(input), "AR_CUST")["IS_ECOMM_CUST"]!, Is.EqualTo("N"));
    }

    /// <summary>Finding 8: decomposed names (NFD: e + combining acute) are composed first (NFC) and are then in 1252.</summary>
    [Test]
    public void Decomposed_names_are_composed_before_the_1252_check()
    {
        JObject input = BaseInput();
        input["order"]!["billing"]!["first_name"] = "Jose\u0301";
        input["order"]!["billing"]!["city"] = "Mu\u0308nchen";
        JObject plan = PlanOk(input);
        JObject bill = Row(plan, "PS_DOC_CONTACT", 0);
        Assert.That(((string)bill["FST_NAM"]!, (string)bill["CITY"]!), Is.EqualTo(("Jos\u00e9", "M\u00fcnchen")));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        JObject input = BaseInput();
        input["order"]!["currency"] = "EUR";
        input["order"]!["line_items"]![0]!["sku"] = "NOPE";
        input["store"]!["ShippingMiscChargeNo"] = 3;
        ((JArray)input["store"]!["taxMap"]!).RemoveAt(0);
        input["order"]!["billing"]!["postcode"] = "12345-6789-0123-4";
        input["order"]!["total"] = "436.00";
        JObject plan = Plan(input);
        Assert.That(Codes(plan), Is.SupersetOf(new[] { "CPO-CURRENCY", "CPO-ITEM-UNKNOWN", "CPO-MISC-CHARGE", "CPO-TAX-UNMAPPED", "CPO-TEXT-TOO-LONG", "CPO-TOTAL-MISMATCH" }));
        Assert.That(plan["problems"]!.First(p => (string)p["code"]! == "CPO-ITEM-UNKNOWN")["line"]!.Value<int>(), Is.EqualTo(1), "the WooCommerce line");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("[1,2]")]
    [TestCase("{\"order\":")]
    [TestCase("{}")]
    public void Input_that_is_not_a_plan_input_is_a_problem_never_an_exception(string? input)
    {
        JObject plan = PlanText(input);
        Assert.That((bool)plan["ok"]!, Is.False);
        Assert.That(Codes(plan), Has.Member("CPO-INPUT"));
    }

    [Test]
    public void Internal_errors_have_their_own_code_and_shape()
    {
        // The entry point's catch answers PlanJson.Problem(CPO-INTERNAL, ...); no known input reaches it, so its shape is checked here.
        JObject plan = Parse(PlanJson.Problem(PlanCodes.Internal, "internal error in the order planner (X): y"));
        Assert.That((bool)plan["ok"]!, Is.False);
        Assert.That(Codes(plan), Is.EqualTo(new[] { "CPO-INTERNAL" }));
        Assert.That(plan["problems"]![0]!["line"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public void Truncated_names_are_cut_with_a_note_and_transliterated_letters_kept_readable()
    {
        JObject input = BaseInput();
        input["order"]!["shipping"]!["address_1"] = "Ulica Łódzka 12, wejście od podwórza, klatka B, lokal 4";
        input["order"]!["billing"]!["last_name"] = "Ştefănescu";
        JObject plan = PlanOk(input);
        JObject ship = Row(plan, "PS_DOC_CONTACT", 1);
        Assert.That((string)ship["ADRS_1"]!, Has.Length.LessThanOrEqualTo(40));
        Assert.That((string)ship["ADRS_1"]!, Does.StartWith("Ulica L\u00f3dzka 12, wejscie od podw\u00f3rza"), "Ł and ś transliterated, ó is in 1252");
        Assert.That((string)Row(plan, "PS_DOC_CONTACT", 0)["LST_NAM"]!, Is.EqualTo("Stefanescu"));
        JToken note = Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "TEXT TRUNCATED");
        Assert.That((string)note["NOTE_TXT"]!, Does.Contain("lokal 4"), "the full value is kept in the note");
        Assert.That(plan["notes"]!.Select(n => (string)n!), Has.Some.Contains("shipping address 1"));
    }

    [Test]
    public void Upper_case_names_stay_in_1252()
    {
        JObject input = BaseInput();
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        input["order"]!["billing"]!["first_name"] = "J\u00e9r\u00f4me \u00b5";
        input["order"]!["billing"]!["last_name"] = "\u00fflle";
        JObject c = Row(PlanOk(input), "AR_CUST");
        Assert.That((string)c["FST_NAM_UPR"]!, Is.EqualTo("J\u00c9R\u00d4ME \u00b5"), "µ has no capital in 1252 and stays");
        Assert.That((string)c["LST_NAM_UPR"]!, Is.EqualTo("\u0178LLE"), "ÿ -> Ÿ (0x9F in 1252)");
    }

    [Test]
    public void Notes_keep_characters_outside_1252_visibly()
    {
        JObject input = BaseInput();
        input["order"]!["customer_note"] = "Merci 🙂 — 北京";
        JObject plan = PlanOk(input);
        JToken note = Rows(plan, "PS_DOC_NOTE").Single(n => (string)n["NOTE_ID"]! == "CUSTOMER NOTE");
        Assert.That((string)note["NOTE_TXT"]!, Is.EqualTo("Merci [U+1F642] \u2014 [U+5317][U+4EAC]"));
        Assert.That((string)note["NOTE"]!, Does.StartWith("{\\rtf1").And.Contain("\\'97"), "RTF with the 1252 byte of the em dash");
    }

    [Test]
    public void PlanColumns_lists_exactly_the_columns_every_row_carries()
    {
        var method = typeof(PlanningFunctions).GetMethod(nameof(PlanningFunctions.PlanColumns))!;
        var rows = new List<(string key, string table, string column, int ordinal, bool nullable)>();
        foreach (object r in (System.Collections.IEnumerable)method.Invoke(null, null)!)
        {
            PlanningFunctions.FillPlanColumnRow(r, out SqlString key, out SqlString table, out SqlString column, out SqlString type,
                out SqlInt32 max, out SqlInt32 precision, out SqlInt32 scale, out SqlBoolean nullable, out SqlBoolean hasDefault, out SqlInt32 ordinal);
            rows.Add((key.Value, table.Value, column.Value, ordinal.Value, nullable.Value));
        }
        JObject input = BaseInput();
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        ((JArray)input["order"]!["line_items"]!).Add(Line(2, "GLOVE", 2, "25.00", "20.00", "0.00"));   // with a coupon: a PS_DOC_DISC row
        input["order"]!["total"] = "455.99";
        WithPayment(input, "DEPOSIT");   // a deposit: payment rows, the ticket and its link (issue 15)
        JObject plan = PlanOk(input);
        foreach (var group in rows.GroupBy(r => r.key))
        {
            JArray planned = Rows(plan, group.Key);
            Assert.That(planned, Is.Not.Empty, group.Key + " has rows in this plan");
            var expected = group.OrderBy(r => r.ordinal).Select(r => r.column).ToList();
            if (group.Key == "IM_INV") expected.Add("IS_NEW_ROW");
            foreach (JObject row in planned)
            {
                Assert.That(row.Properties().Select(p => p.Name), Is.EqualTo(expected), group.Key);
                // With numbers given, every column NOT NULL in the reference has a value (the reference test proves the flags).
                foreach (var c in group.Where(c => !c.nullable)) Assert.That(row[c.column]!.Type, Is.Not.EqualTo(JTokenType.Null), group.Key + "." + c.column);
            }
        }
        Assert.That(rows.Select(r => r.key).Distinct(), Is.EquivalentTo(plan.Properties().Select(p => p.Name).Except(new[] { "ok", "problems", "notes", "payment" })));
    }
}
