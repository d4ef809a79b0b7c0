using System;

namespace CpOrders.WooClr.Json
{
    /// <summary>The kind of a <see cref="JsonElement"/>; <see cref="Undefined"/> for a property that is not there.</summary>
    public enum JsonValueKind : byte
    {
        Undefined = 0,
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// One value in a <see cref="JsonDocument"/> (a position on its tape; copying it copies two fields). The default value
    /// is "not there" (<see cref="JsonValueKind.Undefined"/>): what <see cref="Property"/> returns for a missing name.
    /// </summary>
    public struct JsonElement
    {
        private readonly JsonDocument _document;
        private readonly int _index;

        internal JsonElement(JsonDocument document, int index)
        {
            _document = document;
            _index = index;
        }

        public JsonValueKind Kind
        {
            get
            {
                if (_document == null) return JsonValueKind.Undefined;
                switch (_document.KindAt(_index))
                {
                    case JsonTokenType.StartObject: return JsonValueKind.Object;
                    case JsonTokenType.StartArray: return JsonValueKind.Array;
                    case JsonTokenType.String: return JsonValueKind.String;
                    case JsonTokenType.Number: return JsonValueKind.Number;
                    case JsonTokenType.True: return JsonValueKind.True;
                    case JsonTokenType.False: return JsonValueKind.False;
                    case JsonTokenType.Null: return JsonValueKind.Null;
                    default: return JsonValueKind.Undefined;
                }
            }
        }

        /// <summary>Whether the value is there (a missing property is not).</summary>
        public bool Exists
        {
            get { return _document != null; }
        }

        /// <summary>Missing or JSON null.</summary>
        public bool IsNullOrMissing
        {
            get { return _document == null || _document.KindAt(_index) == JsonTokenType.Null; }
        }

        /// <summary>0-based index of the value's first character in the text (-1 when missing).</summary>
        public int Offset
        {
            get { return _document == null ? -1 : _document.StartAt(_index); }
        }

        /// <summary>Index just after the value's last character (-1 when missing).</summary>
        public int EndOffset
        {
            get { return _document == null ? -1 : _document.EndAt(_index); }
        }

        public JsonDocument Document
        {
            get { return _document; }
        }

        /// <summary>The exact source text of the value: an object or array with everything inside, a string with its quotes and escapes.</summary>
        public string GetRawText()
        {
            RequireExists();
            int start = _document.StartAt(_index);
            return _document.Text.Substring(start, _document.EndAt(_index) - start);
        }

        /// <summary>The unescaped value of a string. Throws <see cref="JsonParseException"/> when the value is not a string.</summary>
        public string GetString()
        {
            RequireKind(JsonValueKind.String, "a string");
            return ContentOf(_index);
        }

        /// <summary>A number's exact source text (e.g. "8.333333333333334"), never converted through floating point.</summary>
        public string GetNumberText()
        {
            RequireKind(JsonValueKind.Number, "a number");
            return GetRawText();
        }

        /// <summary>true or false. Throws <see cref="JsonParseException"/> otherwise.</summary>
        public bool GetBoolean()
        {
            JsonValueKind kind = Kind;
            if (kind == JsonValueKind.True) return true;
            if (kind == JsonValueKind.False) return false;
            throw Mismatch("true or false");
        }

        /// <summary>Whether this string equals value (ordinal), without allocating when it has no escapes.</summary>
        public bool ValueEquals(string value)
        {
            if (Kind != JsonValueKind.String) return false;
            return JsonText.StringEquals(_document.Text, _document.StartAt(_index), _document.EndAt(_index), _document.EscapedAt(_index), value);
        }

        /// <summary>
        /// The value of property <paramref name="name"/> of this object (ordinal name match; with duplicate names the last
        /// wins, as in Newtonsoft.Json); a missing property gives default(JsonElement), Kind Undefined. Throws
        /// <see cref="JsonParseException"/> when this value is not an object.
        /// </summary>
        public JsonElement Property(string name)
        {
            JsonElement value;
            TryGetProperty(name, out value);
            return value;
        }

