using CpOrders.WooClr.Documents.Planning;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static CpOrders.WooClr.Tests.Planning.PlanHarness;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Seeded fuzzing of the planner's input: any value replaced, removed or retyped. The planner itself (not the SQL entry
/// point, which would hide a bug as CPO-INTERNAL) must never throw, must answer JSON, and an ok plan must still reconcile.
/// </summary>
public class PlannerFuzzTests
{
    private static readonly JToken[] Replacements =
    {
        JValue.CreateNull(), new JValue(""), new JValue("x"), new JValue(-1), new JValue(0), new JValue("1e30"), new JValue(12345678901234567890m), new JValue("99999999999999999.99"),
        new JValue(true), new JArray(), new JObject(), new JValue("1.123456"), new JValue("-0.01"), new JValue("\u0000\uD800"), new JValue(long.MaxValue),
    };

    [Test]
    public void Mutated_inputs_never_throw([Values(1, 2, 3, 4)] int seed)
    {
        var rnd = new Random(seed);
        for (int n = 0; n < 400; n++)
        {
            JObject input = CouponLikeInput();
            var tokens = input.Descendants().OfType<JValue>().Cast<JToken>().Concat(input.Descendants().OfType<JContainer>()).ToList();
            int edits = 1 + rnd.Next(3);
            for (int e = 0; e < edits; e++)
            {
                JToken t = tokens[rnd.Next(tokens.Count)];
                if (t.Parent == null || t.Root != input) continue;
                JToken replacement = Replacements[rnd.Next(Replacements.Length)].DeepClone();
                if (t.Parent is JProperty p) { if (rnd.Next(4) == 0) p.Remove(); else p.Value = replacement; }
                else if (t.Parent is JArray a) { if (rnd.Next(3) == 0) t.Remove(); else t.Replace(replacement); }
            }
            string text = input.ToString(Formatting.None);
            string plan;
            try
            {
                plan = new OrderPlanner().PlanToJson(text);
            }
            catch (Exception ex)
            {
                Assert.Fail("seed " + seed + " case " + n + ": " + ex + "\n" + text);
                return;
            }
            JObject parsed = Parse(plan);
            if ((bool)parsed["ok"]!) ReconciliationTests.AssertReconciles(input, parsed);
        }
    }

    private static JObject CouponLikeInput()
    {
        JObject input = BaseInput();
        var order = (JObject)input["order"]!;
        ((JArray)order["line_items"]!).Add(Line(2, "BALL-DOZ", 1, "24.00", "20.00", "0.00"));
        order["shipping_lines"] = new JArray(new JObject { ["id"] = 5, ["method_id"] = "flat_rate", ["method_title"] = "Flat", ["total"] = "5.00", ["total_tax"] = "0.00" });
        order["fee_lines"] = new JArray(new JObject { ["id"] = 6, ["name"] = "Fee", ["total"] = "1.00", ["total_tax"] = "0.00" });
        order["shipping_total"] = "5.00";
        order["total"] = "461.99";
        input["customer"]!["mode"] = "CREATE";
        input["numbers"]!["CUST_NO"] = "W1";
        return input;
    }

    [Test]
    public void The_fuzz_base_input_plans()
    {
        JObject input = CouponLikeInput();
        AssertReconcilesOk(input);
    }

    private static void AssertReconcilesOk(JObject input)
    {
        JObject plan = PlanOk(input);
        ReconciliationTests.AssertReconciles(input, plan);
    }
}
