using System.Text;

namespace CpOrders.WooClr.Http
{
    /// <summary>RFC 3986 percent-encoding of UTF-8 (unreserved characters A-Z a-z 0-9 - . _ ~ stay), as OAuth 1.0a
    /// (RFC 5849 3.6) and WooCommerce's <c>wc_rest_urlencode_rfc3986</c> use it.</summary>
    public static class PercentEncoding
    {
        public static string Encode(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }
            const string hex = "0123456789ABCDEF";
            byte[] bytes = new UTF8Encoding(false, true).GetBytes(value);
            var sb = new StringBuilder(bytes.Length * 3);
            foreach (byte b in bytes)
            {
                if ((b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9')
                    || b == (byte)'-' || b == (byte)'.' || b == (byte)'_' || b == (byte)'~')
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('%').Append(hex[b >> 4]).Append(hex[b & 0xF]);
                }
            }
            return sb.ToString();
        }
    }
}
