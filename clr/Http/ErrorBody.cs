using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// Reads WooCommerce/WordPress error bodies (<c>{"code": "...", "message": "...", "data": {"status": 401}}</c>) and
    /// checks that a 2xx body is one complete JSON object or array, both with the shared strict reader (clr/Json).
    /// </summary>
    public static class ErrorBody
    {
        /// <summary>
        /// Reads the top-level string members "code" and "message"; false when the text does not start with such an
        /// object. Text after the object (a PHP warning printed after the JSON) does not hide the code.
        /// </summary>
        public static bool TryRead(string json, out string code, out string message)
        {
            code = null;
            message = null;
            if (string.IsNullOrEmpty(json)) return false;
            int start = Start(json);
            int end = RootEnd(json, start);
            if (end < 0) return false;
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(json, start, end).Root;
            }
            catch (JsonParseException)
            {
                return false;
            }
            if (root.Kind != JsonValueKind.Object) return false;
            JsonElement c = root.Property("code");
            JsonElement m = root.Property("message");
            if (c.Kind == JsonValueKind.String) code = c.GetString();
            if (m.Kind == JsonValueKind.String) message = m.GetString();
            return code != null || message != null;
        }

        /// <summary>
        /// True when the text is exactly one well-formed JSON object or array (white space around it allowed). Catches
        /// truncated bodies and PHP warnings printed around the JSON, with a sentence saying which.
        /// </summary>
        public static bool LooksLikeCompleteJson(string json, out string problem)
        {
            bool endsEarly;
            return LooksLikeCompleteJson(json, out problem, out endsEarly);
        }

        /// <summary>
        /// As <see cref="LooksLikeCompleteJson(string, out string)"/>; <paramref name="endsEarly"/> is true when the text
        /// starts as a JSON object or array that is still open where the text ends (a truncated answer).
        /// </summary>
        public static bool LooksLikeCompleteJson(string json, out string problem, out bool endsEarly)
        {
            problem = null;
            endsEarly = false;
            if (json == null || json.Trim(' ', '\t', '\r', '\n', '\uFEFF').Length == 0)
            {
                problem = "the body is empty";
                return false;
            }
            int start = Start(json);
            int first = start;
            while (first < json.Length && (json[first] == ' ' || json[first] == '\t' || json[first] == '\r' || json[first] == '\n')) first++;
            if (json[first] != '{' && json[first] != '[')
            {
                problem = "the body does not start with { or [";
                return false;
            }
            var reader = new JsonReader(json, start, json.Length);
            int rootEnd = -1;
            while (reader.TryRead())
            {
                if (reader.Depth == 0 && (reader.TokenType == JsonTokenType.EndObject || reader.TokenType == JsonTokenType.EndArray))
                {
                    rootEnd = reader.TokenEnd;
                }
            }
            if (reader.Error == null) return true;
            string position = (reader.ErrorOffset + 1).ToString(CultureInfo.InvariantCulture);
            if (rootEnd >= 0)
            {
                problem = "text follows the JSON value at character " + position + " (a PHP warning or a plugin's output?)";
            }
            else if (reader.ErrorOffset >= json.Length)
            {
                endsEarly = true;
                problem = "the JSON value is not closed (the body was cut off?): " + reader.Error;
            }
            else
            {
                problem = "invalid JSON at character " + position + ": " + reader.Error;
            }
            return false;
        }

        /// <summary>Index after a leading byte-order mark, if any.</summary>
        private static int Start(string json)
        {
            return json.Length > 0 && json[0] == '\uFEFF' ? 1 : 0;
        }

        /// <summary>The index just after the first top-level value, or -1 when it is not a complete object or array.</summary>
        private static int RootEnd(string json, int start)
        {
            var reader = new JsonReader(json, start, json.Length);
            while (reader.TryRead())
            {
                if (reader.Depth == 0)
                {
                    JsonTokenType t = reader.TokenType;
                    return t == JsonTokenType.EndObject || t == JsonTokenType.EndArray ? reader.TokenEnd : -1;
                }
            }
            return -1;
        }
    }
}
