using System;
using System.Collections.Generic;
using System.Text;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// Keeps secrets out of every text the client reports: replaces the values of consumer_key, consumer_secret and
    /// oauth_* credentials in URLs, and any literal occurrence of this client's key or secret, by ***.
    /// </summary>
    public sealed class Redactor
    {
        public const string Mask = "***";

        private readonly List<string> _secrets = new List<string>();

        public Redactor(params string[] secrets)
        {
            if (secrets == null) return;
            foreach (string s in secrets)
            {
                // Very short values would mask ordinary words; WooCommerce keys are ck_/cs_ + 40 hex characters.
                if (!string.IsNullOrEmpty(s) && s.Length >= 4)
                {
                    _secrets.Add(s);
                    string encoded = PercentEncoding.Encode(s);
                    if (encoded != s) _secrets.Add(encoded);
                }
            }
        }

        public static bool IsSecretParameter(string name)
        {
            string n = name.ToLowerInvariant();
            return n == "consumer_key" || n == "consumer_secret" || n == "oauth_consumer_key" || n == "oauth_signature"
                || n == "oauth_token" || n == "oauth_token_secret";
        }

        /// <summary>scheme://host[:port]/path, no query: what messages for a DBA show.</summary>
        public static string WithoutQuery(Uri uri)
        {
            return uri.GetLeftPart(UriPartial.Path);
        }

        /// <summary>The URL with secret parameter values masked (other parameters kept: they help diagnose).</summary>
        public string Url(Uri uri)
        {
            string query = uri.Query;
            if (string.IsNullOrEmpty(query) || query == "?")
            {
                return Text(WithoutQuery(uri));
            }
            var sb = new StringBuilder(WithoutQuery(uri));
            sb.Append('?');
            string[] parts = query.Substring(1).Split('&');
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0) sb.Append('&');
                int eq = parts[i].IndexOf('=');
                string name = eq >= 0 ? parts[i].Substring(0, eq) : parts[i];
                if (eq >= 0 && IsSecretParameter(Uri.UnescapeDataString(name)))
                {
                    sb.Append(name).Append('=').Append(Mask);
                }
                else
                {
                    sb.Append(parts[i]);
                }
            }
            return Text(sb.ToString());
        }

        /// <summary>Any text (an exception message, a body excerpt) with this client's secrets and any
        /// <c>name=value</c> credential parameter masked.</summary>
        public string Text(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            string result = text;
            foreach (string s in _secrets)
            {
                result = ReplaceOrdinal(result, s, Mask);
            }
            return MaskParameters(result);
        }

        private static string MaskParameters(string text)
        {
            string[] names = { "consumer_key=", "consumer_secret=", "oauth_consumer_key=", "oauth_signature=" };
            string result = text;
            foreach (string name in names)
            {
                int start = 0;
                while (true)
                {
                    int at = result.IndexOf(name, start, StringComparison.OrdinalIgnoreCase);
                    if (at < 0) break;
                    int valueStart = at + name.Length;
                    int valueEnd = valueStart;
                    while (valueEnd < result.Length && result[valueEnd] != '&' && result[valueEnd] != ' ' && result[valueEnd] != '"'
                        && result[valueEnd] != '\'' && result[valueEnd] != '\r' && result[valueEnd] != '\n' && result[valueEnd] != '<')
                    {
                        valueEnd++;
                    }
                    result = result.Substring(0, valueStart) + Mask + result.Substring(valueEnd);
                    start = valueStart + Mask.Length;
                }
            }
            return result;
        }

        private static string ReplaceOrdinal(string text, string find, string replacement)
        {
            int at = text.IndexOf(find, StringComparison.Ordinal);
            if (at < 0) return text;
            var sb = new StringBuilder(text.Length);
            int from = 0;
            while (at >= 0)
            {
                sb.Append(text, from, at - from).Append(replacement);
                from = at + find.Length;
                at = text.IndexOf(find, from, StringComparison.Ordinal);
            }
            sb.Append(text, from, text.Length - from);
            return sb.ToString();
        }
    }
}
