using System.Data.SqlTypes;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Writes;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// wooclr.GetProducts, wooclr.GetVariations, wooclr.BatchUpdateProducts and wooclr.BatchUpdateVariations against the
/// stand-in's catalog, called exactly as SQL Server calls them (SqlTypes in, FillCatalogRow per row, OUTPUT as out).
/// </summary>
public class CatalogTests : StandInTestBase
{
    public sealed record Row(string Kind, long? Id, long? ParentId, string? Type, string? Sku, string? Name, string? Status, string? ManageStock,
        decimal? StockQuantity, string? StockStatus, string? RegularPrice, string? SalePrice, DateTime? Modified, int PageNo, int HttpStatus,
        string? Message, int Requests, int Retries, DateTime? CompleteUpTo, bool? ReadAll);

    public sealed record BatchCall(XElement Results, int HttpStatus, string? ErrorCode, string? ErrorMessage, int Requests);

    private static List<Row> Rows(System.Collections.IEnumerable rows)
    {
        var result = new List<Row>();
        foreach (object r in rows)
        {
            CatalogFunctions.FillCatalogRow(r, out SqlString kind, out SqlInt64 id, out SqlInt64 parent, out SqlString type, out SqlString sku,
                out SqlString name, out SqlString status, out SqlString manage, out SqlDecimal qty, out SqlString stockStatus, out SqlString backorders,
                out SqlString regular, out SqlString sale, out DateTime? modified, out SqlInt32 page, out SqlInt32 http, out SqlString message,
                out SqlInt32 requests, out SqlInt32 retries, out DateTime? complete, out SqlBoolean readAll);
            var row = new Row(kind.Value, id.IsNull ? null : id.Value, parent.IsNull ? null : parent.Value, S(type), S(sku), S(name), S(status), S(manage),
                qty.IsNull ? null : qty.Value, S(stockStatus), S(regular), S(sale), modified, page.Value, http.Value, S(message), requests.Value,
                retries.Value, complete, readAll.IsNull ? null : readAll.Value);
            TestRun.ProducedTexts.Enqueue(row.Message ?? "");
            result.Add(row);
        }
        return result;
    }

    private static string? S(SqlString s) => s.IsNull ? null : s.Value;

