using System.Collections;
using System.Data.SqlTypes;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.SqlSurface;
using WooStandIn;

// Issue 14's measurements: a WooCommerce stand-in with 10,000 SKUs (8,000 simple products, 2,000 variations of 200
// variable products) and an in-memory Counterpoint (on hand, committed per item). The sync below does what the T-SQL
// sync will do, through the wooclr entry points exactly as SQL Server calls them: GetProducts / GetVariations (full
// read), MapSkus, AvailableToSell, StockUpdate (baseline = last sent, or WooCommerce's value in a reconciliation),
// then one BatchUpdateProducts per 100 products and one BatchUpdateVariations per parent (per 100 of its variations).
// It counts the requests the stand-in saw. The predecessor (one GET + one PUT per product, seed-system.md 4.12) runs
// against the same shop for comparison. Plain http with OAuth 1.0a keeps TLS out of the harness.
const string key = "ck_bench_0123456789abcdef0123456789abcdef01";
const string secret = "cs_bench_0123456789abcdef0123456789abcdef01";
const int simpleCount = 8000, variableCount = 200, variationsEach = 10;
using TestCertificates certificates = TestCertificates.Create();
await using WooStandInServer server = await WooStandInServer.StartAsync(certificates, key, secret);
ProductStore shop = server.Products;
var random = new Random(14);
var cp = new Dictionary<string, (decimal OnHand, decimal Commit)>(StringComparer.OrdinalIgnoreCase);
for (int i = 1; i <= simpleCount; i++)
{
    string sku = "S-" + i.ToString("00000", CultureInfo.InvariantCulture);
    int avail = random.Next(0, 40);
    cp[sku] = (avail + 3, 3);
    shop.AddSimple(sku, avail);
}
for (int v = 1; v <= variableCount; v++)
{
    string style = "V-" + v.ToString("000", CultureInfo.InvariantCulture);
    var (_, variations) = shop.AddVariable("", variationsEach, quantity: 0, variationSku: i => style + "-" + (i + 1).ToString("00", CultureInfo.InvariantCulture));
    foreach (CatalogEntry e in variations)
    {
        int avail = random.Next(0, 15);
        cp[e.Sku] = (avail, 0);
        shop.Modify(e.Id, x => x.StockQuantity = avail, atGmt: e.ModifiedGmt);
    }
}
server.Orders.ClockGmt = server.Orders.ClockGmt.AddSeconds(60);

// ---- the sync, as T-SQL will run it --------------------------------------------------------------------------
var map = new Dictionary<long, (long? ParentId, string Type, string ItemNo, string Manage)>();
var lastSent = new Dictionary<long, decimal?>();
var wooReported = new Dictionary<long, decimal?>();
var cpName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);   // item -> Counterpoint name, when the store syncs names
var nameBaseline = new Dictionary<long, string?>();                               // what the shop shows, or what was last sent

int Requests() => server.Requests.Count;

(int Reads, int Items) FullRead()
{
    int before = Requests();
    var items = new List<(long Id, long? Parent, string? Type, string? Sku, string? Manage, decimal? Qty, string? Name)>();
    void Take(IEnumerable rows)
    {
        foreach (object r in rows)
        {
            CatalogFunctions.FillCatalogRow(r, out SqlString kind, out SqlInt64 id, out SqlInt64 parent, out SqlString type, out SqlString sku,
                out SqlString name, out _, out SqlString manage, out SqlDecimal qty, out _, out _, out _, out _, out _, out _, out _, out SqlString message, out _, out _, out _, out SqlBoolean readAll);
            if (kind.Value is "end" or "error")
            {
                if (kind.Value == "error" || !readAll.Value) throw new InvalidOperationException("read failed: " + message.Value);
                continue;
            }
            items.Add((id.Value, parent.IsNull ? null : parent.Value, type.Value, sku.IsNull ? null : sku.Value, manage.IsNull ? null : manage.Value, qty.IsNull ? null : qty.Value,
                name.IsNull ? null : name.Value));
        }
    }
    Take(CatalogFunctions.GetProducts(new SqlString(server.HttpBaseUrl), new SqlString(key), new SqlString(secret), new SqlString("oauth1"), null,
        new SqlInt32(100), new SqlInt32(1000), new SqlInt32(30), new SqlInt32(600), SqlInt32.Null, SqlBoolean.True, SqlString.Null, SqlString.Null));
    Take(CatalogFunctions.GetVariations(new SqlString(server.HttpBaseUrl), new SqlString(key), new SqlString(secret), new SqlString("oauth1"), null,
        new SqlString("auto"), SqlString.Null, new SqlInt32(100), new SqlInt32(1000), new SqlInt32(30), new SqlInt32(600), SqlInt32.Null, SqlBoolean.True,
        SqlString.Null, SqlString.Null));
    // The SKU map: one call over the whole catalog (FOR JSON PATH in T-SQL).
    var skuOf = items.ToDictionary(i => i.Id, i => i.Sku);
    var json = new JsonArray(items.Select(i => (JsonNode)new JsonObject
    {
        ["id"] = i.Id, ["parent_id"] = i.Parent, ["sku"] = i.Sku, ["parent_sku"] = i.Parent is { } p && skuOf.TryGetValue(p, out string? ps) ? ps : null,
    }).ToArray()).ToJsonString();
    var typeOf = items.ToDictionary(i => i.Id);
    map.Clear();
    foreach (object r in CatalogFunctions.MapSkus(new SqlString(json), SqlString.Null, SqlString.Null, SqlString.Null))
    {
        CatalogFunctions.FillSkuRow(r, out SqlInt64 id, out SqlInt64 parent, out _, out SqlString item, out _, out _, out SqlString code, out _);
        var i = typeOf[id.Value];
        if (code.IsNull && cp.ContainsKey(item.Value)) map[id.Value] = (i.Parent, i.Type ?? "simple", item.Value, i.Manage ?? "false");
        wooReported[id.Value] = i.Qty;
        nameBaseline[id.Value] = i.Name;
    }
    return (Requests() - before, items.Count);
}

