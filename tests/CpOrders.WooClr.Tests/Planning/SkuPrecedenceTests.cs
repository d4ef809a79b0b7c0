using Newtonsoft.Json.Linq;
using static CpOrders.WooClr.Tests.Planning.PlanHarness;

namespace CpOrders.WooClr.Tests.Planning;

/// <summary>
/// Review finding 1 (the reviewer's two probes): a SKU that is itself an item is that item, even when it ends in a unit
/// suffix; a suffix only strips to an item that exists. The base store maps suffix -DOZ to unit 1 (BALL's DOZ).
/// </summary>
public class SkuPrecedenceTests
{
    private static JObject OrderOf(string sku, JObject item)
    {
        JObject input = BaseInput();
        ((JArray)input["counterpoint"]!["IM_ITEM"]!).Add(item);
        var order = (JObject)input["order"]!;
        order["line_items"] = new JArray(Line(1, sku, 1, "30.00", "30.00", "0.00"));
        order["tax_lines"] = new JArray();
        order["cart_tax"] = "0.00";
        order["total_tax"] = "0.00";
        order["total"] = "30.00";
        return input;
    }

    [Test]
    public void An_exact_item_wins_over_a_unit_suffix()
    {
        // Probe 1: item BALL-DOZ exists; BALL (with its DOZ unit) exists too. Was: BALL by the dozen, 12 committed.
        JObject plan = PlanOk(OrderOf("BALL-DOZ", Item("BALL-DOZ", "Ball dozen box", 30m, 10m)));
        JObject lin = Row(plan, "PS_DOC_LIN");
        Assert.That(((string)lin["ITEM_NO"]!, (string)lin["SELL_UNIT"]!), Is.EqualTo(("BALL-DOZ", "0")));
        Assert.That(((string)Row(plan, "IM_INV")["ITEM_NO"]!, Dec(Row(plan, "IM_INV"), "QTY_COMMIT")), Is.EqualTo(("BALL-DOZ", 1m)));
    }

    [Test]
    public void A_suffix_does_not_strip_to_an_item_that_cannot_sell_in_that_unit_when_the_whole_SKU_is_an_item()
    {
        // Probe 2: item GLOVE-DOZ exists; GLOVE has no ALT_1 unit. Was: CPO-UNIT.
        JObject plan = PlanOk(OrderOf("GLOVE-DOZ", Item("GLOVE-DOZ", "Glove dozen", 30m, 10m)));
        Assert.That(((string)Row(plan, "PS_DOC_LIN")["ITEM_NO"]!, (string)Row(plan, "PS_DOC_LIN")["SELL_UNIT"]!), Is.EqualTo(("GLOVE-DOZ", "0")));
    }

    [Test]
    public void A_suffix_still_strips_to_a_known_item_and_an_unknown_SKU_is_named_whole()
    {
        JObject plan = PlanOk(OrderOf("BALL-DOZ", Item("OTHER", "Other", 1m, 1m)));
        Assert.That(((string)Row(plan, "PS_DOC_LIN")["ITEM_NO"]!, (string)Row(plan, "PS_DOC_LIN")["SELL_UNIT"]!), Is.EqualTo(("BALL", "1")));

        JObject unknown = Plan(OrderOf("NOPE-DOZ", Item("OTHER", "Other", 1m, 1m)));
        Assert.That(Codes(unknown), Is.EqualTo(new[] { "CPO-ITEM-UNKNOWN" }));
        Assert.That((string)unknown["problems"]![0]!["message"]!, Does.Contain("is item 'NOPE-DOZ'"), "neither NOPE-DOZ nor NOPE exists: the whole SKU is named");
    }
}
