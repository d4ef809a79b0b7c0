using System;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Orders
{
    /// <summary>Where a field sits in the order, for messages only: "order", "billing", "line_items line 3".</summary>
    internal struct FieldScope
    {
        private readonly string _section;
        private readonly int _lineNo;

        public FieldScope(string section, int lineNo)
        {
            _section = section;
            _lineNo = lineNo;
        }

        public string Describe(string field)
        {
            if (_section == null) return "order field '" + field + "'";
            if (_lineNo <= 0) return _section + " field '" + field + "'";
            return _section + " line " + _lineNo.ToString(CultureInfo.InvariantCulture) + " field '" + field + "'";
        }
    }

    /// <summary>
    /// Reads one WooCommerce field into a typed value. Missing or JSON null gives null everywhere; a value of the wrong
    /// form throws <see cref="JsonParseException"/> naming the field and its position. Text over its column's size is an
    /// error, never truncated.
    /// </summary>
    internal static class WooFields
    {
        /// <summary>Text: a string (unescaped) or a number (its source text, e.g. a numeric postcode).</summary>
        public static string Text(JsonElement obj, string name, FieldScope scope, int maxLength)
        {
            JsonElement v = obj.Property(name);
            string text;
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    text = v.GetString();
                    break;
                case JsonValueKind.Number:
                    text = v.GetRawText();
                    break;
                default:
                    throw Wrong(v, scope, name, "a string");
            }
            if (maxLength > 0 && text.Length > maxLength)
            {
                throw new JsonParseException(scope.Describe(name) + " is " + text.Length.ToString(CultureInfo.InvariantCulture) +
                    " characters long; its column holds at most " + maxLength.ToString(CultureInfo.InvariantCulture), v.Offset);
            }
            return text;
        }

        /// <summary>An id: a JSON integer, or a string of digits (WooCommerce sends instance_id as "3"); "" is null.</summary>
        public static long? Id(JsonElement obj, string name, FieldScope scope)
        {
            JsonElement v = obj.Property(name);
            string text;
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    text = v.GetRawText();
                    break;
                case JsonValueKind.String:
                    text = v.GetString();
                    if (text.Length == 0) return null;
                    break;
                default:
                    throw Wrong(v, scope, name, "an integer id");
            }
            long value;
            if (!TryParseInteger(text, out value))
            {
                throw new JsonParseException(scope.Describe(name) + ": '" + Shorten(text) + "' is not an integer id", v.Offset);
            }
            return value;
        }

        /// <summary>An amount: a money string ("12.50") or a JSON number; "" is null. See <see cref="Money"/>.</summary>
        public static decimal? Amount(JsonElement obj, string name, FieldScope scope)
        {
            return ExactDecimal(obj, name, scope, true, "an amount");
        }

        /// <summary>A quantity or rate: a JSON number or a numeric string, exactly, at most 4 decimals (as an amount).</summary>
        public static decimal? Decimal(JsonElement obj, string name, FieldScope scope)
        {
            return ExactDecimal(obj, name, scope, false, "a number");
        }

        /// <summary>Amounts and numbers alike: JSON numbers from their exact text; strings as money strings
        /// (<paramref name="moneyString"/>) or as number text. "" is null; never rounded.</summary>
        private static decimal? ExactDecimal(JsonElement obj, string name, FieldScope scope, bool moneyString, string what)
        {
            JsonElement v = obj.Property(name);
            decimal value;
            string error;
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                {
                    string text = v.GetString();
                    if (text.Length == 0) return null;
                    bool ok = moneyString ? Money.TryParseString(text, out value, out error) : Money.TryParseNumberText(text, out value, out error);
                    if (ok) return value;
                    break;
                }
                case JsonValueKind.Number:
                    if (Money.TryParseNumberText(v.GetRawText(), out value, out error)) return value;
                    break;
                default:
                    throw Wrong(v, scope, name, what);
            }
            throw new JsonParseException(scope.Describe(name) + ": " + error, v.Offset);
        }

        /// <summary>A number kept as its exact source text (line price: an unrounded float, for reference only).</summary>
        public static string NumberText(JsonElement obj, string name, FieldScope scope, int maxLength)
        {
            JsonElement v = obj.Property(name);
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    return Limit(v.GetRawText(), v, name, scope, maxLength);
                case JsonValueKind.String:
                {
                    string text = v.GetString();
                    if (text.Length == 0) return null;
                    if (!IsJsonNumber(text)) throw new JsonParseException(scope.Describe(name) + ": '" + Shorten(text) + "' is not a number", v.Offset);
                    return Limit(text, v, name, scope, maxLength);
                }
                default:
                    throw Wrong(v, scope, name, "a number");
            }
        }

        /// <summary>A *_gmt date (see <see cref="GmtDate"/>); "" is null.</summary>
        public static DateTime? Date(JsonElement obj, string name, FieldScope scope)
        {
            JsonElement v = obj.Property(name);
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                {
                    string text = v.GetString();
                    if (text.Length == 0) return null;
                    DateTime value;
                    string error;
                    if (GmtDate.TryParse(text, out value, out error)) return value;
                    throw new JsonParseException(scope.Describe(name) + ": " + error, v.Offset);
                }
                default:
                    throw Wrong(v, scope, name, "a date string");
            }
        }

        /// <summary>true/false.</summary>
        public static bool? Boolean(JsonElement obj, string name, FieldScope scope)
        {
            JsonElement v = obj.Property(name);
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    throw Wrong(v, scope, name, "true or false");
            }
        }

        /// <summary>A nested object (billing, shipping); missing or null gives default (Kind Undefined or Null).</summary>
        public static JsonElement Object(JsonElement obj, string name, FieldScope scope)
        {
            JsonElement v = obj.Property(name);
            if (v.IsNullOrMissing || v.Kind == JsonValueKind.Object) return v;
            throw Wrong(v, scope, name, "an object");
        }

        /// <summary>An array of objects (line_items, ...): missing or null has no elements; a non-object element is an error.</summary>
        public static JsonElement ArrayOfObjects(JsonElement obj, string name, FieldScope scope)
        {
            JsonElement v = obj.Property(name);
            if (v.IsNullOrMissing) return v;
            if (v.Kind != JsonValueKind.Array) throw Wrong(v, scope, name, "an array");
            int n = 0;
            foreach (JsonElement e in v.EnumerateArray())
            {
                n++;
                if (e.Kind != JsonValueKind.Object)
                {
                    throw new JsonParseException(name + " line " + n.ToString(CultureInfo.InvariantCulture) + " is " + JsonElement.Describe(e.Kind) + ", not an object", e.Offset);
                }
            }
            return v;
        }

        /// <summary>A meta value as text: a string unescaped; a number, true, false as their JSON text; an object or array as its exact JSON text; null as null.</summary>
        public static string ValueText(JsonElement v)
        {
            switch (v.Kind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    return v.GetString();
                default:
                    return v.GetRawText();
            }
        }

        internal static bool TryParseInteger(string text, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (text.Length > 0 && text[0] == '-')
            {
                negative = true;
                i = 1;
            }
            if (i >= text.Length || text.Length - i > 19) return false;
            ulong magnitude = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return false;
                magnitude = magnitude * 10 + (ulong)(c - '0');
            }
            if (negative)
            {
                if (magnitude > 9223372036854775808UL) return false;
                value = magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude;
                return true;
            }
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
            return true;
        }

        private static bool IsJsonNumber(string text)
        {
            var reader = new JsonReader(text);
            return reader.TryRead() && reader.TokenType == JsonTokenType.Number && !reader.TryRead() && reader.Error == null;
        }

        private static string Limit(string text, JsonElement v, string name, FieldScope scope, int maxLength)
        {
            if (text.Length > maxLength)
            {
                throw new JsonParseException(scope.Describe(name) + " is " + text.Length.ToString(CultureInfo.InvariantCulture) +
                    " characters long; its column holds at most " + maxLength.ToString(CultureInfo.InvariantCulture), v.Offset);
            }
            return text;
        }

        private static JsonParseException Wrong(JsonElement v, FieldScope scope, string name, string expected)
        {
            return new JsonParseException(scope.Describe(name) + " must be " + expected + ", found " + JsonElement.Describe(v.Kind), v.Offset);
        }

        private static string Shorten(string s)
        {
            return s.Length <= 40 ? s : s.Substring(0, 40) + "...";
        }
    }
}
