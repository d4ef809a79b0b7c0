using System.Collections;
using System.Data.SqlTypes;
using System.Diagnostics;
using CpOrders.WooClr.SqlSurface;
using WooStandIn;

// Streams N orders from the stand-in through wooclr.GetOrders exactly as SQL Server does (method, then FillRow per
// row), sampling the live managed heap after a full collection every 500 rows; then holds all rows at once for the
// comparison. Plain http with OAuth 1.0a keeps TLS trust out of a benchmark. Reports sizes and the ratio.
int count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
const string key = "ck_bench_0123456789abcdef0123456789abcdef01";
const string secret = "cs_bench_0123456789abcdef0123456789abcdef01";
using TestCertificates certificates = TestCertificates.Create();
await using WooStandInServer server = await WooStandInServer.StartAsync(certificates, key, secret);
server.Orders.Seed(count, seed: 42);
var early = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

IEnumerable Call() => OrderPullFunctions.GetOrders(new SqlString(server.HttpBaseUrl), new SqlString(key), new SqlString(secret),
    new SqlString("oauth1"), early, new SqlString("any"), new SqlInt32(100), new SqlInt32(10_000), new SqlInt32(30),
    new SqlInt32(600), new SqlInt32(64 * 1024), SqlBoolean.True, SqlString.Null, SqlString.Null);

(int Rows, long JsonChars, string Last) Consume(IEnumerable rows, Action<int>? sample)
{
    int n = 0; long chars = 0; string last = "";
    foreach (object row in rows)
    {
        OrderPullFunctions.FillOrderRow(row, out SqlString kind, out _, out _, out _, out SqlChars json, out _, out _,
            out SqlString message, out _, out _, out _);
        if (kind.Value == "order") { n++; chars += json.Value.Length; sample?.Invoke(n); }
        else last = kind.Value + ": " + (message.IsNull ? "" : message.Value);
    }
    return (n, chars, last);
}

Consume(Call(), null);                                  // warm-up: JIT, connections
GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
long baseline = GC.GetTotalMemory(true);
long allocatedBefore = GC.GetTotalAllocatedBytes(true);
long peakStreaming = 0;
var clock = Stopwatch.StartNew();
var streamed = Consume(Call(), n => { if (n % 500 == 0) peakStreaming = Math.Max(peakStreaming, GC.GetTotalMemory(true) - baseline); });
clock.Stop();
long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;

var held = new List<object>();
foreach (object row in Call()) held.Add(row);
long holding = GC.GetTotalMemory(true) - baseline;
GC.KeepAlive(held);

Console.WriteLine($"orders streamed           : {streamed.Rows:N0} ({streamed.JsonChars / 1024.0 / 1024.0:F1} M chars of order JSON); final row {streamed.Last}");
Console.WriteLine($"time                      : {clock.Elapsed.TotalSeconds:F1} s ({streamed.Rows / clock.Elapsed.TotalSeconds:N0} orders/s incl. the stand-in serving them)");
Console.WriteLine($"peak live heap, streaming : {peakStreaming / 1024.0 / 1024.0:F2} MB (sampled after a full GC every 500 rows)");
Console.WriteLine($"live heap, all rows held  : {holding / 1024.0 / 1024.0:F2} MB");
Console.WriteLine($"ratio held / streaming    : {(double)holding / Math.Max(1, peakStreaming):F1}x");
Console.WriteLine($"allocated per order       : {allocated / (double)Math.Max(1, streamed.Rows) / 1024.0:F1} KB (client and stand-in together)");
