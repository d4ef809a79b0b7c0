using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Tests.Paging;

/// <summary>
/// WooCommerce's list semantics for the keyset query, in memory: modified_after and modified_before strict,
/// orderby=modified asc with id as tie-breaker, exclude, status filter (default: every status but trash), page 1 of
/// per_page. Like WooCommerce, a request first selects the page's ids, then reads each order (so an order saved in
/// between comes back as its newer version), then stamps the answer's Date header with the shop's clock
/// (<see cref="Now"/>). Hooks let a test change the set between requests, while a request is being served, and between
/// the failed attempts of a retried request, as a live shop and a bad host do.
/// </summary>
public sealed class InMemoryShop : IOrderPageSource
{
    private readonly Dictionary<long, (string Status, DateTime Modified)> _orders = new();
    private long _nextId = 1;

    /// <summary>The id the next new order gets (WooCommerce ids are post ids: often 6 or 7 digits).</summary>
    public long NextId { get => _nextId; set => _nextId = value; }

    /// <summary>The shop's clock: the Date header of an answer, and the time of changes made through <see cref="Tick"/>.</summary>
    public DateTime Now { get; set; } = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    /// <summary>Pages fetched (one per <see cref="Fetch"/>, however many attempts it took).</summary>
    public int Requests { get; private set; }
    public int Attempts { get; private set; }
    public List<OrderPageQuery> Queries { get; } = new();
    public bool IgnoresModifiedAfter { get; set; }
    public bool IgnoresModifiedBefore { get; set; }
    public bool IgnoresOrderByModified { get; set; }
    public bool IgnoresExclude { get; set; }
    /// <summary>False: answers carry no Date header (a proxy stripped it).</summary>
    public bool SendsDate { get; set; } = true;
    /// <summary>The SQL Server's clock minus the shop's (for answers without a Date header).</summary>
    public TimeSpan LocalClockOffset { get; set; } = TimeSpan.Zero;
    /// <summary>The Date header runs this far ahead of the clock that stamps orders (a proxy or CDN with a fast clock).</summary>
    public TimeSpan DateHeaderAhead { get; set; } = TimeSpan.Zero;
    /// <summary>When set, every answer carries this Date (a cache serving a stale header).</summary>
    public DateTime? StaleDate { get; set; }
    /// <summary>When set, orderby=modified sorts by the site's local time (Modified + this offset at that instant), as
    /// WooCommerce's posts (non-HPOS) storage does (WP_Query: post_modified); filters stay on GMT (post_modified_gmt).</summary>
    public Func<DateTime, TimeSpan>? SortsByLocalTimeWithOffset { get; set; }
    /// <summary>Called before each request with the request number (1-based); may change the shop or return an error.</summary>
    public Func<int, InMemoryShop, string?>? BeforeRequest { get; set; }
    /// <summary>Called with the request number and its query before the shop selects anything (e.g. to edit an excluded id).</summary>
    public Action<int, OrderPageQuery, InMemoryShop>? BeforeQuery { get; set; }
    /// <summary>Called after the page's ids were selected and before the orders are read and the Date is stamped:
    /// the time the shop spends serving the request (advance <see cref="Now"/>, save orders).</summary>
    public Action<int, InMemoryShop>? WhileServing { get; set; }
    /// <summary>Failed attempts (503, retried by the client) before request n succeeds; <see cref="BetweenAttempts"/>
    /// runs after each (advance the clock by the backoff, save orders).</summary>
    public Func<int, int>? FailedAttemptsBefore { get; set; }
    public Action<int, InMemoryShop>? BetweenAttempts { get; set; }

    public long Add(DateTime modified, string status = "processing")
    {
        long id = _nextId++;
        _orders[id] = (status, modified);
        return id;
    }

    /// <summary>A new order, modified now (the clock advances a second).</summary>
    public long Insert() => Add(Tick());

