using System.Text;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// TEMPORARY, to be replaced by the shared JSON reader (clr/Json) once it lands: a minimal scanner that reads the
    /// top-level string members "code" and "message" of a WooCommerce/WordPress error body
    /// (<c>{"code": "...", "message": "...", "data": {"status": 401}}</c>), and a cheap shape check of a JSON text.
    /// It is deliberately not a JSON parser: it only walks strings and brackets.
    /// </summary>
    public static class ErrorBody
    {
        /// <summary>Reads top-level "code" and "message" string values; false when the text is not such an object.</summary>
        public static bool TryRead(string json, out string code, out string message)
        {
            code = null;
            message = null;
            if (string.IsNullOrEmpty(json)) return false;
            int i = SkipSpace(json, 0);
            if (i >= json.Length || json[i] != '{') return false;
            i++;
            int depth = 1;
            bool expectKey = true;
            string pendingKey = null;
            while (i < json.Length && depth > 0)
            {
                char c = json[i];
                if (c == '"')
                {
                    string s;
                    int next = ReadString(json, i, out s);
                    if (next < 0) return code != null || message != null;
                    if (depth == 1 && expectKey)
                    {
                        pendingKey = s;
                    }
                    else if (depth == 1 && pendingKey != null)
                    {
                        if (pendingKey == "code") code = s;
                        else if (pendingKey == "message") message = s;
                        pendingKey = null;
                    }
                    i = next;
                    continue;
                }
                if (c == '{' || c == '[') depth++;
                else if (c == '}' || c == ']') depth--;
                else if (depth == 1 && c == ':') expectKey = false;
                else if (depth == 1 && c == ',') { expectKey = true; pendingKey = null; }
                i++;
            }
            return code != null || message != null;
        }

        /// <summary>
        /// True when the text is one JSON object or array with balanced brackets outside strings, closed strings and
        /// nothing but white space after it. Catches truncated bodies and PHP warnings printed around the JSON; the
        /// real reader validates the rest.
        /// </summary>
        public static bool LooksLikeCompleteJson(string json, out string problem)
        {
            problem = null;
            int i = SkipSpace(json, 0);
            if (i >= json.Length)
            {
                problem = "the body is empty";
                return false;
            }
            if (json[i] != '{' && json[i] != '[')
            {
                problem = "the body does not start with { or [";
                return false;
            }
            int depth = 0;
            while (i < json.Length)
            {
                char c = json[i];
                if (c == '"')
                {
                    string ignored;
                    int next = ReadString(json, i, out ignored);
                    if (next < 0)
                    {
                        problem = "a string is not closed (the body was cut off?)";
                        return false;
                    }
                    i = next;
                    continue;
                }
                if (c == '{' || c == '[') depth++;
                else if (c == '}' || c == ']')
                {
                    depth--;
                    if (depth < 0)
                    {
                        problem = "a bracket closes that was never opened";
                        return false;
                    }
                    if (depth == 0)
                    {
                        int after = SkipSpace(json, i + 1);
                        if (after < json.Length)
                        {
                            problem = "text follows the JSON value at character " + after + " (a PHP warning or a plugin's output?)";
                            return false;
                        }
                        return true;
                    }
                }
                i++;
            }
            problem = "the JSON value is not closed (the body was cut off?)";
            return false;
        }

        private static int SkipSpace(string s, int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == '\uFEFF')) i++;
            return i;
        }

        /// <summary>Reads the string starting at the quote at <paramref name="start"/>; returns the index after the
        /// closing quote, or -1 if it is not closed.</summary>
        private static int ReadString(string s, int start, out string value)
        {
            var sb = new StringBuilder();
            int i = start + 1;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == '"')
                {
                    value = sb.ToString();
                    return i + 1;
                }
                if (c == '\\' && i + 1 < s.Length)
                {
                    char e = s[i + 1];
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            int code;
                            if (i + 5 < s.Length && int.TryParse(s.Substring(i + 2, 4), System.Globalization.NumberStyles.HexNumber,
                                    System.Globalization.CultureInfo.InvariantCulture, out code))
                            {
                                sb.Append((char)code);
                                i += 6;
                                continue;
                            }
                            sb.Append('?');
                            break;
                        default: sb.Append(e); break;
                    }
                    i += 2;
                    continue;
                }
                sb.Append(c);
                i++;
            }
            value = sb.ToString();
            return -1;
        }
    }
}
