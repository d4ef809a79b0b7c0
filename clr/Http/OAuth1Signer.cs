using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// OAuth 1.0a one-legged HMAC-SHA1 signatures as WooCommerce checks them (WC_REST_Authentication, RFC 5849 3.4):
    /// base string = METHOD &amp; enc(scheme://host[:port]/path) &amp; enc(sorted enc(name)=enc(value) joined by &amp;),
    /// key = enc(consumer secret) &amp; (no token secret). The oauth_* parameters travel in the query string.
    /// </summary>
    public sealed class OAuth1Signer
    {
        public const string SignatureMethod = "HMAC-SHA1";

        private readonly string _consumerKey;
        private readonly string _consumerSecret;

        public OAuth1Signer(string consumerKey, string consumerSecret)
        {
            _consumerKey = consumerKey;
            _consumerSecret = consumerSecret;
        }

        /// <summary>
        /// The oauth_* parameters to append to <paramref name="query"/> (oauth_signature last) for a request to
        /// <paramref name="baseUri"/> (scheme, authority and path; no query).
        /// </summary>
        public IList<KeyValuePair<string, string>> Sign(string method, Uri baseUri, IList<KeyValuePair<string, string>> query, DateTime utcNow, string nonce)
        {
            long timestamp = (long)(utcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            var oauth = new List<KeyValuePair<string, string>>();
            oauth.Add(new KeyValuePair<string, string>("oauth_consumer_key", _consumerKey));
            oauth.Add(new KeyValuePair<string, string>("oauth_nonce", nonce));
            oauth.Add(new KeyValuePair<string, string>("oauth_signature_method", SignatureMethod));
            oauth.Add(new KeyValuePair<string, string>("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)));

            var all = new List<KeyValuePair<string, string>>(query);
            all.AddRange(oauth);
            string baseString = BaseString(method, baseUri, all);
            oauth.Add(new KeyValuePair<string, string>("oauth_signature", Signature(baseString)));
            return oauth;
        }

        /// <summary>RFC 5849 3.4.1 signature base string.</summary>
        public static string BaseString(string method, Uri baseUri, IList<KeyValuePair<string, string>> parameters)
        {
            var encoded = new List<KeyValuePair<string, string>>(parameters.Count);
            foreach (KeyValuePair<string, string> p in parameters)
            {
                encoded.Add(new KeyValuePair<string, string>(PercentEncoding.Encode(p.Key), PercentEncoding.Encode(p.Value)));
            }
            encoded.Sort(new EncodedPairComparer());
            var normalized = new StringBuilder();
            for (int i = 0; i < encoded.Count; i++)
            {
                if (i > 0) normalized.Append('&');
                normalized.Append(encoded[i].Key).Append('=').Append(encoded[i].Value);
            }
            return method.ToUpperInvariant() + "&" + PercentEncoding.Encode(NormalizedUri(baseUri)) + "&" + PercentEncoding.Encode(normalized.ToString());
        }

        /// <summary>RFC 5849 3.4.1.2: lower-case scheme and host, default port left out, path as sent, no query.</summary>
        public static string NormalizedUri(Uri uri)
        {
            string scheme = uri.Scheme.ToLowerInvariant();
            string host = uri.Host.ToLowerInvariant();
            bool defaultPort = uri.IsDefaultPort;
            return scheme + "://" + host + (defaultPort ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture)) + uri.AbsolutePath;
        }

        private string Signature(string baseString)
        {
            byte[] key = Encoding.ASCII.GetBytes(PercentEncoding.Encode(_consumerSecret) + "&");
            using (var hmac = new HMACSHA1(key))
            {
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(baseString)));
            }
        }

        /// <summary>Byte order of the encoded name, then of the encoded value (RFC 5849 3.4.1.3.2).</summary>
        private sealed class EncodedPairComparer : IComparer<KeyValuePair<string, string>>
        {
            public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
            {
                int byName = string.CompareOrdinal(x.Key, y.Key);
                return byName != 0 ? byName : string.CompareOrdinal(x.Value, y.Value);
            }
        }
    }
}
