using System;
using System.Globalization;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// A forward-only JSON tokenizer over a string (RFC 8259, strict: no comments, no trailing commas, no single quotes,
    /// no NaN). Iterative: nesting is tracked in a 64-bit mask, so it never recurses and never overflows the stack; nesting
    /// deeper than <see cref="MaxDepth"/> is an error. Every step advances through the text, so it cannot hang.
    /// Tokens are reported as positions in the text; nothing is copied until <see cref="GetString"/> or
    /// <see cref="GetRawText"/> is called.
    /// </summary>
    /// <example>
    /// Split a page (a JSON array of orders) into order texts:
    /// <code>
    /// var r = new JsonReader(page);
    /// r.Read();                                   // StartArray (check r.TokenType)
    /// while (r.Read() &amp;&amp; r.TokenType != JsonTokenType.EndArray)
    ///     orders.Add(r.ReadRawValue());           // the exact text of one order object
    /// </code>
    /// </example>
    public sealed class JsonReader
    {
        /// <summary>The deepest nesting accepted (objects and arrays); the same default as Newtonsoft.Json and System.Text.Json.</summary>
        public const int MaxDepth = 64;

        private enum Expect : byte
        {
            RootValue,
            Value,
            ValueOrEndArray,
            NameOrEndObject,
            CommaOrEnd,
            Done,
        }

        private readonly string _text;
        private readonly int _end;
        private int _pos;
        private ulong _objects;
        private int _depth;
        private Expect _expect;
        private JsonTokenType _token;
        private int _tokenStart;
        private int _tokenEnd;
        private bool _escaped;
        private string _error;
        private int _errorOffset;

        public JsonReader(string text)
            : this(text, 0, text == null ? 0 : text.Length)
        {
        }

        /// <summary>Reads one JSON value in text[start, end).</summary>
        public JsonReader(string text, int start, int end)
        {
            if (text == null) throw new ArgumentNullException("text");
            if (start < 0 || end > text.Length || start > end) throw new ArgumentOutOfRangeException("start");
            _text = text;
            _pos = start;
            _end = end;
            _expect = Expect.RootValue;
            _errorOffset = -1;
        }

        public string Text
        {
            get { return _text; }
        }

        public JsonTokenType TokenType
        {
            get { return _token; }
        }

        /// <summary>Index of the token's first character (the opening quote of a string or name).</summary>
        public int TokenStart
        {
            get { return _tokenStart; }
        }

        /// <summary>Index just after the token (after the closing quote of a string or name).</summary>
        public int TokenEnd
        {
            get { return _tokenEnd; }
        }

        /// <summary>Open objects and arrays after this token (a StartObject at the root gives 1, its EndObject 0).</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Whether the current string or property name contains backslash escapes.</summary>
        public bool TokenHasEscapes
        {
            get { return _escaped; }
        }

        /// <summary>Why the text is not valid JSON (null while it is); see <see cref="ErrorOffset"/>.</summary>
        public string Error
        {
            get { return _error; }
        }

        /// <summary>0-based index of the error, or -1.</summary>
        public int ErrorOffset
        {
            get { return _errorOffset; }
        }

        /// <summary>Reads the next token; false at the end of the text. Throws <see cref="JsonParseException"/> on malformed JSON.</summary>
        public bool Read()
        {
            if (TryRead()) return true;
            if (_error != null) throw new JsonParseException(_error, _errorOffset);
            return false;
        }

        /// <summary>Reads the next token; false at the end of the text or on malformed JSON (then <see cref="Error"/> is set). Never throws.</summary>
        public bool TryRead()
        {
            if (_error != null) return false;
            int p = SkipWhitespace(_pos);
            switch (_expect)
            {
                case Expect.Done:
                    if (p < _end) return Fail("unexpected " + Describe(p) + " after the end of the JSON value", p);
                    _pos = p;
                    _token = JsonTokenType.None;
                    _tokenStart = _tokenEnd = p;
                    return false;
                case Expect.CommaOrEnd:
                {
                    bool inObject = InObject;
                    if (p >= _end)
                    {
                        return Fail(inObject ? "the text ends inside an object: expected ',' or '}'" : "the text ends inside an array: expected ',' or ']'", p);
                    }
                    char c = _text[p];
                    if (c == ',')
                    {
                        p = SkipWhitespace(p + 1);
                        return inObject ? ReadName(p) : ReadValue(p);
                    }
                    if ((c == '}' && inObject) || (c == ']' && !inObject)) return Close(p);
                    return Fail((inObject ? "expected ',' or '}' after a property value, found " : "expected ',' or ']' after an array element, found ") + Describe(p), p);
                }
                case Expect.NameOrEndObject:
                    if (p < _end && _text[p] == '}') return Close(p);
                    return ReadName(p);
                case Expect.ValueOrEndArray:
                    if (p < _end && _text[p] == ']') return Close(p);
                    return ReadValue(p);
                default:
                    return ReadValue(p);
            }
        }

        /// <summary>
        /// Skips the current value: after a PropertyName its value, after StartObject/StartArray everything up to the
        /// matching end token (which becomes the current token). A scalar is already complete.
        /// </summary>
        public void Skip()
        {
            if (!TrySkip()) throw new JsonParseException(_error ?? "the text ends inside a value", _error != null ? _errorOffset : _end);
        }

        /// <summary><see cref="Skip"/> without exceptions: false on malformed JSON (see <see cref="Error"/>).</summary>
        public bool TrySkip()
        {
            if (_token == JsonTokenType.PropertyName && !TryRead()) return false;
            if (_token != JsonTokenType.StartObject && _token != JsonTokenType.StartArray) return _error == null;
            int depth = _depth - 1;
            while (_depth > depth)
            {
                if (!TryRead()) return false;
            }
            return true;
        }

        /// <summary>
        /// At a value (or a property name: its value), skips the value and returns its exact source text: an object or
        /// array from its bracket to the matching one, a string with its quotes and escapes as written.
        /// </summary>
        public string ReadRawValue()
        {
            if (_token == JsonTokenType.PropertyName) Read();
            if (_token == JsonTokenType.None || _token == JsonTokenType.EndObject || _token == JsonTokenType.EndArray)
            {
                throw new InvalidOperationException("ReadRawValue needs the reader on a value, not on " + _token.ToString());
            }
            int start = _tokenStart;
            Skip();
            return _text.Substring(start, _tokenEnd - start);
        }

        /// <summary>The exact source text of the current token.</summary>
        public string GetRawText()
        {
            return _text.Substring(_tokenStart, _tokenEnd - _tokenStart);
        }

        /// <summary>The unescaped value of the current string or property name.</summary>
        public string GetString()
        {
            if (_token != JsonTokenType.String && _token != JsonTokenType.PropertyName)
            {
                throw new InvalidOperationException("GetString needs a string or property name, not " + _token.ToString());
            }
            return _escaped
                ? JsonText.Unescape(_text, _tokenStart + 1, _tokenEnd - 1)
                : _text.Substring(_tokenStart + 1, _tokenEnd - _tokenStart - 2);
        }

        /// <summary>Whether the current string or property name equals <paramref name="value"/> (ordinal), without allocating when it has no escapes.</summary>
        public bool ValueEquals(string value)
        {
            if (_token != JsonTokenType.String && _token != JsonTokenType.PropertyName) return false;
            return JsonText.StringEquals(_text, _tokenStart, _tokenEnd, _escaped, value);
        }

        private bool InObject
        {
            get { return _depth > 0 && ((_objects >> (_depth - 1)) & 1UL) != 0; }
        }

        private bool ReadName(int p)
        {
            if (p >= _end) return Fail("the text ends inside an object: expected a property name", p);
            if (_text[p] != '"') return Fail("expected a property name in double quotes, found " + Describe(p), p);
            int e = ScanString(p);
            if (e < 0) return false;
            int colon = SkipWhitespace(e);
            if (colon >= _end || _text[colon] != ':') return Fail("expected ':' after a property name, found " + Describe(colon), colon);
            _token = JsonTokenType.PropertyName;
            _tokenStart = p;
            _tokenEnd = e;
            _pos = colon + 1;
            _expect = Expect.Value;
            return true;
        }

        private bool ReadValue(int p)
        {
            if (p >= _end)
            {
                return Fail(_expect == Expect.RootValue ? "the text is empty: expected a JSON value" : "the text ends where a value is expected", p);
            }
            char c = _text[p];
            switch (c)
            {
                case '{':
                    return Open(p, true);
                case '[':
                    return Open(p, false);
                case '"':
                {
                    int e = ScanString(p);
                    if (e < 0) return false;
                    return Scalar(JsonTokenType.String, p, e);
                }
                case 't':
                    return Literal(p, "true", JsonTokenType.True);
                case 'f':
                    return Literal(p, "false", JsonTokenType.False);
                case 'n':
                    return Literal(p, "null", JsonTokenType.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        int e = ScanNumber(p);
                        if (e < 0) return false;
                        return Scalar(JsonTokenType.Number, p, e);
                    }
                    return Fail("unexpected " + Describe(p) + " where a value is expected", p);
            }
        }

        private bool Open(int p, bool isObject)
        {
            if (_depth >= MaxDepth)
            {
                return Fail("objects and arrays are nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", p);
            }
            if (isObject) _objects |= 1UL << _depth;
            else _objects &= ~(1UL << _depth);
            _depth++;
            _token = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
            _tokenStart = p;
            _tokenEnd = p + 1;
            _escaped = false;
            _pos = p + 1;
            _expect = isObject ? Expect.NameOrEndObject : Expect.ValueOrEndArray;
            return true;
        }

        private bool Close(int p)
        {
            _token = InObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            _depth--;
            _tokenStart = p;
            _tokenEnd = p + 1;
            _escaped = false;
            _pos = p + 1;
            _expect = _depth == 0 ? Expect.Done : Expect.CommaOrEnd;
            return true;
        }

        private bool Scalar(JsonTokenType type, int start, int end)
        {
            _token = type;
            _tokenStart = start;
            _tokenEnd = end;
            _pos = end;
            _expect = _depth == 0 ? Expect.Done : Expect.CommaOrEnd;
            if (type != JsonTokenType.String) _escaped = false;
            return true;
        }

        private bool Literal(int p, string word, JsonTokenType type)
        {
            for (int i = 0; i < word.Length; i++)
            {
                if (p + i >= _end || _text[p + i] != word[i])
                {
                    return Fail("unexpected " + Describe(p + i) + ": expected '" + word + "'", p + i);
                }
            }
            return Scalar(type, p, p + word.Length);
        }

        /// <summary>Returns the index after the closing quote, or -1 (error set).</summary>
        private int ScanString(int p)
        {
            bool escaped = false;
            int i = p + 1;
            while (i < _end)
            {
                char c = _text[i];
                if (c == '"')
                {
                    _escaped = escaped;
                    return i + 1;
                }
                if (c == '\\')
                {
                    escaped = true;
                    if (i + 1 >= _end) break;
                    char e = _text[i + 1];
                    switch (e)
                    {
                        case '"':
                        case '\\':
                        case '/':
                        case 'b':
                        case 'f':
                        case 'n':
                        case 'r':
                        case 't':
                            i += 2;
                            continue;
                        case 'u':
                            for (int k = 2; k < 6; k++)
                            {
                                if (i + k >= _end)
                                {
                                    Fail("the text ends inside a string that starts at character " + (p + 1).ToString(CultureInfo.InvariantCulture), _end);
                                    return -1;
                                }
                                if (JsonText.HexValue(_text[i + k]) < 0)
                                {
                                    Fail("invalid \\u escape: expected 4 hexadecimal digits, found " + Describe(i + k), i + k);
                                    return -1;
                                }
                            }
                            i += 6;
                            continue;
                        default:
                            Fail("invalid escape '\\" + Printable(e) + "' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", i);
                            return -1;
                    }
                }
                if (c < ' ')
                {
                    Fail("a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ") must be escaped inside a string", i);
                    return -1;
                }
                i++;
            }
            Fail("the text ends inside a string that starts at character " + (p + 1).ToString(CultureInfo.InvariantCulture), _end);
            return -1;
        }

        /// <summary>Returns the index after the number, or -1 (error set).</summary>
        private int ScanNumber(int p)
        {
            int i = p;
            if (_text[i] == '-') i++;
            if (i >= _end || !IsDigit(_text[i]))
            {
                Fail("a number needs a digit after '-', found " + Describe(i), i);
                return -1;
            }
            if (_text[i] == '0')
            {
                i++;
                if (i < _end && IsDigit(_text[i]))
                {
                    Fail("a number cannot start with the digit 0 followed by more digits", i);
                    return -1;
                }
            }
            else
            {
                while (i < _end && IsDigit(_text[i])) i++;
            }
            if (i < _end && _text[i] == '.')
            {
                i++;
                if (i >= _end || !IsDigit(_text[i]))
                {
                    Fail("a number needs a digit after '.', found " + Describe(i), i);
                    return -1;
                }
                while (i < _end && IsDigit(_text[i])) i++;
            }
            if (i < _end && (_text[i] == 'e' || _text[i] == 'E'))
            {
                i++;
                if (i < _end && (_text[i] == '+' || _text[i] == '-')) i++;
                if (i >= _end || !IsDigit(_text[i]))
                {
                    Fail("a number needs a digit in its exponent, found " + Describe(i), i);
                    return -1;
                }
                while (i < _end && IsDigit(_text[i])) i++;
            }
            return i;
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private int SkipWhitespace(int p)
        {
            while (p < _end)
            {
                char c = _text[p];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
                p++;
            }
            return p;
        }

        private bool Fail(string message, int offset)
        {
            _error = message;
            _errorOffset = offset;
            _token = JsonTokenType.None;
            return false;
        }

        private string Describe(int p)
        {
            if (p >= _end) return "the end of the text";
            return "'" + Printable(_text[p]) + "'";
        }

        private static string Printable(char c)
        {
            if (c < ' ' || c > '~') return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return c.ToString();
        }
    }
}
