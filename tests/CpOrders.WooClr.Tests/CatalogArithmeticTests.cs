using System.Collections;
using System.Data.SqlTypes;
using CpOrders.WooClr.Documents.Skus;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Catalog;
using CpOrders.WooClr.Woo.Writes;

namespace CpOrders.WooClr.Tests;

/// <summary>
/// The pure catalog functions (design 11), called as SQL Server calls them: wooclr.AvailableToSell, wooclr.ToStockingUnits,
/// wooclr.StockUpdate, wooclr.MapSkus; and the parts behind them, one test per trap of woocommerce-catalog.md.
/// </summary>
public class CatalogArithmeticTests
{
    private static SqlDecimal D(decimal? d) => d.HasValue ? new SqlDecimal(d.Value) : SqlDecimal.Null;

    private static int? Available(decimal? onHand, decimal? commit, decimal? safety = null, decimal? staged = null, decimal? numer = null, decimal? denom = null)
    {
        SqlInt32 r = CatalogFunctions.AvailableToSell(D(onHand), D(commit), D(safety), D(staged), D(numer), D(denom));
        return r.IsNull ? null : r.Value;
    }

    // ---------------------------------------------------------------- availability

    [Test]
    public void Available_is_on_hand_minus_committed_not_on_hand()
    {
        // The predecessor pushed QTY_ON_HND: 10 on hand with 4 committed to open orders sold 4 twice.
        Assert.That(Available(10m, 4m), Is.EqualTo(6));
        Assert.That(Available(10m, 0m), Is.EqualTo(10));
    }

    [Test]
    public void Safety_stock_and_staged_unapplied_web_orders_are_subtracted()
    {
        Assert.That(Available(10m, 4m, safety: 2m), Is.EqualTo(4));
        Assert.That(Available(10m, 4m, safety: 2m, staged: 3m), Is.EqualTo(1), "3 units staged from the web, not yet in Counterpoint");
        Assert.That(Available(10m, 4m, safety: 2m, staged: 5m), Is.EqualTo(0), "never below zero");
    }

    [Test]
    public void Several_locations_are_summed_by_the_caller_and_a_negative_location_counts_against_the_others()
    {
        // Location A: on hand 2, committed 4 (oversold by 2); location B: on hand 5, committed 0.
        Assert.That(Available(2m + 5m, 4m + 0m), Is.EqualTo(3));
        Assert.That(Available(-3m, 0m), Is.EqualTo(0), "negative on hand sends 0, never a negative quantity");
    }

    [Test]
    public void Quantities_are_floored_to_whole_units_as_WooCommerce_stores_integers()
    {
        Assert.That(Available(2.75m, 0m), Is.EqualTo(2), "WooCommerce's intval would truncate 2.75 to 2; we floor deliberately");
        Assert.That(Available(0.9999m, 0m), Is.EqualTo(0));
    }

    [Test]
    public void Alternate_selling_units_convert_stocking_quantity_with_numer_and_denom()
    {
        // A case of 12 (ALT_1_NUMER 12, DENOM 1): 30 eaches available = 2 whole cases.
        Assert.That(Available(30m, 0m, numer: 12m, denom: 1m), Is.EqualTo(2));
        // Sold by the half (NUMER 1, DENOM 2): 3 stocking units = 6 selling units.
        Assert.That(Available(3m, 0m, numer: 1m, denom: 2m), Is.EqualTo(6));
        // A factor of 2/3 as stored: 2 stocking units / 0.666...67 = 2.999...98, which is 3 selling units (rounded to
        // 4 decimals before the floor; a bare floor would lose a unit).
        Assert.That(Available(2m, 0m, numer: 2m / 3m, denom: 1m), Is.EqualTo(3));
        Assert.That(CatalogFunctions.ToStockingUnits(D(2m), D(12m), D(1m)).Value, Is.EqualTo(24m));
        Assert.That(CatalogFunctions.ToStockingUnits(SqlDecimal.Null, D(12m), D(1m)).IsNull, Is.True);
    }