(int Writes, int Objects, int Failed) Push(bool reconcile)
{
    int before = Requests();
    var groups = new SortedDictionary<long, List<(long Id, string Json, int Wanted, string? Name)>>();
    foreach (var (id, m) in map)
    {
        (decimal onHand, decimal commit) = cp[m.ItemNo];
        int wanted = CatalogFunctions.AvailableToSell(new SqlDecimal(onHand), new SqlDecimal(commit), SqlDecimal.Null, SqlDecimal.Null, SqlDecimal.Null, SqlDecimal.Null).Value;
        decimal? baseline = reconcile ? wooReported[id] : lastSent.GetValueOrDefault(id);
        object row = CatalogFunctions.StockUpdate(new SqlInt64(id), m.ParentId is { } p ? new SqlInt64(p) : SqlInt64.Null, new SqlString(m.Type), new SqlString(m.Manage),
            baseline is { } b ? new SqlDecimal(b) : SqlDecimal.Null, SqlString.Null, new SqlInt32(wanted), SqlBoolean.False, SqlBoolean.False,
            SqlString.Null, SqlString.Null, SqlString.Null, SqlString.Null, SqlString.Null, SqlString.Null,
            cpName.TryGetValue(m.ItemNo, out string? wantedName) ? new SqlString(wantedName) : SqlString.Null,
            nameBaseline.GetValueOrDefault(id) is { } nb ? new SqlString(nb) : SqlString.Null).Cast<object>().Single();
        CatalogFunctions.FillStockUpdateRow(row, out SqlBoolean send, out _, out SqlInt64 batchKey, out SqlString updateJson, out _);
        if (!send.Value) continue;
        if (!groups.TryGetValue(batchKey.Value, out var list)) groups[batchKey.Value] = list = [];
        list.Add((id, updateJson.Value, wanted, JsonNode.Parse(updateJson.Value)!["name"]?.GetValue<string>()));
    }
    int objects = 0, failed = 0;
    foreach (var (batchKey, list) in groups)
    {
        for (int start = 0; start < list.Count; start += 100)
        {
            var chunk = list.Skip(start).Take(100).ToList();
            string updates = "[" + string.Join(",", chunk.Select(c => c.Json)) + "]";
            SqlXml results;
            if (batchKey == 0)
            {
                CatalogFunctions.BatchUpdateProducts(new SqlString(server.HttpBaseUrl), new SqlString(key), new SqlString(secret), new SqlString("oauth1"), new SqlInt32(120),
                    new SqlInt32(600), SqlBoolean.True, SqlString.Null, SqlString.Null, new SqlString(updates), out results, out _, out _, out _, out _);
            }
            else
            {
                CatalogFunctions.BatchUpdateVariations(new SqlString(server.HttpBaseUrl), new SqlString(key), new SqlString(secret), new SqlString("oauth1"), new SqlInt32(120),
                    new SqlInt32(600), SqlBoolean.True, SqlString.Null, SqlString.Null, new SqlInt64(batchKey), new SqlString(updates), out results, out _, out _, out _, out _);
            }
            var byId = chunk.ToDictionary(c => c.Id);
            foreach (XElement r in XElement.Parse(results.Value).Elements("result"))
            {
                long id = (long)r.Attribute("id")!;
                objects++;
                if ((string)r.Attribute("applied")! == "1")
                {
                    lastSent[id] = byId[id].Wanted;
                    wooReported[id] = byId[id].Wanted;
                    if (byId[id].Name != null) nameBaseline[id] = byId[id].Name;
                }
                else failed++;   // last sent unchanged: the next sync sends it again, and only it
            }
        }
    }
    return (Requests() - before, objects, failed);
}