    private List<Row> Products(DateTime? watermark, int pageSize = 10, int maxPages = 100, int budgetSeconds = 60) =>
        Rows(CatalogFunctions.GetProducts(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey), new SqlString(TestRun.ConsumerSecret),
            new SqlString("basic"), watermark, new SqlInt32(pageSize), new SqlInt32(maxPages), new SqlInt32(5), new SqlInt32(budgetSeconds),
            SqlInt32.Null, SqlBoolean.False, SqlString.Null, SqlString.Null));

    private List<Row> Variations(DateTime? watermark, string? route = null, string? parentIds = null, int pageSize = 10, int maxPages = 100) =>
        Rows(CatalogFunctions.GetVariations(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey), new SqlString(TestRun.ConsumerSecret),
            new SqlString("basic"), watermark, route == null ? SqlString.Null : new SqlString(route), parentIds == null ? SqlString.Null : new SqlString(parentIds),
            new SqlInt32(pageSize), new SqlInt32(maxPages), new SqlInt32(5), new SqlInt32(60), SqlInt32.Null, SqlBoolean.False, SqlString.Null, SqlString.Null));

    private BatchCall Batch(string updatesJson, long? parentId = null)
    {
        SqlXml results;
        SqlInt32 http, requests;
        SqlString code, message;
        if (parentId == null)
        {
            CatalogFunctions.BatchUpdateProducts(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey), new SqlString(TestRun.ConsumerSecret),
                new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False, SqlString.Null, SqlString.Null, new SqlString(updatesJson),
                out results, out http, out code, out message, out requests);
        }
        else
        {
            CatalogFunctions.BatchUpdateVariations(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey), new SqlString(TestRun.ConsumerSecret),
                new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False, SqlString.Null, SqlString.Null, new SqlInt64(parentId.Value),
                new SqlString(updatesJson), out results, out http, out code, out message, out requests);
        }
        TestRun.ProducedTexts.Enqueue(S(message) ?? "");
        return new BatchCall(XElement.Parse(results.Value), http.Value, S(code), S(message), requests.Value);
    }

    private static XElement Result(BatchCall call, long id) => call.Results.Elements("result").Single(r => (long)r.Attribute("id")! == id);

    private int CatalogRequests(string pathEnd) => Server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    private void SeedCatalog(int simple = 23, int variable = 3, int variationsEach = 4)
    {
        for (int i = 0; i < simple; i++) Server.Products.AddSimple("SKU-" + i, 3 + i);
        for (int v = 0; v < variable; v++) Server.Products.AddVariable("STYLE-" + v, variationsEach);
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
    }

    // ---------------------------------------------------------------- reads

    [Test]
    public void GetProducts_full_read_streams_every_product_once_with_fields_then_one_end_row_that_says_all_was_read()
    {
        SeedCatalog();     // 23 simple + 3 variable = 26 products
        List<Row> rows = Products(null, pageSize: 10);
        Assert.That(rows.Count(r => r.Kind is "end" or "error"), Is.EqualTo(1));
        Row end = rows.Last();
        Assert.That(end.Kind, Is.EqualTo("end"), end.Message);
        Assert.That(end.ReadAll, Is.True);
        var expected = Server.Products.Products().Select(p => (long)p.Id).OrderBy(x => x).ToList();
        Assert.That(rows.Where(r => r.Kind == "product").Select(r => r.Id!.Value).OrderBy(x => x), Is.EqualTo(expected));
        Assert.That(CatalogRequests("/products"), Is.EqualTo(3), "26 products, 10 per page: 3 pages");
        Assert.That(end.Requests, Is.EqualTo(3));
        Assert.That(end.Message, Does.Contain("product(s)").And.Not.Contain("order"));
        Assert.That(end.CompleteUpTo, Is.EqualTo(rows.Where(r => r.Kind == "product").Max(r => r.Modified)));
        // _fields keeps pages small: the stand-in drops everything else (description, images); name is compared by the sync.
        RecordedRequest first = Server.Requests.First(r => r.Path.EndsWith("/products", StringComparison.Ordinal));
        Assert.That(first.Query["_fields"], Does.Contain("manage_stock").And.Contain("date_modified_gmt").And.Contain("sku").And.Contain("name"));
        Assert.That(first.Query["orderby"], Is.EqualTo("modified"));
        Row simple = rows.First(r => r.Kind == "product" && r.Type == "simple");
        CatalogEntry stored = Server.Products.Get((int)simple.Id!.Value)!;
        Assert.That(simple.Sku, Is.EqualTo(stored.Sku));
        Assert.That(simple.ManageStock, Is.EqualTo("true"));
        Assert.That(simple.StockQuantity, Is.EqualTo(stored.StockQuantity));
        Assert.That(simple.RegularPrice, Is.EqualTo("10.00"));
        Assert.That(simple.Name, Is.EqualTo("Product " + stored.Id), "the name comes back for the name sync's comparison");
        Assert.That(rows.Where(r => r.Type == "variable").Select(r => r.ManageStock), Is.All.EqualTo("false"));
    }

    [Test]
    public void GetProducts_incremental_from_complete_up_to_returns_what_changed_since_and_nothing_else()
    {
        SeedCatalog();
        Row first = Products(null).Last();
        List<CatalogEntry> all = Server.Products.Products();
        Server.Products.Modify(all[4].Id, e => e.StockQuantity = 99);
        Server.Products.Modify(all[9].Id, e => e.Sku = "RENAMED");
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(30);
        List<Row> rows = Products(first.CompleteUpTo);
        var ids = rows.Where(r => r.Kind == "product").Select(r => r.Id!.Value).ToList();
        Assert.That(ids, Does.Contain((long)all[4].Id).And.Contain((long)all[9].Id));
        // Only the last second of the first read can come again (an inclusive restart point).
        DateTime restart = first.CompleteUpTo!.Value;
        Assert.That(rows.Where(r => r.Kind == "product" && r.Id != all[4].Id && r.Id != all[9].Id).Select(r => r.Modified), Is.All.EqualTo(restart));
        Assert.That(rows.Single(r => r.Id == all[9].Id).Sku, Is.EqualTo("RENAMED"));
        Assert.That(rows.Last().Kind, Is.EqualTo("end"));
    }

    [Test]
    public void GetVariations_all_route_reads_parent_managed_text_and_a_variation_showing_its_parents_sku()
    {
        (CatalogEntry parent, List<CatalogEntry> vars) = Server.Products.AddVariable("TEE", 3, quantity: 7, parentManages: true);
        (CatalogEntry parent2, List<CatalogEntry> vars2) = Server.Products.AddVariable("HAT", 2, variationSku: i => i == 0 ? "" : "HAT-B");
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
        List<Row> rows = Variations(null, route: "all");
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        Assert.That(rows.Last().ReadAll, Is.True);
        Assert.That(rows.Count(r => r.Kind == "variation"), Is.EqualTo(5));
        Assert.That(CatalogRequests("/variations"), Is.EqualTo(1));
        Row managedByParent = rows.Single(r => r.Id == vars[0].Id);
        Assert.That(managedByParent.ManageStock, Is.EqualTo("parent"), "manage_stock is the string \"parent\"");
        Assert.That(managedByParent.StockQuantity, Is.EqualTo(7m), "the parent's quantity is shown");
        Assert.That(managedByParent.ParentId, Is.EqualTo(parent.Id));
        Assert.That(managedByParent.Type, Is.EqualTo("variation"));
        Row noSku = rows.Single(r => r.Id == vars2[0].Id);
        Assert.That(noSku.Sku, Is.EqualTo("HAT"), "WooCommerce shows the parent's SKU for a variation without its own");
        Assert.That(rows.Single(r => r.Id == vars2[1].Id).Sku, Is.EqualTo("HAT-B"));
    }

    [Test]
    public void GetVariations_auto_falls_back_to_each_parent_on_a_shop_without_the_all_variations_route()
    {
        SeedCatalog(simple: 5, variable: 3, variationsEach: 12);
        Server.Products.AllVariationsRoute = false;
        List<Row> rows = Variations(null, pageSize: 10);
        Row end = rows.Last();
        Assert.That(end.Kind, Is.EqualTo("end"), end.Message);
        Assert.That(end.ReadAll, Is.True);
        var expected = Server.Products.Variations().Select(v => (long)v.Id).OrderBy(x => x).ToList();
        Assert.That(rows.Where(r => r.Kind == "variation").Select(r => r.Id!.Value).OrderBy(x => x), Is.EqualTo(expected));
        Assert.That(rows.Where(r => r.Kind == "variation").All(r => r.ParentId != null), Is.True);
        // 1 refused GET variations + 1 page of variable products + 2 pages for each of 3 parents (12 variations, 10 a page)
        Assert.That(end.Requests, Is.EqualTo(1 + 1 + 3 * 2));
        Assert.That(Server.Requests.Count(r => r.Path.EndsWith("/wc/v3/variations", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(end.CompleteUpTo, Is.GreaterThan(Server.Products.Variations().Max(v => v.ModifiedGmt)).Or.EqualTo(Server.Products.Variations().Max(v => v.ModifiedGmt)),
            "every parent read to its end: complete up to the earliest bound");

        // With the parents given, no listing request.
        int before = Server.Requests.Count;
        string ids = string.Join(",", Server.Products.Products().Where(p => p.Type == "variable").Select(p => p.Id));
        List<Row> given = Variations(null, route: "parent", parentIds: ids, pageSize: 100);
        Assert.That(given.Count(r => r.Kind == "variation"), Is.EqualTo(36));
        Assert.That(Server.Requests.Count - before, Is.EqualTo(3), "one request per parent");
    }

    [Test]
    public void Per_parent_incremental_read_returns_changed_variations_and_those_of_a_parent_created_since()
    {
        SeedCatalog(simple: 2, variable: 3, variationsEach: 3);
        Server.Products.AllVariationsRoute = false;
        Row first = Variations(null).Last();
        Assert.That(first.Kind, Is.EqualTo("end"), first.Message);
        CatalogEntry changed = Server.Products.Variations()[4];
        Server.Products.Modify(changed.Id, e => e.StockQuantity = 42);
        (CatalogEntry newParent, List<CatalogEntry> newVariations) = Server.Products.AddVariable("NEW", 2);
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
        List<Row> rows = Variations(first.CompleteUpTo);
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        var ids = rows.Where(r => r.Kind == "variation").Select(r => r.Id!.Value).ToList();
        Assert.That(ids, Does.Contain((long)changed.Id));
        Assert.That(ids, Is.SupersetOf(newVariations.Select(v => (long)v.Id)));
        Assert.That(rows.Single(r => r.Id == changed.Id).StockQuantity, Is.EqualTo(42m));
        Assert.That(rows.Where(r => r.Kind == "variation").Select(r => r.Modified), Is.All.GreaterThanOrEqualTo(first.CompleteUpTo!.Value),
            "only versions at or after the restart point");
        Assert.That(rows.Last().CompleteUpTo, Is.GreaterThan(first.CompleteUpTo!.Value));
    }

    [Test]
    public void GetVariations_route_all_on_an_old_shop_ends_with_the_shops_404_as_the_error_row()
    {
        SeedCatalog(simple: 1, variable: 1, variationsEach: 2);
        Server.Products.AllVariationsRoute = false;
        List<Row> rows = Variations(null, route: "all");
        Assert.That(rows.Single().Kind, Is.EqualTo("error"));
        Assert.That(rows.Single().HttpStatus, Is.EqualTo(404));
        Assert.That(rows.Single().Message, Does.Contain("rest_no_route"));
    }

    [Test]
    public void Paging_while_the_catalog_changes_loses_nothing_and_the_next_call_gets_the_versions_saved_meanwhile()
    {
        SeedCatalog(simple: 30, variable: 0);
        List<CatalogEntry> all = Server.Products.Products();
        // Before page 2: one product already read is saved again (moves past U), one not yet read is saved (moves
        // past U), one not yet read is deleted, one new product is created.
        int newId = 0;
        Server.BeforeCatalogListRequest(2, p =>
        {
            p.Modify(all[1].Id, e => e.StockQuantity = 50);
            p.Modify(all[25].Id, e => e.StockQuantity = 51);
            p.Delete(all[27].Id);
            newId = p.AddSimple("NEW", 1).Id;
        });
        List<Row> first = Products(null, pageSize: 10);
        Assert.That(first.Last().Kind, Is.EqualTo("end"), first.Last().Message);
        var firstIds = first.Where(r => r.Kind == "product").Select(r => r.Id!.Value).ToList();
        Assert.That(firstIds, Is.Unique);
        // Every product that existed unchanged throughout came exactly once.
        foreach (CatalogEntry e in all.Where(e => e.Id != all[25].Id && e.Id != all[27].Id))
            Assert.That(firstIds, Does.Contain((long)e.Id));
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(30);
        List<Row> second = Products(first.Last().CompleteUpTo, pageSize: 10);
        var secondIds = second.Where(r => r.Kind == "product").Select(r => r.Id!.Value).ToList();
        Assert.That(secondIds, Does.Contain((long)all[1].Id).And.Contain((long)all[25].Id).And.Contain((long)newId));
        Assert.That(second.Single(r => r.Id == all[25].Id).StockQuantity, Is.EqualTo(51m));
    }

    [Test]
    public void A_429_and_a_503_on_a_page_are_retried_and_counted()
    {
        SeedCatalog(simple: 15, variable: 0);
        Server.Faults.Enqueue(Fault.WithStatus(429, "1").For("GET", "/products"), Fault.WithStatus(503, "1").For("GET", "/products"));
        List<Row> rows = Products(null, pageSize: 10);
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        Assert.That(rows.Count(r => r.Kind == "product"), Is.EqualTo(15));
        Assert.That(rows.Last().Retries, Is.EqualTo(2));
        Assert.That(rows.Last().Requests, Is.EqualTo(4));
    }

    [Test]
    public void A_failure_after_rows_streamed_is_the_final_error_row_and_the_rows_before_stay()
    {
        SeedCatalog(simple: 25, variable: 0);
        Server.BeforeCatalogListRequest(2, _ => Server.Faults.Enqueue(Fault.WithStatus(401).For("GET", "/products")));
        List<Row> rows = Products(null, pageSize: 10);
        Assert.That(rows.Count(r => r.Kind == "product"), Is.GreaterThanOrEqualTo(10));
        Assert.That(rows.Last().Kind, Is.EqualTo("error"));
        Assert.That(rows.Last().ReadAll, Is.False);
    }

    [Test]
    public void Bad_parameters_are_the_only_row_with_CPO_PARAM_and_no_request()
    {
        Assert.That(Products(null, pageSize: 101).Single().Message, Does.StartWith("CPO-PARAM:"));
        Assert.That(Variations(null, route: "sideways").Single().Message, Does.StartWith("CPO-PARAM:"));
        Assert.That(Variations(null, route: "parent", parentIds: "12,x").Single().Message, Does.StartWith("CPO-PARAM:"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void MaxPages_stops_a_full_read_with_read_all_0()
    {
        SeedCatalog(simple: 25, variable: 0);
        Row end = Products(null, pageSize: 10, maxPages: 2).Last();
        Assert.That(end.Kind, Is.EqualTo("end"));
        Assert.That(end.ReadAll, Is.False, "a full read stopped by @MaxPages must not be taken as complete (items absent from it are not gone)");
    }

    // ---------------------------------------------------------------- writes

    [Test]
    public void BatchUpdateProducts_applies_each_item_on_its_own_and_reports_per_item_errors_of_a_200_answer()
    {
        SeedCatalog(simple: 4, variable: 1, variationsEach: 2);
        List<CatalogEntry> p = Server.Products.Products();
        int variationId = Server.Products.Variations()[0].Id;
        Server.Products.FailWrites(p[2].Id, "product_invalid_sku", "Invalid or duplicated SKU.", 400, resourceId: 777);
        string json = "[{\"id\":" + p[0].Id + ",\"manage_stock\":true,\"stock_quantity\":12}," +
                      "{\"id\":" + p[1].Id + ",\"regular_price\":\"12.50\"}," +
                      "{\"id\":" + p[2].Id + ",\"manage_stock\":true,\"stock_quantity\":1}," +
                      "{\"id\":99999,\"manage_stock\":true,\"stock_quantity\":1}," +
                      "{\"id\":" + variationId + ",\"manage_stock\":true,\"stock_quantity\":1}]";
        BatchCall call = Batch(json);
        Assert.That(call.Requests, Is.EqualTo(1), "one request for the whole batch");
        Assert.That(call.HttpStatus, Is.EqualTo(200));
        Assert.That(call.ErrorCode, Is.EqualTo(WooWriteErrors.BatchItems));
        Assert.That((string)Result(call, p[0].Id).Attribute("applied")!, Is.EqualTo("1"));
        Assert.That((string)Result(call, p[0].Id).Attribute("stock_quantity")!, Is.EqualTo("12"));
        Assert.That(Server.Products.Get(p[0].Id)!.StockQuantity, Is.EqualTo(12), "not atomic: the good items are applied");
        Assert.That(Server.Products.Get(p[1].Id)!.RegularPrice, Is.EqualTo("12.50"));
        Assert.That((string)Result(call, p[2].Id).Attribute("error_code")!, Is.EqualTo("product_invalid_sku"));
        Assert.That((string)Result(call, p[2].Id).Attribute("error_message")!, Does.Contain("777"));
        Assert.That((string)Result(call, 99999).Attribute("error_code")!, Is.EqualTo("woocommerce_rest_product_invalid_id"));
        Assert.That((string)Result(call, variationId).Attribute("error_code")!, Is.EqualTo("woocommerce_rest_invalid_product_id"),
            "a variation written through products/batch is refused");
        Assert.That(call.Results.Elements("result").Select(r => (long)r.Attribute("id")!),
            Is.EqualTo(new long[] { p[0].Id, p[1].Id, p[2].Id, 99999, variationId }), "one result per object, in the order sent");
    }

    [Test]
    public void A_name_sent_in_a_batch_is_stored_and_read_back_as_the_same_text()
    {
        CatalogEntry p = Server.Products.AddSimple("NUTS", 4);
        BatchCall call = Batch("[{\"id\":" + p.Id + ",\"manage_stock\":true,\"stock_quantity\":6,\"name\":\"Nuts &amp; Bolts \u00e9\u20ac\"}]");
        Assert.That(call.ErrorCode, Is.Null, call.ErrorMessage);
        Assert.That(Server.Products.Get(p.Id)!.Name, Is.EqualTo("Nuts &amp; Bolts \u00e9\u20ac"), "kses keeps an escaped & as sent");
        Assert.That(Server.Products.Get(p.Id)!.StockQuantity, Is.EqualTo(6), "stock and name in one object, one request");
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
        Row read = Products(null).Single(r => r.Id == p.Id);
        Assert.That(read.Name, Is.EqualTo("Nuts &amp; Bolts \u00e9\u20ac"));
        Assert.That(CpOrders.WooClr.Woo.Catalog.ProductNameText.Same(read.Name, "Nuts & Bolts \u00e9\u20ac"), Is.True,
            "the next sync compares equal and sends nothing");
        // A bare & (a sender that does not escape) is stored as &amp; by WooCommerce: still the same text.
        Batch("[{\"id\":" + p.Id + ",\"name\":\"A & B\"}]");
        Assert.That(Server.Products.Get(p.Id)!.Name, Is.EqualTo("A &amp; B"));
        Assert.That(CpOrders.WooClr.Woo.Catalog.ProductNameText.Same(Server.Products.Get(p.Id)!.Name, "A & B"), Is.True);
    }

    private static (bool Send, string? Json) NameUpdate(long id, string wantedName, string? shopName)
    {
        object row = CatalogFunctions.StockUpdate(new SqlInt64(id), SqlInt64.Null, new SqlString("simple"), new SqlString("true"), SqlDecimal.Null,
            SqlString.Null, SqlInt32.Null, SqlBoolean.False, SqlBoolean.False, SqlString.Null, SqlString.Null, SqlString.Null, SqlString.Null,
            SqlString.Null, SqlString.Null, new SqlString(wantedName), shopName == null ? SqlString.Null : new SqlString(shopName)).Cast<object>().Single();
        CatalogFunctions.FillStockUpdateRow(row, out SqlBoolean send, out _, out _, out SqlString json, out _);
        return (send.Value, json.IsNull ? null : json.Value);
    }

    [Test]
    public void A_name_sync_converges_a_name_with_WordPress_entities_is_sent_once_then_reads_back_equal()
    {
        // The loop a reconciliation runs: read the shop's name, decide, send, read again, decide again.
        CatalogEntry p = Server.Products.AddSimple("AMP", 4);
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
        string counterpoint = "Nuts & Bolts <M6> caf\u00e9";
        Row before = Products(null).Single(r => r.Id == p.Id);
        (bool send, string? json) = NameUpdate(p.Id, counterpoint, before.Name);
        Assert.That(send, Is.True);
        BatchCall call = Batch("[" + json + "]");
        Assert.That(call.ErrorCode, Is.Null, call.ErrorMessage);
        Server.Orders.ClockGmt = Server.Orders.ClockGmt.AddSeconds(60);
        Row after = Products(null).Single(r => r.Id == p.Id);
        Assert.That(after.Name, Is.EqualTo("Nuts &amp; Bolts &lt;M6&gt; caf\u00e9"), "stored as sent");
        Assert.That(NameUpdate(p.Id, counterpoint, after.Name).Send, Is.False, "the next sync (baseline = what the shop reports) sends nothing");
    }

    [Test]
    public void BatchUpdateVariations_writes_through_the_parents_batch()
    {
        (CatalogEntry parent, List<CatalogEntry> vars) = Server.Products.AddVariable("TEE", 3);
        BatchCall call = Batch("[{\"id\":" + vars[0].Id + ",\"manage_stock\":true,\"stock_quantity\":0},{\"id\":" + vars[2].Id + ",\"manage_stock\":true,\"stock_quantity\":4}]", parent.Id);
        Assert.That(call.ErrorCode, Is.Null, call.ErrorMessage);
        Assert.That(Server.Requests.Single(r => r.Method == "POST").Path, Does.EndWith("/products/" + parent.Id + "/variations/batch"));
        Assert.That(Server.Products.Get(vars[0].Id)!.StockQuantity, Is.EqualTo(0));
        Assert.That(Server.Products.Get(vars[0].Id)!.StockStatus, Is.EqualTo("outofstock"));
        Assert.That(Server.Products.Get(vars[2].Id)!.StockQuantity, Is.EqualTo(4));
    }

    [Test]
    public void More_than_100_objects_raise_CPO_PARAM_before_any_request_and_the_stand_in_refuses_them_with_413()
    {
        string json = "[" + string.Join(",", Enumerable.Range(1, 101).Select(i => "{\"id\":" + i + ",\"manage_stock\":true,\"stock_quantity\":1}")) + "]";
        var ex = Assert.Throws<WooWriteParameterException>(() => Batch(json));
        Assert.That(ex!.Message, Does.Contain("CPO-PARAM:").And.Contain("100"));
        Assert.That(Server.Requests, Is.Empty);
        // What WooCommerce itself answers (check_batch_limit), so a site that lowers nothing still never sees 101.
        var result = Send(Client(), CpOrders.WooClr.Http.WooRequest.Post("products/batch", "{\"update\":" + json + "}"));
        Assert.That(result.StatusCode, Is.EqualTo(413));
        Assert.That(result.WooErrorCode, Is.EqualTo("woocommerce_rest_request_entity_too_large"));
    }

    [Test]
    public void Stock_quantity_without_manage_stock_true_is_refused_before_sending()
    {
        var ex = Assert.Throws<WooWriteParameterException>(() => Batch("[{\"id\":5,\"stock_quantity\":3}]"));
        Assert.That(ex!.Message, Does.Contain("manage_stock"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void The_shop_dropping_the_quantity_with_200_is_reported_as_not_applied()
    {
        // Trap: the store-wide stock option off ignores manage_stock/stock_quantity and still answers 200.
        CatalogEntry p = Server.Products.AddSimple("A", 3);
        Server.Products.StoreManagesStock = false;
        BatchCall call = Batch("[{\"id\":" + p.Id + ",\"manage_stock\":true,\"stock_quantity\":9}]");
        Assert.That(call.HttpStatus, Is.EqualTo(200));
        Assert.That((string)Result(call, p.Id).Attribute("applied")!, Is.EqualTo("0"));
        Assert.That((string)Result(call, p.Id).Attribute("error_code")!, Is.EqualTo(WooWriteErrors.NotApplied));
        Assert.That(call.ErrorCode, Is.EqualTo(WooWriteErrors.BatchItems));
    }

    [Test]
    public void A_sale_price_the_shop_clears_is_reported_as_not_applied()
    {
        CatalogEntry p = Server.Products.AddSimple("A", 3, price: "10.00");
        BatchCall call = Batch("[{\"id\":" + p.Id + ",\"sale_price\":\"12.00\"}]");
        Assert.That((string)Result(call, p.Id).Attribute("error_code")!, Is.EqualTo(WooWriteErrors.NotApplied));
        Assert.That((string)Result(call, p.Id).Attribute("error_message")!, Does.Contain("sale_price"));
    }

    [Test]
    public void A_503_on_the_batch_is_retried_because_absolute_updates_are_idempotent()
    {
        CatalogEntry p = Server.Products.AddSimple("A", 3);
        Server.Faults.Enqueue(Fault.WithStatus(503, "1").For("POST", "/products/batch"));
        BatchCall call = Batch("[{\"id\":" + p.Id + ",\"manage_stock\":true,\"stock_quantity\":8}]");
        Assert.That(call.ErrorCode, Is.Null, call.ErrorMessage);
        Assert.That(call.Requests, Is.EqualTo(2));
        Assert.That(Server.Products.Get(p.Id)!.StockQuantity, Is.EqualTo(8));
    }

    [Test]
    public void A_batch_whose_answer_is_lost_after_the_shop_acted_can_be_sent_again_with_the_same_result()
    {
        CatalogEntry p = Server.Products.AddSimple("A", 3);
        Server.Faults.Enqueue(Fault.ResetAfterHandled().For("POST", "/products/batch"));
        BatchCall call = Batch("[{\"id\":" + p.Id + ",\"manage_stock\":true,\"stock_quantity\":6}]");
        Assert.That(Server.Products.Get(p.Id)!.StockQuantity, Is.EqualTo(6));
        Assert.That(call.ErrorCode, Is.Null, "the reset is retried (idempotent), and the second answer is read");
        Assert.That((string)Result(call, p.Id).Attribute("applied")!, Is.EqualTo("1"));
    }
}
