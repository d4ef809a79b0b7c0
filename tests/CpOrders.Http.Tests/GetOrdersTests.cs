using System.Text.Json.Nodes;
using System.Collections;
using System.Data.SqlTypes;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Paging;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// wooclr.GetOrders against the WooCommerce stand-in, called exactly as SQL Server calls it: the method with SqlTypes,
/// then FillOrderRow for every row.
/// </summary>
public class GetOrdersTests : StandInTestBase
{
    public sealed record Row(string Kind, long? OrderId, string? Status, DateTime? Modified, string? Json, int PageNo,
        int HttpStatus, string? Message, int Requests, int Retries, DateTime? CompleteUpTo);

    private List<Row> Call(DateTime? watermark, int pageSize = 10, int maxPages = 100, string statuses = "any",
        string authMode = "basic", int timeoutSeconds = 5, int budgetSeconds = 60, string? secret = null)
    {
        IEnumerable rows = OrderPullFunctions.GetOrders(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(secret ?? TestRun.ConsumerSecret), new SqlString(authMode), watermark, new SqlString(statuses),
            new SqlInt32(pageSize), new SqlInt32(maxPages), new SqlInt32(timeoutSeconds), new SqlInt32(budgetSeconds),
            new SqlInt32(32 * 1024), SqlBoolean.False, SqlString.Null, SqlString.Null);
        var result = new List<Row>();
        foreach (object r in rows)
        {
            OrderPullFunctions.FillOrderRow(r, out SqlString kind, out SqlInt64 id, out SqlString status, out DateTime? modified,
                out SqlChars json, out SqlInt32 pageNo, out SqlInt32 http, out SqlString message, out SqlInt32 requests,
                out SqlInt32 retries, out DateTime? complete);
            var row = new Row(kind.Value, id.IsNull ? null : id.Value, status.IsNull ? null : status.Value, modified,
                json.IsNull ? null : new string(json.Value), pageNo.Value, http.Value, message.IsNull ? null : message.Value,
                requests.Value, retries.Value, complete);
            TestRun.ProducedTexts.Enqueue(row.Message ?? "");
            result.Add(row);
        }
        return result;
    }

    private static readonly DateTime Early = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<long> Ids(List<Row> rows) => rows.Where(r => r.Kind == "order").Select(r => r.OrderId!.Value).ToList();

    private int ListRequests() => Server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/orders"));

    [Test]
    public void Streams_every_order_once_then_exactly_one_end_row_in_ceiling_N_over_page_size_requests()
    {
        List<Row> rows = Call(Early, pageSize: 10);     // 25 seeded orders
        Assert.That(rows.Count(r => r.Kind is "end" or "error"), Is.EqualTo(1));
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        var expected = Server.Orders.All().Where(o => (string)o["status"]! != "trash").Select(o => (long)o["id"]!).OrderBy(x => x);
        Assert.That(Ids(rows).OrderBy(x => x), Is.EqualTo(expected));
        Assert.That(ListRequests(), Is.EqualTo(3), "25 orders, 10 per page: 3 requests, the last one short");
        Assert.That(rows.Last().Requests, Is.EqualTo(3));
        DateTime maxModified = rows.Where(r => r.Kind == "order").Max(r => r.Modified!.Value);
        Assert.That(rows.Last().CompleteUpTo, Is.EqualTo(maxModified));
        // order_json is the order object's own text: it carries its own id
        foreach (Row r in rows.Where(r => r.Kind == "order"))
            Assert.That(r.Json, Does.StartWith("{").And.Contain("\"id\":" + r.OrderId));
    }

    [Test]
    public void Every_request_asks_for_the_keyset_page_one_ordered_by_modified()
    {
        Call(Early, pageSize: 10);
        foreach (RecordedRequest r in Server.Requests.Where(r => r.Path.EndsWith("/orders")))
        {
            Assert.That(r.QueryString, Does.Contain("orderby=modified").And.Contain("order=asc").And.Contain("page=1")
                .And.Contain("dates_are_gmt=true").And.Contain("modified_after="));
        }
    }

