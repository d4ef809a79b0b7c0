using CpOrders.WooClr.Documents.Skus;
using CpOrders.WooClr.Woo.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static CpOrders.WooClr.Tests.Planning.PlanHarness;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Issue 14: the order path's SKU normalisation is the stock path's. One table of SKUs, one store map and suffix list: the
/// order planner (through wooclr.PlanOrderDocument, the map and suffixes in the gathered input) and SkuRule (built as
/// wooclr.MapSkus builds it, from the same JSON) must give the expected item and selling unit, or the expected problem.
/// </summary>
public class SkuRuleAgreementTests
{
    // First row wins ("web-1" is WEB-1); Z-CS has no unit of its own (takes the suffix's); -BAD is an invalid unit.
    private static readonly JArray Map = new(
        new JObject { ["WooSku"] = "WEB-1", ["ItemNo"] = "CP-100" },
        new JObject { ["WooSku"] = "WEB-2-CS", ["ItemNo"] = "CP-200", ["SellUnit"] = "2" },
        new JObject { ["WooSku"] = "web-1", ["ItemNo"] = "OTHER" },
        new JObject { ["WooSku"] = "Z-CS", ["ItemNo"] = "Z9" },
        new JObject { ["WooSku"] = "NOITEM" },
        new JObject { ["WooSku"] = "MAP-BAD", ["ItemNo"] = "CP-100", ["SellUnit"] = "9" });

    private static readonly JArray Suffixes = new(
        new JObject { ["Suffix"] = "-CS", ["SellUnit"] = "1" },
        new JObject { ["Suffix"] = "-PK", ["SellUnit"] = "2" },
        new JObject { ["Suffix"] = "-X-CS", ["SellUnit"] = "3" },
        new JObject { ["Suffix"] = "-BAD", ["SellUnit"] = "7" });

    private static readonly string[] ItemNumbers = { "ABC-100", "ABC", "-CS", "CP-100", "CP-200", "Z9", "NOITEM", "OTHER", "EXACT-CS", "EXACT", "SOLO-PK" };

