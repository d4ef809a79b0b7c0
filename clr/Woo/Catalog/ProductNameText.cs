using System;
using System.Text;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>
    /// The text policy for a product name that goes from Counterpoint to WooCommerce (issue 14 item 6, design 11).
    /// Counterpoint's IM_ITEM.DESCR / LONG_DESCR are varchar in code page 1252; T-SQL hands them over as nvarchar (the
    /// conversion is exact: 1252 is a subset of Unicode), so nothing is transliterated or lost on the way to the shop.
    /// What the policy does:
    /// - control characters (tab, CR, LF, ...) become a space, and the ends are trimmed (Counterpoint pads nothing, but
    ///   an item edited from an import may carry a trailing tab or line break that a shop title must not show);
    /// - an empty name is never sent: a name CpOrders cannot give is left to WooCommerce;
    /// - &amp;, &lt; and &gt; are sent as the entities &amp;amp; &amp;lt; &amp;gt;: WooCommerce's REST controller stores the
    ///   name through wp_filter_post_kses, which turns a bare '&amp;' into '&amp;amp;' (wp_kses_normalize_entities) and
    ///   treats '&lt;' as the start of a tag; sending the escaped form stores exactly what was sent, and the shop shows
    ///   the plain text;
    /// - names compare as plain text: both sides are decoded (&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#039; &amp;#39;)
    ///   and compared ordinally, so "A &amp;amp; B" in the shop equals "A &amp; B" in Counterpoint and nothing is resent.
    /// </summary>
    public static class ProductNameText
    {
        /// <summary>The longest name the sync sends (woo.CatalogItem.WooName / SentName are nvarchar(400)).</summary>
        public const int MaxLength = 400;

        /// <summary>Counterpoint's text as WooCommerce should store it, or null when there is nothing to send.</summary>
        public static string ToWoo(string counterpointText)
        {
            string plain = Clean(counterpointText);
            if (plain == null) return null;
            var sb = new StringBuilder(plain.Length + 16);
            foreach (char c in plain)
            {
                if (c == '&') sb.Append("&amp;");
                else if (c == '<') sb.Append("&lt;");
                else if (c == '>') sb.Append("&gt;");
                else sb.Append(c);
            }
            string encoded = sb.ToString();
            return encoded.Length > MaxLength ? null : encoded;
        }

        /// <summary>The same name for a shopper: equal after decoding the entities WordPress writes and trimming.</summary>
        public static bool Same(string a, string b)
        {
            string x = Decode(Clean(a)) ?? string.Empty, y = Decode(Clean(b)) ?? string.Empty;
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        /// <summary>Control characters to spaces, trimmed; null when nothing is left.</summary>
        private static string Clean(string s)
        {
            if (s == null) return null;
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
                sb.Append(char.IsControl(c) ? ' ' : c);
            string t = sb.ToString().Trim();
            return t.Length == 0 ? null : t;
        }

        private static string Decode(string s)
        {
            if (s == null || s.IndexOf('&') < 0) return s;
            return s.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&#039;", "'").Replace("&#39;", "'")
                    .Replace("&amp;", "&");
        }
    }
}
