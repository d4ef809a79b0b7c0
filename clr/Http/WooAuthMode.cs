namespace CpOrders.WooClr.Http
{
    /// <summary>How requests prove who they are (WooCommerce REST API keys: consumer key + consumer secret).</summary>
    public enum WooAuthMode
    {
        /// <summary>HTTP Basic (key as user, secret as password). HTTPS only.</summary>
        Basic = 0,

        /// <summary>consumer_key / consumer_secret as query parameters, for hosts that strip the Authorization header.
        /// HTTPS only; the keys then reach the web server's access logs.</summary>
        Query = 1,

        /// <summary>OAuth 1.0a one-legged HMAC-SHA1 signature in the query string. The only mode allowed over plain
        /// http, and only with <see cref="WooHttpOptions.AllowPlainHttp"/>.</summary>
        OAuth1 = 2,
    }
}
