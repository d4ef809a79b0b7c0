using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WooStandIn;

/// <summary>One request as the stand-in saw it (after the fault plan and before routing).</summary>
public sealed record RecordedRequest(int Number, string Method, string Scheme, string Path, string QueryString,
    IReadOnlyDictionary<string, string> Query, string AuthKind, string? UserAgent, string? Accept, string? Body);

/// <summary>
/// WooCommerce REST API v3 stand-in on Kestrel, in-process: https (test CA) and plain http listeners on 127.0.0.1
/// with dynamic ports. Implements what CpOrders uses - orders list (paging, filters, ordering, X-WP-Total*),
/// GET/PUT order, notes, batch - with WooCommerce's error shape, its authentication rules (Basic and query keys on
/// https only; OAuth 1.0a one-legged on http, signature verified) and fault injection.
/// </summary>
public sealed class WooStandInServer : IAsyncDisposable
{
    public const string ApiPrefix = "/wp-json/wc/v3/";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    private readonly object _hookGate = new();
    private readonly Dictionary<int, List<Action<OrderStore>>> _beforeListRequest = new();
    private int _requestCount;
    private int _listRequestCount;
    private int _catalogListCount;
    private readonly Dictionary<int, List<Action<ProductStore>>> _beforeCatalogList = new();

    private WooStandInServer(WebApplication app, string consumerKey, string consumerSecret)
    {
        _app = app;
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        Products = new ProductStore(Orders);
    }

    /// <summary>The catalog (products and variations); shares the orders' clock.</summary>
    public ProductStore Products { get; }

    /// <summary>Catalog list requests served so far (products, a parent's variations, all variations).</summary>
    public int CatalogListRequestCount => Volatile.Read(ref _catalogListCount);

    /// <summary>Runs <paramref name="mutation"/> just before catalog list request number <paramref name="listRequestNumber"/>.</summary>
    public void BeforeCatalogListRequest(int listRequestNumber, Action<ProductStore> mutation)
    {
        lock (_hookGate)
        {
            if (!_beforeCatalogList.TryGetValue(listRequestNumber, out var list)) _beforeCatalogList[listRequestNumber] = list = [];
            list.Add(mutation);
        }
    }

    public string ConsumerKey { get; }
    public string ConsumerSecret { get; }
    public OrderStore Orders { get; } = new();
    public FaultPlan Faults { get; } = new();
    public string HttpsBaseUrl { get; private set; } = "";
    public string HttpBaseUrl { get; private set; } = "";

    /// <summary>Old WooCommerce (before 5.8 / 4.4): modified_after/modified_before are ignored, and orderby=modified
    /// is treated as the default order (date) - what a shop with a plugin that only whitelists the value does.</summary>
    public bool OldWooCommerce { get; set; }

    /// <summary>With <see cref="OldWooCommerce"/>: orderby=modified is refused with 400 rest_invalid_param, as an
    /// unmodified WooCommerce before 4.4 does (enum validation).</summary>
    public bool RejectOrderbyModified { get; set; }

    /// <summary>Every answer's Date header is the shop's clock (<see cref="OrderStore.ClockGmt"/>, the time its next
    /// change is stamped after), as a web server on the shop's host sends it. False: no Date header at all (a proxy that
    /// strips it).</summary>
    public bool SendDateHeader { get; set; } = true;

    /// <summary>When set, the Date header's exact text instead (e.g. something that is not an HTTP date).</summary>
    public string? DateHeaderText { get; set; }

    /// <summary>TLS ends at a proxy that does not tell PHP (no X-Forwarded-Proto handling): WordPress's is_ssl() is false
    /// for https requests, so WooCommerce ignores Basic and query keys and checks OAuth 1.0a against an http:// address
    /// (WC_REST_Authentication::authenticate and check_oauth_signature).</summary>
    public bool TlsEndsAtProxy { get; set; }

    /// <summary>The WordPress Site Address (home_url), e.g. http://www.shop.test:8080. WooCommerce signs OAuth 1.0a over
    /// its host and port, not the request's Host header. Null: the request's own host.</summary>
    public string? SiteAddress { get; set; }

    /// <summary>Time the OAuth timestamp check compares with (WooCommerce allows 15 minutes).</summary>
    public Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>List requests served so far (the numbering <see cref="BeforeListRequest"/> uses; faulted ones are not counted).</summary>
    public int ListRequestCount => Volatile.Read(ref _listRequestCount);