    [Test]
    public void Nulls_and_bad_arguments()
    {
        Assert.That(Available(null, 1m), Is.Null, "no inventory row: leave the stock");
        Assert.That(Available(5m, null), Is.EqualTo(5));
        Assert.That(() => Available(5m, 0m, safety: -1m), Throws.ArgumentException.With.Message.Contains("CPO-PARAM"));
        Assert.That(() => Available(5m, 0m, staged: -1m), Throws.ArgumentException.With.Message.Contains("CPO-PARAM"));
        Assert.That(Available(1e14m, 0m), Is.EqualTo(int.MaxValue));
    }

    [Test]
    public void A_bad_unit_factor_gives_null_for_that_row_and_never_throws_inside_the_push()
    {
        // Review r14 finding 4: IM_ITEM.ALT_n_NUMER/DENOM are decimal(11,0) NULL with no CHECK. Both functions run inside
        // set-based statements of woo.usp_PushStock; a throw on one item failed the whole store's push on every run.
        Assert.That(Available(5m, 0m, numer: 0m, denom: 1m), Is.Null);
        Assert.That(Available(5m, 0m, numer: 12m, denom: 0m), Is.Null);
        Assert.That(Available(5m, 0m, numer: -1m, denom: 1m), Is.Null);
        Assert.That(CatalogFunctions.ToStockingUnits(D(2m), D(0m), D(1m)).IsNull, Is.True);
        Assert.That(CatalogFunctions.ToStockingUnits(D(2m), D(12m), D(-1m)).IsNull, Is.True);
        Assert.That(Available(30m, 0m, numer: 12m, denom: 1m), Is.EqualTo(2), "a good factor still converts");
    }

