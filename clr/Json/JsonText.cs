using System;

namespace CpOrders.WooClr.Json
{
    /// <summary>String escapes of JSON text. Pure functions over positions in the source; no state.</summary>
    public static class JsonText
    {
        /// <summary>The character an escaped lone surrogate becomes (as in Newtonsoft.Json): U+FFFD.</summary>
        public const char ReplacementChar = '\uFFFD';

        /// <summary>
        /// Unescapes the content of a JSON string, text[start, end) without its quotes, which the reader has already
        /// checked. \uXXXX pairs of surrogates give one character outside the BMP; an escaped surrogate that is not part of
        /// a pair becomes U+FFFD (what Newtonsoft.Json does; a lone surrogate is not text). Unescaped characters are copied
        /// as they are.
        /// </summary>
        public static string Unescape(string text, int start, int end)
        {
            var buffer = new char[end - start];
            int n = 0;
            int i = start;
            while (i < end)
            {
                char c = text[i];
                if (c != '\\')
                {
                    buffer[n++] = c;
                    i++;
                    continue;
                }
                char e = text[i + 1];
                i += 2;
                switch (e)
                {
                    case 'b': buffer[n++] = '\b'; break;
                    case 'f': buffer[n++] = '\f'; break;
                    case 'n': buffer[n++] = '\n'; break;
                    case 'r': buffer[n++] = '\r'; break;
                    case 't': buffer[n++] = '\t'; break;
                    case 'u':
                    {
                        char v = Hex4(text, i);
                        i += 4;
                        if (char.IsLowSurrogate(v))
                        {
                            buffer[n++] = ReplacementChar;
                        }
                        else if (char.IsHighSurrogate(v))
                        {
                            // Like Newtonsoft.Json: a high surrogate keeps only when an escaped low surrogate follows.
                            char high = v;
                            while (true)
                            {
                                if (i + 6 <= end && text[i] == '\\' && text[i + 1] == 'u')
                                {
                                    char next = Hex4(text, i + 2);
                                    i += 6;
                                    if (char.IsLowSurrogate(next))
                                    {
                                        buffer[n++] = high;
                                        buffer[n++] = next;
                                        break;
                                    }
                                    buffer[n++] = ReplacementChar;
                                    if (char.IsHighSurrogate(next))
                                    {
                                        high = next;
                                        continue;
                                    }
                                    buffer[n++] = next;
                                    break;
                                }
                                buffer[n++] = ReplacementChar;
                                break;
                            }
                        }
                        else
                        {
                            buffer[n++] = v;
                        }
                        break;
                    }
                    default:
                        buffer[n++] = e; // \" \\ \/
                        break;
                }
            }
            return new string(buffer, 0, n);
        }

        /// <summary>Whether the JSON string token text[tokenStart, tokenEnd) (with quotes) equals value, ordinal.</summary>
        public static bool StringEquals(string text, int tokenStart, int tokenEnd, bool escaped, string value)
        {
            if (value == null) return false;
            if (escaped) return string.Equals(Unescape(text, tokenStart + 1, tokenEnd - 1), value, StringComparison.Ordinal);
            int length = tokenEnd - tokenStart - 2;
            return length == value.Length && string.CompareOrdinal(text, tokenStart + 1, value, 0, length) == 0;
        }

        /// <summary>0..15 for a hexadecimal digit, else -1.</summary>
        public static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private static char Hex4(string text, int i)
        {
            return (char)((HexValue(text[i]) << 12) | (HexValue(text[i + 1]) << 8) | (HexValue(text[i + 2]) << 4) | HexValue(text[i + 3]));
        }
    }
}
