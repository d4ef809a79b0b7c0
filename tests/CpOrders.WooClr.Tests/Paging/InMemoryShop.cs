using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Tests.Paging;

/// <summary>
/// WooCommerce's list semantics for the keyset query, in memory: modified_after strict, orderby=modified asc with id as
/// tie-breaker, exclude, status filter (default: every status but trash), page 1 of per_page. Hooks let a test change
/// the set between requests (insert, modify, trash) and fail requests, as a live shop and a bad host do.
/// </summary>
public sealed class InMemoryShop : IOrderPageSource
{
    private readonly Dictionary<long, (string Status, DateTime Modified)> _orders = new();
    private long _nextId = 1;

    public DateTime Now { get; set; } = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    public int Requests { get; private set; }
    public bool IgnoresModifiedAfter { get; set; }
    public bool IgnoresOrderByModified { get; set; }
    public bool IgnoresExclude { get; set; }
    /// <summary>Called before each request with the request number (1-based); may change the shop or return an error.</summary>
    public Func<int, InMemoryShop, string?>? BeforeRequest { get; set; }

    public long Add(DateTime modified, string status = "processing")
    {
        long id = _nextId++;
        _orders[id] = (status, modified);
        return id;
    }

    /// <summary>A new order, modified now (the clock advances a second).</summary>
    public long Insert() => Add(Tick());

    public void Modify(long id) => _orders[id] = (_orders[id].Status, Tick());

    public void Trash(long id) => _orders[id] = ("trash", Tick());

    public IReadOnlyDictionary<long, (string Status, DateTime Modified)> Orders => _orders;

    private DateTime Tick()
    {
        Now = Now.AddSeconds(1);
        return Now;
    }

    public OrderPage Fetch(OrderPageQuery query)
    {
        Requests++;
        string? error = BeforeRequest?.Invoke(Requests, this);
        if (error != null)
            return new OrderPage(503, Array.Empty<OrderSummary>(), 1, 0, error);
        var statuses = string.IsNullOrEmpty(query.Statuses) || query.Statuses == "any"
            ? null : new HashSet<string>(query.Statuses.Split(','));
        IEnumerable<KeyValuePair<long, (string Status, DateTime Modified)>> set = _orders
            .Where(o => statuses == null ? o.Value.Status != "trash" : statuses.Contains(o.Value.Status));
        if (!IgnoresModifiedAfter)
            set = set.Where(o => o.Value.Modified > query.ModifiedAfterUtc);
        if (!IgnoresExclude)
            set = set.Where(o => !query.ExcludeIds.Contains(o.Key));
        set = IgnoresOrderByModified
            ? set.OrderByDescending(o => o.Key)
            : set.OrderBy(o => o.Value.Modified).ThenBy(o => o.Key);
        var page = set.Take(query.PageSize)
            .Select(o => new OrderSummary(o.Key, o.Value.Status, o.Value.Modified, $"{{\"id\":{o.Key}}}"))
            .ToList();
        return new OrderPage(200, page, 1, 0, null!);
    }
}
