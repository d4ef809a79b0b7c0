using System.Globalization;
using System.Text.Json.Nodes;

namespace WooStandIn;

/// <summary>One product or variation as WooCommerce stores it (its own values, before the REST view's fallbacks).</summary>
public sealed class CatalogEntry
{
    public int Id { get; init; }
    /// <summary>0 for a product; the variable product for a variation.</summary>
    public int ParentId { get; set; }
    public string Type { get; init; } = "simple";
    public string Sku { get; set; } = "";
    /// <summary>post_title as stored (null: the view shows "Product {id}").</summary>
    public string? Name { get; set; }
    public string Status { get; set; } = "publish";
    public bool ManageStock { get; set; }
    public int? StockQuantity { get; set; }
    public string StockStatus { get; set; } = "instock";
    public string Backorders { get; set; } = "no";
    public string RegularPrice { get; set; } = "";
    public string SalePrice { get; set; } = "";
    public DateTime ModifiedGmt { get; set; }
    public bool IsVariation => Type == "variation";
}

/// <summary>
/// The shop's catalog for the stand-in: simple and variable products and their variations, with the WooCommerce
/// behaviours a stock sync trips over (woocommerce-catalog.md): a variation without its own SKU shows its parent's;
/// manage_stock reads "parent" on a variation whose parent manages the stock (quantity shown is the parent's); an
/// unmanaged variation shows stock_quantity 0; stock_quantity without manage_stock is dropped with 200 (and cleared);
/// quantities pass through intval; stock_status is recomputed for managed items; a sale price at or above the regular
/// price is cleared; the store-wide "manage stock" option off ignores manage_stock/stock_quantity. Every save stamps
/// date_modified_gmt from the shared clock (<see cref="OrderStore.ClockGmt"/>, the Date header). Thread-safe.
/// </summary>
public sealed class ProductStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, CatalogEntry> _items = new();
    private readonly OrderStore _clock;
    private readonly Dictionary<int, JsonObject> _itemErrors = new();
    private int _nextId = 20000;

    public ProductStore(OrderStore clock)
    {
        _clock = clock;
    }

    /// <summary>WooCommerce's woocommerce_manage_stock option; off: manage_stock and stock_quantity are ignored.</summary>
    public bool StoreManagesStock { get; set; } = true;

    /// <summary>WooCommerce 10.3+: GET /variations exists. False: 404 rest_no_route, as older shops answer.</summary>
    public bool AllVariationsRoute { get; set; } = true;

    /// <summary>Writes to the catalog so far (every saved object), for the benchmark.</summary>
    public int Saves { get; private set; }

    public int Count { get { lock (_gate) return _items.Count; } }

    /// <summary>The next write to <paramref name="id"/> in a batch fails with this WooCommerce error (until cleared).</summary>
    public void FailWrites(int id, string code, string message, int status = 400, int? resourceId = null)
    {
        var data = new JsonObject { ["status"] = status };
        if (resourceId is { } r) data["resource_id"] = r;
        lock (_gate) _itemErrors[id] = new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data };
    }

    public void ClearFailures()
    {
        lock (_gate) _itemErrors.Clear();
    }

    public CatalogEntry AddSimple(string sku, int? quantity, bool manage = true, string price = "10.00", DateTime? atGmt = null)
    {
        lock (_gate)
        {
            var e = new CatalogEntry { Id = NextId(), Type = "simple", Sku = sku, ManageStock = manage, StockQuantity = manage ? quantity : null, RegularPrice = price };
            Derive(e);
            e.ModifiedGmt = _clock.Tick(atGmt);
            _items[e.Id] = e;
            return e;
        }
    }

    /// <summary>A variable product (its own stock unmanaged unless <paramref name="parentManages"/>) and its variations.</summary>
    public (CatalogEntry Parent, List<CatalogEntry> Variations) AddVariable(string sku, int variations, int quantity = 5, bool parentManages = false,
        Func<int, string>? variationSku = null, DateTime? atGmt = null)
    {
        lock (_gate)
        {
            var parent = new CatalogEntry { Id = NextId(), Type = "variable", Sku = sku, ManageStock = parentManages, StockQuantity = parentManages ? quantity : null };
            Derive(parent);
            parent.ModifiedGmt = _clock.Tick(atGmt);
            _items[parent.Id] = parent;
            var list = new List<CatalogEntry>();
            for (int i = 0; i < variations; i++)
            {
                var v = new CatalogEntry
                {
                    Id = NextId(), ParentId = parent.Id, Type = "variation", Sku = variationSku == null ? sku + "-" + (i + 1).ToString(CultureInfo.InvariantCulture) : variationSku(i),
                    ManageStock = !parentManages, StockQuantity = parentManages ? null : quantity, RegularPrice = "20.00",
                };
                Derive(v);
                v.ModifiedGmt = atGmt ?? parent.ModifiedGmt;
                _items[v.Id] = v;
                list.Add(v);
            }
            return (parent, list);
        }
    }

    private int NextId() => ++_nextId;

    public CatalogEntry? Get(int id)
    {
        lock (_gate) return _items.TryGetValue(id, out CatalogEntry? e) ? e : null;
    }

    public List<CatalogEntry> Products()
    {
        lock (_gate) return _items.Values.Where(e => !e.IsVariation).ToList();
    }

    public List<CatalogEntry> Variations(int? parentId = null)
    {
        lock (_gate) return _items.Values.Where(e => e.IsVariation && (parentId == null || e.ParentId == parentId)).ToList();
    }

    /// <summary>A change made in the shop (by hand, or a web sale): stamped with the clock.</summary>
    public void Modify(int id, Action<CatalogEntry> change, DateTime? atGmt = null)
    {
        lock (_gate)
        {
            CatalogEntry e = _items[id];
            change(e);
            if (!e.ManageStock) e.StockQuantity = null;
            Derive(e);
            e.ModifiedGmt = _clock.Tick(atGmt);
        }
    }

    public void Delete(int id)
    {
        lock (_gate) _items.Remove(id);
    }

    /// <summary>The REST view (edit context) of one object: a variation falls back to its parent's SKU, and shows
    /// manage_stock "parent" with the parent's quantity when the parent manages its stock.</summary>
    public JsonObject View(CatalogEntry e)
    {
        lock (_gate)
        {
            string sku = e.Sku;
            object manage = e.ManageStock;
            int? quantity = e.StockQuantity;
            string backorders = e.Backorders;
            if (e.IsVariation && _items.TryGetValue(e.ParentId, out CatalogEntry? parent))
            {
                if (sku.Length == 0) sku = parent.Sku;
                if (!e.ManageStock && parent.ManageStock)
                {
                    manage = "parent";
                    quantity = parent.StockQuantity;
                    backorders = parent.Backorders;
                }
                else if (!e.ManageStock)
                {
                    quantity = 0;     // get_stock_quantity(): value ?? 0 on recent versions
                }
            }
            if (!StoreManagesStock) manage = false;
            return new JsonObject
            {
                ["id"] = e.Id,
                ["parent_id"] = e.ParentId,
                ["type"] = e.Type,
                ["sku"] = sku,
                ["status"] = e.Status,
                ["manage_stock"] = manage is string s ? JsonValue.Create(s) : JsonValue.Create((bool)manage),
                ["stock_quantity"] = quantity is { } q ? JsonValue.Create(q) : null,
                ["stock_status"] = e.StockStatus,
                ["backorders"] = backorders,
                ["regular_price"] = e.RegularPrice,
                ["sale_price"] = e.SalePrice,
                ["price"] = e.SalePrice.Length > 0 ? e.SalePrice : e.RegularPrice,
                ["date_modified"] = e.ModifiedGmt.ToString(OrderStore.DateFormat, CultureInfo.InvariantCulture),
                ["date_modified_gmt"] = e.ModifiedGmt.ToString(OrderStore.DateFormat, CultureInfo.InvariantCulture),
                ["name"] = e.Name ?? "Product " + e.Id.ToString(CultureInfo.InvariantCulture),
                ["description"] = "<p>A long description that _fields keeps off the page.</p>",
                ["images"] = new JsonArray(),
            };
        }
    }

    /// <summary>One item of a batch update (WC_REST_Products_Controller / Variations_Controller update_item):
    /// (200, view) or (status, error object).</summary>
    public (int Status, JsonObject Body) Update(JsonObject changes, int? urlParentId)
    {
        lock (_gate)
        {
            int id = changes["id"] is JsonValue idv && idv.TryGetValue(out int i) ? i : 0;
            bool variationRoute = urlParentId != null;
            if (!_items.TryGetValue(id, out CatalogEntry? e) || (variationRoute && !e.IsVariation))
            {
                return variationRoute
                    ? (400, Error(400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID."))
                    : (400, Error(400, "woocommerce_rest_product_invalid_id", "Invalid ID."));
            }
            if (!variationRoute && e.IsVariation)
            {
                return (404, Error(404, "woocommerce_rest_invalid_product_id", "To manipulate product variations you should use the /products/<product_id>/variations/<id> endpoint."));
            }
            if (_itemErrors.TryGetValue(id, out JsonObject? injected))
            {
                return ((int)injected["data"]!["status"]!, (JsonObject)injected.DeepClone());
            }
            if (variationRoute) e.ParentId = urlParentId!.Value;     // set_parent_id( $request['product_id'] ): a wrong parent re-parents
            if (changes["manage_stock"] is JsonValue ms && StoreManagesStock) e.ManageStock = ms.GetValue<bool>();
            if (changes["stock_quantity"] is JsonValue sq && StoreManagesStock && e.ManageStock)
            {
                e.StockQuantity = (int)Math.Truncate(sq.GetValue<decimal>());   // wc_stock_amount = intval
            }
            if (changes["backorders"] is JsonValue bo && e.ManageStock) e.Backorders = bo.GetValue<string>();
            if (changes["stock_status"] is JsonValue ss && !e.ManageStock && e.Type != "variable") e.StockStatus = ss.GetValue<string>();
            if (changes["regular_price"] is JsonValue rp) e.RegularPrice = rp.GetValue<string>();
            if (changes["sale_price"] is JsonValue sp) e.SalePrice = sp.GetValue<string>();
            if (changes["status"] is JsonValue st) e.Status = st.GetValue<string>();
            // set_name( wp_filter_post_kses( name ) ): a bare '&' is stored as "&amp;" (wp_kses_normalize_entities).
            if (changes["name"] is JsonValue nm) e.Name = KsesEntities(nm.GetValue<string>());
            if (!e.ManageStock) e.StockQuantity = null;
            Derive(e);
            e.ModifiedGmt = _clock.Tick();
            Saves++;
            return (200, View(e));
        }
    }

    /// <summary>validate_props and the data store's price handling: managed stock recomputes stock_status; unmanaged
    /// clears backorders; a sale price at or above the regular price is cleared; variable/grouped have no own price.</summary>
    private static void Derive(CatalogEntry e)
    {
        if (e.ManageStock)
        {
            e.StockStatus = (e.StockQuantity ?? 0) > 0 ? "instock" : e.Backorders != "no" ? "onbackorder" : "outofstock";
        }
        else
        {
            e.Backorders = "no";
        }
        if (e.Type is "variable" or "grouped")
        {
            e.RegularPrice = "";
            e.SalePrice = "";
        }
        if (e.SalePrice.Length > 0 && e.RegularPrice.Length > 0
            && decimal.Parse(e.SalePrice, CultureInfo.InvariantCulture) >= decimal.Parse(e.RegularPrice, CultureInfo.InvariantCulture))
        {
            e.SalePrice = "";
        }
    }

    /// <summary>wp_kses_normalize_entities for the stand-in: '&amp;' not starting an entity becomes "&amp;amp;".</summary>
    private static string KsesEntities(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, "&(?!(amp|lt|gt|quot|#0?39);)", "&amp;");

    internal static JsonObject Error(int status, string code, string message) =>
        new() { ["code"] = code, ["message"] = message, ["data"] = new JsonObject { ["status"] = status } };
}
