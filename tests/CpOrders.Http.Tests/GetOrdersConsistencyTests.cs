using System.Collections;
using System.Data.SqlTypes;
using System.Globalization;
using System.Text.Json.Nodes;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Paging;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// Issue 11 points 2, 3 and 7 through HTTP: the stand-in's Date header bounds the call (modified_before), versions are
/// judged by (id, modification time); wooclr.GetOrders checks every parameter before the first row and request and never
/// throws once rows stream; the page source never throws.
/// </summary>
public class GetOrdersConsistencyTests : StandInTestBase
{
    private static readonly DateTime Early = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private sealed record Version(long Id, DateTime Modified);

    private List<PulledRow> Pull(int pageSize, FakeEnvironment? env = null)
    {
        WooHttpOptions options = Options();
        var puller = new KeysetOrderPuller(new HttpOrderPageSource(options, env ?? Env, Env, Env, Env), Early, "any", pageSize, 100);
        var rows = puller.Pull().ToList();
        foreach (PulledRow r in rows) TestRun.ProducedTexts.Enqueue(r.Message ?? "");
        return rows;
    }

    private List<Version> ShopVersions() => Server.Orders.All().Where(o => (string)o["status"]! != "trash")
        .Select(o => new Version((long)o["id"]!, OrderStore.ParseDate(o, "date_modified_gmt"))).ToList();

    private static List<Version> Returned(List<PulledRow> rows) =>
        rows.Where(r => r.RowKind == "order").Select(r => new Version(r.Order.Id, r.Order.DateModifiedGmt!.Value)).ToList();

    private static void AssertNothingLost(List<Version> shop, List<PulledRow> rows)
    {
        DateTime restart = rows.Last().CompleteUpToUtc!.Value;
        var got = Returned(rows).ToHashSet();
        Assert.That(got.Count, Is.EqualTo(Returned(rows).Count), "a version returned twice");
        foreach (Version v in shop)
            Assert.That(got.Contains(v) || v.Modified >= restart, Is.True,
                $"order {v.Id} at {v.Modified:O} neither returned nor at/after the restart point {restart:O} ({rows.Last().RowKind}: {rows.Last().Message})");
    }

    private List<RecordedRequest> ListRequests() => Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/orders")).ToList();

    [Test]
    public void The_stand_in_sends_its_clock_as_the_Date_header_and_honours_modified_before()
    {
        WooHttpResult r = Send(Client(), Orders(100).AddQuery("dates_are_gmt", "true")
            .AddQuery("modified_before", Server.Orders.All().Select(o => OrderStore.ParseDate(o, "date_modified_gmt")).Max().ToString("yyyy-MM-dd'T'HH:mm:ss")));
        Assert.That(HttpOrderPageSource.ParseHttpDate(r.GetHeader("Date")), Is.EqualTo(Server.Orders.ClockGmt));
        Assert.That(JsonNode.Parse(r.Body!)!.AsArray().Count, Is.EqualTo(24), "strictly before the last order's time");
        Server.SendDateHeader = false;
        Assert.That(HttpOrderPageSource.ParseHttpDate(Send(Client(), Orders(1)).GetHeader("Date")), Is.Null);
    }