        public bool TryGetProperty(string name, out JsonElement value)
        {
            RequireKind(JsonValueKind.Object, "an object");
            value = default(JsonElement);
            bool found = false;
            string text = _document.Text;
            int i = _index + 1;
            while (_document.KindAt(i) == JsonTokenType.PropertyName)
            {
                if (JsonText.StringEquals(text, _document.StartAt(i), _document.EndAt(i), _document.EscapedAt(i), name))
                {
                    value = new JsonElement(_document, i + 1);
                    found = true;
                }
                i = _document.NextAt(i + 1);
            }
            return found;
        }

        /// <summary>The elements of an array, in order: <c>foreach (JsonElement e in array.EnumerateArray())</c>.</summary>
        public ArrayEnumerator EnumerateArray()
        {
            RequireKind(JsonValueKind.Array, "an array");
            return new ArrayEnumerator(_document, _index);
        }

        /// <summary>The members of an object, in order (duplicates included).</summary>
        public ObjectEnumerator EnumerateObject()
        {
            RequireKind(JsonValueKind.Object, "an object");
            return new ObjectEnumerator(_document, _index);
        }

        public int GetArrayLength()
        {
            int n = 0;
            foreach (JsonElement e in EnumerateArray()) n++;
            return n;
        }

        internal string ContentOf(int index)
        {
            int start = _document.StartAt(index);
            int end = _document.EndAt(index);
            return _document.EscapedAt(index)
                ? JsonText.Unescape(_document.Text, start + 1, end - 1)
                : _document.Text.Substring(start + 1, end - start - 2);
        }

        private void RequireExists()
        {
            if (_document == null) throw new InvalidOperationException("the JSON value is missing");
        }

        private void RequireKind(JsonValueKind kind, string what)
        {
            if (Kind != kind) throw Mismatch(what);
        }

        private Exception Mismatch(string what)
        {
            if (_document == null) return new InvalidOperationException("the JSON value is missing; expected " + what);
            return new JsonParseException("expected " + what + ", found " + Describe(Kind), Offset);
        }

        /// <summary>"a string", "an object", ... for messages.</summary>
        public static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string";
                case JsonValueKind.Number: return "a number";
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Null: return "null";
                default: return "nothing";
            }
        }

        /// <summary>Walks an array's elements without allocating.</summary>
        public struct ArrayEnumerator
        {
            private readonly JsonDocument _document;
            private readonly int _array;
            private int _current;

            internal ArrayEnumerator(JsonDocument document, int array)
            {
                _document = document;
                _array = array;
                _current = -1;
            }

            public JsonElement Current
            {
                get { return new JsonElement(_document, _current); }
            }

            public ArrayEnumerator GetEnumerator()
            {
                return this;
            }

            public bool MoveNext()
            {
                int next = _current < 0 ? _array + 1 : _document.NextAt(_current);
                if (_document.KindAt(next) == JsonTokenType.EndArray) return false;
                _current = next;
                return true;
            }
        }

        /// <summary>Walks an object's members without allocating.</summary>
        public struct ObjectEnumerator
        {
            private readonly JsonDocument _document;
            private readonly int _object;
            private int _name;

            internal ObjectEnumerator(JsonDocument document, int obj)
            {
                _document = document;
                _object = obj;
                _name = -1;
            }

            public JsonProperty Current
            {
                get { return new JsonProperty(_document, _name); }
            }

            public ObjectEnumerator GetEnumerator()
            {
                return this;
            }

            public bool MoveNext()
            {
                int next = _name < 0 ? _object + 1 : _document.NextAt(_name + 1);
                if (_document.KindAt(next) != JsonTokenType.PropertyName) return false;
                _name = next;
                return true;
            }
        }
    }

    /// <summary>One member of an object: its name and value.</summary>
    public struct JsonProperty
    {
        private readonly JsonDocument _document;
        private readonly int _name;

        internal JsonProperty(JsonDocument document, int name)
        {
            _document = document;
            _name = name;
        }

        /// <summary>The unescaped name.</summary>
        public string Name
        {
            get { return new JsonElement(_document, _name).ContentOf(_name); }
        }

        /// <summary>Whether the name equals value (ordinal), without allocating when the name has no escapes.</summary>
        public bool NameEquals(string value)
        {
            return JsonText.StringEquals(_document.Text, _document.StartAt(_name), _document.EndAt(_name), _document.EscapedAt(_name), value);
        }

        public JsonElement Value
        {
            get { return new JsonElement(_document, _name + 1); }
        }
    }
}