List<string> ChangeAvailability(Func<string, bool> which, int count)
{
    var skus = cp.Keys.Where(which).OrderBy(_ => random.Next()).Take(count).ToList();
    foreach (string s in skus) cp[s] = (cp[s].OnHand + 1 + random.Next(5), cp[s].Commit);
    return skus;
}

int ExpectedWrites(IEnumerable<string> changedSkus)
{
    var changed = new HashSet<string>(changedSkus, StringComparer.OrdinalIgnoreCase);
    int simple = map.Values.Count(m => m.ParentId == null && changed.Contains(m.ItemNo));
    int parents = map.Values.Where(m => m.ParentId != null && changed.Contains(m.ItemNo)).Select(m => m.ParentId).Distinct().Count();
    return (simple + 99) / 100 + parents;
}

var report = new StringBuilder();
void Line(string what, string value) { report.AppendLine($"| {what} | {value} |"); Console.WriteLine($"{what,-70} {value}"); }

// 1. First full reconciliation: read everything, map, and repair whatever differs (the shop starts in step).
var clock = Stopwatch.StartNew();
var read = FullRead();
var first = Push(reconcile: true);
Line("catalog read: products + variations (all-variations route)", $"{read.Reads} requests for {read.Items:N0} objects ({map.Count:N0} SKUs mapped)");
Line("first reconciliation, shop already in step", $"{first.Writes} write requests ({read.Reads + first.Writes} in all), {clock.ElapsedMilliseconds} ms");
// In step: what WooCommerce shows is what a previous sync sent.
foreach (long id in map.Keys) lastSent[id] = wooReported[id];

// 2. A sync where 1 % of availabilities changed.
List<string> changed = ChangeAvailability(_ => true, 100);
int expected = ExpectedWrites(changed);
clock.Restart();
var delta = Push(reconcile: false);
int changedSimple = changed.Count(s => s.StartsWith("S-", StringComparison.Ordinal));
int parentsHit = changed.Where(s => s.StartsWith("V-", StringComparison.Ordinal)).Select(s => s[..5]).Distinct().Count();
Line("1 % change sync (100 SKUs: " + changedSimple + " simple, " + (100 - changedSimple) + " variations of " + parentsHit + " parents)",
    $"{delta.Writes} write requests, {delta.Objects} objects; minimum ceil({changedSimple}/100) + {parentsHit} = {expected}: {(delta.Writes == expected ? "equal" : "DIFFERENT")}, {clock.ElapsedMilliseconds} ms");

// 3. Nothing changed.
var none = Push(reconcile: false);
Line("no-change sync", $"{none.Writes} requests");

// 3b. Products (issue 14 item 6): the store also syncs names; 40 simple products renamed in Counterpoint and 100
// availabilities changed. A name travels in the same object as the stock, so writes = ceil(objects changed/100) + parents.
var renamed = map.Where(kv => kv.Value.ParentId == null).OrderBy(_ => random.Next()).Take(40).Select(kv => kv.Value.ItemNo).ToList();
foreach (string item in renamed) cpName[item] = "Renamed & improved " + item;
List<string> changedWithNames = ChangeAvailability(_ => true, 100);
int expectedWithNames = ExpectedWrites(changedWithNames.Concat(renamed));
int objectsWithNames = map.Values.Count(m => changedWithNames.Contains(m.ItemNo, StringComparer.OrdinalIgnoreCase) || renamed.Contains(m.ItemNo, StringComparer.OrdinalIgnoreCase));
var named = Push(reconcile: false);
var namedAgain = Push(reconcile: false);
Line("names synced: 40 renamed + 1 % availability change", $"{named.Writes} write requests, {named.Objects} objects (expected {objectsWithNames}); minimum {expectedWithNames}: {(named.Writes == expectedWithNames ? "equal" : "DIFFERENT")}; next sync {namedAgain.Writes}");
cpName.Clear();

