using System.Collections;
using System.Data.SqlTypes;
using System.Diagnostics;
using System.Text;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Orders;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OurDocument = CpOrders.WooClr.Json.JsonDocument;
using OurElement = CpOrders.WooClr.Json.JsonElement;

// Pages like GET /orders?per_page=100: 100 pages of 100 orders, cycled from the test fixtures (ids made unique).
const int Pages = 100, PerPage = 100;
string[] fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order().Select(File.ReadAllText).ToArray();
var pages = new List<string>();
var orders = new List<string>();
for (int p = 0; p < Pages; p++)
{
    var sb = new StringBuilder("[");
    for (int i = 0; i < PerPage; i++)
    {
        int n = p * PerPage + i;
        string order = fixtures[n % fixtures.Length];
        int at = order.IndexOf("\"id\"", StringComparison.Ordinal);
        int comma = order.IndexOf(',', at);
        order = order[..at] + "\"id\":" + (100000 + n) + order[comma..];
        orders.Add(order);
        if (i > 0) sb.Append(',');
        sb.Append(order);
    }
    pages.Add(sb.Append(']').ToString());
}
long chars = pages.Sum(p => (long)p.Length);
Console.WriteLine($"{Pages} pages x {PerPage} orders = {orders.Count} orders, {chars / 1e6:0.00} M characters ({chars * 2 / 1e6:0.0} MB as UTF-16; MB/s below counts characters as bytes, as UTF-8 would)");
Console.WriteLine($"{Environment.Version}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine();

var results = new List<(string Name, double Seconds, long Bytes)>();

Measure("ours: JsonDocument.Parse(page)", () =>
{
    long sum = 0;
    foreach (string page in pages) sum += OurDocument.Parse(page).Root.GetArrayLength();
    return sum;
});
Measure("Newtonsoft: JArray.Parse(page)", () =>
{
    long sum = 0;
    foreach (string page in pages) sum += Newtonsoft(page).Count;
    return sum;
});
Measure("ours: page -> id, status, date_modified_gmt", () =>
{
    long sum = 0;
    foreach (string page in pages)
    {
        foreach (OurElement o in OurDocument.Parse(page).Root.EnumerateArray())
        {
            sum += long.Parse(o.Property("id").GetNumberText()) + o.Property("status").GetString().Length + o.Property("date_modified_gmt").GetRawText().Length;
        }
    }
    return sum;
});
Measure("Newtonsoft: page -> id, status, date_modified_gmt", () =>
{
    long sum = 0;
    foreach (string page in pages)
    {
        foreach (JToken o in Newtonsoft(page))
        {
            sum += (long)o["id"]! + ((string)o["status"]!).Length + (o["date_modified_gmt"]?.ToString() ?? "").Length;
        }
    }
    return sum;
});
Measure("ours: page -> every typed record (WooOrderReader.ReadAll)", () =>
{
    long sum = 0;
    foreach (string page in pages)
    {
        foreach (OurElement o in OurDocument.Parse(page).Root.EnumerateArray())
        {
            var r = new WooOrderReader(o);
            sum += r.ReadLineItems().Count + r.ReadMeta().Count + (r.ReadHeader().Total > 0 ? 1 : 0);
            r.ReadShippingLines(); r.ReadFeeLines(); r.ReadCouponLines(); r.ReadTaxLines(); r.ReadRefunds();
        }
    }
    return sum;
});
Measure("ours: SQL path per order (OrderJsonCheck + 8 TVFs + FillRow)", () =>
{
    long sum = 0;
    foreach (string order in orders)
    {
        var json = new SqlString(order);
        foreach (object row in OrderParsingFunctions.OrderJsonCheck(json)) sum++;
        sum += Count(OrderParsingFunctions.OrderHeader(json)) + Count(OrderParsingFunctions.OrderLines(json)) + Count(OrderParsingFunctions.OrderShippingLines(json))
             + Count(OrderParsingFunctions.OrderFeeLines(json)) + Count(OrderParsingFunctions.OrderCouponLines(json)) + Count(OrderParsingFunctions.OrderTaxLines(json))
             + Count(OrderParsingFunctions.OrderRefunds(json)) + Count(OrderParsingFunctions.OrderMeta(json));
    }
    return sum;
});

Console.WriteLine();
Console.WriteLine($"{"",-62} {"MB/s",8} {"orders/s",10} {"KB alloc/order",15}");
foreach (var r in results)
{
    Console.WriteLine($"{r.Name,-62} {chars / 1e6 / r.Seconds,8:0.0} {orders.Count / r.Seconds,10:0} {r.Bytes / 1024.0 / orders.Count,15:0.0}");
}
Console.WriteLine();
Ratio(0, 1, "DOM parse");
Ratio(2, 3, "page -> id/status/date");
double avgChars = chars / (double)orders.Count;
Console.WriteLine($"average order: {avgChars:0} characters; Newtonsoft's JObject allocates {results[1].Bytes / (double)orders.Count / (avgChars * 2):0.0}x the order's UTF-16 size, ours {results[0].Bytes / (double)orders.Count / (avgChars * 2):0.0}x");

void Ratio(int ours, int theirs, string what)
{
    Console.WriteLine($"{what}: ours is {results[theirs].Seconds / results[ours].Seconds:0.0}x faster and allocates {results[theirs].Bytes / (double)results[ours].Bytes:0.0}x less than Newtonsoft");
}

void Measure(string name, Func<long> run)
{
    long check = run(); // warm-up (JIT, caches)
    GC.Collect();
    GC.WaitForPendingFinalizers();
    int rounds = 0;
    long bytes = 0;
    var watch = Stopwatch.StartNew();
    while (rounds < 3 || watch.Elapsed < TimeSpan.FromSeconds(2))
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        if (run() != check) throw new InvalidOperationException("not deterministic");
        bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        rounds++;
    }
    watch.Stop();
    results.Add((name, watch.Elapsed.TotalSeconds / rounds, bytes / rounds));
    Console.WriteLine($"  {name}: {rounds} rounds, {watch.Elapsed.TotalMilliseconds / rounds:0.0} ms per round");
}

static JArray Newtonsoft(string page)
{
    using var reader = new JsonTextReader(new StringReader(page)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
    return JArray.Load(reader);
}

static long Count(IEnumerable rows)
{
    long n = 0;
    foreach (object row in rows) n++;
    return n;
}