    [TestCase("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37")]      // IMF-fixdate
    [TestCase("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37")]     // obsolete RFC 850
    [TestCase("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37")]           // obsolete asctime
    [TestCase(" Thu, 03 Dec 2026 06:20:34 GMT ", "2026-12-03T06:20:34")]
    [TestCase("", null)]
    [TestCase("not a date", null)]
    [TestCase("2026-12-03T06:20:34Z", null)]
    public void Http_dates_in_the_three_forms_RFC_9110_names_are_read_as_UTC_and_anything_else_is_no_date(string text, string? expected)
    {
        DateTime? parsed = HttpOrderPageSource.ParseHttpDate(text);
        Assert.That(parsed?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), Is.EqualTo(expected));
        if (parsed.HasValue) Assert.That(parsed.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [Test]
    public void Issue_11_example_through_HTTP_the_last_order_of_page_1_edited_to_now_minus_5_s_and_an_unread_order_to_now()
    {
        var byTime = ShopVersions().OrderBy(v => v.Modified).ThenBy(v => v.Id).ToList();   // 25 seeded orders
        // 25 orders and 13 per page: page 2 can reach the end, as with the issue's 14 orders and 10 per page.
        long lastOfPage1 = byTime[12].Id, unread = byTime[15].Id;
        Server.BeforeListRequest(2, store =>
        {
            DateTime now = store.Tick(store.ClockGmt.AddSeconds(10));
            store.Modify((int)lastOfPage1, atGmt: now.AddSeconds(-5));
            store.Modify((int)unread, atGmt: now);
        });
        List<PulledRow> rows = Pull(pageSize: 13);
        Assert.That(rows.Last().RowKind, Is.EqualTo("end"), rows.Last().Message);
        AssertNothingLost(ShopVersions(), rows);
        List<RecordedRequest> list = ListRequests();
        Assert.That(list[0].Query.ContainsKey("modified_before"), Is.False, "the first page has no bound yet");
        Assert.That(list.Skip(1).Select(r => r.Query.GetValueOrDefault("modified_before")), Has.All.Not.Null);
        Assert.That(list[1].Query["exclude"], Is.EqualTo(lastOfPage1.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Through_GetOrders_edits_while_paging_are_never_lost_and_the_next_call_returns_them()
    {
        var initial = ShopVersions();
        Server.BeforeListRequest(2, store => store.Modify((int)initial[1].Id));
        Server.BeforeListRequest(3, store => store.Modify((int)initial[20].Id));
        Server.BeforeListRequest(3, store => store.Insert(5001));
        List<GetOrdersTests.Row> rows = CallGetOrders(Early, pageSize: 5);
        Assert.That(rows.Last().Kind, Is.EqualTo("end"), rows.Last().Message);
        DateTime restart = rows.Last().CompleteUpTo!.Value;
        var got = rows.Where(r => r.Kind == "order").Select(r => new Version(r.OrderId!.Value, r.Modified!.Value)).ToHashSet();
        foreach (Version v in ShopVersions())
            Assert.That(got.Contains(v) || v.Modified >= restart, Is.True, $"order {v.Id} at {v.Modified:O}");
        // A minute later the next call returns the three changes.
        Server.Orders.Tick(Server.Orders.ClockGmt.AddMinutes(1));
        var next = CallGetOrders(restart, pageSize: 5).Where(r => r.Kind == "order").Select(r => r.OrderId!.Value).ToList();
        Assert.That(next, Is.SupersetOf(new[] { initial[1].Id, initial[20].Id, 5001L }));
    }

    [Test]
    public void Without_a_usable_Date_header_the_bound_is_this_servers_clock_minus_60_s()
    {
        foreach (string? text in new[] { null, "not a date" })
        {
            Server.SendDateHeader = text != null;
            Server.DateHeaderText = text;
            var env = new FakeEnvironment { Now = Server.Orders.ClockGmt.AddSeconds(20) };
            int before = ListRequests().Count;
            List<PulledRow> rows = Pull(pageSize: 10, env);
            Assert.That(rows.Last().RowKind, Is.EqualTo("end"), rows.Last().Message);
            Assert.That(rows.Last().Message, Does.Contain("no usable Date header"));
            string expected = env.Now.AddSeconds(-KeysetOrderPuller.NoDateMarginSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.That(ListRequests().Skip(before + 1).Select(r => r.Query["modified_before"]), Has.All.EqualTo(expected));
            AssertNothingLost(ShopVersions(), rows);
        }
    }

    [Test]
    public void A_Date_header_40_s_ahead_of_the_stamping_clock_does_not_bound_the_call_this_servers_clock_does_and_the_end_row_says_so()
    {
        // A proxy stamps Date 40 s ahead of the shop's clock; this server's clock agrees with the shop.
        Server.DateHeaderText = Server.Orders.ClockGmt.AddSeconds(40).ToString("r", CultureInfo.InvariantCulture);
        var env = new FakeEnvironment { Now = Server.Orders.ClockGmt };
        var byTime = ShopVersions().OrderBy(v => v.Modified).ThenBy(v => v.Id).ToList();
        Server.BeforeListRequest(2, store =>
        {
            store.Modify((int)byTime[9].Id);    // the last order of page 1 (excluded from page 2), saved now
            store.Insert(7001);                 // a new order a second later
        });
        List<PulledRow> rows = Pull(pageSize: 10, env);
        AssertNothingLost(ShopVersions(), rows);
        string expected = env.Now.AddSeconds(-KeysetOrderPuller.UpperBoundMarginSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.That(ListRequests().Skip(1).Select(r => r.Query["modified_before"]), Has.All.EqualTo(expected));
        Assert.That(rows.Last().Message, Does.Contain("Clock warning").And.Contain("ahead of"));
    }

    [Test]
    public void The_exclude_parameter_takes_the_characters_the_puller_counts()
    {
        // Many orders in one second: the exclude list grows to page size - 1 ids.
        for (int i = 0; i < 30; i++) Server.Orders.Insert(9000 + i, atGmt: new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc));
        Server.Orders.Tick(Server.Orders.ClockGmt.AddHours(2));
        List<PulledRow> rows = Pull(pageSize: 10);
        Assert.That(rows.Last().RowKind, Is.EqualTo("end"), rows.Last().Message);
        RecordedRequest withExclude = ListRequests().Where(r => r.Query.ContainsKey("exclude")).MaxBy(r => r.Query["exclude"].Length)!;
        string raw = withExclude.QueryString.Split('&').Single(p => p.StartsWith("exclude=", StringComparison.Ordinal))["exclude=".Length..];
        long[] ids = withExclude.Query["exclude"].Split(',').Select(long.Parse).ToArray();
        Assert.That(ids.Length, Is.GreaterThan(5));
        Assert.That(raw.Length, Is.EqualTo(KeysetOrderPuller.ExcludeQueryChars(ids)), raw);
    }

    // ---- point 3 ------------------------------------------------------------------------------------------------------

    private List<GetOrdersTests.Row> CallGetOrders(DateTime? watermark, int pageSize = 10, string? baseUrl = null, string authMode = "basic",
        int? timeoutSeconds = 5, int? budgetSeconds = 60, int? maxKb = 32 * 1024, bool allowPlainHttp = false, string? proxy = null)
    {
        IEnumerable rows = OrderPullFunctions.GetOrders(new SqlString(baseUrl ?? Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(TestRun.ConsumerSecret), new SqlString(authMode), watermark, new SqlString("any"),
            new SqlInt32(pageSize), new SqlInt32(100), timeoutSeconds.HasValue ? new SqlInt32(timeoutSeconds.Value) : SqlInt32.Null,
            budgetSeconds.HasValue ? new SqlInt32(budgetSeconds.Value) : SqlInt32.Null, maxKb.HasValue ? new SqlInt32(maxKb.Value) : SqlInt32.Null,
            new SqlBoolean(allowPlainHttp), proxy == null ? SqlString.Null : new SqlString(proxy), SqlString.Null);
        var result = new List<GetOrdersTests.Row>();
        foreach (object r in rows)
        {
            OrderPullFunctions.FillOrderRow(r, out SqlString kind, out SqlInt64 id, out SqlString status, out DateTime? modified,
                out SqlChars json, out SqlInt32 pageNo, out SqlInt32 http, out SqlString message, out SqlInt32 requests,
                out SqlInt32 retries, out DateTime? complete);
            var row = new GetOrdersTests.Row(kind.Value, id.IsNull ? null : id.Value, status.IsNull ? null : status.Value, modified,
                json.IsNull ? null : new string(json.Value), pageNo.Value, http.Value, message.IsNull ? null : message.Value,
                requests.Value, retries.Value, complete);
            TestRun.ProducedTexts.Enqueue(row.Message ?? "");
            result.Add(row);
        }
        return result;
    }

    [Test]
    public void Every_unusable_parameter_or_connection_setting_is_one_CPO_PARAM_row_before_any_request_never_an_exception()
    {
        var cases = new (string What, Func<List<GetOrdersTests.Row>> Call, string Expected)[]
        {
            ("plain http with basic", () => CallGetOrders(Early, baseUrl: Server.HttpBaseUrl), "plain http"),
            ("plain http with query keys", () => CallGetOrders(Early, baseUrl: Server.HttpBaseUrl, authMode: "query", allowPlainHttp: true), "plain http"),
            ("not a URL", () => CallGetOrders(Early, baseUrl: "shop.example.com"), "baseUrl"),
            ("ftp URL", () => CallGetOrders(Early, baseUrl: "ftp://shop.example.com"), "baseUrl"),
            ("proxy not http", () => CallGetOrders(Early, proxy: "socks5://proxy:1080"), "proxyUrl"),
            ("negative timeout", () => CallGetOrders(Early, timeoutSeconds: -1), "@TimeoutSeconds"),
            ("zero timeout", () => CallGetOrders(Early, timeoutSeconds: 0), "@TimeoutSeconds"),
            ("huge timeout (overflow in ms)", () => CallGetOrders(Early, timeoutSeconds: int.MaxValue), "@TimeoutSeconds"),
            ("timeout just past int ms", () => CallGetOrders(Early, timeoutSeconds: 2_147_484), "@TimeoutSeconds"),
            ("zero budget", () => CallGetOrders(Early, budgetSeconds: 0), "@TotalBudgetSeconds"),
            ("huge budget", () => CallGetOrders(Early, budgetSeconds: int.MaxValue), "@TotalBudgetSeconds"),
            ("negative response cap", () => CallGetOrders(Early, maxKb: -5), "@MaxResponseKilobytes"),
            ("zero response cap", () => CallGetOrders(Early, maxKb: 0), "@MaxResponseKilobytes"),
        };
        foreach (var c in cases)
        {
            List<GetOrdersTests.Row> rows = null!;
            Assert.DoesNotThrow(() => rows = c.Call(), c.What);
            Assert.That(rows, Has.Count.EqualTo(1), c.What);
            Assert.That(rows[0].Kind, Is.EqualTo("error"), c.What);
            Assert.That(rows[0].Message, Does.StartWith("CPO-PARAM:").And.Contain(c.Expected), c.What);
            Assert.That(rows[0].CompleteUpTo, Is.EqualTo(Early), c.What + ": the watermark does not move");
        }
        Assert.That(Server.Requests, Is.Empty, "no request for any of them");
    }

    [Test]
    public void A_budget_with_less_than_100_ms_left_is_an_error_page_not_an_exception()
    {
        WooHttpOptions options = Options();
        options.TotalBudgetMs = 150;
        var source = new HttpOrderPageSource(options, Env, Env, Env, Env);
        Thread.Sleep(80);                                   // 0 < left < 100 ms (or already spent on a slow machine)
        OrderPage page = null!;
        Assert.DoesNotThrow(() => page = source.Fetch(new OrderPageQuery(Early, null, Array.Empty<long>(), 10, "any")));
        Assert.That(page.Error, Does.StartWith("CPO-HTTP-BUDGET"));
        Assert.That(ListRequests(), Is.Empty);
    }

    [Test]
    public void A_failure_on_a_later_page_is_the_final_error_row_and_the_rows_before_it_stay()
    {
        Server.BeforeListRequest(2, _ => Server.Faults.Enqueue(Fault.WithStatus(404)));    // served to page 3; not retried
        List<GetOrdersTests.Row> rows = null!;
        Assert.DoesNotThrow(() => rows = CallGetOrders(Early, pageSize: 10));
        Assert.That(rows.Count(r => r.Kind == "order"), Is.EqualTo(20), "pages 1 and 2; the fault hits page 3");
        Assert.That(rows.Last().Kind, Is.EqualTo("error"));
    }
}
