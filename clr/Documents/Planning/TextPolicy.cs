using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// Design 7's text policy for Counterpoint's varchar columns (code page 1252), PlanContract.md section 6. Step 1 for every
    /// value: trimmed; control characters become a space; zero-width characters are removed; characters outside 1252 that
    /// have a plain Latin base letter are transliterated by a fixed table. Then a value that still holds a character outside
    /// 1252 is refused, and a value longer than its column is truncated with a note or refused, as the column's policy says.
    /// Notes (text columns) keep every character: one outside 1252 is written as [U+XXXX]. Never a silent '?'.
    /// </summary>
    public sealed class TextPolicy
    {
        // Code page 1252 bytes 0x80..0x9F as Unicode ('\0' = not defined in 1252).
        private const string Cp1252High =
            "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
            "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

        // Latin Extended-A U+0100..U+017F to a 1252 letter ('\0' = no single-letter equivalent).
        private const string LatinExtendedA =
            "AaAaAa" + "CcCcCcCc" + "DdDd" + "EeEeEeEeEe" + "GgGgGgGg" + "HhHh" + "IiIiIiIiIi" + "\0\0" + "Jj" + "Kkk" +
            "LlLlLlLlLl" + "NnNnNnn" + "Nn" + "OoOoOo" + "\u0152\u0153" + "RrRrRr" + "SsSsSs\u0160\u0161" + "TtTtTt" +
            "UuUuUuUuUuUu" + "Ww" + "Yy\u0178" + "ZzZz\u017D\u017E" + "s";

        private readonly List<PlanProblem> _problems;
        private readonly List<string> _truncations;

        public TextPolicy(List<PlanProblem> problems, List<string> truncations)
        {
            _problems = problems;
            _truncations = truncations;
        }

        /// <summary>Whether c is a character of code page 1252 (printable or not).</summary>
        public static bool InCp1252(char c)
        {
            if (c < 0x80) return true;
            if (c >= 0xA0 && c <= 0xFF) return true;
            return Cp1252High.IndexOf(c) >= 0 && c != '\0';
        }

        /// <summary>The 1252 byte of a character that <see cref="InCp1252"/> accepts.</summary>
        public static int Cp1252Byte(char c)
        {
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return c;
            return 0x80 + Cp1252High.IndexOf(c);
        }

        /// <summary>Step 1 only: trimmed, controls to space, zero-width removed, transliterated. Null/empty/blank gives null.</summary>
        public static string Clean(string value)
        {
            if (value == null) return null;
            value = Composed(value);
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) { sb.Append(' '); continue; }
                if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') continue;
                sb.Append(Transliterate(c));
            }
            string s = sb.ToString().Trim();
            return s.Length == 0 ? null : s;
        }

        /// <summary>
        /// NFC: "Jose" + U+0301 (decomposed, as macOS and some keyboards send it) becomes "José", which is in 1252. Text that
        /// is not valid UTF-16 (a lone surrogate) cannot be normalised and is kept as it is (the 1252 check reports it).
        /// </summary>
        private static string Composed(string value)
        {
            bool ascii = true;
            foreach (char c in value) if (c >= 0x80) { ascii = false; break; }
            if (ascii) return value;
            try
            {
                return value.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                return value;
            }
        }

        private static char Transliterate(char c)
        {
            if (c >= '\u0100' && c <= '\u017F')
            {
                char t = LatinExtendedA[c - 0x100];
                return t == '\0' ? c : t;
            }
            switch (c)
            {
                case '\u0218': return 'S';
                case '\u0219': return 's';
                case '\u021A': return 'T';
                case '\u021B': return 't';
                case '\u2010':
                case '\u2011':
                case '\u2012':
                case '\u2212': return '-';
                case '\u201B':
                case '\u2032': return '\'';
                case '\u201F':
                case '\u2033': return '"';
            }
            if (c >= '\u2000' && c <= '\u200A') return ' ';
            if (c == '\u202F' || c == '\u205F' || c == '\u3000') return ' ';
            return c;
        }

        /// <summary>
        /// Fits a value to a varchar column. refuse = the column's policy is "refuse" for a value too long (identifiers,
        /// codes, e-mail, phone, postcode); otherwise it is truncated and the full value is kept for the 'TEXT TRUNCATED'
        /// note. A character outside 1252 is always refused (CPO-TEXT-CHARSET). what names the value for messages.
        /// </summary>
        public string Fit(string value, int maxLength, bool refuseTooLong, string what, int? line)
        {
            string s = Clean(value);
            if (s == null) return null;
            for (int i = 0; i < s.Length; i++)
            {
                if (!InCp1252(s[i]))
                {
                    _problems.Add(new PlanProblem(PlanCodes.TextCharset,
                        what + " holds the character " + CodePoint(s, i) + " ('" + Char(s, i) + "'), which Counterpoint's code page 1252 cannot store and the transliteration table does not cover; correct it in WooCommerce (or in the staged order) and requeue.", line));
                    return null;
                }
            }
            if (s.Length <= maxLength) return s;
            if (refuseTooLong)
            {
                _problems.Add(new PlanProblem(PlanCodes.TextTooLong,
                    what + " is " + s.Length.ToString(CultureInfo.InvariantCulture) + " characters long; its Counterpoint column holds " +
                    maxLength.ToString(CultureInfo.InvariantCulture) + " and cutting it would change its meaning: shorten it in WooCommerce and requeue.", line));
                return null;
            }
            string cut = s.Substring(0, maxLength).TrimEnd();
            _truncations.Add(what + " was cut to " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters; full value: " + s);
            return cut;
        }

        /// <summary>Text for a note (text column, 1252): step 1 per line, and every character outside 1252 as [U+XXXX].</summary>
        public static string NoteText(string value)
        {
            if (value == null) return null;
            var sb = new StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\r') continue;
                if (c == '\n') { sb.Append("\r\n"); continue; }
                if (c == '\t') { sb.Append(' '); continue; }
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) { sb.Append(' '); continue; }
                char t = Transliterate(c);
                if (InCp1252(t)) { sb.Append(t); continue; }
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append("[U+").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
                    i++;
                    continue;
                }
                sb.Append("[U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            }
            return sb.ToString();
        }

        /// <summary>An RTF body for PS_DOC_NOTE.NOTE from 1252-safe plain text (CDM 11: NOTE = RTF, NOTE_TXT = plain).</summary>
        public static string Rtf(string plain)
        {
            var sb = new StringBuilder(plain.Length + 80);
            sb.Append("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20 ");
            for (int i = 0; i < plain.Length; i++)
            {
                char c = plain[i];
                if (c == '\r') continue;
                if (c == '\n') { sb.Append("\\par "); continue; }
                if (c == '\\' || c == '{' || c == '}') { sb.Append('\\').Append(c); continue; }
                if (c >= 0x80) { sb.Append("\\'").Append(Cp1252Byte(c).ToString("x2", CultureInfo.InvariantCulture)); continue; }
                sb.Append(c);
            }
            sb.Append("\\par }");
            return sb.ToString();
        }

        private static string CodePoint(string s, int i)
        {
            int cp = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
            return "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
        }

        private static string Char(string s, int i)
        {
            return char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? s.Substring(i, 2) : s.Substring(i, 1);
        }
    }
}
