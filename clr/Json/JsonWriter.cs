using System;
using System.Globalization;
using System.Text;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// Writes one compact JSON text (request bodies). Strings are escaped per RFC 8259: quote, backslash and every
    /// control character (U+0000..U+001F, as \n, \t, ... or \u00XX), plus U+2028/U+2029 (valid JSON, but line breaks
    /// to JavaScript) and lone surrogates (U+FFFD, as <see cref="JsonReader"/> reads them). Commas and colons are
    /// placed by the writer; a call out of place (a value where a name is due, an unclosed container) throws
    /// <see cref="InvalidOperationException"/>: that is a bug in the caller, never bad input.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _sb;
        // Per open container: whether it is an object, and whether it already holds a member/element.
        private readonly bool[] _isObject = new bool[JsonReader.MaxDepth];
        private readonly bool[] _hasItems = new bool[JsonReader.MaxDepth];
        private int _depth;
        private bool _nameWritten;
        private bool _rootWritten;

        public JsonWriter()
            : this(256)
        {
        }

        public JsonWriter(int capacity)
        {
            _sb = new StringBuilder(capacity);
        }

        public JsonWriter StartObject()
        {
            BeforeValue();
            _sb.Append('{');
            Push(true);
            return this;
        }

        public JsonWriter EndObject()
        {
            Pop(true);
            _sb.Append('}');
            return this;
        }

        public JsonWriter StartArray()
        {
            BeforeValue();
            _sb.Append('[');
            Push(false);
            return this;
        }

        public JsonWriter EndArray()
        {
            Pop(false);
            _sb.Append(']');
            return this;
        }

        /// <summary>A member name inside an object; the value follows with the next call.</summary>
        public JsonWriter Name(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            if (_depth == 0 || !_isObject[_depth - 1] || _nameWritten)
                throw new InvalidOperationException("a property name belongs directly inside an object, before its value");
            if (_hasItems[_depth - 1]) _sb.Append(',');
            _hasItems[_depth - 1] = true;
            AppendString(_sb, name);
            _sb.Append(':');
            _nameWritten = true;
            return this;
        }

        /// <summary>A string value, or null for JSON null.</summary>
        public JsonWriter String(string value)
        {
            BeforeValue();
            if (value == null) _sb.Append("null");
            else AppendString(_sb, value);
            return this;
        }

        public JsonWriter Number(long value)
        {
            BeforeValue();
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Boolean(bool value)
        {
            BeforeValue();
            _sb.Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            BeforeValue();
            _sb.Append("null");
            return this;
        }

        /// <summary>
        /// A value given as JSON text, checked to be exactly one well-formed JSON value (a meta value the caller passed
        /// as JSON). Throws <see cref="JsonParseException"/> when it is not.
        /// </summary>
        public JsonWriter RawValue(string json)
        {
            JsonCheckResult check = JsonDocument.Validate(json);
            if (!check.IsValid) throw new JsonParseException(check.Reason, check.Offset < 0 ? 0 : check.Offset);
            BeforeValue();
            _sb.Append(json.Trim(' ', '\t', '\r', '\n'));
            return this;
        }

        /// <summary>The finished text. Throws when a container is still open or nothing was written.</summary>
        public override string ToString()
        {
            if (_depth != 0 || !_rootWritten) throw new InvalidOperationException("the JSON text is not complete");
            return _sb.ToString();
        }

        /// <summary><paramref name="value"/> as a JSON string literal, quotes included.</summary>
        public static string Quote(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            var sb = new StringBuilder(value.Length + 2);
            AppendString(sb, value);
            return sb.ToString();
        }

        /// <summary>Appends <paramref name="value"/> as a JSON string literal, quotes included.</summary>
        public static void AppendString(StringBuilder sb, string value)
        {
            sb.Append('"');
            int clean = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string escape = null;
                if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029')
                {
                    escape = Escape(c);
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                        continue;
                    }
                    escape = "\\ufffd";
                }
                else if (char.IsLowSurrogate(c))
                {
                    escape = "\\ufffd";
                }
                if (escape == null) continue;
                sb.Append(value, clean, i - clean).Append(escape);
                clean = i + 1;
            }
            sb.Append(value, clean, value.Length - clean);
            sb.Append('"');
        }

        private static string Escape(char c)
        {
            switch (c)
            {
                case '"': return "\\\"";
                case '\\': return "\\\\";
                case '\n': return "\\n";
                case '\r': return "\\r";
                case '\t': return "\\t";
                case '\b': return "\\b";
                case '\f': return "\\f";
                default: return "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            }
        }

        private void BeforeValue()
        {
            if (_depth == 0)
            {
                if (_rootWritten) throw new InvalidOperationException("a JSON text holds exactly one value");
                _rootWritten = true;
                return;
            }
            if (_isObject[_depth - 1])
            {
                if (!_nameWritten) throw new InvalidOperationException("a value inside an object needs its property name first");
                _nameWritten = false;
                return;
            }
            if (_hasItems[_depth - 1]) _sb.Append(',');
            _hasItems[_depth - 1] = true;
        }

        private void Push(bool isObject)
        {
            if (_depth == _isObject.Length) throw new InvalidOperationException("JSON nesting deeper than " + _isObject.Length.ToString(CultureInfo.InvariantCulture));
            _isObject[_depth] = isObject;
            _hasItems[_depth] = false;
            _depth++;
        }

        private void Pop(bool isObject)
        {
            if (_depth == 0 || _isObject[_depth - 1] != isObject || _nameWritten)
                throw new InvalidOperationException("closing " + (isObject ? "an object" : "an array") + " that is not the open container");
            _depth--;
        }
    }
}
