using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>
    /// Fetches one keyset page from WooCommerce: GET orders?orderby=modified&amp;order=asc&amp;modified_after=…
    /// [&amp;modified_before=U]&amp;dates_are_gmt=true&amp;exclude=…&amp;per_page=…&amp;page=1, and splits the JSON array into
    /// orders (id, status, date_modified_gmt and the order object's own text); reports the answer's Date header and how
    /// long the page took (the puller's upper bound). One budget covers every page of a call: no page starts with less
    /// than <see cref="MinRequestBudgetMs"/> left, and each page may use only what is left.
    /// </summary>
    public sealed class HttpOrderPageSource : IOrderPageSource
    {
        private readonly WooHttpOptions _options;
        private readonly Stopwatch _callClock;
        private readonly long _callBudgetMs;
        private readonly SystemHttpEnvironment _system;
        private readonly IHttpClock _clock;
        private readonly INonceSource _nonces;
        private readonly ISleeper _sleeper;
        private readonly IJitterSource _jitter;
        private readonly string _resource;
        private readonly IList<KeyValuePair<string, string>> _extraQuery;

        public HttpOrderPageSource(WooHttpOptions options)
            : this(options, null, null, null, null)
        {
        }

        /// <summary>With a test clock, nonces, sleeper and jitter (null: the real ones).</summary>
        public HttpOrderPageSource(WooHttpOptions options, IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
            : this(options, "orders", null, clock, nonces, sleeper, jitter)
        {
        }

        /// <summary>
        /// The same keyset pages of another post-based list (products, products/{id}/variations, variations): WooCommerce's
        /// CRUD controllers share orderby=modified, modified_after/before, dates_are_gmt, exclude and per_page.
        /// <paramref name="extraQuery"/> holds name/value pairs sent on every page (e.g. _fields); null for none.
        /// </summary>
        public HttpOrderPageSource(WooHttpOptions options, string resource, IList<KeyValuePair<string, string>> extraQuery,
            IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
        {
            _resource = resource;
            _extraQuery = extraQuery ?? new KeyValuePair<string, string>[0];
            _options = options.Clone();
            _callBudgetMs = options.TotalBudgetMs;
            _callClock = Stopwatch.StartNew();
            _system = new SystemHttpEnvironment();
            _clock = clock ?? _system;
            _nonces = nonces ?? _system;
            _sleeper = sleeper ?? _system;
            _jitter = jitter ?? _system;
        }

        /// <summary>The smallest budget a request is sent with (the HTTP client refuses less).</summary>
        public const int MinRequestBudgetMs = 100;

        /// <summary>Never throws for a non-fatal exception: it becomes an error page (the puller's final 'error' row).</summary>
        public OrderPage Fetch(OrderPageQuery query)
        {
            try
            {
                return FetchPage(query);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                string message = "CPO-INTERNAL: unexpected " + ex.GetType().Name + " while requesting a page of " + _resource + ": " + ex.Message;
                return new OrderPage(0, new OrderSummary[0], 0, 0, new Redactor(_options.ConsumerKey, _options.ConsumerSecret).Text(message));
            }
        }

        private OrderPage FetchPage(OrderPageQuery query)
        {
            long left = _callBudgetMs - _callClock.ElapsedMilliseconds;
            if (left < MinRequestBudgetMs)
                return new OrderPage(0, new OrderSummary[0], 0, 0, string.Format(CultureInfo.InvariantCulture,
                    "CPO-HTTP-BUDGET: the call's total budget of {0} s was spent before the next page; the orders returned so far are complete up to the time on this row.",
                    _callBudgetMs / 1000));
            WooHttpOptions options = _options.Clone();
            options.TotalBudgetMs = (int)Math.Min(int.MaxValue, left);
            var client = new WooHttpClient(options, _clock, _nonces, _sleeper, _jitter);

            WooRequest request = WooRequest.Get(_resource)
                .AddQuery("orderby", "modified")
                .AddQuery("order", "asc")
                .AddQuery("modified_after", query.ModifiedAfterUtc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            if (query.ModifiedBeforeUtc.HasValue)
                request.AddQuery("modified_before", query.ModifiedBeforeUtc.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            request.AddQuery("dates_are_gmt", "true")
                .AddQuery("per_page", query.PageSize.ToString(CultureInfo.InvariantCulture))
                .AddQuery("page", "1");
            if (!string.IsNullOrEmpty(query.Statuses))
                request.AddQuery("status", query.Statuses);
            if (query.ExcludeIds.Count > 0)
                request.AddQuery("exclude", JoinIds(query.ExcludeIds));
            foreach (KeyValuePair<string, string> extra in _extraQuery)
                request.AddQuery(extra.Key, extra.Value);

            DateTime sentUtc = _clock.UtcNow;
            Stopwatch took = Stopwatch.StartNew();
            WooHttpResult result = client.Send(request);
            long elapsedMs = Math.Max(took.ElapsedMilliseconds, (long)result.Elapsed.TotalMilliseconds);
            if (!result.Succeeded)
                return new OrderPage(result.StatusCode, new OrderSummary[0], result.Requests, result.Retries,
                    result.ErrorCode + ": " + result.ErrorMessage);

            string problem;
            IList<OrderSummary> orders = Split(result.Body, out problem);
            if (problem != null)
                return new OrderPage(result.StatusCode, new OrderSummary[0], result.Requests, result.Retries,
                    "CPO-WOO-PAGE: " + problem + " (" + result.Endpoint + ")");
            return new OrderPage(result.StatusCode, orders, result.Requests, result.Retries, null,
                ParseHttpDate(result.GetHeader("Date")), elapsedMs, sentUtc);
        }

        /// <summary>An HTTP Date header (RFC 9110: IMF-fixdate, or the obsolete RFC 850 and asctime forms) as UTC, or
        /// null when missing or not a date.</summary>
        public static DateTime? ParseHttpDate(string value)
        {
            if (string.IsNullOrEmpty(value))
                return null;
            string v = value.Trim();
            DateTime parsed;
            if (DateTime.TryParseExact(v, HttpDateFormats(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out parsed))
                return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return null;
        }

        private static string[] HttpDateFormats()
        {
            return new[] { "r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy" };
        }

        /// <summary>A page's JSON array as order summaries; a page that is not an array of orders is an error, not a guess.</summary>
        public static IList<OrderSummary> Split(string body, out string problem)
        {
            problem = null;
            var orders = new List<OrderSummary>();
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonParseException ex)
            {
                problem = "the page is not valid JSON: " + ex.Message;
                return orders;
            }
            JsonElement root = doc.Root;
            if (root.Kind != JsonValueKind.Array)
            {
                problem = "the page is not a JSON array of orders but " + JsonElement.Describe(root.Kind);
                return orders;
            }
            int position = 0;
            foreach (JsonElement item in root.EnumerateArray())
            {
                position++;
                if (item.Kind != JsonValueKind.Object)
                {
                    problem = "item " + position.ToString(CultureInfo.InvariantCulture) + " of the page is not an order object";
                    return orders;
                }
                JsonElement id = item.Property("id");
                long orderId;
                if (id.Kind != JsonValueKind.Number || !long.TryParse(id.GetNumberText(), NumberStyles.None, CultureInfo.InvariantCulture, out orderId))
                {
                    problem = "item " + position.ToString(CultureInfo.InvariantCulture) + " of the page has no numeric id";
                    return orders;
                }
                JsonElement status = item.Property("status");
                JsonElement modified = item.Property("date_modified_gmt");
                DateTime? modifiedUtc = null;
                DateTime parsed;
                string dateError;
                if (modified.Kind == JsonValueKind.String && GmtDate.TryParse(modified.GetString(), out parsed, out dateError))
                    modifiedUtc = parsed;
                orders.Add(new OrderSummary(orderId, status.Kind == JsonValueKind.String ? status.GetString() : null, modifiedUtc, item.GetRawText()));
            }
            return orders;
        }

        private static string JoinIds(IList<long> ids)
        {
            var sb = new StringBuilder(ids.Count * 8);
            for (int i = 0; i < ids.Count; i++)
            {
                if (i > 0)
                    sb.Append(',');
                sb.Append(ids[i].ToString(CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
    }
}
