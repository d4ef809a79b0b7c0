using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Tests.Paging;

/// <summary>
/// Issue 11 point 2: the pull is judged by (id, modification time), not by id. The property every test checks: for
/// every order version (id, current modification time) the shop holds when the call ends, either the call returned
/// that exact version, or its time is at or after the final row's restart point (complete_up_to_utc), so the next
/// call returns it. Schedules include edits to ids on the exclude list, saves whose time is stamped before they become
/// visible, saves while a page is being served and between the attempts of a retried request.
/// </summary>
public class KeysetConsistencyTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<PulledRow> Pull(InMemoryShop shop, DateTime watermark, int pageSize = 10, int maxPages = 1000, string statuses = "any") =>
        new KeysetOrderPuller(shop, watermark, statuses, pageSize, maxPages).Pull().ToList();

    private static List<(long Id, DateTime Modified)> Versions(IEnumerable<PulledRow> rows) =>
        rows.Where(r => r.RowKind == PulledRow.OrderKind).Select(r => (r.Order.Id, r.Order.DateModifiedGmt!.Value)).ToList();

    /// <summary>The property; returns the first violation, or null. Versions before the call's watermark are not its
    /// business (every save made while the call runs is stamped after it).</summary>
    private static string? Violation(InMemoryShop shop, List<PulledRow> rows, string statuses = "any", DateTime? watermark = null)
    {
        PulledRow last = rows.Last();
        if (last.RowKind != PulledRow.EndKind && last.RowKind != PulledRow.ErrorKind)
            return "the last row is not 'end' or 'error'";
        if (rows.Count(r => r.RowKind != PulledRow.OrderKind) != 1)
            return "not exactly one final row";
        var returned = Versions(rows);
        if (returned.Distinct().Count() != returned.Count)
            return "a version was returned twice";
        DateTime restart = last.CompleteUpToUtc!.Value;
        var got = returned.ToHashSet();
        foreach (var v in shop.Versions(statuses))
        {
            if (!got.Contains(v) && v.Modified < restart && v.Modified >= (watermark ?? Start))
                return $"order {v.Id} as modified at {v.Modified:HH:mm:ss} was not returned and lies before the restart point {restart:HH:mm:ss} ({last.RowKind}: {last.Message})";
        }
        return null;
    }

    private static void AssertProperty(InMemoryShop shop, List<PulledRow> rows, string statuses = "any") =>
        Assert.That(Violation(shop, rows, statuses), Is.Null);

    [Test]
    public void Issue_11_example_page_size_10_with_14_orders_the_last_read_order_and_an_unread_order_are_edited_after_page_1()
    {
        var shop = new InMemoryShop { Now = Start.AddHours(1) };
        var ids = Enumerable.Range(0, 14).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        shop.BeforeRequest = (n, s) =>
        {
            if (n == 2)
            {
                s.Now = s.Now.AddSeconds(10);
                s.ModifyAt(ids[9], s.Now.AddSeconds(-5));    // the last order of page 1 (on the exclude list): now - 5 s
                s.ModifyAt(ids[11], s.Now);                  // an order not read yet: now
            }
            return null;
        };
        List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.EndKind), rows.Last().Message);
        AssertProperty(shop, rows);

        // The next call (a minute later) returns both edits.
        shop.BeforeRequest = null;
        shop.Now = shop.Now.AddMinutes(1);
        List<PulledRow> next = Pull(shop, rows.Last().CompleteUpToUtc!.Value, pageSize: 10);
        Assert.That(Versions(next), Does.Contain((ids[9], shop.Orders[ids[9]].Modified)).And.Contain((ids[11], shop.Orders[ids[11]].Modified)));
    }

    [Test]
    public void An_edit_to_an_order_on_the_exclude_list_is_not_lost_when_the_next_page_reaches_a_later_second()
    {
        // Five orders share the last second of page 1; page 2 excludes the three read. One of them is saved while
        // paging, then an order not read yet: page 2 reaches past the first save's second.
        var shop = new InMemoryShop { Now = Start.AddSeconds(30) };
        for (int i = 0; i < 5; i++) shop.Add(Start.AddSeconds(i));
        for (int i = 0; i < 5; i++) shop.Add(Start.AddSeconds(10));
        var later = Enumerable.Range(0, 3).Select(i => shop.Add(Start.AddSeconds(20 + i))).ToList();
        long edited = 0;
        shop.BeforeQuery = (n, q, s) =>
        {
            if (n == 2 && q.ExcludeIds.Count > 0)
            {
                edited = q.ExcludeIds[q.ExcludeIds.Count - 1];
                s.Modify(edited);
                s.Modify(later[1]);
            }
        };
        List<PulledRow> rows = Pull(shop, Start, pageSize: 8);
        Assert.That(edited, Is.Not.EqualTo(0), "the schedule edited an excluded id");
        AssertProperty(shop, rows);
    }

    [Test]
    public void A_save_stamped_up_to_the_margin_before_it_becomes_visible_is_not_lost()
    {
        for (int lag = 0; lag <= KeysetOrderPuller.UpperBoundMarginSeconds; lag++)
        {
            // The orders reach the shop's present, so the pull reaches it too.
            var shop = new InMemoryShop { Now = Start.AddSeconds(29) };
            var ids = Enumerable.Range(0, 30).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
            shop.BeforeRequest = (n, s) =>
            {
                if (n == 2) s.ModifyStampedEarlier(ids[3], lag);     // read on page 1
                if (n == 3) s.ModifyStampedEarlier(ids[25], lag);    // not read yet
                if (n == 4) s.ModifyStampedEarlier(ids[5], lag);     // read on page 1; the pull is at the present by now
                return null;
            };
            List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
            Assert.That(Violation(shop, rows), Is.Null, $"lag {lag} s");
        }
    }

    [Test]
    public void Saves_while_the_first_page_is_served_and_between_retries_are_not_lost()
    {
        var shop = new InMemoryShop { Now = Start.AddSeconds(30) };
        var ids = Enumerable.Range(0, 30).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        shop.WhileServing = (n, s) =>
        {
            s.Now = s.Now.AddSeconds(4);            // a slow shop: 4 s between reading the list and the Date header
            if (n == 1) s.ModifyStampedEarlier(ids[9], 3);   // on page 1's list: read back as its newer version
            if (n == 1) s.Modify(ids[10]);
        };
        shop.FailedAttemptsBefore = n => n == 2 ? 2 : 0;
        shop.BetweenAttempts = (n, s) =>
        {
            s.Now = s.Now.AddSeconds(2);            // backoff
            s.ModifyStampedEarlier(ids[9], 5);
            s.Modify(ids[20]);
        };
        List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
        Assert.That(rows.Last().Retries, Is.EqualTo(2));
        AssertProperty(shop, rows);
    }

    [Test]
    public void Every_page_after_the_first_asks_modified_before_the_first_answers_Date_minus_its_time_and_the_margin()
    {
        var shop = new InMemoryShop { Now = Start.AddMinutes(5) };
        for (int i = 0; i < 25; i++) shop.Add(Start.AddSeconds(i));
        DateTime firstDate = default;
        shop.WhileServing = (n, s) =>
        {
            s.Now = s.Now.AddSeconds(3);
            if (n == 1) firstDate = s.Now;
        };
        List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
        Assert.That(rows.Last().RowKind, Is.EqualTo(PulledRow.EndKind));
        Assert.That(shop.Queries[0].ModifiedBeforeUtc, Is.Null, "the bound comes from the first answer");
        DateTime expected = firstDate.AddSeconds(-3 - KeysetOrderPuller.UpperBoundMarginSeconds);
        Assert.That(shop.Queries.Skip(1).Select(q => q.ModifiedBeforeUtc), Has.All.EqualTo(expected));
        Assert.That(shop.Queries.Count, Is.EqualTo(3));
    }

    [Test]
    public void Orders_modified_within_the_margin_are_left_to_the_next_call_and_the_restart_point_stays_before_them()
    {
        var shop = new InMemoryShop { Now = Start.AddSeconds(100) };
        var old = Enumerable.Range(0, 5).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
        long recent = shop.Add(Start.AddSeconds(98));       // inside the margin when the call runs
        List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
        Assert.That(Versions(rows).Select(v => v.Id), Is.EqualTo(old));
        Assert.That(rows.Last().CompleteUpToUtc, Is.LessThanOrEqualTo(Start.AddSeconds(98)));
        AssertProperty(shop, rows);
        shop.Now = shop.Now.AddMinutes(1);
        Assert.That(Versions(Pull(shop, rows.Last().CompleteUpToUtc!.Value)).Select(v => v.Id), Does.Contain(recent));
    }

    [Test]
    public void A_watermark_at_or_after_the_shops_time_minus_the_margin_returns_nothing_and_keeps_the_watermark()
    {
        var shop = new InMemoryShop { Now = Start.AddSeconds(3) };
        shop.Add(Start);
        shop.Add(Start.AddSeconds(2));
        List<PulledRow> rows = Pull(shop, Start);
        Assert.That(Versions(rows), Is.Empty);
        Assert.That(rows.Single().RowKind, Is.EqualTo(PulledRow.EndKind));
        Assert.That(rows.Single().CompleteUpToUtc, Is.EqualTo(Start));
    }

    [Test]
    public void Without_a_Date_header_the_bound_comes_from_this_servers_clock_with_a_wider_margin()
    {
        foreach (int skewSeconds in new[] { -600, 0, 30 })
        {
            var shop = new InMemoryShop { Now = Start.AddSeconds(40), SendsDate = false, LocalClockOffset = TimeSpan.FromSeconds(skewSeconds) };
            var ids = Enumerable.Range(0, 30).Select(i => shop.Add(Start.AddSeconds(i))).ToList();
            shop.BeforeRequest = (n, s) =>
            {
                if (n == 2) { s.ModifyStampedEarlier(ids[9], 3); s.Modify(ids[20]); }
                return null;
            };
            List<PulledRow> rows = Pull(shop, Start, pageSize: 10);
            Assert.That(Violation(shop, rows), Is.Null, $"skew {skewSeconds} s");
            Assert.That(rows.Last().Message, Does.Contain("no usable Date header"), "the final row says the shop sent no usable Date header");
            Assert.That(shop.Queries.Skip(1).Select(q => q.ModifiedBeforeUtc),
                Has.All.EqualTo(Start.AddSeconds(40 + skewSeconds - KeysetOrderPuller.NoDateMarginSeconds)));
        }
    }

    [Test]
    public void A_shop_that_ignores_modified_before_loses_nothing()
    {
        var shop = new InMemoryShop { Now = Start.AddSeconds(30), IgnoresModifiedBefore = true };
        for (int i = 0; i < 40; i++) shop.Add(Start.AddSeconds(i));     // the last 15 are at or after U
        List<PulledRow> rows = Pull(shop, Start, pageSize: 5);
        AssertProperty(shop, rows);
        Assert.That(shop.Requests, Is.LessThan(20), "no loop");
    }

    [Test]
    public void Seeded_schedules_every_current_version_is_returned_or_at_or_after_the_restart_point_and_the_next_call_returns_the_rest()
    {
        int failures = 0, errorsEnds = 0, excludedEdits = 0, lateStamps = 0, retried = 0, skewed = 0;
        var messages = new List<string>();
        for (int seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var shop = new InMemoryShop { Now = Start.AddSeconds(60 + random.Next(0, 30)) };
            // One clock may run wrong (a fast proxy Date header, or a slow/fast SQL Server clock), never both fast.
            switch (random.Next(4))
            {
                case 0: shop.DateHeaderAhead = TimeSpan.FromSeconds(random.Next(1, 60)); skewed++; break;
                case 1: shop.LocalClockOffset = TimeSpan.FromSeconds(random.Next(-60, 60)); skewed++; break;
            }
            string[] kinds = { "processing", "processing", "on-hold", "completed" };
            int initial = random.Next(0, 80);
            int spread = random.Next(1, 40);                     // few seconds: many orders share one
            for (int i = 0; i < initial; i++)
                shop.Add(Start.AddSeconds(random.Next(0, spread)), kinds[random.Next(kinds.Length)]);
            string statuses = random.Next(3) == 0 ? "processing,on-hold" : "any";
            DateTime watermark = Start.AddSeconds(random.Next(0, 5));

            void Change(InMemoryShop s, IList<long> excluded)
            {
                var live = s.Orders.Where(o => o.Value.Status != "trash").Select(o => o.Key).ToList();
                switch (random.Next(8))
                {
                    case 0: s.Insert(); break;
                    case 1 when live.Count > 0: s.Modify(live[random.Next(live.Count)]); break;
                    case 2 when live.Count > 0: s.ModifyStampedEarlier(live[random.Next(live.Count)], random.Next(0, KeysetOrderPuller.UpperBoundMarginSeconds + 1)); lateStamps++; break;
                    case 3 when live.Count > 0: s.Trash(live[random.Next(live.Count)]); break;
                    case 4 when live.Count > 0: s.SetStatus(live[random.Next(live.Count)], kinds[random.Next(kinds.Length)]); break;
                    case 5 when excluded.Count > 0:
                        long id = excluded[random.Next(excluded.Count)];
                        if (random.Next(2) == 0) s.Modify(id); else s.ModifyStampedEarlier(id, random.Next(0, KeysetOrderPuller.UpperBoundMarginSeconds + 1));
                        excludedEdits++;
                        break;
                    case 6: s.Now = s.Now.AddSeconds(random.Next(0, 4)); break;
                }
            }

            var none = Array.Empty<long>();
            shop.BeforeRequest = (n, s) => random.Next(30) == 0 ? "HTTP 502 (injected)" : null;
            shop.BeforeQuery = (n, q, s) => { for (int k = random.Next(0, 4); k > 0; k--) Change(s, q.ExcludeIds); };
            shop.WhileServing = (n, s) =>
            {
                s.Now = s.Now.AddSeconds(random.Next(0, 3));
                for (int k = random.Next(0, 2); k > 0; k--) Change(s, none);
            };
            shop.FailedAttemptsBefore = n => random.Next(6) == 0 ? random.Next(1, 3) : 0;
            shop.BetweenAttempts = (n, s) => { retried++; s.Now = s.Now.AddSeconds(random.Next(1, 4)); Change(s, none); };

            int pageSize = random.Next(1, 12);
            int maxPages = random.Next(4) == 0 ? random.Next(1, 5) : 1000;
            List<PulledRow> rows = Pull(shop, watermark, pageSize, maxPages, statuses);
            string? violation = Violation(shop, rows, statuses, watermark);
            if (violation != null)
            {
                failures++;
                if (messages.Count < 5) messages.Add($"seed {seed}: {violation}");
                continue;
            }
            errorsEnds += rows.Last().RowKind == PulledRow.ErrorKind ? 1 : 0;

            // Liveness: two minutes later (a slow clock delays the bound by up to a minute), calls from the restart
            // point return every version left.
            shop.BeforeRequest = null; shop.BeforeQuery = null; shop.WhileServing = null; shop.FailedAttemptsBefore = null;
            shop.Now = shop.Now.AddMinutes(2);
            var all = Versions(rows).ToHashSet();
            DateTime mark = rows.Last().CompleteUpToUtc!.Value;
            for (int call = 0; call < 50; call++)
            {
                List<PulledRow> more = Pull(shop, mark, pageSize, 1000, statuses);
                all.UnionWith(Versions(more));
                mark = more.Last().CompleteUpToUtc!.Value;
                if (more.Last().RowKind == PulledRow.EndKind) break;
            }
            foreach (var v in shop.Versions(statuses).Where(v => v.Modified >= watermark))
            {
                if (!all.Contains(v))
                {
                    failures++;
                    if (messages.Count < 5) messages.Add($"seed {seed}: order {v.Id} at {v.Modified:HH:mm:ss} never returned");
                    break;
                }
            }
        }
        Assert.That(failures, Is.EqualTo(0), string.Join(Environment.NewLine, messages));
        // The schedules really exercise the cases.
        Assert.That(excludedEdits, Is.GreaterThan(50));
        Assert.That(lateStamps, Is.GreaterThan(50));
        Assert.That(retried, Is.GreaterThan(20));
        Assert.That(skewed, Is.GreaterThan(100));
        Assert.That(errorsEnds, Is.GreaterThan(5));
    }
}