    /// <summary>Runs <paramref name="mutation"/> just before the stand-in serves list request number
    /// <paramref name="listRequestNumber"/> (1-based): inserts, modifications, trashing between pages.</summary>
    public void BeforeListRequest(int listRequestNumber, Action<OrderStore> mutation)
    {
        lock (_hookGate)
        {
            if (!_beforeListRequest.TryGetValue(listRequestNumber, out var list)) _beforeListRequest[listRequestNumber] = list = [];
            list.Add(mutation);
        }
    }

    public static async Task<WooStandInServer> StartAsync(TestCertificates certificates, string consumerKey, string consumerSecret)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificates.Server));
            k.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        var server = new WooStandInServer(app, consumerKey, consumerSecret);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        ICollection<string> addresses = app.Services.GetService(typeof(IServer)) is IServer s && s.Features.Get<IServerAddressesFeature>() is { } f
            ? f.Addresses : app.Urls;
        foreach (string a in addresses)
        {
            if (a.StartsWith("https://", StringComparison.Ordinal)) server.HttpsBaseUrl = a.TrimEnd('/');
            else if (a.StartsWith("http://", StringComparison.Ordinal)) server.HttpBaseUrl = a.TrimEnd('/');
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // ---- the pipeline -----------------------------------------------------------------------------------------

    private async Task HandleAsync(HttpContext ctx)
    {
        HttpRequest req = ctx.Request;
        string? body = null;
        if (req.ContentLength > 0 || req.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(req.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in req.Query) query[kv.Key] = kv.Value.ToString();
        string path = req.Path.Value ?? "/";
        string authKind = AuthKind(req, query);
        var recorded = new RecordedRequest(Interlocked.Increment(ref _requestCount), req.Method, req.Scheme, path, req.QueryString.Value ?? "",
            query, authKind, req.Headers.UserAgent.ToString(), req.Headers.Accept.ToString(), body);
        _requests.Enqueue(recorded);
        ctx.Response.OnStarting(() =>
        {
            // Stamped when the answer starts, after the request was served (as Apache and nginx do for PHP).
            // Kestrel adds its own Date when there is none, so "no Date" is an empty one (the client reads it as absent).
            if (!SendDateHeader) ctx.Response.Headers.Date = "";
            else ctx.Response.Headers.Date = DateHeaderText ?? Orders.ClockGmt.ToString("r", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        Fault? fault = Faults.Next(req.Method, path);
        if (fault != null && await ApplyFaultBeforeAsync(ctx, fault))
        {
            return;
        }

        (int status, string json, Dictionary<string, string>? headers) = Route(req, path, query, body, recorded);
        if (fault?.Kind == FaultKind.ResetAfterHandling)
        {
            // The shop acted (the note is added, the order saved), then the answer is lost.
            ctx.Abort();
            return;
        }
        await WriteAsync(ctx, status, json, headers, fault);
    }

    private (int, string, Dictionary<string, string>?) Route(HttpRequest req, string path, Dictionary<string, string> query, string? body, RecordedRequest recorded)
    {
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return Error(404, "rest_no_route", "No route was found matching the URL and request method.");
        }
        string route = path[ApiPrefix.Length..].TrimEnd('/');
        string[] parts = route.Split('/');
        if (parts[0] != "orders" && parts[0] != "products" && !(parts[0] == "variations" && Products.AllVariationsRoute))
        {
            return Error(404, "rest_no_route", "No route was found matching the URL and request method.");
        }

        (int, string, Dictionary<string, string>?)? authError = Authenticate(req, query, recorded.AuthKind);
        if (authError != null)
        {
            return authError.Value;
        }

        string m = req.Method;
        if (parts[0] == "products" || parts[0] == "variations") return RouteCatalog(parts, m, query, body);
        if (parts.Length == 1 && m == "GET") return ListOrders(query);
        if (parts.Length == 2 && parts[1] == "batch" && m == "POST") return Batch(body);
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
        {
            if (parts.Length == 2 && m == "GET")
            {
                JsonObject? order = Orders.Get(id);
                return order == null ? Error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.") : (200, order.ToJsonString(), null);
            }
            if (parts.Length == 2 && (m == "PUT" || m == "POST" || m == "PATCH")) return UpdateOrder(id, body, 400);
            if (parts.Length == 3 && parts[2] == "notes" && m == "GET")
            {
                if (Orders.Get(id) == null) return Error(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
                return (200, new JsonArray(Orders.Notes(id).Select(n => (JsonNode)n).ToArray()).ToJsonString(), null);
            }
            if (parts.Length == 3 && parts[2] == "notes" && m == "POST") return AddNote(id, body);
        }
        return Error(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    // ---- authentication (WC_REST_Authentication) ----------------------------------------------------------------

    private static string AuthKind(HttpRequest req, Dictionary<string, string> query)
    {
        if (req.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal)) return "basic";
        if (query.ContainsKey("consumer_key") || query.ContainsKey("consumer_secret")) return "query";
        if (query.ContainsKey("oauth_signature")) return "oauth1";
        return "none";
    }

    private (int, string, Dictionary<string, string>?)? Authenticate(HttpRequest req, Dictionary<string, string> query, string kind)
    {
        bool isSsl = req.IsHttps && !TlsEndsAtProxy;
        if (isSsl)
        {
            // WooCommerce on SSL: Basic first, then consumer_key/consumer_secret in the query. OAuth is not checked.
            string? key = null, secret = null;
            if (kind == "basic")
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(req.Headers.Authorization.ToString()["Basic ".Length..]));
                int colon = decoded.IndexOf(':');
                key = colon < 0 ? decoded : decoded[..colon];
                secret = colon < 0 ? "" : decoded[(colon + 1)..];
            }
            else if (kind == "query")
            {
                query.TryGetValue("consumer_key", out key);
                query.TryGetValue("consumer_secret", out secret);
            }
            if (key == null) return NotLoggedIn(req);
            if (key != ConsumerKey) return Error(401, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret ?? ""), Encoding.UTF8.GetBytes(ConsumerSecret)))
            {
                return Error(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
            }
            return null;
        }

        // Plain http (as WordPress sees it): only OAuth 1.0a one-legged; Basic and query keys are not even looked at.
        if (kind != "oauth1") return NotLoggedIn(req);
        foreach (string p in new[] { "oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method" })
        {
            if (!query.ContainsKey(p)) return Error(401, "woocommerce_rest_authentication_error", "Missing OAuth parameter " + p);
        }
        if (query["oauth_consumer_key"] != ConsumerKey) return Error(401, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
        string method = query["oauth_signature_method"];
        if (method != "HMAC-SHA1" && method != "HMAC-SHA256") return Error(401, "woocommerce_rest_authentication_error", "Invalid signature - signature method is invalid.");

        var parameters = query.Where(kv => kv.Key != "oauth_signature").OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Rfc3986(kv.Key) + "=" + Rfc3986(kv.Value)).Select(Rfc3986);
        // get_home_url( null, $request_path, is_ssl() ? 'https' : 'http' ): the Site Address's host, the scheme WordPress sees.
        string authority = SiteAddress is { } home ? new Uri(home).Authority : req.Host.Value!;
        string baseUri = (isSsl ? "https://" : "http://") + authority + req.Path.Value;
        string toSign = req.Method.ToUpperInvariant() + "&" + Rfc3986(baseUri) + "&" + string.Join("%26", parameters);
        byte[] secretKey = Encoding.UTF8.GetBytes(ConsumerSecret + "&");
        byte[] mac = method == "HMAC-SHA1" ? HMACSHA1.HashData(secretKey, Encoding.UTF8.GetBytes(toSign)) : HMACSHA256.HashData(secretKey, Encoding.UTF8.GetBytes(toSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToBase64String(mac)), Encoding.ASCII.GetBytes(query["oauth_signature"])))
        {
            return Error(401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
        }
        if (!long.TryParse(query["oauth_timestamp"], out long ts) || Math.Abs(new DateTimeOffset(UtcNow()).ToUnixTimeSeconds() - ts) > 15 * 60)
        {
            return Error(401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        }
        if (!_nonces.TryAdd(query["oauth_nonce"] + "|" + ts, 0))
        {
            return Error(401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
        }
        return null;
    }

    private static (int, string, Dictionary<string, string>?) NotLoggedIn(HttpRequest req) =>
        req.Method == "GET"
            ? Error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
            : Error(401, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.");

    /// <summary>PHP's rawurlencode (RFC 3986), what WooCommerce's wc_rest_urlencode_rfc3986 uses.</summary>
    private static string Rfc3986(string s) => Uri.EscapeDataString(s);

    // ---- orders list -------------------------------------------------------------------------------------------

    private (int, string, Dictionary<string, string>?) ListOrders(Dictionary<string, string> q)
    {
        int listNumber = Interlocked.Increment(ref _listRequestCount);
        List<Action<OrderStore>>? hooks;
        lock (_hookGate) _beforeListRequest.Remove(listNumber, out hooks);
        if (hooks != null) foreach (Action<OrderStore> hook in hooks) hook(Orders);

        var invalid = new JsonObject();
        int page = IntParam(q, "page", 1, invalid, 1, int.MaxValue, "page must be greater than or equal to 1");
        int perPage = IntParam(q, "per_page", 10, invalid, 1, 100, "per_page must be between 1 (inclusive) and 100 (inclusive)");
        string order = q.GetValueOrDefault("order", "desc");
        if (order != "asc" && order != "desc") invalid["order"] = "order is not one of asc and desc.";
        string orderby = q.GetValueOrDefault("orderby", "date");
        string[] orderbys = OldWooCommerce && RejectOrderbyModified ? ["date", "id", "include", "title", "slug"] : ["date", "id", "include", "title", "slug", "modified"];
        if (!orderbys.Contains(orderby)) invalid["orderby"] = "orderby is not one of " + string.Join(", ", orderbys) + ".";
        string[] statuses = q.GetValueOrDefault("status", "any").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string s in statuses)
        {
            if (s != "any" && !OrderStore.Statuses.Contains(s)) invalid["status"] = "status[0] is not one of any, trash, pending, processing, on-hold, completed, cancelled, refunded, failed and checkout-draft.";
        }
        bool gmt = q.TryGetValue("dates_are_gmt", out string? g) && (g == "true" || g == "1");
        DateTime? modifiedAfter = DateParam(q, "modified_after", invalid), modifiedBefore = DateParam(q, "modified_before", invalid);
        DateTime? after = DateParam(q, "after", invalid), before = DateParam(q, "before", invalid);
        HashSet<int>? include = IdList(q, "include", invalid), exclude = IdList(q, "exclude", invalid);
        if (invalid.Count > 0)
        {
            return Error(400, "rest_invalid_param", "Invalid parameter(s): " + string.Join(", ", invalid.Select(kv => kv.Key)), new JsonObject { ["params"] = invalid });
        }

        if (OldWooCommerce)
        {
            modifiedAfter = modifiedBefore = null;
            if (orderby == "modified") orderby = "date";
        }
        string createdField = gmt ? "date_created_gmt" : "date_created";
        string modifiedField = gmt ? "date_modified_gmt" : "date_modified";

        IEnumerable<JsonObject> rows = Orders.All();
        rows = rows.Where(o =>
        {
            string s = o["status"]!.GetValue<string>();
            return statuses.Contains("any") ? s != "trash" && s != "checkout-draft" : statuses.Contains(s);
        });
        // WP_Date_Query 'after'/'before' without 'inclusive' are strict (> and <), at second precision.
        if (modifiedAfter is { } ma) rows = rows.Where(o => OrderStore.ParseDate(o, modifiedField) > ma);
        if (modifiedBefore is { } mb) rows = rows.Where(o => OrderStore.ParseDate(o, modifiedField) < mb);
        if (after is { } a) rows = rows.Where(o => OrderStore.ParseDate(o, createdField) > a);
        if (before is { } b) rows = rows.Where(o => OrderStore.ParseDate(o, createdField) < b);
        if (include is { Count: > 0 }) rows = rows.Where(o => include.Contains(Id(o)));
        if (exclude is { Count: > 0 }) rows = rows.Where(o => !exclude.Contains(Id(o)));

        // WooCommerce adds ID to "date" and "modified" ordering, same direction, for stable paging.
        bool asc = order == "asc";
        List<JsonObject> list = rows.ToList();
        Comparison<JsonObject> compare = orderby switch
        {
            "modified" => (x, y) => Then(OrderStore.ParseDate(x, "date_modified_gmt").CompareTo(OrderStore.ParseDate(y, "date_modified_gmt")), x, y),
            "id" or "title" or "slug" => (x, y) => Id(x).CompareTo(Id(y)),
            "include" when include is { Count: > 0 } => (x, y) => 0,
            _ => (x, y) => Then(OrderStore.ParseDate(x, "date_created_gmt").CompareTo(OrderStore.ParseDate(y, "date_created_gmt")), x, y),
        };
        list.Sort((x, y) => asc ? compare(x, y) : compare(y, x));

        int total = list.Count;
        int pages = (int)Math.Ceiling(total / (double)perPage);
        List<JsonObject> pageRows = list.Skip((int)Math.Min((long)(page - 1) * perPage, int.MaxValue)).Take(perPage).ToList();
        var headers = new Dictionary<string, string>
        {
            ["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture),
            ["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture),
        };
        return (200, OrderStore.Serialize(pageRows), headers);
    }

    private static int Then(int first, JsonObject x, JsonObject y) => first != 0 ? first : Id(x).CompareTo(Id(y));

    private static int Id(JsonObject o) => o["id"]!.GetValue<int>();

    private static int IntParam(Dictionary<string, string> q, string name, int fallback, JsonObject invalid, int min, int max, string message)
    {
        if (!q.TryGetValue(name, out string? v)) return fallback;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            invalid[name] = message;
            return fallback;
        }
        return n;
    }

    private static DateTime? DateParam(Dictionary<string, string> q, string name, JsonObject invalid)
    {
        if (!q.TryGetValue(name, out string? v)) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime d))
        {
            return d;
        }
        invalid[name] = "Invalid date.";
        return null;
    }

    private static HashSet<int>? IdList(Dictionary<string, string> q, string name, JsonObject invalid)
    {
        if (!q.TryGetValue(name, out string? v)) return null;
        var ids = new HashSet<int>();
        foreach (string part in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                invalid[name] = name + "[0] is not of type integer.";
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    // ---- catalog ----------------------------------------------------------------------------------------------

    private (int, string, Dictionary<string, string>?) RouteCatalog(string[] parts, string m, Dictionary<string, string> query, string? body)
    {
        if (parts[0] == "variations")
        {
            return parts.Length == 1 && m == "GET" ? ListCatalog(query, p => p.Variations()) : Error(404, "rest_no_route", "No route was found matching the URL and request method.");
        }
        if (parts.Length == 1 && m == "GET") return ListCatalog(query, p => p.Products());
        if (parts.Length == 2 && parts[1] == "batch" && m == "POST") return CatalogBatch(body, null);
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
        {
            CatalogEntry? e = Products.Get(id);
            if (parts.Length == 2 && m == "GET")
            {
                return e == null || e.IsVariation ? Error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.") : (200, Products.View(e).ToJsonString(), null);
            }
            if (parts.Length == 3 && parts[2] == "variations" && m == "GET")
            {
                if (e == null || e.IsVariation) return Error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
                return ListCatalog(query, p => p.Variations(id));
            }
            if (parts.Length == 2 && (m == "PUT" || m == "POST" || m == "PATCH"))
            {
                // update_item: the predecessor's one PUT per product (the benchmark's comparison).
                JsonObject changes = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
                changes["id"] = id;
                (int status, JsonObject answer) = Products.Update(changes, null);
                return (status, answer.ToJsonString(), null);
            }
            if (parts.Length == 4 && parts[2] == "variations" && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int vid))
            {
                CatalogEntry? v = Products.Get(vid);
                if (v == null || !v.IsVariation || v.ParentId != id) return Error(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.");
                if (m == "GET") return (200, Products.View(v).ToJsonString(), null);
                JsonObject changes = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
                changes["id"] = vid;
                (int status, JsonObject answer) = Products.Update(changes, id);
                return (status, answer.ToJsonString(), null);
            }
            if (parts.Length == 4 && parts[2] == "variations" && parts[3] == "batch" && m == "POST")
            {
                if (e == null || e.IsVariation) return Error(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
                return CatalogBatch(body, id);
            }
        }
        return Error(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    private (int, string, Dictionary<string, string>?) ListCatalog(Dictionary<string, string> q, Func<ProductStore, List<CatalogEntry>> source)
    {
        int listNumber = Interlocked.Increment(ref _catalogListCount);
        List<Action<ProductStore>>? hooks;
        lock (_hookGate) _beforeCatalogList.Remove(listNumber, out hooks);
        if (hooks != null) foreach (Action<ProductStore> hook in hooks) hook(Products);

        var invalid = new JsonObject();
        int page = IntParam(q, "page", 1, invalid, 1, int.MaxValue, "page must be greater than or equal to 1");
        int perPage = IntParam(q, "per_page", 10, invalid, 1, 100, "per_page must be between 1 (inclusive) and 100 (inclusive)");
        string order = q.GetValueOrDefault("order", "desc");
        if (order != "asc" && order != "desc") invalid["order"] = "order is not one of asc and desc.";
        string orderby = q.GetValueOrDefault("orderby", "date");
        string[] orderbys = ["date", "id", "include", "title", "slug", "modified"];
        if (!orderbys.Contains(orderby)) invalid["orderby"] = "orderby is not one of " + string.Join(", ", orderbys) + ".";
        string status = q.GetValueOrDefault("status", "any");
        DateTime? modifiedAfter = DateParam(q, "modified_after", invalid), modifiedBefore = DateParam(q, "modified_before", invalid);
        HashSet<int>? include = IdList(q, "include", invalid), exclude = IdList(q, "exclude", invalid);
        if (invalid.Count > 0)
        {
            return Error(400, "rest_invalid_param", "Invalid parameter(s): " + string.Join(", ", invalid.Select(kv => kv.Key)), new JsonObject { ["params"] = invalid });
        }
        IEnumerable<CatalogEntry> rows = source(Products);
        rows = rows.Where(e => status == "any" ? e.Status != "trash" : e.Status == status);
        if (q.TryGetValue("type", out string? type)) rows = rows.Where(e => e.Type == type);
        if (modifiedAfter is { } ma) rows = rows.Where(e => e.ModifiedGmt > ma);
        if (modifiedBefore is { } mb) rows = rows.Where(e => e.ModifiedGmt < mb);
        if (include is { Count: > 0 }) rows = rows.Where(e => include.Contains(e.Id));
        if (exclude is { Count: > 0 }) rows = rows.Where(e => !exclude.Contains(e.Id));
        List<CatalogEntry> list = rows.ToList();
        Comparison<CatalogEntry> compare = orderby == "modified"
            ? (x, y) => x.ModifiedGmt != y.ModifiedGmt ? x.ModifiedGmt.CompareTo(y.ModifiedGmt) : x.Id.CompareTo(y.Id)
            : (x, y) => x.Id.CompareTo(y.Id);
        bool asc = order == "asc";
        list.Sort((x, y) => asc ? compare(x, y) : compare(y, x));
        int total = list.Count;
        int pages = (int)Math.Ceiling(total / (double)perPage);
        string[]? fields = q.TryGetValue("_fields", out string? f) ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var array = new JsonArray();
        foreach (CatalogEntry e in list.Skip((int)Math.Min((long)(page - 1) * perPage, int.MaxValue)).Take(perPage))
        {
            JsonObject view = Products.View(e);
            if (fields != null)
            {
                // WC_REST_Controller::get_fields_for_response: only the listed fields, and always id.
                foreach (string key in view.Select(kv => kv.Key).ToList())
                {
                    if (key != "id" && !fields.Contains(key)) view.Remove(key);
                }
            }
            array.Add(view);
        }
        var headers = new Dictionary<string, string>
        {
            ["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture),
            ["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture),
        };
        return (200, array.ToJsonString(), headers);
    }

    private (int, string, Dictionary<string, string>?) CatalogBatch(string? body, int? parentId)
    {
        JsonObject? input;
        try { input = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)?.AsObject(); }
        catch (JsonException) { return Error(400, "rest_invalid_json", "Invalid JSON body passed."); }
        input ??= new JsonObject();
        int total = 0;
        foreach (string k in new[] { "create", "update", "delete" })
        {
            if (input[k] is JsonArray arr) total += arr.Count;
        }
        if (total > 100)
        {
            return Error(413, "woocommerce_rest_request_entity_too_large", "Unable to accept more than 100 items for this request.");
        }
        var result = new JsonObject();
        if (input["update"] is JsonArray updates)
        {
            var outList = new JsonArray();
            foreach (JsonNode? u in updates)
            {
                if (u is not JsonObject changes) continue;
                (int status, JsonObject answer) = Products.Update(changes, parentId);
                int id = changes["id"] is JsonValue v && v.TryGetValue(out int i) ? i : 0;
                outList.Add(status == 200 ? answer : new JsonObject { ["id"] = id, ["error"] = answer });
            }
            result["update"] = outList;
        }
        return (200, result.ToJsonString(), null);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    private (int, string, Dictionary<string, string>?) UpdateOrder(int id, string? body, int invalidIdStatus)
    {
        JsonObject? order = Orders.Get(id);
        if (order == null) return Error(invalidIdStatus, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
        JsonObject? changes;
        try
        {
            changes = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)?.AsObject();
        }
        catch (JsonException)
        {
            return Error(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        if (changes == null) return Error(400, "rest_invalid_json", "Invalid JSON body passed.");
        if (changes["status"] is JsonNode st && !OrderStore.Statuses.Contains(st.GetValue<string>()))
        {
            return Error(400, "rest_invalid_param", "Invalid parameter(s): status", new JsonObject { ["params"] = new JsonObject { ["status"] = "status is not one of the order statuses." } });
        }
        foreach (var kv in changes.ToList())
        {
            if (kv.Key is "id" or "date_modified" or "date_modified_gmt") continue;
            if (kv.Key == "meta_data" && kv.Value is JsonArray added && order["meta_data"] is JsonArray existing)
            {
                foreach (JsonNode? item in added)
                {
                    if (item is JsonObject meta) Orders.UpdateMeta(existing, meta);
                }
                continue;
            }
            order[kv.Key] = kv.Value?.DeepClone();
        }
        Orders.Touch(order, Orders.Tick());
        Orders.Put(order);
        return (200, order.ToJsonString(), null);
    }

    private (int, string, Dictionary<string, string>?) AddNote(int id, string? body)
    {
        if (Orders.Get(id) == null) return Error(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
        JsonObject? input = null;
        try { input = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body)?.AsObject(); }
        catch (JsonException) { return Error(400, "rest_invalid_json", "Invalid JSON body passed."); }
        if (input?["note"] is not JsonNode note || string.IsNullOrEmpty(note.GetValue<string>()))
        {
            return Error(400, "rest_missing_callback_param", "Missing parameter(s): note", new JsonObject { ["params"] = new JsonArray("note") });
        }
        bool customer = input["customer_note"] is JsonNode c && c.GetValueKind() == JsonValueKind.True;
        return (201, Orders.AddNote(id, note.GetValue<string>(), customer).ToJsonString(), null);
    }

    private (int, string, Dictionary<string, string>?) Batch(string? body)
    {
        JsonObject? input;
        try { input = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)?.AsObject(); }
        catch (JsonException) { return Error(400, "rest_invalid_json", "Invalid JSON body passed."); }
        input ??= new JsonObject();
        int total = 0;
        foreach (string k in new[] { "create", "update", "delete" })
        {
            if (input[k] is JsonArray arr) total += arr.Count;
        }
        // WooCommerce's check_batch_limit: 413 woocommerce_rest_request_entity_too_large above 100 objects in total.
        if (total > 100)
        {
            return Error(413, "woocommerce_rest_request_entity_too_large", "Unable to accept more than 100 items for this request.");
        }
        var result = new JsonObject();
        if (input["create"] is JsonArray creates)
        {
            var outList = new JsonArray();
            foreach (JsonNode? c in creates)
            {
                int id = Orders.All().Select(Id).DefaultIfEmpty(1000).Max() + 1;
                JsonObject created = Orders.Insert(id, c?["status"]?.GetValue<string>() ?? "pending");
                outList.Add(created);
            }
            result["create"] = outList;
        }
        if (input["update"] is JsonArray updates)
        {
            var outList = new JsonArray();
            foreach (JsonNode? u in updates)
            {
                int id = u?["id"]?.GetValue<int>() ?? 0;
                var (status, json, _) = UpdateOrder(id, u?.ToJsonString(), 400);
                JsonNode parsed = JsonNode.Parse(json)!;
                outList.Add(status == 200 ? parsed : new JsonObject { ["id"] = id, ["error"] = parsed });
            }
            result["update"] = outList;
        }
        if (input["delete"] is JsonArray deletes)
        {
            var outList = new JsonArray();
            foreach (JsonNode? d in deletes)
            {
                int id = d?.GetValue<int>() ?? 0;
                if (Orders.Get(id) == null)
                {
                    outList.Add(new JsonObject { ["id"] = id, ["error"] = ErrorJson(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.", null) });
                }
                else
                {
                    outList.Add(Orders.Trash(id));
                }
            }
            result["delete"] = outList;
        }
        return (200, result.ToJsonString(), null);
    }

    // ---- responses and faults ----------------------------------------------------------------------------------

    private static (int, string, Dictionary<string, string>?) Error(int status, string code, string message, JsonObject? extraData = null) =>
        (status, ErrorJson(status, code, message, extraData).ToJsonString(), null);

    private static JsonObject ErrorJson(int status, string code, string message, JsonObject? extraData)
    {
        var data = new JsonObject { ["status"] = status };
        if (extraData != null)
        {
            foreach (var kv in extraData.ToList()) data[kv.Key] = kv.Value?.DeepClone();
        }
        return new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data };
    }

    /// <summary>Faults that replace the normal answer; true when the request is done.</summary>
    private static async Task<bool> ApplyFaultBeforeAsync(HttpContext ctx, Fault fault)
    {
        HttpResponse res = ctx.Response;
        switch (fault.Kind)
        {
            case FaultKind.Status:
                res.StatusCode = fault.Status;
                if (fault.RetryAfter != null) res.Headers.RetryAfter = fault.RetryAfter;
                string code = fault.Status == 429 ? "too_many_requests" : "internal_server_error";
                res.ContentType = "application/json; charset=UTF-8";
                await res.WriteAsync(ErrorJson(fault.Status, code, "Injected status " + fault.Status + ".", null).ToJsonString());
                return true;
            case FaultKind.Reset:
                ctx.Abort();
                return true;
            case FaultKind.SlowHeaders:
                try { await Task.Delay(fault.DelayMs, ctx.RequestAborted); } catch (OperationCanceledException) { return true; }
                return false;
            case FaultKind.Html200:
                res.StatusCode = 200;
                res.ContentType = "text/html; charset=UTF-8";
                await res.WriteAsync("<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before accessing the shop</h1></body></html>");
                return true;
            case FaultKind.InvalidJson:
                res.StatusCode = 200;
                res.ContentType = "application/json; charset=UTF-8";
                await res.WriteAsync("[{\"id\":1001,\"status\":\"processing\",\"total\":\"12.50\"}]<br />\n<b>Warning</b>:  Undefined array key \"x\" in <b>/var/www/plugin.php</b>");
                return true;
            case FaultKind.Large:
                res.StatusCode = 200;
                res.ContentType = "application/json; charset=UTF-8";
                var sb = new StringBuilder("[");
                while (sb.Length < fault.Bytes - 40) sb.Append("{\"id\":1,\"pad\":\"").Append('x', 200).Append("\"},");
                sb.Append("{\"id\":2}]");
                byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
                if (!fault.Chunked) res.ContentLength = bytes.Length;
                try { await res.Body.WriteAsync(bytes, ctx.RequestAborted); } catch (Exception) { /* the client gave up: expected */ }
                return true;
            default:
                return false; // body faults are applied while writing the normal answer
        }
    }

    private static async Task WriteAsync(HttpContext ctx, int status, string json, Dictionary<string, string>? headers, Fault? fault)
    {
        HttpResponse res = ctx.Response;
        res.StatusCode = status;
        res.ContentType = "application/json; charset=UTF-8";
        if (headers != null) foreach (var kv in headers) res.Headers[kv.Key] = kv.Value;
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        res.ContentLength = bytes.Length;
        CancellationToken aborted = ctx.RequestAborted;
        try
        {
            switch (fault?.Kind)
            {
                case FaultKind.SlowBody:
                    for (int i = 0; i < bytes.Length; i += 64)
                    {
                        await res.Body.WriteAsync(bytes.AsMemory(i, Math.Min(64, bytes.Length - i)), aborted);
                        await res.Body.FlushAsync(aborted);
                        if (i + 64 < bytes.Length) await Task.Delay(fault.DelayMs, aborted);
                    }
                    return;
                case FaultKind.StallBody:
                    int half = bytes.Length / 2;
                    await res.Body.WriteAsync(bytes.AsMemory(0, half), aborted);
                    await res.Body.FlushAsync(aborted);
                    await Task.Delay(fault.DelayMs, aborted);
                    await res.Body.WriteAsync(bytes.AsMemory(half), aborted);
                    return;
                case FaultKind.CutJson:
                    res.ContentLength = null;
                    byte[] cut = bytes.AsSpan(0, bytes.Length / 2).ToArray();
                    if (fault.Gzip)
                    {
                        res.Headers.ContentEncoding = "gzip";
                        using var packed = new MemoryStream();
                        using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                        {
                            gz.Write(cut);
                        }
                        cut = packed.ToArray();
                    }
                    await res.Body.WriteAsync(cut, aborted);
                    return;
                case FaultKind.FalseGzip:
                    res.Headers.ContentEncoding = "gzip";
                    if (fault.Corrupt)
                    {
                        using var packed = new MemoryStream();
                        using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                        {
                            gz.Write(bytes);
                        }
                        bytes = packed.ToArray();
                        bytes[^8] ^= 0xFF; // the trailer's CRC32 no longer matches the data
                        res.ContentLength = bytes.Length;
                    }
                    await res.Body.WriteAsync(bytes, aborted);
                    return;
                case FaultKind.Truncated:
                    await res.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), aborted);
                    await res.Body.FlushAsync(aborted);
                    await Task.Delay(50, aborted);
                    ctx.Abort();
                    return;
                default:
                    await res.Body.WriteAsync(bytes, aborted);
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its deadline): expected in fault tests.
        }
        catch (IOException)
        {
        }
    }
}