    public void Modify(long id) => _orders[id] = (_orders[id].Status, Tick());

    /// <summary>A save that becomes visible now but whose modification time was stamped <paramref name="lagSeconds"/>
    /// earlier (the time is taken before the write commits).</summary>
    public void ModifyStampedEarlier(long id, int lagSeconds) => _orders[id] = (_orders[id].Status, Tick().AddSeconds(-lagSeconds));

    /// <summary>A save with exactly this modification time.</summary>
    public void ModifyAt(long id, DateTime modified) => _orders[id] = (_orders[id].Status, modified);

    public void Trash(long id) => _orders[id] = ("trash", Tick());

    /// <summary>A status change, saved now.</summary>
    public void SetStatus(long id, string status) => _orders[id] = (status, Tick());

    public IReadOnlyDictionary<long, (string Status, DateTime Modified)> Orders => _orders;

    /// <summary>(id, modification time) of every order a pull with these statuses should see now.</summary>
    public List<(long Id, DateTime Modified)> Versions(string? statuses = "any")
    {
        var wanted = StatusSet(statuses);
        return _orders.Where(o => wanted == null ? o.Value.Status != "trash" : wanted.Contains(o.Value.Status))
            .Select(o => (o.Key, o.Value.Modified)).ToList();
    }

    public DateTime Tick()
    {
        Now = Now.AddSeconds(1);
        return Now;
    }

    public OrderPage Fetch(OrderPageQuery query)
    {
        Requests++;
        Queries.Add(query);
        string? error = BeforeRequest?.Invoke(Requests, this);
        DateTime started = Now;
        Attempts++;
        if (error != null)
            return new OrderPage(503, Array.Empty<OrderSummary>(), 1, 0, error);
        int failed = FailedAttemptsBefore?.Invoke(Requests) ?? 0;
        for (int i = 0; i < failed; i++)
        {
            Attempts++;
            BetweenAttempts?.Invoke(Requests, this);
        }
        BeforeQuery?.Invoke(Requests, query, this);

        var statuses = StatusSet(query.Statuses);
        IEnumerable<KeyValuePair<long, (string Status, DateTime Modified)>> set = _orders
            .Where(o => statuses == null ? o.Value.Status != "trash" : statuses.Contains(o.Value.Status));
        if (!IgnoresModifiedAfter)
            set = set.Where(o => o.Value.Modified > query.ModifiedAfterUtc);
        if (!IgnoresModifiedBefore && query.ModifiedBeforeUtc.HasValue)
            set = set.Where(o => o.Value.Modified < query.ModifiedBeforeUtc.Value);
        if (!IgnoresExclude)
            set = set.Where(o => !query.ExcludeIds.Contains(o.Key));
        set = IgnoresOrderByModified
            ? set.OrderByDescending(o => o.Key)
            : set.OrderBy(o => o.Value.Modified + (SortsByLocalTimeWithOffset?.Invoke(o.Value.Modified) ?? TimeSpan.Zero)).ThenBy(o => o.Key);
        List<long> ids = set.Take(query.PageSize).Select(o => o.Key).ToList();

        WhileServing?.Invoke(Requests, this);
        // Each order is read after the list query, as WooCommerce does: a save in between shows its newer version.
        var page = ids.Select(id => new OrderSummary(id, _orders[id].Status, _orders[id].Modified, $"{{\"id\":{id}}}")).ToList();
        DateTime shown = StaleDate ?? Now + DateHeaderAhead;
        DateTime date = new(shown.Ticks - shown.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        long elapsedMs = (long)(Now - started).TotalMilliseconds;
        return new OrderPage(200, page, 1 + failed, failed, null!, SendsDate ? date : null, elapsedMs, started + LocalClockOffset);
    }

    private static HashSet<string>? StatusSet(string? statuses) =>
        string.IsNullOrEmpty(statuses) || statuses == "any" ? null : new HashSet<string>(statuses.Split(','));
}
