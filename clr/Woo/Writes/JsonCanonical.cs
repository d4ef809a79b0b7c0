using System.Text;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>
    /// Compact JSON text of a value, written again by <see cref="JsonWriter"/>'s escaping (so two texts that differ only
    /// in white space or escapes compare equal), and WooCommerce's view of a meta value for "is it already set?".
    /// </summary>
    public static class JsonCanonical
    {
        /// <summary>The value as compact JSON: members in their order, strings re-escaped, numbers as written.</summary>
        public static string Write(JsonElement value)
        {
            var sb = new StringBuilder();
            Append(sb, value);
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, JsonElement value)
        {
            switch (value.Kind)
            {
                case JsonValueKind.Object:
                {
                    sb.Append('{');
                    bool first = true;
                    foreach (JsonProperty p in value.EnumerateObject())
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        JsonWriter.AppendString(sb, p.Name);
                        sb.Append(':');
                        Append(sb, p.Value);
                    }
                    sb.Append('}');
                    return;
                }
                case JsonValueKind.Array:
                {
                    sb.Append('[');
                    bool first = true;
                    foreach (JsonElement e in value.EnumerateArray())
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        Append(sb, e);
                    }
                    sb.Append(']');
                    return;
                }
                case JsonValueKind.String:
                    JsonWriter.AppendString(sb, value.GetString());
                    return;
                case JsonValueKind.Number:
                    sb.Append(value.GetNumberText());
                    return;
                case JsonValueKind.True:
                    sb.Append("true");
                    return;
                case JsonValueKind.False:
                    sb.Append("false");
                    return;
                default:
                    sb.Append("null");
                    return;
            }
        }

        /// <summary>
        /// Whether a meta value WooCommerce holds equals the wanted one, as WordPress stores meta: scalars as text, so
        /// "5" equals 5, true equals "1" and false equals ""; objects and arrays by their compact text. A false "not
        /// equal" only costs an idempotent PUT; a false "equal" would skip a write, so nothing looser is accepted.
        /// </summary>
        public static bool MetaValueEquals(JsonElement current, string wantedJson)
        {
            JsonDocument wantedDoc = JsonDocument.Parse(wantedJson);
            JsonElement wanted = wantedDoc.Root;
            string a = ScalarText(current);
            string b = ScalarText(wanted);
            if (a != null || b != null) return a != null && b != null && a == b;
            return Write(current) == Write(wanted);
        }

        /// <summary>The text WordPress stores for a scalar; null for objects, arrays and null.</summary>
        private static string ScalarText(JsonElement v)
        {
            switch (v.Kind)
            {
                case JsonValueKind.String: return v.GetString();
                case JsonValueKind.Number: return v.GetNumberText();
                case JsonValueKind.True: return "1";
                case JsonValueKind.False: return string.Empty;
                default: return null;
            }
        }
    }
}
