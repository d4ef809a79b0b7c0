using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WooStandIn;

/// <summary>
/// The shop's orders, each kept as JSON text (System.Text.Json), with the fields the pipeline reads: id, number,
/// status, dates (site time and *_gmt, ISO-8601 without zone, as WooCommerce sends them), currency, totals, billing,
/// line_items, meta_data. Thread-safe (Kestrel serves requests concurrently).
/// </summary>
public sealed class OrderStore
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";
    public static readonly string[] Statuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash", "checkout-draft"];

    private readonly object _gate = new();
    private readonly SortedDictionary<int, string> _orders = new();
    private readonly Dictionary<int, List<string>> _notes = new();
    private int _nextNoteId = 1000;
    private int _nextMetaId = 5000;

    /// <summary>Site time = GMT + this (the shop's WordPress time zone).</summary>
    public TimeSpan SiteOffset { get; set; } = TimeSpan.Zero;

    /// <summary>The stand-in's clock (its "now", sent as the Date header): a change is stamped one second after it and
    /// moves it there, unless a time is given.</summary>
    public DateTime ClockGmt { get; set; } = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    public int Count { get { lock (_gate) return _orders.Count; } }

    /// <summary>Seconds between the last seeded order and the shop's "now" after <see cref="Seed"/>.</summary>
    public int IdleAfterSeed { get; set; } = 60;

    /// <summary><paramref name="count"/> orders from id <paramref name="firstId"/>, modified one after another
    /// (every <paramref name="sameSecondEvery"/>-th shares the previous one's second, to exercise keyset ties).</summary>
    public void Seed(int count, int seed, int firstId = 1001, int sameSecondEvery = 4)
    {
        var random = new Random(seed);
        string[] live = ["processing", "on-hold", "completed", "pending"];
        DateTime t = ClockGmt;
        for (int i = 0; i < count; i++)
        {
            if (sameSecondEvery <= 0 || i % sameSecondEvery != sameSecondEvery - 1) t = t.AddSeconds(1 + random.Next(3));
            Put(NewOrder(firstId + i, live[random.Next(live.Length)], t.AddMinutes(-30), t, random));
        }
        ClockGmt = t.AddSeconds(IdleAfterSeed);
    }

    public JsonObject NewOrder(int id, string status, DateTime createdGmt, DateTime modifiedGmt, Random? random = null)
    {
        random ??= new Random(id);
        int cents = 1000 + random.Next(90000);
        string total = (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["parent_id"] = 0,
            ["number"] = id.ToString(CultureInfo.InvariantCulture),
            ["order_key"] = "wc_order_" + id.ToString("x8", CultureInfo.InvariantCulture),
            ["created_via"] = "checkout",
            ["version"] = "9.8.0",
            ["status"] = status,
            ["currency"] = "USD",
            ["date_created"] = (createdGmt + SiteOffset).ToString(DateFormat, CultureInfo.InvariantCulture),
            ["date_created_gmt"] = createdGmt.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["date_modified"] = (modifiedGmt + SiteOffset).ToString(DateFormat, CultureInfo.InvariantCulture),
            ["date_modified_gmt"] = modifiedGmt.ToString(DateFormat, CultureInfo.InvariantCulture),
            ["discount_total"] = "0.00",
            ["shipping_total"] = "0.00",
            ["total"] = total,
            ["total_tax"] = "0.00",
            ["prices_include_tax"] = false,
            ["customer_id"] = 0,
            ["customer_note"] = "",
            ["billing"] = new JsonObject { ["first_name"] = "Test", ["last_name"] = "Shopper " + id, ["email"] = "shopper" + id + "@example.com", ["country"] = "US" },
            ["payment_method"] = "cod",
            ["meta_data"] = new JsonArray(),
            ["line_items"] = new JsonArray(new JsonObject { ["id"] = id * 10, ["name"] = "Item", ["sku"] = "01-10100", ["quantity"] = 1, ["subtotal"] = total, ["total"] = total, ["price"] = cents / 100.0 }),
        };
    }

    public void Put(JsonObject order)
    {
        int id = order["id"]!.GetValue<int>();
        lock (_gate) _orders[id] = order.ToJsonString();
    }

    public JsonObject? Get(int id)
    {
        lock (_gate) return _orders.TryGetValue(id, out string? json) ? JsonNode.Parse(json)!.AsObject() : null;
    }

    public List<JsonObject> All()
    {
        lock (_gate) return _orders.Values.Select(j => JsonNode.Parse(j)!.AsObject()).ToList();
    }

    /// <summary>Next modification time: the clock plus one second (or exactly <paramref name="at"/>).</summary>
    public DateTime Tick(DateTime? at = null)
    {
        lock (_gate)
        {
            ClockGmt = at ?? ClockGmt.AddSeconds(1);
            return ClockGmt;
        }
    }

    /// <summary>A new order, modified now (mutation during paging: insert).</summary>
    public JsonObject Insert(int id, string status = "processing", DateTime? atGmt = null)
    {
        DateTime t = Tick(atGmt);
        JsonObject order = NewOrder(id, status, t, t);
        Put(order);
        return order;
    }

    /// <summary>Bumps date_modified(_gmt) (mutation during paging: modify), optionally changing fields.</summary>
    public JsonObject Modify(int id, Action<JsonObject>? change = null, DateTime? atGmt = null)
    {
        JsonObject order = Get(id) ?? throw new KeyNotFoundException("order " + id);
        change?.Invoke(order);
        Touch(order, Tick(atGmt));
        Put(order);
        return order;
    }

    /// <summary>Moves an order to the trash (mutation during paging: trash) - status trash, modified now.</summary>
    public JsonObject Trash(int id) => Modify(id, o => o["status"] = "trash");

    public void Touch(JsonObject order, DateTime gmt)
    {
        order["date_modified_gmt"] = gmt.ToString(DateFormat, CultureInfo.InvariantCulture);
        order["date_modified"] = (gmt + SiteOffset).ToString(DateFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// WooCommerce's WC_Data::update_meta_data, as the REST API applies each meta_data item of a PUT: with an "id", that
    /// entry gets the key and value; else the first entry with the key gets the value and any other entries with the key
    /// are removed; else a new entry (with a new id) is added. A null value removes the key (WooCommerce deletes meta
    /// whose value is null when it saves).
    /// </summary>
    public void UpdateMeta(JsonArray existing, JsonObject item)
    {
        string key = item["key"]?.GetValue<string>() ?? "";
        JsonNode? value = item["value"]?.DeepClone();
        int? id = item["id"] is JsonNode idNode ? idNode.GetValue<int>() : null;
        var matches = existing.OfType<JsonObject>()
            .Where(m => id != null ? m["id"]?.GetValue<int>() == id : m["key"]?.GetValue<string>() == key).ToList();
        if (value == null)
        {
            foreach (JsonObject m in matches) existing.Remove(m);
            return;
        }
        if (matches.Count == 0)
        {
            int newId;
            lock (_gate) newId = ++_nextMetaId;
            existing.Add(new JsonObject { ["id"] = newId, ["key"] = key, ["value"] = value });
            return;
        }
        matches[0]["key"] = key;
        matches[0]["value"] = value;
        foreach (JsonObject extra in matches.Skip(1)) existing.Remove(extra);
    }

    public List<JsonObject> Notes(int orderId)
    {
        lock (_gate) return _notes.TryGetValue(orderId, out var list) ? list.Select(j => JsonNode.Parse(j)!.AsObject()).ToList() : [];
    }

    public JsonObject AddNote(int orderId, string text, bool customerNote)
    {
        DateTime t = Tick();
        lock (_gate)
        {
            var note = new JsonObject
            {
                ["id"] = ++_nextNoteId,
                ["author"] = "WooCommerce",
                ["date_created"] = (t + SiteOffset).ToString(DateFormat, CultureInfo.InvariantCulture),
                ["date_created_gmt"] = t.ToString(DateFormat, CultureInfo.InvariantCulture),
                ["note"] = text,
                ["customer_note"] = customerNote,
            };
            if (!_notes.TryGetValue(orderId, out var list)) _notes[orderId] = list = [];
            list.Add(note.ToJsonString());
            return note;
        }
    }

    public static DateTime ParseDate(JsonObject order, string field) =>
        DateTime.ParseExact(order[field]!.GetValue<string>(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Serialize(IEnumerable<JsonObject> orders) => new JsonArray(orders.Select(o => (JsonNode)o.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
