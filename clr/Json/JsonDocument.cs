using System;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// One JSON text, read once into a flat "tape" of token positions (one array, no objects per value); navigate it with
    /// <see cref="Root"/> and <see cref="JsonElement"/>. Strings are unescaped and numbers kept as their source text only
    /// when asked for. Malformed JSON throws <see cref="JsonParseException"/> with the position; <see cref="Validate"/>
    /// never throws.
    /// </summary>
    public sealed class JsonDocument
    {
        internal struct Entry
        {
            public int Start;
            public int End;   // for a container: after its closing bracket
            public int Next;  // index of the entry after this value (after the matching end token for a container)
            public JsonTokenType Kind;
            public bool Escaped;
        }

        private readonly string _text;
        private Entry[] _tape;
        private int _count;

        private JsonDocument(string text, int capacity)
        {
            _text = text;
            _tape = new Entry[capacity];
        }

        public string Text
        {
            get { return _text; }
        }

        /// <summary>The value the text consists of.</summary>
        public JsonElement Root
        {
            get { return new JsonElement(this, 0); }
        }

        /// <summary>Reads a whole JSON text (exactly one value, whitespace around it). Throws <see cref="JsonParseException"/>.</summary>
        public static JsonDocument Parse(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            return Parse(text, 0, text.Length);
        }

        /// <summary>Reads the JSON value in text[start, end) (e.g. one element of a page, by its <see cref="JsonElement.Offset"/> and <see cref="JsonElement.EndOffset"/>).</summary>
        public static JsonDocument Parse(string text, int start, int end)
        {
            JsonDocument document;
            JsonReader reader;
            if (!TryBuild(text, start, end, out document, out reader))
            {
                throw new JsonParseException(reader.Error, reader.ErrorOffset);
            }
            return document;
        }

        /// <summary>Whether text is one well-formed JSON value; with the first error and its position. Never throws.</summary>
        public static JsonCheckResult Validate(string text)
        {
            if (text == null) return JsonCheckResult.Invalid("the JSON text is NULL", -1);
            var reader = new JsonReader(text);
            while (reader.TryRead())
            {
            }
            return reader.Error == null ? JsonCheckResult.Ok() : JsonCheckResult.Invalid(reader.Error, reader.ErrorOffset);
        }

        /// <summary>Reads a whole JSON text without throwing for malformed JSON: false with <paramref name="error"/> set.</summary>
        public static bool TryParse(string text, out JsonDocument document, out JsonCheckResult error)
        {
            JsonReader reader;
            if (text == null)
            {
                document = null;
                error = JsonCheckResult.Invalid("the JSON text is NULL", -1);
                return false;
            }
            if (TryBuild(text, 0, text.Length, out document, out reader))
            {
                error = JsonCheckResult.Ok();
                return true;
            }
            error = JsonCheckResult.Invalid(reader.Error, reader.ErrorOffset);
            return false;
        }

        private static bool TryBuild(string text, int start, int end, out JsonDocument document, out JsonReader reader)
        {
            reader = new JsonReader(text, start, end);
            // About one token per 8 characters in WooCommerce's JSON; the tape grows by doubling when that is short.
            document = new JsonDocument(text, Math.Max(16, (end - start) / 8));
            var open = new int[JsonReader.MaxDepth];
            while (reader.TryRead())
            {
                JsonTokenType kind = reader.TokenType;
                int index = document.Add(kind, reader.TokenStart, reader.TokenEnd, reader.TokenHasEscapes);
                if (kind == JsonTokenType.StartObject || kind == JsonTokenType.StartArray)
                {
                    open[reader.Depth - 1] = index;
                }
                else if (kind == JsonTokenType.EndObject || kind == JsonTokenType.EndArray)
                {
                    int startIndex = open[reader.Depth];
                    document._tape[startIndex].Next = index + 1;
                    document._tape[startIndex].End = reader.TokenEnd;
                }
            }
            if (reader.Error != null)
            {
                document = null;
                return false;
            }
            return true;
        }

        private int Add(JsonTokenType kind, int start, int end, bool escaped)
        {
            if (_count == _tape.Length)
            {
                var bigger = new Entry[_tape.Length * 2];
                Array.Copy(_tape, bigger, _count);
                _tape = bigger;
            }
            int index = _count++;
            _tape[index].Kind = kind;
            _tape[index].Start = start;
            _tape[index].End = end;
            _tape[index].Next = index + 1;
            _tape[index].Escaped = escaped && (kind == JsonTokenType.String || kind == JsonTokenType.PropertyName);
            return index;
        }

        internal JsonTokenType KindAt(int index)
        {
            return _tape[index].Kind;
        }

        internal int StartAt(int index)
        {
            return _tape[index].Start;
        }

        internal int EndAt(int index)
        {
            return _tape[index].End;
        }

        internal int NextAt(int index)
        {
            return _tape[index].Next;
        }

        internal bool EscapedAt(int index)
        {
            return _tape[index].Escaped;
        }
    }

    /// <summary>The answer of <see cref="JsonDocument.Validate"/>.</summary>
    public sealed class JsonCheckResult
    {
        private JsonCheckResult(bool isValid, string reason, int offset)
        {
            IsValid = isValid;
            Reason = reason;
            Offset = offset;
        }

        /// <summary>A new result that says valid (a new object each time: no shared static state in a SQL CLR assembly).</summary>
        public static JsonCheckResult Ok()
        {
            return new JsonCheckResult(true, null, -1);
        }

        public static JsonCheckResult Invalid(string reason, int offset)
        {
            return new JsonCheckResult(false, reason, offset);
        }

        public bool IsValid { get; private set; }

        /// <summary>What is wrong (null when valid).</summary>
        public string Reason { get; private set; }

        /// <summary>0-based index of the problem; -1 when valid or when there is no text.</summary>
        public int Offset { get; private set; }

        /// <summary>The message with its 1-based position, as <see cref="JsonParseException"/> words it.</summary>
        public string Message
        {
            get
            {
                if (IsValid) return null;
                return Offset < 0 ? "JSON error: " + Reason : JsonParseException.Format(Reason, Offset);
            }
        }
    }
}