    // sku, expected item, expected unit, expected source (null when a problem), expected problem code
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("  ABC-100 ", "ABC-100", "0", SkuSource.Sku, null, "trimmed, stocking unit");
        yield return Case("ABC-100-cs", "ABC-100", "1", SkuSource.Suffix, null, "suffix matched case-insensitively");
        yield return Case("ABC-100-PK", "ABC-100", "2", SkuSource.Suffix, null, "another suffix");
        yield return Case("ABC-X-CS", "ABC", "3", SkuSource.Suffix, null, "the longest suffix wins");
        yield return Case("-CS", "-CS", "0", SkuSource.Sku, null, "a suffix must leave an item number");
        yield return Case("web-1", "CP-100", "0", SkuSource.Map, null, "map case-insensitive, first row wins");
        yield return Case("WEB-2-CS", "CP-200", "2", SkuSource.Map, null, "the map's unit wins over the suffix's");
        yield return Case("z-cs", "Z9", "1", SkuSource.Map, null, "a map row without unit takes the suffix's");
        yield return Case("NOITEM", "NOITEM", "0", SkuSource.Map, null, "a map row without item keeps the SKU");
        yield return Case("EXACT-CS", "EXACT-CS", "0", SkuSource.Sku, null, "an exact item wins over a unit suffix (finding 1)");
        yield return Case("SOLO-PK", "SOLO-PK", "0", SkuSource.Sku, null, "a suffix does not strip to an unknown item (finding 1)");
        yield return Case("ABC-BAD", null, null, null, SkuProblems.Unit, "suffix unit outside 0-5");
        yield return Case("MAP-BAD", null, null, null, SkuProblems.Unit, "map unit outside 0-5");
        yield return Case("   ", null, null, null, SkuProblems.Blank, "blank after trimming");
    }

    private static TestCaseData Case(string sku, string? item, string? unit, string? source, string? code, string why) =>
        new TestCaseData(sku, item, unit, source, code).SetName("SKU '" + sku + "': " + why);

    [TestCaseSource(nameof(Cases))]
    public void Planner_and_SkuRule_resolve_the_same(string sku, string? item, string? unit, string? source, string? code)
    {
        // Built as wooclr.MapSkus builds it, with the same item numbers the planner's input carries.
        SkuResolution rule = new SkuRule(SkuMapBuilder.ReadMap(Map.ToString(Formatting.None)), SkuMapBuilder.ReadSuffixes(Suffixes.ToString(Formatting.None)),
            SkuMapBuilder.ReadItemNumbers(new JArray(ItemNumbers.Concat(new[] { "ADM-SCD", "GLOVE", "BALL", "GIFTWRAP" })).ToString(Formatting.None))).Resolve(sku);
        JObject plan = Plan(Input(sku));
        if (code == null)
        {
            Assert.That((rule.ProblemCode, rule.ItemNo, rule.SellUnit, rule.Source), Is.EqualTo(((string?)null, item, unit, source)), "SkuRule");
            Assert.That((bool)plan["ok"]!, Is.True, "planner problems: " + plan["problems"]!.ToString(Formatting.None));
            JObject l = Row(plan, "PS_DOC_LIN");
            Assert.That(((string)l["ITEM_NO"]!, (string)l["SELL_UNIT"]!), Is.EqualTo((item, unit)), "planner");
        }
        else
        {
            Assert.That(rule.ProblemCode, Is.EqualTo(code), "SkuRule");
            Assert.That(Codes(plan), Is.EqualTo(new[] { code }), "planner");
            string message = (string)plan["problems"]![0]!["message"]!;
            if (code == SkuProblems.Unit)
            {
                Assert.That(message, Is.EqualTo("line 1 (" + sku + "): " + rule.Problem), "the same message, with the planner's line prefix");
            }
            else
            {
                Assert.That(message, Is.EqualTo("line 1 (" + sku + "): 'ADM-SCD (web)' has no SKU; give the product a SKU that is a Counterpoint item number (or map it in woo.StoreSkuMap)."),
                    "the planner keeps its own wording (it names the line's product)");
            }
        }
    }

    [Test]
    public void A_wrongly_typed_map_or_suffix_value_is_one_input_problem_whether_or_not_a_line_uses_it()
    {
        // The gathered input comes from nvarchar columns; an object there is a gathering fault, reported once.
        JObject input = Input("ABC-100");
        ((JArray)input["store"]!["skuMap"]!).Add(new JObject { ["WooSku"] = "UNUSED", ["ItemNo"] = new JObject() });
        ((JArray)input["store"]!["unitSuffixes"]!).Add(new JObject { ["Suffix"] = "-ZZ", ["SellUnit"] = new JArray() });
        JObject plan = Plan(input);
        Assert.That(Codes(plan), Is.EqualTo(new[] { "CPO-INPUT", "CPO-INPUT" }), plan["problems"]!.ToString(Formatting.None));
    }

    private static JObject Input(string sku)
    {
        JObject input = BaseInput();
        input["order"]!["line_items"]![0]!["sku"] = sku;
        input["order"]!["line_items"]![0]!["name"] = "ADM-SCD (web)";
        input["store"]!["skuMap"] = Map.DeepClone();
        input["store"]!["unitSuffixes"] = Suffixes.DeepClone();
        var items = (JArray)input["counterpoint"]!["IM_ITEM"]!;
        foreach (string itemNo in ItemNumbers)
        {
            JObject it = ItemAdmScd();
            it["ITEM_NO"] = itemNo;
            for (int n = 1; n <= 5; n++)
            {
                it["ALT_" + n + "_UNIT"] = "U" + n;
                it["ALT_" + n + "_NUMER"] = n + 1m;
                it["ALT_" + n + "_DENOM"] = 1m;
            }
            items.Add(it);
        }
        return input;
    }
}