    [Test]
    public void Orders_inserted_modified_or_trashed_while_paging_are_neither_lost_nor_doubled()
    {
        var initial = Server.Orders.All().Select(o => (long)o["id"]!).ToList();
        Server.BeforeListRequest(2, store => store.Modify((int)initial[1]));     // already read: its newer version comes next call
        Server.BeforeListRequest(2, store => store.Trash((int)initial[2]));      // already read: must not shift the rest
        Server.BeforeListRequest(3, store => store.Insert(5001));                 // new: read by the next call
        List<Row> rows = Call(Early, pageSize: 5);
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        List<long> ids = Ids(rows);
        Assert.That(ids, Is.SupersetOf(initial), "nothing present at the start is lost");
        var pairs = rows.Where(r => r.Kind == "order").Select(r => (r.OrderId, r.Modified)).ToList();
        Assert.That(pairs.Distinct().Count(), Is.EqualTo(pairs.Count), "never the same id and time twice in one call");
        // Saves made while the call paged are stamped after its upper bound: at or after the restart point.
        DateTime restart = rows.Last().CompleteUpTo!.Value;
        Assert.That(OrderStore.ParseDate(Server.Orders.Get((int)initial[1])!, "date_modified_gmt"), Is.GreaterThanOrEqualTo(restart));
        Server.Orders.Tick(Server.Orders.ClockGmt.AddMinutes(1));
        List<Row> next = Call(restart, pageSize: 5);
        Assert.That(Ids(next), Does.Contain(5001L).And.Contain(initial[1]));
        Assert.That(Ids(next), Does.Not.Contain(initial[2]), "trashed");
    }

