using System;
using System.Collections.Generic;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// One WooCommerce REST call: method, path below the API prefix (e.g. <c>orders</c>, <c>orders/48211/notes</c>),
    /// query parameters in order, and an optional JSON body.
    /// </summary>
    public sealed class WooRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public WooRequest(string method, string path)
        {
            if (method != "GET" && method != "PUT" && method != "POST" && method != "DELETE")
            {
                throw new ArgumentException("method must be GET, PUT, POST or DELETE, not '" + method + "'", "method");
            }
            if (string.IsNullOrEmpty(path) || path.IndexOf('?') >= 0 || path.IndexOf('#') >= 0 || path.IndexOf("..", StringComparison.Ordinal) >= 0
                || path.IndexOf("//", StringComparison.Ordinal) >= 0 || path.IndexOf(':') >= 0)
            {
                throw new ArgumentException("path must be a REST route below the API prefix without query, e.g. 'orders' or 'orders/12/notes'", "path");
            }
            Method = method;
            Path = path.TrimStart('/');
        }

        public static WooRequest Get(string path)
        {
            return new WooRequest("GET", path);
        }

        public static WooRequest Put(string path, string jsonBody)
        {
            return new WooRequest("PUT", path) { JsonBody = jsonBody };
        }

        public static WooRequest Post(string path, string jsonBody)
        {
            return new WooRequest("POST", path) { JsonBody = jsonBody };
        }

        public string Method { get; private set; }

        public string Path { get; private set; }

        /// <summary>UTF-8 JSON sent as the body, or null.</summary>
        public string JsonBody { get; set; }

        /// <summary>
        /// Whether repeating the request after a lost answer is harmless. Null: GET, PUT and DELETE are, POST is not.
        /// A request that is not idempotent is retried only when WooCommerce cannot have acted on it (429, or no
        /// connection was made).
        /// </summary>
        public bool? Idempotent { get; set; }

        public IList<KeyValuePair<string, string>> Query
        {
            get { return _query.AsReadOnly(); }
        }

        public WooRequest AddQuery(string name, string value)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("a query parameter needs a name", "name");
            }
            string lower = name.ToLowerInvariant();
            if (lower == "consumer_key" || lower == "consumer_secret" || lower.StartsWith("oauth_", StringComparison.Ordinal))
            {
                throw new ArgumentException("authentication parameters are added by the client from its options, never by a request", "name");
            }
            _query.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
            return this;
        }

        internal bool IsIdempotent
        {
            get { return Idempotent ?? (Method != "POST"); }
        }
    }
}
