using System;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// The one place where the store's base URL becomes the API root. A DBA may paste the WordPress Site Address
    /// (<c>https://shop.example.com</c>, <c>https://example.com/shop/</c>) or the REST address WooCommerce shows
    /// (<c>https://shop.example.com/wp-json/wc/v3</c>, with or without trailing slashes): both give
    /// <c>https://shop.example.com/wp-json/wc/v3/</c>. Plain-permalink addresses (<c>?rest_route=/wc/v3</c>) are not
    /// supported: a base URL with a query is refused by <see cref="WooHttpClient"/>.
    /// </summary>
    public static class WooBaseUrl
    {
        /// <summary>
        /// The API root for <paramref name="site"/> (an absolute http(s) URL without query) and the API prefix (e.g.
        /// <c>wp-json/wc/v3/</c>); null with <paramref name="problem"/> set when the URL points elsewhere into the REST
        /// API (e.g. <c>/wp-json/</c> or <c>/wp-json/wc/v2</c>).
        /// </summary>
        public static Uri ApiRoot(Uri site, string apiPrefix, out string problem)
        {
            if ((object)site == null) throw new ArgumentNullException("site");
            problem = null;
            string prefix = (apiPrefix ?? string.Empty).Trim('/');
            string path = site.AbsolutePath.TrimEnd('/');
            if (prefix.Length > 0 && path.EndsWith("/" + prefix, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - prefix.Length - 1).TrimEnd('/');
            }
            string[] segments = path.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                if (string.Equals(segments[i], "wp-json", StringComparison.OrdinalIgnoreCase))
                {
                    problem = "baseUrl " + Redactor.WithoutQuery(site) + " points into the WordPress REST API but not at /" + prefix +
                        ": give the WordPress Site Address (Settings > General), e.g. https://shop.example.com; CpOrders adds /" + prefix + "/ itself";
                    return null;
                }
            }
            string root = site.GetLeftPart(UriPartial.Authority) + path + "/";
            return new Uri(prefix.Length == 0 ? root : root + prefix + "/");
        }
    }
}