    [Test]
    public void The_unit_rule_is_the_planners_CPO_UNIT_rule()
    {
        // Review r14 finding 3: a unit SKU whose unit Counterpoint does not define is a SKU problem, never counted 1:1.
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "0", null, null, null), Is.Null, "the stocking unit needs no ALT_n_");
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "2", "CS", 12m, 1m), Is.Null);
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "2", null, 12m, 1m), Does.Contain("ALT_2_UNIT/NUMER/DENOM"));
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "2", "CS", null, 1m), Is.Not.Null);
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "2", "CS", 12m, 0m), Is.Not.Null);
        Assert.That(SkuRule.UnitProblem("ABC-CS12", "ABC", "2", "CS", 0m, 1m), Is.Not.Null);
    }

    // ---------------------------------------------------------------- delta decision

    private static StockDeltaDecision Decide(long id = 101, long? parentId = null, string type = "simple", string? manage = "true", decimal? baseline = 5m,
        string? baselineStatus = "instock", int? wanted = 5, bool manageUnmanaged = false, bool statusWhenUnmanaged = false,
        string? wantedRegular = null, string? baselineRegular = null, string? wantedSale = null, string? baselineSale = null,
        string? wantedStatus = null, string? baselineStatus2 = null, string? wantedName = null, string? baselineName = null)
    {
        IEnumerable rows = CatalogFunctions.StockUpdate(new SqlInt64(id), parentId.HasValue ? new SqlInt64(parentId.Value) : SqlInt64.Null, new SqlString(type),
            manage == null ? SqlString.Null : new SqlString(manage), D(baseline), baselineStatus == null ? SqlString.Null : new SqlString(baselineStatus),
            wanted.HasValue ? new SqlInt32(wanted.Value) : SqlInt32.Null, new SqlBoolean(manageUnmanaged), new SqlBoolean(statusWhenUnmanaged),
            S(wantedRegular), S(baselineRegular), S(wantedSale), S(baselineSale), S(wantedStatus), S(baselineStatus2), S(wantedName), S(baselineName));
        object row = rows.Cast<object>().Single();
        CatalogFunctions.FillStockUpdateRow(row, out SqlBoolean send, out SqlString endpoint, out SqlInt64 key, out SqlString json, out SqlString reason);
        return new StockDeltaDecision { Send = send.Value, Endpoint = endpoint.Value, BatchKey = key.Value, UpdateJson = json.IsNull ? null : json.Value, Reason = reason.Value };
    }

    private static SqlString S(string? s) => s == null ? SqlString.Null : new SqlString(s);

    [Test]
    public void No_change_sends_nothing()
    {
        StockDeltaDecision d = Decide(baseline: 5m, wanted: 5);
        Assert.That(d.Send, Is.False);
        Assert.That(d.UpdateJson, Is.Null);
        Assert.That(Decide(wanted: 5, wantedRegular: "19.9", baselineRegular: "19.90").Send, Is.False, "prices compare as numbers");
    }

    [Test]
    public void A_changed_quantity_always_goes_with_manage_stock_true()
    {
        // Trap: stock_quantity without manage_stock is dropped with 200 OK.
        StockDeltaDecision d = Decide(baseline: 5m, wanted: 3);
        Assert.That(d.Send, Is.True);
        Assert.That(d.UpdateJson, Is.EqualTo("{\"id\":101,\"manage_stock\":true,\"stock_quantity\":3}"));
        Assert.That(d.Endpoint, Is.EqualTo("products/batch"));
        Assert.That(d.BatchKey, Is.EqualTo(0));
        Assert.That(Decide(baseline: null, wanted: 3).Send, Is.True, "unknown baseline: send");
        Assert.That(Decide(baseline: 5m, wanted: -2).UpdateJson, Does.Contain("\"stock_quantity\":0"), "never below zero");
    }

    [Test]
    public void A_variation_goes_to_its_parents_batch()
    {
        StockDeltaDecision d = Decide(id: 205, parentId: 200, type: "variation", baseline: 1m, wanted: 0);
        Assert.That(d.Endpoint, Is.EqualTo("products/200/variations/batch"));
        Assert.That(d.BatchKey, Is.EqualTo(200));
        Assert.That(d.UpdateJson, Is.EqualTo("{\"id\":205,\"manage_stock\":true,\"stock_quantity\":0}"));
    }

    [Test]
    public void A_variation_whose_parent_manages_the_stock_is_left_alone_unless_the_store_takes_it_over()
    {
        // Trap: manage_stock "parent" - writing it would switch the variation to its own stock.
        StockDeltaDecision d = Decide(id: 205, parentId: 200, type: "variation", manage: "parent", baseline: 7m, wanted: 3);
        Assert.That(d.Send, Is.False);
        Assert.That(d.Reason, Does.Contain("parent"));
        StockDeltaDecision taken = Decide(id: 205, parentId: 200, type: "variation", manage: "parent", baseline: 7m, wanted: 3, manageUnmanaged: true);
        Assert.That(taken.UpdateJson, Is.EqualTo("{\"id\":205,\"manage_stock\":true,\"stock_quantity\":3}"));
    }

    [Test]
    public void Unmanaged_products_are_left_alone_or_get_a_stock_status_when_the_store_says_so()
    {
        Assert.That(Decide(manage: "false", baseline: null, wanted: 0).Send, Is.False);
        StockDeltaDecision status = Decide(manage: "false", baseline: null, baselineStatus: "instock", wanted: 0, statusWhenUnmanaged: true);
        Assert.That(status.UpdateJson, Is.EqualTo("{\"id\":101,\"stock_status\":\"outofstock\"}"), "no stock_quantity on an unmanaged product");
        Assert.That(Decide(manage: "false", baselineStatus: "instock", wanted: 4, statusWhenUnmanaged: true).Send, Is.False, "already instock");
        Assert.That(Decide(manage: "false", baselineStatus: "onbackorder", wanted: 0, statusWhenUnmanaged: true).Send, Is.False, "backorders left to the shop");
        // Trap: stock_status on a variable parent does nothing (derived from the children).
        Assert.That(Decide(type: "variable", manage: "false", baselineStatus: "instock", wanted: 0, statusWhenUnmanaged: true).Send, Is.False);
        // Grouped/external never hold stock, even when the store takes stock over.
        Assert.That(Decide(type: "grouped", manage: "false", wanted: 3, manageUnmanaged: true).Send, Is.False);
    }

    [Test]
    public void Prices_and_status_only_when_wanted_and_different()
    {
        StockDeltaDecision d = Decide(wanted: null, wantedRegular: "21.99", baselineRegular: "19.99", wantedStatus: "draft", baselineStatus2: "publish");
        Assert.That(d.UpdateJson, Is.EqualTo("{\"id\":101,\"regular_price\":\"21.99\",\"status\":\"draft\"}"));
        Assert.That(Decide(wanted: null, wantedSale: null, baselineSale: "5.00").Send, Is.False, "a sale price the store leaves to WooCommerce is never sent");
        Assert.That(Decide(type: "variable", wanted: null, wantedRegular: "5.00", baselineRegular: "").Send, Is.False, "variable parents have no price");
        Assert.That(() => Decide(wantedRegular: "19,99"), Throws.ArgumentException.With.Message.Contains("CPO-PARAM"));
    }

    [Test]
    public void A_name_is_sent_only_when_wanted_and_different_as_plain_text()
    {
        StockDeltaDecision d = Decide(wanted: null, wantedName: "Copy paper A4", baselineName: "Product 101");
        Assert.That(d.UpdateJson, Is.EqualTo("{\"id\":101,\"name\":\"Copy paper A4\"}"));
        Assert.That(Decide(wanted: null, wantedName: "Copy paper A4", baselineName: "Copy paper A4").Send, Is.False, "equal: nothing sent");
        Assert.That(Decide(wanted: null, wantedName: null, baselineName: "Anything").Send, Is.False, "a name the store leaves to WooCommerce is never sent");
        Assert.That(Decide(wanted: null, wantedName: "Copy paper A4  \t", baselineName: "Copy paper A4").Send, Is.False, "trailing blanks and tabs trimmed");
        // With stock in the same object (one request for both).
        Assert.That(Decide(baseline: 5m, wanted: 3, wantedName: "New", baselineName: "Old").UpdateJson,
            Is.EqualTo("{\"id\":101,\"manage_stock\":true,\"stock_quantity\":3,\"name\":\"New\"}"));
    }

    [Test]
    public void A_name_follows_WordPress_entities_never_goes_to_a_variation_and_is_never_blanked()
    {
        // wp_filter_post_kses stores a bare & as &amp;: the escaped form is sent, and the shop's &amp; compares equal.
        Assert.That(Decide(wanted: null, wantedName: "Nuts & Bolts <10mm>", baselineName: "x").UpdateJson,
            Is.EqualTo("{\"id\":101,\"name\":\"Nuts &amp; Bolts &lt;10mm&gt;\"}"));
        Assert.That(Decide(wanted: null, wantedName: "Nuts & Bolts", baselineName: "Nuts &amp; Bolts").Send, Is.False, "the shop's entity is the same text");
        Assert.That(Decide(wanted: null, wantedName: "Caf\u00e9 cr\u00e8me \u20ac", baselineName: "Cafe creme").UpdateJson,
            Is.EqualTo("{\"id\":101,\"name\":\"Caf\u00e9 cr\u00e8me \u20ac\"}"), "code page 1252 text reaches the shop unchanged (Unicode)");
        StockDeltaDecision variation = Decide(id: 205, parentId: 200, type: "variation", wanted: null, wantedName: "Tee red", baselineName: "Tee - Red");
        Assert.That(variation.Send, Is.False);
        Assert.That(variation.Reason, Does.Contain("variation"));
        StockDeltaDecision blank = Decide(wanted: null, wantedName: "  \r\n ", baselineName: "Shop name");
        Assert.That(blank.Send, Is.False, "an empty Counterpoint name never blanks the shop's");
        Assert.That(blank.Reason, Does.Contain("empty"));
        Assert.That(ProductNameText.ToWoo("Line\r\nbreak"), Is.EqualTo("Line  break"), "control characters become spaces");
    }

    // ---------------------------------------------------------------- SKU rule and map

    private static SkuRule Rule() => new(
        new[] { new SkuMapEntry("WEB-1", "CP-100", null), new SkuMapEntry("WEB-2-CS", "CP-200", "2"), new SkuMapEntry("web-1", "OTHER", null) },
        new[] { new UnitSuffix("-CS", "1"), new UnitSuffix("-PK", "2"), new UnitSuffix("-X-CS", "3"), new UnitSuffix("-BAD", "7") });

    [Test]
    public void The_SKU_rule_is_the_order_planners()
    {
        SkuRule r = Rule();
        SkuResolution plain = r.Resolve("  ABC-100 ");
        Assert.That((plain.Sku, plain.ItemNo, plain.SellUnit, plain.Source), Is.EqualTo(("ABC-100", "ABC-100", "0", "sku")), "trimmed, stocking unit");
        SkuResolution suffix = r.Resolve("ABC-100-cs");
        Assert.That((suffix.ItemNo, suffix.SellUnit, suffix.Source), Is.EqualTo(("ABC-100", "1", "suffix")), "suffixes match case-insensitively");
        Assert.That(r.Resolve("ABC-X-CS").ItemNo, Is.EqualTo("ABC"), "the longest suffix wins (shortest item)");
        Assert.That(r.Resolve("ABC-X-CS").SellUnit, Is.EqualTo("3"));
        Assert.That(r.Resolve("-CS").ItemNo, Is.EqualTo("-CS"), "a suffix must leave an item number");
        SkuResolution mapped = r.Resolve("web-1");
        Assert.That((mapped.ItemNo, mapped.SellUnit, mapped.Source), Is.EqualTo(("CP-100", "0", "map")), "map rows match case-insensitively, first row wins");
        Assert.That(r.Resolve("WEB-2-CS").SellUnit, Is.EqualTo("2"), "the map's unit wins over the suffix's");
        Assert.That(new SkuRule(new[] { new SkuMapEntry("Z-CS", "Z9", null) }, new[] { new UnitSuffix("-CS", "1") }).Resolve("Z-CS").SellUnit,
            Is.EqualTo("1"), "a map row without unit takes the suffix's");
        Assert.That(r.Resolve("ABC-BAD").ProblemCode, Is.EqualTo(SkuProblems.Unit));
        Assert.That(r.Resolve("   ").ProblemCode, Is.EqualTo(SkuProblems.Blank));
        Assert.That(r.Resolve(null).ProblemCode, Is.EqualTo(SkuProblems.Blank));
    }

    private static List<(long Id, string? Sku, string? Item, string? Unit, string? Source, string? Code, string? Problem)> MapSkus(string items, string? map = null, string? suffixes = null, string? itemNos = null)
    {
        var result = new List<(long, string?, string?, string?, string?, string?, string?)>();
        foreach (object row in CatalogFunctions.MapSkus(new SqlString(items), S(map), S(suffixes), S(itemNos)))
        {
            CatalogFunctions.FillSkuRow(row, out SqlInt64 id, out SqlInt64 parent, out SqlString sku, out SqlString item, out SqlString unit,
                out SqlString source, out SqlString code, out SqlString problem);
            result.Add((id.Value, N(sku), N(item), N(unit), N(source), N(code), N(problem)));
        }
        return result;
    }

    private static string? N(SqlString s) => s.IsNull ? null : s.Value;

    [Test]
    public void MapSkus_reports_blank_parent_and_duplicate_skus_with_the_ids_and_never_guesses()
    {
        string items = "[{\"id\":1,\"sku\":\"A-1\"},{\"id\":2,\"sku\":\"\"},{\"id\":3,\"sku\":\"TEE\"}," +
                       "{\"id\":4,\"parent_id\":3,\"sku\":\"TEE\",\"parent_sku\":\"TEE\"},{\"id\":5,\"parent_id\":3,\"sku\":\"TEE-S\",\"parent_sku\":\"TEE\"}," +
                       "{\"id\":6,\"sku\":\"B-2\"},{\"id\":7,\"sku\":\"b-2 \"},{\"id\":8,\"sku\":\"B-2-CS\"}]";
        var rows = MapSkus(items, suffixes: "[{\"Suffix\":\"-CS\",\"SellUnit\":\"1\"}]");
        Assert.That(rows.Count, Is.EqualTo(8));
        Assert.That(rows.Single(r => r.Id == 1).Item, Is.EqualTo("A-1"));
        Assert.That(rows.Single(r => r.Id == 2).Code, Is.EqualTo(SkuProblems.Blank));
        Assert.That(rows.Single(r => r.Id == 2).Problem, Does.Contain("product 2"));
        Assert.That(rows.Single(r => r.Id == 4).Code, Is.EqualTo(SkuProblems.ParentSku), "a variation showing its parent's SKU is no SKU");
        Assert.That(rows.Single(r => r.Id == 4).Item, Is.Null);
        Assert.That(rows.Single(r => r.Id == 5).Item, Is.EqualTo("TEE-S"));
        Assert.That(rows.Single(r => r.Id == 3).Code, Is.Null, "the parent keeps its own SKU");
        Assert.That(rows.Single(r => r.Id == 6).Code, Is.EqualTo(SkuProblems.Duplicate), "B-2 and 'b-2 ' are one item in one unit");
        Assert.That(rows.Single(r => r.Id == 7).Problem, Does.Contain("6, 7"));
        Assert.That(rows.Single(r => r.Id == 8).Code, Is.Null, "the same item in another selling unit is not a duplicate");
        Assert.That(rows.Single(r => r.Id == 8).Unit, Is.EqualTo("1"));
        Assert.That(() => MapSkus("{}"), Throws.ArgumentException.With.Message.Contains("CPO-PARAM"));
    }

    /// <summary>Review finding 1: with the item numbers known, an exact item wins over a unit suffix, and a suffix only strips
    /// to a known item; the planner gets the same answer (SkuRuleAgreementTests).</summary>
    [Test]
    public void MapSkus_lets_an_exact_item_win_over_a_unit_suffix_when_the_items_are_known()
    {
        string items = "[{\"id\":1,\"sku\":\"BALL-DOZ\"},{\"id\":2,\"sku\":\"GLOVE-DOZ\"},{\"id\":3,\"sku\":\"NOPE-DOZ\"}]";
        string suffixes = "[{\"Suffix\":\"-DOZ\",\"SellUnit\":\"1\"}]";
        var known = MapSkus(items, suffixes: suffixes, itemNos: "[{\"ITEM_NO\":\"BALL\"},{\"ITEM_NO\":\"ball-doz\"},{\"ITEM_NO\":\"GLOVE\"}]");
        Assert.That(known.Select(r => (r.Id, r.Item, r.Unit, r.Source)), Is.EqualTo(new[]
        {
            (1L, (string?)"BALL-DOZ", (string?)"0", (string?)SkuSource.Sku),
            (2L, "GLOVE", "1", SkuSource.Suffix),
            (3L, "NOPE-DOZ", "0", SkuSource.Sku),
        }));
        // Item numbers not known (NULL): the suffix strips as before.
        var unknown = MapSkus(items, suffixes: suffixes);
        Assert.That(unknown.Single(r => r.Id == 1).Item, Is.EqualTo("BALL"));
        Assert.That(() => MapSkus(items, itemNos: "[{\"ITEM_NO\":{}}]"), Throws.ArgumentException.With.Message.Contains("CPO-PARAM"));
    }

    // ---------------------------------------------------------------- reading WooCommerce's shapes

    [Test]
    public void Catalog_items_read_manage_stock_as_text_and_stock_quantity_as_a_nullable_number()
    {
        CatalogItem parentManaged = CatalogItem.Read("{\"id\":5,\"parent_id\":3,\"manage_stock\":\"parent\",\"stock_quantity\":7,\"sku\":\"X\"}", null, "variation");
        Assert.That(parentManaged.ManageStock, Is.EqualTo("parent"));
        Assert.That(parentManaged.StockQuantity, Is.EqualTo(7m));
        Assert.That(parentManaged.ParentId, Is.EqualTo(3));
        Assert.That(parentManaged.Type, Is.EqualTo("variation"));
        CatalogItem old = CatalogItem.Read("{\"id\":6,\"parent_id\":0,\"type\":\"simple\",\"manage_stock\":false,\"stock_quantity\":\"\"}", null, null);
        Assert.That(old.ManageStock, Is.EqualTo("false"));
        Assert.That(old.StockQuantity, Is.Null, "older versions sent \"\"");
        Assert.That(old.ParentId, Is.Null);
        Assert.That(CatalogItem.Read("{\"id\":7,\"manage_stock\":true,\"stock_quantity\":-2.5}", null, null).StockQuantity, Is.EqualTo(-2.5m));
        Assert.That(CatalogItem.Read("{\"id\":9,\"name\":\"Nuts &amp; Bolts\"}", null, null).Name, Is.EqualTo("Nuts &amp; Bolts"), "the stored text, as sent");
        Assert.That(CatalogItem.Read("{\"id\":8,\"manage_stock\":true,\"stock_quantity\":null}", 44, null).ParentId, Is.EqualTo(44));
    }

    [Test]
    public void Batch_input_is_checked_before_anything_is_sent()
    {
        Assert.That(CatalogBatchUpdater.Parse("[{\"id\":1,\"manage_stock\":true,\"stock_quantity\":3,\"regular_price\":\"9.50\"}]")[0].Json,
            Is.EqualTo("{\"id\":1,\"manage_stock\":true,\"stock_quantity\":3,\"regular_price\":\"9.50\"}"));
        Assert.That(CatalogBatchUpdater.Parse("[{\"id\":1,\"name\":\"A &amp; B\"}]")[0].Json, Is.EqualTo("{\"id\":1,\"name\":\"A &amp; B\"}"));
        string hundred = "[" + string.Join(",", Enumerable.Range(1, 100).Select(i => "{\"id\":" + i + ",\"status\":\"draft\"}")) + "]";
        Assert.That(CatalogBatchUpdater.Parse(hundred).Count, Is.EqualTo(100));
        string[] refused =
        {
            "[" + string.Join(",", Enumerable.Range(1, 101).Select(i => "{\"id\":" + i + ",\"status\":\"draft\"}")) + "]",
            "[{\"id\":1,\"stock_quantity\":3}]",
            "[{\"id\":1,\"manage_stock\":false,\"stock_quantity\":3}]",
            "[{\"id\":1,\"manage_stock\":true,\"stock_quantity\":2.5}]",
            "[{\"id\":1,\"images\":[]}]",
            "[{\"id\":1,\"status\":\"draft\"},{\"id\":1,\"status\":\"publish\"}]",
            "[{\"id\":0,\"status\":\"draft\"}]",
            "[{\"id\":1}]",
            "[{\"id\":1,\"stock_status\":\"sold\"}]",
            "[{\"id\":1,\"regular_price\":19.99}]",
            "[{\"id\":1,\"name\":\"  \"}]",
            "[{\"id\":1,\"name\":7}]",
            "[{\"id\":1,\"name\":\"" + new string('x', 401) + "\"}]",
            "{\"update\":[]}",
        };
        foreach (string json in refused)
        {
            Assert.That(() => CatalogBatchUpdater.Parse(json), Throws.TypeOf<WooWriteParameterException>().With.Message.Contains("CPO-PARAM"), json);
        }
    }
}
