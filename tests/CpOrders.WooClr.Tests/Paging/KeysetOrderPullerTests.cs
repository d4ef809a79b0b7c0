using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Tests.Paging;

public class KeysetOrderPullerTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<PulledRow> Pull(InMemoryShop shop, DateTime watermark, int pageSize = 10, int maxPages = 1000, string statuses = "any") =>
        new KeysetOrderPuller(shop, watermark, statuses, pageSize, maxPages).Pull().ToList();

    private static List<long> Ids(IEnumerable<PulledRow> rows) =>
        rows.Where(r => r.RowKind == PulledRow.OrderKind).Select(r => r.Order.Id).ToList();

    [Test]
    public void Unchanging_set_is_read_once_in_ceiling_N_over_page_size_requests_plus_the_final_short_page()
    {
        foreach ((int n, int pageSize) in new[] { (0, 10), (1, 10), (25, 10), (30, 10), (100, 100), (7, 1) })
        {
            var shop = new InMemoryShop();
            for (int i = 0; i < n; i++)
                shop.Add(Start.AddSeconds(i / 3));     // several orders share a second
            List<PulledRow> rows = Pull(shop, Start, pageSize);
            Assert.That(Ids(rows), Is.EqualTo(shop.Orders.Keys.OrderBy(k => k)), $"n={n}");
            Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.EndKind));
            int expected = n / pageSize + 1;   // ceil(n/size) when n is not a multiple, + the empty page when it is
            Assert.That(shop.Requests, Is.EqualTo(expected), $"n={n}, page size {pageSize}");
            Assert.That(rows.Last().Requests, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Watermark_is_inclusive_and_older_orders_are_not_returned()
    {
        var shop = new InMemoryShop();
        shop.Add(Start.AddSeconds(-5));
        long atMark = shop.Add(Start);
        long after = shop.Add(Start.AddSeconds(1));
        Assert.That(Ids(Pull(shop, Start)), Is.EqualTo(new[] { atMark, after }));
    }

    [Test]
    public void An_order_modified_while_paging_comes_back_as_its_newer_version_in_the_next_call_and_nothing_is_skipped()
    {
        var shop = new InMemoryShop { Now = Start.AddHours(1) };
        var ids = Enumerable.Range(0, 35).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        shop.BeforeRequest = (n, s) => { if (n == 2) s.Modify(ids[3]); return null; };   // an order already passed
        List<PulledRow> rows = Pull(shop, Start);
        Assert.That(Ids(rows), Is.EqualTo(ids), "every order once, in modification order");
        // The newer version is stamped after the call's upper bound: at or after the restart point, so the next call has it.
        DateTime newer = shop.Orders[ids[3]].Modified;
        Assert.That(newer, Is.GreaterThanOrEqualTo(rows.Last().CompleteUpToUtc!.Value));
        shop.BeforeRequest = null;
        shop.Now = shop.Now.AddMinutes(1);
        List<PulledRow> next = Pull(shop, rows.Last().CompleteUpToUtc!.Value);
        Assert.That(next.Where(r => r.RowKind == "order" && r.Order.Id == ids[3]).Select(r => r.Order.DateModifiedGmt), Is.EqualTo(new DateTime?[] { newer }));
    }

    [Test]
    public void Orders_inserted_or_trashed_while_paging_do_not_shift_the_rest()
    {
        var shop = new InMemoryShop { Now = Start.AddHours(1) };
        var ids = Enumerable.Range(0, 40).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        long? inserted = null;
        shop.BeforeRequest = (n, s) =>
        {
            if (n == 2) s.Trash(ids[5]);               // passed already: page numbers would now skip one
            if (n == 3) inserted = s.Insert();
            return null;
        };
        List<PulledRow> rows = Pull(shop, Start);
        List<long> got = Ids(rows);
        Assert.That(got, Is.SupersetOf(ids.Where(i => i != ids[5])));
        Assert.That(got.Count(i => i == ids[5]), Is.EqualTo(1), "the trashed order is not listed again under status any-but-trash");
        // The inserted order is stamped after the call's upper bound: the next call returns it.
        Assert.That(shop.Orders[inserted!.Value].Modified, Is.GreaterThanOrEqualTo(rows.Last().CompleteUpToUtc!.Value));
        shop.BeforeRequest = null;
        shop.Now = shop.Now.AddMinutes(1);
        Assert.That(Ids(Pull(shop, rows.Last().CompleteUpToUtc!.Value)), Does.Contain(inserted.Value));
    }

    [Test]
    public void A_failure_after_some_pages_keeps_the_rows_and_says_where_everything_is_complete()
    {
        var shop = new InMemoryShop();
        var ids = Enumerable.Range(0, 50).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        shop.BeforeRequest = (n, s) => n == 3 ? "HTTP 503 from shop.example (after 4 retries)" : null;
        List<PulledRow> rows = Pull(shop, Start);
        PulledRow last = rows.Last();
        Assert.That(last.RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(last.Message, Does.Contain("503"));
        Assert.That(Ids(rows), Is.EqualTo(ids.Take(20)));
        // Every order before the restart point was returned.
        Assert.That(shop.Orders.Where(o => o.Value.Modified < last.CompleteUpToUtc!.Value).Select(o => o.Key), Is.SubsetOf(Ids(rows)));
        // Restarting there reads the rest.
        shop.BeforeRequest = null;
        var second = Ids(Pull(shop, last.CompleteUpToUtc!.Value));
        Assert.That(Ids(rows).Union(second).OrderBy(x => x), Is.EqualTo(ids));
    }

    [Test]
    public void A_shop_that_ignores_modified_after_is_an_error_not_a_flood()
    {
        var shop = new InMemoryShop { IgnoresModifiedAfter = true };
        for (int i = 0; i < 5; i++) shop.Add(Start.AddDays(-1).AddSeconds(i));
        shop.Add(Start.AddSeconds(1));
        List<PulledRow> rows = Pull(shop, Start);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(rows.Last().Message, Does.Contain("ignores modified_after"));
        Assert.That(Ids(rows), Is.Empty);
    }

    [Test]
    public void A_shop_that_ignores_orderby_modified_is_an_error()
    {
        // A full page out of order (a short page holds every order left, whatever its order, and is sorted instead).
        var shop = new InMemoryShop { IgnoresOrderByModified = true };
        for (int i = 0; i < 5; i++) shop.Add(Start.AddSeconds(i));
        List<PulledRow> rows = Pull(shop, Start, pageSize: 2);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(rows.Last().Message, Does.Contain("orderby=modified"));
    }

    [Test]
    public void A_shop_that_ignores_exclude_is_an_error_not_a_loop()
    {
        var shop = new InMemoryShop { IgnoresExclude = true };
        for (int i = 0; i < 15; i++) shop.Add(Start);
        List<PulledRow> rows = Pull(shop, Start, pageSize: 10, maxPages: 50);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(rows.Last().Message, Does.Contain("ignores exclude"));
        Assert.That(shop.Requests, Is.EqualTo(2));
    }

    [Test]
    public void Max_pages_ends_the_call_with_a_restart_point_that_loses_nothing()
    {
        var shop = new InMemoryShop();
        var ids = Enumerable.Range(0, 45).Select(i => shop.Add(Start.AddSeconds(i / 4))).ToList();
        var seen = new List<long>();
        DateTime mark = Start;
        for (int call = 0; call < 20; call++)
        {
            List<PulledRow> rows = Pull(shop, mark, pageSize: 10, maxPages: 2);
            seen.AddRange(Ids(rows));
            mark = rows.Last().CompleteUpToUtc!.Value;
            if (rows.Last().Message.Contains("order(s) in"))
                break;
        }
        Assert.That(seen.Distinct().OrderBy(x => x), Is.EqualTo(ids));
    }

    [Test]
    public void Seeded_random_changes_and_faults_never_lose_or_double_an_order_within_a_call()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var shop = new InMemoryShop { Now = Start.AddHours(2) };
            int initial = random.Next(0, 120);
            for (int i = 0; i < initial; i++)
                shop.Add(Start.AddSeconds(random.Next(0, 60)), random.Next(10) == 0 ? "completed" : "processing");
            var snapshot = shop.Orders.Where(o => o.Value.Status != "trash").ToDictionary(o => o.Key, o => o.Value.Modified);
            var touched = new HashSet<long>();
            shop.BeforeRequest = (n, s) =>
            {
                int action = random.Next(10);
                var live = s.Orders.Where(o => o.Value.Status != "trash").Select(o => o.Key).ToList();
                if (action == 0) touched.Add(s.Insert());
                else if (action == 1 && live.Count > 0) { long id = live[random.Next(live.Count)]; s.Modify(id); touched.Add(id); }
                else if (action == 2 && live.Count > 0) { long id = live[random.Next(live.Count)]; s.Trash(id); touched.Add(id); }
                return random.Next(25) == 0 ? "HTTP 502 (injected)" : null;
            };
            int pageSize = random.Next(1, 30);
            List<PulledRow> rows = Pull(shop, Start, pageSize);
            PulledRow last = rows.Last();
            var orders = rows.Where(r => r.RowKind == "order").ToList();

            // never the same id with the same time twice in one call
            Assert.That(orders.Select(r => (r.Order.Id, r.Order.DateModifiedGmt)).Distinct().Count(), Is.EqualTo(orders.Count), $"seed {seed}");
            // every order present from the start and never touched, modified before the restart point, was returned
            var got = orders.Select(r => r.Order.Id).ToHashSet();
            foreach (var o in snapshot.Where(o => !touched.Contains(o.Key) && o.Value < last.CompleteUpToUtc!.Value))
                Assert.That(got, Does.Contain(o.Key), $"seed {seed}: order {o.Key} at {o.Value:O} lost (complete up to {last.CompleteUpToUtc:O})");
            // on a clean end, every untouched order was returned
            if (last.RowKind == PulledRow.EndKind)
                foreach (var o in snapshot.Where(o => !touched.Contains(o.Key)))
                    Assert.That(got, Does.Contain(o.Key), $"seed {seed}: order {o.Key} lost on a clean end");
            // and the restart point never passes an order that was not returned (touched ones have a newer time)
            foreach (var o in shop.Orders.Where(o => o.Value.Status != "trash" && o.Value.Modified < last.CompleteUpToUtc!.Value))
                Assert.That(got, Does.Contain(o.Key), $"seed {seed}: restart point passes order {o.Key}");
        }
    }

    // ---- issue 11 point 3: nothing throws once a row has streamed -------------------------------------------------

    private sealed class ThrowingSource : IOrderPageSource
    {
        private readonly InMemoryShop _shop;
        private readonly int _throwOn;
        private int _n;

        public ThrowingSource(InMemoryShop shop, int throwOn) { _shop = shop; _throwOn = throwOn; }

        public OrderPage Fetch(OrderPageQuery query)
        {
            if (++_n == _throwOn) throw new InvalidOperationException("boom (a bug)");
            return _shop.Fetch(query);
        }
    }

    [Test]
    public void An_exception_from_the_page_source_after_rows_streamed_becomes_the_final_error_row()
    {
        var shop = new InMemoryShop();
        var ids = Enumerable.Range(0, 50).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        var rows = new List<PulledRow>();
        Assert.DoesNotThrow(() => rows.AddRange(new KeysetOrderPuller(new ThrowingSource(shop, 3), Start, "any", 10, 100).Pull()));
        Assert.That(Ids(rows), Is.EqualTo(ids.Take(20)));
        PulledRow last = rows.Last();
        Assert.That(last.RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(last.Message, Does.StartWith("CPO-INTERNAL").And.Contain("InvalidOperationException").And.Contain("boom"));
        Assert.That(last.CompleteUpToUtc, Is.EqualTo(Start.AddSeconds(19)), "the last second read, inclusive");
    }

    [Test]
    public void An_exception_on_the_first_page_is_one_error_row_at_the_watermark()
    {
        var shop = new InMemoryShop();
        shop.Add(Start);
        var rows = new KeysetOrderPuller(new ThrowingSource(shop, 1), Start, "any", 10, 100).Pull().ToList();
        Assert.That(rows.Single().RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(rows.Single().CompleteUpToUtc, Is.EqualTo(Start));
    }

    // ---- issue 11 point 7: the exclude list is capped ---------------------------------------------------------------

    [Test]
    public void More_orders_in_one_second_than_the_exclude_list_may_hold_end_with_an_error_row_that_says_what_to_do()
    {
        var shop = new InMemoryShop();
        Assert.That(KeysetOrderPuller.MaxExcludedIds, Is.EqualTo(250));
        var before = Enumerable.Range(0, 5).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        DateTime bulk = Start.AddSeconds(10);
        for (int i = 0; i < 300; i++) shop.Add(bulk);                 // one bulk edit
        shop.Add(Start.AddSeconds(20));
        List<PulledRow> rows = Pull(shop, Start, pageSize: 50);
        PulledRow last = rows.Last();
        Assert.That(last.RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(last.Message, Does.StartWith("CPO-WOO-EXCLUDE-LIMIT").And.Contain("bulk edit").And.Contain("one second")
            .And.Contain("re-save those orders in smaller batches"));
        Assert.That(last.CompleteUpToUtc, Is.EqualTo(bulk), "nothing at or after the crowded second is passed");
        Assert.That(Ids(rows), Is.SupersetOf(before));
        Assert.That(shop.Queries.Max(q => q.ExcludeIds.Count), Is.LessThanOrEqualTo(KeysetOrderPuller.MaxExcludedIds));
        // The property holds: everything before the restart point was returned.
        Assert.That(shop.Orders.Where(o => o.Value.Modified < last.CompleteUpToUtc!.Value).Select(o => o.Key), Is.SubsetOf(Ids(rows)));
    }

    [Test]
    public void Up_to_250_excluded_ids_are_sent_and_the_pull_ends_normally()
    {
        var shop = new InMemoryShop();
        for (int i = 0; i < 260; i++) shop.Add(Start);
        List<PulledRow> rows = Pull(shop, Start, pageSize: 50);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.EndKind), rows.Last().Message);
        Assert.That(Ids(rows).Distinct().Count(), Is.EqualTo(260));
        Assert.That(shop.Queries.Max(q => q.ExcludeIds.Count), Is.EqualTo(250));
    }

    [Test]
    public void Long_ids_hit_the_character_limit_of_the_exclude_parameter_before_250_ids()
    {
        var shop = new InMemoryShop { NextId = 10_000_000 };                 // 8-digit post ids
        for (int i = 0; i < 200; i++) shop.Add(Start);
        List<PulledRow> rows = Pull(shop, Start, pageSize: 50);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.ErrorKind));
        Assert.That(rows.Last().Message, Does.StartWith("CPO-WOO-EXCLUDE-LIMIT"));
        Assert.That(shop.Queries.Max(q => KeysetOrderPuller.ExcludeQueryChars(q.ExcludeIds)), Is.LessThanOrEqualTo(KeysetOrderPuller.MaxExcludeQueryChars));
        Assert.That(KeysetOrderPuller.ExcludeQueryChars(new long[] { 1, 22, 333 }), Is.EqualTo("1%2C22%2C333".Length));
    }
}