    [Test]
    public void An_old_WooCommerce_that_ignores_modified_after_is_an_error_row_not_a_flood()
    {
        Server.OldWooCommerce = true;
        DateTime watermark = Server.Orders.All().Select(o => OrderStore.ParseDate(o, "date_modified_gmt")).Max();
        List<Row> rows = Call(watermark, pageSize: 10);
        Assert.That(rows.Last().Kind, Is.EqualTo("error"));
        Assert.That(rows.Last().Message, Does.Contain("ignores"));
        Assert.That(rows.Last().CompleteUpTo, Is.EqualTo(watermark), "the watermark does not move");
        Assert.That(Ids(rows).Count, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void A_failure_after_some_pages_keeps_the_rows_and_reports_where_they_are_complete()
    {
        Server.BeforeListRequest(2, _ => Server.Faults.Enqueue(Fault.HtmlPage()));   // served to the next request, the third page
        List<Row> rows = Call(Early, pageSize: 5);
        Row last = rows.Last();
        Assert.That(last.Kind, Is.EqualTo("error"));
        Assert.That(Ids(rows), Has.Count.EqualTo(10), "two pages of five were read before the failure");
        var notReturned = Server.Orders.All().Where(o => !Ids(rows).Contains((long)o["id"]!));
        Assert.That(notReturned.Select(o => OrderStore.ParseDate(o, "date_modified_gmt")), Has.All.GreaterThanOrEqualTo(last.CompleteUpTo!.Value),
            "the restart point never passes an order that was not returned");
    }

    [Test]
    public void Bad_parameters_give_one_error_row_and_no_request()
    {
        foreach ((List<Row> rows, string expected) in new[]
        {
            (Call(null), "@ModifiedAfterUtc"),
            (Call(Early, pageSize: 101), "@PageSize"),
            (Call(Early, maxPages: 0), "@MaxPages"),
            (Call(Early, authMode: "digest"), "@AuthMode"),
        })
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0].Kind, Is.EqualTo("error"));
            Assert.That(rows[0].Message, Does.Contain(expected));
        }
        Assert.That(ListRequests(), Is.EqualTo(0));
    }

    [Test]
    public void A_wrong_secret_is_an_error_row_that_never_shows_the_secret()
    {
        List<Row> rows = Call(Early, secret: "cs_wrong_secret_value_0123456789");
        Assert.That(rows.Single().Kind, Is.EqualTo("error"));
        Assert.That(rows.Single().HttpStatus, Is.EqualTo(401));
        Assert.That(rows.Single().Message, Does.Not.Contain("cs_wrong_secret_value_0123456789").And.Not.Contain(TestRun.ConsumerKey));
    }

    [Test]
    public void Seeded_faults_and_changes_never_lose_or_double_an_order_within_a_call()
    {
        int cleanEnds = 0, retries = 0, ordersSeen = 0;
        int currentSeed = 0;
        for (int seed = 1; seed <= 16; seed++)
        {
            var random = new Random(seed);
            Server.Faults.Clear();
            Server.Faults.UseRandom(seed, 0.25, Fault.WithStatus(503, "1"), Fault.WithStatus(429, "2"), Fault.ResetConnection(),
                Fault.WithStatus(502), Fault.TruncatedBody());
            var before = Server.Orders.All().Where(o => (string)o["status"]! != "trash")
                .ToDictionary(o => (long)o["id"]!, o => OrderStore.ParseDate(o, "date_modified_gmt"));
            var touched = new HashSet<long>();
            // The stand-in numbers list requests across the seeds of this test; a hook left over from an earlier seed does nothing.
            int listBase = Server.ListRequestCount, thisSeed = seed;
            currentSeed = seed;
            for (int n = 2; n <= 8; n++)
            {
                int action = random.Next(3);
                long pick = before.Keys.ElementAt(random.Next(before.Count));
                int newId = 6000 + seed * 100 + n;
                Server.BeforeListRequest(listBase + n, store =>
                {
                    if (currentSeed != thisSeed) return;
                    if (action == 0) { store.Insert(newId); }
                    else if (action == 1) { store.Modify((int)pick); touched.Add(pick); }
                    else { store.Trash((int)pick); touched.Add(pick); }
                });
            }
            var options = Options();
            options.TotalBudgetMs = 120000;
            var puller = new KeysetOrderPuller(new HttpOrderPageSource(options, Env, Env, Env, Env), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), "any", random.Next(3, 12), 100);
            List<PulledRow> rows = puller.Pull().ToList();
            PulledRow last = rows.Last();
            var orders = rows.Where(r => r.RowKind == "order").ToList();
            Assert.That(orders.Select(r => (r.Order.Id, r.Order.DateModifiedGmt)).Distinct().Count(), Is.EqualTo(orders.Count), $"seed {seed}: doubled");
            var got = orders.Select(r => r.Order.Id).ToHashSet();
            foreach (var o in before.Where(o => !touched.Contains(o.Key) && o.Value < last.CompleteUpToUtc!.Value))
                Assert.That(got, Does.Contain(o.Key), $"seed {seed}: order {o.Key} lost; final row {last.RowKind}: {last.Message}");
            // (id, modification time): every version the shop holds now was returned or lies at/after the restart point.
            var gotVersions = orders.Select(r => (r.Order.Id, r.Order.DateModifiedGmt!.Value)).ToHashSet();
            foreach (JsonObject o in Server.Orders.All().Where(o => (string)o["status"]! != "trash"))
            {
                var v = ((long)o["id"]!, OrderStore.ParseDate(o, "date_modified_gmt"));
                Assert.That(gotVersions.Contains(v) || v.Item2 >= last.CompleteUpToUtc!.Value, Is.True,
                    $"seed {seed}: order {v.Item1} at {v.Item2:O} neither returned nor at/after the restart point; final row {last.RowKind}: {last.Message}");
            }
            TestRun.ProducedTexts.Enqueue(last.Message ?? "");
            cleanEnds += last.RowKind == "end" ? 1 : 0;
            retries += last.Retries;
            ordersSeen += orders.Count;
        }
        // The schedule must really exercise the code: faults were retried, and most calls read to the end.
        Assert.That(retries, Is.GreaterThan(10), "faults were injected and retried");
        Assert.That(cleanEnds, Is.GreaterThan(6), "most calls survive their faults");
        Assert.That(ordersSeen, Is.GreaterThan(12 * 20));
    }
}
