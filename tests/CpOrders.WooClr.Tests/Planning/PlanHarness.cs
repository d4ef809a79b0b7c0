using System.Data.SqlTypes;
using System.Globalization;
using CpOrders.WooClr.SqlSurface;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Builds planner inputs (as T-SQL's FOR JSON would) and calls wooclr.PlanOrderDocument exactly as SQL Server does
/// (SqlString in, SqlString out). Output is read with Newtonsoft (decimals as decimal), an oracle independent of clr/Json.
/// </summary>
public static class PlanHarness
{
    /// <summary>Parses JSON with every number as decimal and no date guessing.</summary>
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static JObject Plan(JObject input)
    {
        SqlString result = PlanningFunctions.PlanOrderDocument(new SqlString(input.ToString(Formatting.None)));
        Assert.That(result.IsNull, Is.False, "PlanOrderDocument never answers NULL");
        return Parse(result.Value);
    }

    public static JObject PlanText(string? input)
    {
        SqlString result = PlanningFunctions.PlanOrderDocument(input == null ? SqlString.Null : new SqlString(input));
        return Parse(result.Value);
    }

    /// <summary>A plan that must be ok: fails the test with every problem otherwise.</summary>
    public static JObject PlanOk(JObject input)
    {
        JObject plan = Plan(input);
        Assert.That((bool)plan["ok"]!, Is.True, "problems: " + plan["problems"]!.ToString(Formatting.None));
        return plan;
    }

    public static List<string> Codes(JObject plan)
    {
        return plan["problems"]!.Select(p => (string)p["code"]!).ToList();
    }

    public static JArray Rows(JObject plan, string key) => (JArray)plan[key]!;

    public static JObject Row(JObject plan, string key, int index = 0) => (JObject)Rows(plan, key)[index];

    public static decimal Dec(JToken row, string column) => row[column]!.Type == JTokenType.Null ? throw new AssertionException(column + " is null") : (decimal)row[column]!;

    public static decimal Sum(JObject plan, string key, string column) => Rows(plan, key).Sum(r => Dec(r, column));

    public static decimal M(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ inputs

    /// <summary>
    /// Counterpoint's demo store (CDM 16, 4): store MAIN, station 1, drawer 1, user MGR, location MAIN, tax code MEMTN, misc
    /// charge 1 enabled. The web store: USD, WEB_AS_CHARGED, shipping on misc charge 1, three tax rates mapped to MEMTN's
    /// authorities MEMPHIS 2%, SHELBY 3%, TN 4% (CDM 9).
    /// </summary>
    public static JObject BaseInput()
    {
        return new JObject
        {
            ["order"] = Order70039(),
            ["store"] = new JObject
            {
                ["StoreId"] = "WEB1",
                ["Currency"] = "USD",
                ["CpStrId"] = "MAIN",
                ["CpStaId"] = "1",
                ["CpDrwId"] = "1",
                ["CpUsrId"] = "MGR",
                ["StkLocId"] = "MAIN",
                ["PrcLocId"] = "MAIN",
                ["TaxStrategy"] = "WEB_AS_CHARGED",
                ["TaxCod"] = "MEMTN",
                ["ShippingMiscChargeNo"] = 1,
                ["FeeMiscChargeNo"] = 2,
                ["LineDiscId"] = 100000000000101L,
                ["skuMap"] = new JArray(),
                ["unitSuffixes"] = new JArray(new JObject { ["Suffix"] = "-DOZ", ["SellUnit"] = "1" }),
                ["taxMap"] = new JArray(
                    new JObject { ["WooRateId"] = 1, ["AuthCod"] = "MEMPHIS", ["RulCod"] = "TAX", ["RatePercent"] = 2.0000m },
                    new JObject { ["WooRateId"] = 2, ["AuthCod"] = "SHELBY", ["RulCod"] = "TAX", ["RatePercent"] = 3.0000m },
                    new JObject { ["WooRateId"] = 3, ["AuthCod"] = "TN", ["RulCod"] = "TAX", ["RatePercent"] = 4.0000m }),
                ["shipViaMap"] = new JArray(new JObject { ["WooMethodId"] = "flat_rate", ["InstanceId"] = 0, ["ShipViaCod"] = "UPS GROUND" }),
            },
            ["counterpoint"] = new JObject
            {
                ["PS_STR_CFG_PS"] = new JObject
                {
                    ["AR_TAX_COD"] = "MEMTN",
                    ["USE_MISC_1"] = "Y", ["USE_MISC_2"] = "Y", ["USE_MISC_3"] = "N", ["USE_MISC_4"] = "N", ["USE_MISC_5"] = "N",
                    ["DFLT_ORD_MISC_1_TYP"] = "A", ["DFLT_ORD_MISC_2_TYP"] = "A", ["DFLT_ORD_MISC_3_TYP"] = "A", ["DFLT_ORD_MISC_4_TYP"] = "A", ["DFLT_ORD_MISC_5_TYP"] = "P",
                },
                ["IM_ITEM"] = new JArray(ItemAdmScd(), Item("GLOVE", "Golf glove", 12.5000m, 4.1000m), ItemWithDozen(), Item("GIFTWRAP", "Gift wrapping", 5m, 0m, itemTyp: "N")),
                ["IM_INV"] = new JArray(new JObject { ["ITEM_NO"] = "ADM-SCD", ["LOC_ID"] = "MAIN", ["LST_AVG_COST"] = 161.2950m, ["LST_COST"] = 160.0000m },
                                        new JObject { ["ITEM_NO"] = "BALL", ["LOC_ID"] = "MAIN", ["LST_AVG_COST"] = 1.1000m }),
                ["AR_CUST"] = new JObject { ["CUST_NO"] = "1000", ["NAM"] = "Bill Baker", ["TAX_COD"] = "MEMTN", ["SHIP_VIA_COD"] = "UPS GROUND", ["TERMS_COD"] = "NET30", ["SHIP_ZONE_COD"] = "UPS ZONE 1" },
            },
            ["customer"] = new JObject { ["mode"] = "EXISTING" },
            ["numbers"] = new JObject
            {
                ["DOC_ID"] = 201126152631L,
                ["TKT_NO"] = "70039",
                ["DOC_GUID"] = "6f1c2b9e-1d2a-4c55-9a3e-0b7d2f4e8a11",
                ["CUST_NO"] = null,
                ["TKT_DT"] = "2020-05-05T03:40:10",
                ["nowUtc"] = "2020-05-05T08:40:10.123",
            },
            ["environment"] = new JObject { ["workstation"] = "SER04VVM512", ["server"] = "SER04VVM512", ["database"] = "TestGolf" },
        };
    }

    /// <summary>
    /// Payments (issue 15): the store's rule (woo.StorePaymentRule), its pay-code map, the pay code rows (SY_PAY_COD) and the
    /// web drawer's open session as woo.usp_GatherPlanInput passes them; order 70039's deposit as CDM 7.3 shows it (cash pay
    /// code, deposit ticket 100495 with DOC_ID 201326152630, drawer session 100000000000104). The order is paid in the shop
    /// (date_paid_gmt set) unless <paramref name="captured"/> is false.
    /// </summary>
    public static JObject WithPayment(JObject input, string mode, string uncapturedMode = "NOTE", bool captured = true, bool session = true)
    {
        var order = (JObject)input["order"]!;
        order["payment_method"] = "cod";
        order["payment_method_title"] = "Cash on delivery";
        order["transaction_id"] = "ch_3PqXyZ";
        order["date_paid_gmt"] = captured ? "2020-05-05T08:41:00" : null;
        input["payment"] = new JObject
        {
            ["Mode"] = mode, ["UncapturedMode"] = uncapturedMode, ["DefaultPayCod"] = null, ["DatePaidLocal"] = captured ? "2020-05-05T03:41:00" : null,
            ["payCodeMap"] = new JArray(new JObject { ["WooPaymentMethod"] = "cod", ["PayCod"] = "CASH" }),
        };
        var cp = (JObject)input["counterpoint"]!;
        cp["SY_PAY_COD"] = new JArray(new JObject { ["PAY_COD"] = "CASH", ["PAY_TYP"] = "B", ["DESCR"] = "Cash", ["ALLOW_FOR_ORDS"] = "Y" });
        if (session) cp["PS_DRW_SESSION"] = new JObject { ["DRW_SESSION_ID"] = 100000000000104L };
        var numbers = (JObject)input["numbers"]!;
        numbers["DEP_DOC_ID"] = 201326152630L;
        numbers["DEP_TKT_NO"] = "100495";
        numbers["DEP_DOC_GUID"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        return input;
    }

    /// <summary>IM_ITEM ADM-SCD as CDM 6 shows it on order 70039's line: GOLF/CLUBS/ADAMS, price 399.99, unit EACH, mix-match CLUBDEAL.</summary>
    public static JObject ItemAdmScd() => new JObject
    {
        ["ITEM_NO"] = "ADM-SCD", ["DESCR"] = "Adams Speedline driver", ["ITEM_TYP"] = "I", ["TRK_METH"] = "N", ["STAT"] = "A", ["IS_TXBL"] = "Y",
        ["STK_UNIT"] = "EACH", ["CATEG_COD"] = "GOLF", ["SUBCAT_COD"] = "CLUBS", ["ITEM_VEND_NO"] = "ADAMS", ["BARCOD"] = "ADM-SCD",
        ["MIX_MATCH_COD"] = "CLUBDEAL", ["IS_DISCNTBL"] = "Y", ["PRC_1"] = 399.9900m, ["REG_PRC"] = 399.9900m, ["LST_COST"] = 150.0000m,
        ["WEIGHT"] = 2.5000m,
    };

    public static JObject Item(string itemNo, string descr, decimal price, decimal cost, string itemTyp = "I", string trk = "N") => new JObject
    {
        ["ITEM_NO"] = itemNo, ["DESCR"] = descr, ["ITEM_TYP"] = itemTyp, ["TRK_METH"] = trk, ["STAT"] = "A", ["IS_TXBL"] = "Y",
        ["STK_UNIT"] = "EACH", ["CATEG_COD"] = "GOLF", ["IS_DISCNTBL"] = "Y", ["PRC_1"] = price, ["REG_PRC"] = price, ["LST_COST"] = cost,
    };

    /// <summary>BALL: stocking unit EACH, alternate unit 1 = DOZ (12 each), dozen price 24.00.</summary>
    public static JObject ItemWithDozen() => new JObject
    {
        ["ITEM_NO"] = "BALL", ["DESCR"] = "Golf ball", ["ITEM_TYP"] = "I", ["TRK_METH"] = "N", ["IS_TXBL"] = "Y", ["STK_UNIT"] = "EACH",
        ["PRC_1"] = 2.2500m, ["REG_PRC"] = 2.2500m, ["LST_COST"] = 1.0000m, ["ALT_1_UNIT"] = "DOZ", ["ALT_1_NUMER"] = 12m, ["ALT_1_DENOM"] = 1m,
        ["ALT_1_PRC_1"] = 24.0000m, ["WEIGHT"] = 0.1000m,
    };

    /// <summary>A WooCommerce order with order 70039's content: one ADM-SCD at 399.99, MEMTN 9% in three rates, total 435.99.</summary>
    public static JObject Order70039()
    {
        return new JObject
        {
            ["id"] = 4711, ["number"] = "4711", ["status"] = "processing", ["currency"] = "USD", ["prices_include_tax"] = false,
            ["date_created_gmt"] = "2020-05-05T08:40:00", ["customer_id"] = 12, ["customer_note"] = "",
            ["discount_total"] = "0.00", ["discount_tax"] = "0.00", ["shipping_total"] = "0.00", ["shipping_tax"] = "0.00",
            ["cart_tax"] = "36.00", ["total"] = "435.99", ["total_tax"] = "36.00",
            ["payment_method"] = "cod", ["payment_method_title"] = "Cash on delivery", ["transaction_id"] = "",
            ["billing"] = Address("Bill", "Baker", "", "1 Tiger Way", "Memphis", "TN", "38103", "US", "bill@example.com", "901-555-0100"),
            ["shipping"] = Address("Bill", "Baker", "Baker International", "500 Industrial Dr", "Memphis", "TN", "38118", "US", null, ""),
            ["line_items"] = new JArray(Line(1, "ADM-SCD", 1, "399.99", "399.99", "36.00", ("1", "8.00"), ("2", "12.00"), ("3", "16.00"))),
            ["tax_lines"] = new JArray(TaxLine(1, "MEMPHIS", "8.00", "0.00"), TaxLine(2, "SHELBY", "12.00", "0.00"), TaxLine(3, "TN", "16.00", "0.00")),
            ["shipping_lines"] = new JArray(), ["fee_lines"] = new JArray(), ["coupon_lines"] = new JArray(), ["refunds"] = new JArray(),
            ["meta_data"] = new JArray(),
        };
    }

    public static JObject Address(string first, string last, string company, string adrs, string city, string state, string zip, string country, string? email, string phone)
    {
        var a = new JObject
        {
            ["first_name"] = first, ["last_name"] = last, ["company"] = company, ["address_1"] = adrs, ["address_2"] = "", ["city"] = city,
            ["state"] = state, ["postcode"] = zip, ["country"] = country, ["phone"] = phone,
        };
        if (email != null) a["email"] = email;
        return a;
    }

    public static JObject Line(long id, string sku, int qty, string subtotal, string total, string totalTax, params (string rate, string amount)[] taxes)
    {
        return new JObject
        {
            ["id"] = id, ["name"] = sku + " (web)", ["product_id"] = 100 + id, ["variation_id"] = 0, ["quantity"] = qty, ["tax_class"] = "",
            ["subtotal"] = subtotal, ["subtotal_tax"] = totalTax, ["total"] = total, ["total_tax"] = totalTax,
            ["taxes"] = new JArray(taxes.Select(t => new JObject { ["id"] = int.Parse(t.rate, CultureInfo.InvariantCulture), ["total"] = t.amount, ["subtotal"] = t.amount })),
            ["meta_data"] = new JArray(), ["sku"] = sku, ["price"] = 1.0 / 3.0,
        };
    }

    public static JObject TaxLine(long rateId, string code, string tax, string shippingTax) => new JObject
    {
        ["id"] = 9000 + rateId, ["rate_code"] = "US-TN-" + code, ["rate_id"] = rateId, ["label"] = code, ["compound"] = false,
        ["tax_total"] = tax, ["shipping_tax_total"] = shippingTax,
    };

    /// <summary>
    /// Independent oracle: the order total recomputed from the WooCommerce JSON with woocommerce.md's arithmetic:
    /// Σ line total + Σ fee total + shipping_total (Σ shipping lines when absent) + total_tax; a missing amount counts 0.
    /// </summary>
    public static decimal OracleTotal(JObject order)
    {
        decimal lines = Amounts(order["line_items"]);
        decimal fees = Amounts(order["fee_lines"]);
        decimal shipping = order["shipping_total"] is JValue { Type: JTokenType.String } st && ((string)st!).Length > 0 ? M((string)st!) : Amounts(order["shipping_lines"]);
        return lines + fees + shipping + M((string)order["total_tax"]!);
    }

    private static decimal Amounts(JToken? array)
    {
        if (array is not JArray a) return 0m;
        return a.OfType<JObject>().Sum(l => l["total"] is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0 ? M((string)v!) : 0m);
    }
}
