namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// Everything a <see cref="WooHttpClient"/> needs to know about one shop. Defaults are the safe choice; the client
    /// validates the whole set once, in its constructor, and reports every problem together.
    /// </summary>
    public sealed class WooHttpOptions
    {
        public const int DefaultRequestTimeoutMs = 30000;
        public const int DefaultTotalBudgetMs = 120000;
        /// <summary>
        /// 8 MB: a page of 100 orders at 5-20 KB each is 0.5-2 MB. The body is held in sqlservr's CLR memory (MemoryStream
        /// plus the UTF-16 string, about 3x); on a small server, SQL Server answers CLR memory pressure by unloading the
        /// AppDomain (every CLR call in the database fails meanwhile), so the default stays well below that.
        /// </summary>
        public const long DefaultMaxResponseBytes = 8L * 1024 * 1024;

        /// <summary>The WordPress site address, e.g. <c>https://shop.example.com</c> or <c>https://example.com/shop</c>.</summary>
        public string BaseUrl { get; set; }

        /// <summary>The REST namespace below the site address.</summary>
        public string ApiPrefix { get; set; } = "wp-json/wc/v3/";

        public WooAuthMode AuthMode { get; set; } = WooAuthMode.Basic;

        public string ConsumerKey { get; set; }

        public string ConsumerSecret { get; set; }

        /// <summary>Allow a plain http base URL. Only with <see cref="WooAuthMode.OAuth1"/>; Basic and Query are always refused over http.</summary>
        public bool AllowPlainHttp { get; set; }

        /// <summary>An explicit proxy, e.g. <c>http://proxy.corp:8080</c>. Null (default): no proxy at all; the
        /// machine-wide default proxy (WebRequest.DefaultWebProxy) is never used.</summary>
        public string ProxyUrl { get; set; }

        public bool KeepAlive { get; set; } = true;

        /// <summary>Null: <c>CpOrders/&lt;version&gt;</c>. Hosts that block unknown agents can allow-list this value.</summary>
        public string UserAgent { get; set; }

        /// <summary>One request: connect, headers and the whole body.</summary>
        public int RequestTimeoutMs { get; set; } = DefaultRequestTimeoutMs;

        /// <summary>One call: every request, every wait between retries.</summary>
        public int TotalBudgetMs { get; set; } = DefaultTotalBudgetMs;

        /// <summary>Largest response body accepted (after decompression).</summary>
        public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        /// <summary>Requests per call, the first included (1 = no retry).</summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>First backoff step; doubles per retry up to <see cref="BackoffMaxMs"/>, with jitter (half fixed, half random).</summary>
        public int BackoffBaseMs { get; set; } = 1000;

        public int BackoffMaxMs { get; set; } = 30000;

        /// <summary>A Retry-After longer than this is shortened to this.</summary>
        public int RetryAfterMaxMs { get; set; } = 60000;

        public WooHttpOptions Clone()
        {
            return (WooHttpOptions)MemberwiseClone();
        }
    }
}