// 4. A per-item failure is retried alone.
List<string> two = ChangeAvailability(s => s.StartsWith("S-", StringComparison.Ordinal), 2);
long failing = map.First(kv => kv.Value.ItemNo == two[0]).Key;
shop.FailWrites((int)failing, "product_invalid_sku", "Invalid or duplicated SKU.");
var withFailure = Push(reconcile: false);
shop.ClearFailures();
var retry = Push(reconcile: false);
Line("one item fails in a batch of 2, then is retried", $"{withFailure.Writes} request ({withFailure.Failed} failed of {withFailure.Objects}); retry {retry.Writes} request with {retry.Objects} object");

// 5. Nightly reconciliation after hand edits in the shop (drift on 150 simple products and 30 variations of 12 parents).
var drifted = map.Where(kv => kv.Value.ParentId == null).OrderBy(_ => random.Next()).Take(150).Select(kv => kv.Key)
    .Concat(map.Where(kv => kv.Value.ParentId != null).GroupBy(kv => kv.Value.ParentId).OrderBy(_ => random.Next()).Take(12)
        .SelectMany(g => g.Take(3).Take(g.Count())).Take(30).Select(kv => kv.Key)).ToList();
foreach (long id in drifted) shop.Modify((int)id, e => e.StockQuantity = (e.StockQuantity ?? 0) + 7);
server.Orders.ClockGmt = server.Orders.ClockGmt.AddSeconds(60);
int driftParents = drifted.Where(id => map[id].ParentId != null).Select(id => map[id].ParentId).Distinct().Count();
int driftSimple = drifted.Count(id => map[id].ParentId == null);
clock.Restart();
var reread = FullRead();
var repair = Push(reconcile: true);
int minimumWrites = (driftSimple + 99) / 100 + driftParents;
Line($"full reconciliation, {drifted.Count} drifted ({driftSimple} simple, {drifted.Count - driftSimple} variations of {driftParents} parents)",
    $"{reread.Reads} reads + {repair.Writes} writes = {reread.Reads + repair.Writes} requests (writes minimum {minimumWrites}: {(repair.Writes == minimumWrites ? "equal" : "DIFFERENT")}), {clock.ElapsedMilliseconds} ms");
var clean = Push(reconcile: true);
Line("reconciliation right after (no drift)", $"{clean.Writes} writes");

// The same full read on a shop before WooCommerce 10.3 (no GET variations: @Route 'auto' falls back to each parent).
shop.AllVariationsRoute = false;
server.Orders.ClockGmt = server.Orders.ClockGmt.AddSeconds(60);   // the stand-in's clock moves only by saves: let U pass the repairs
var oldShop = FullRead();
shop.AllVariationsRoute = true;
Line("catalog read on a shop without GET variations (per-parent fallback)", $"{oldShop.Reads} requests for {oldShop.Items:N0} objects");

// 6. The predecessor on the same catalog: every SKU GET then PUT (seed-system.md 4.12; the issue's "one GET + one PUT
// per product"), run against the stand-in for the 1 % change.
ChangeAvailability(_ => true, 100);
var client = new WooHttpClient(new WooHttpOptions { BaseUrl = server.HttpBaseUrl, ConsumerKey = key, ConsumerSecret = secret, AuthMode = WooAuthMode.OAuth1, AllowPlainHttp = true });
int predecessorBefore = Requests();
clock.Restart();
int puts = 0;
foreach (var (id, m) in map)
{
    string path = m.ParentId is { } p ? $"products/{p}/variations/{id}" : $"products/{id}";
    WooHttpResult got = client.Send(WooRequest.Get(path));
    if (!got.Succeeded) throw new InvalidOperationException(got.ErrorMessage);
    (decimal onHand, _) = cp[m.ItemNo];       // the predecessor pushed on hand, ignoring committed stock
    var shown = JsonNode.Parse(got.Body)!["stock_quantity"];
    if (shown != null && shown.GetValue<decimal>() == (int)onHand) continue;     // it PUT only when the quantity differed
    WooHttpResult put = client.Send(WooRequest.Put(path, "{\"manage_stock\":true,\"stock_quantity\":" + ((int)onHand).ToString(CultureInfo.InvariantCulture) + "}"));
    if (!put.Succeeded) throw new InvalidOperationException(put.ErrorMessage);
    puts++;
}
int predecessor = Requests() - predecessorBefore;
Line("predecessor, same catalog, one cycle (GET per SKU, PUT where its number differs)", $"{predecessor:N0} requests ({map.Count:N0} GET + {puts:N0} PUT; at most {2 * map.Count:N0}), {clock.ElapsedMilliseconds} ms; ours for a 1 % change: {delta.Writes}, nightly: {reread.Reads + repair.Writes}");
Console.WriteLine();
Console.WriteLine(report.ToString());
