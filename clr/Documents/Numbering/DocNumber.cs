using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CpOrders.WooClr.Documents.Numbering
{
    /// <summary>
    /// Counterpoint's document numbers (TKT_NO, varchar(15), domain T_DOC_NO) and its "next number" rule
    /// (dbo.fnGetNextDocNumber_EX(@Val, @MaxChars = 15); design 6, counterpoint-document-model.md 2.3). Pure.
    /// </summary>
    public static class DocNumber
    {
        /// <summary>fnGetNextDocNumber_EX's default @MaxChars: TKT_NO is varchar(15).</summary>
        public const int DefaultMaxChars = 15;

        /// <summary>Release tickets are numbered "[order number]-01" in a 15-character TKT_NO, so an order number has at most 12.</summary>
        public const int MaxOrderNumberLength = 12;

        /// <summary>The separators an order number may carry besides ASCII letters and digits.</summary>
        public const string OrderNumberSeparators = "-_./";

        /// <summary>
        /// The number after <paramref name="value"/>: the right-most alphanumeric character is incremented with carry
        /// ('0'-'8' and 'A'-'Y' step up; '9' becomes '0' and 'Z' becomes 'A' and carry to the next alphanumeric on the
        /// left), skipping every other ASCII character (such as '-': "O101-000365" gives "O101-000366"). When the carry runs
        /// off the left end, a value of digits only gets a leading '1' ("999" gives "1000"), or becomes "1" if that would be
        /// longer than <paramref name="maxChars"/>; any other value becomes "1" ("ZZ", "-" and "" give "1").
        /// Trailing spaces are not part of the number (T-SQL's LEN and comparisons ignore them) and are dropped.
        /// Refused (<see cref="NumberingException"/>): CPO-PARAM for <paramref name="maxChars"/> below 1; CPO-NEXT-NUMBER for
        /// a value longer than <paramref name="maxChars"/> and for a carry that reaches a lower-case letter or a non-ASCII
        /// character - whether Counterpoint counts those as letters (and what 'z' carries to) depends on its collation and
        /// is not known, so CpOrders does not guess. Before the carry reaches one, both readings agree ("web-100" gives "web-101").
        /// </summary>
        public static string Next(string value, int maxChars)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (maxChars < 1) throw new NumberingException(NumberingException.Param, "@MaxChars must be at least 1, not " + maxChars.ToString(CultureInfo.InvariantCulture));
            int length = value.Length;
            while (length > 0 && value[length - 1] == ' ') length--;
            if (length > maxChars)
            {
                throw new NumberingException(NumberingException.NextNumber, "the number '" + value + "' is " + length.ToString(CultureInfo.InvariantCulture)
                    + " characters long, more than @MaxChars (" + maxChars.ToString(CultureInfo.InvariantCulture) + ")");
            }
            char[] chars = value.ToCharArray(0, length);
            for (int i = length - 1; i >= 0; i--)
            {
                char c = chars[i];
                if ((c >= '0' && c <= '8') || (c >= 'A' && c <= 'Y'))
                {
                    chars[i] = (char)(c + 1);
                    return new string(chars);
                }
                if (c == '9')
                {
                    chars[i] = '0';
                }
                else if (c == 'Z')
                {
                    chars[i] = 'A';
                }
                else if (!IsAsciiSeparator(c))
                {
                    throw new NumberingException(NumberingException.NextNumber, "cannot increment '" + value + "': the carry reaches "
                        + Describe(c) + " at position " + (i + 1).ToString(CultureInfo.InvariantCulture)
                        + ", and whether Counterpoint's fnGetNextDocNumber_EX counts it as a letter depends on the database collation;"
                        + " use upper-case ASCII letters, digits and separators in next-number fields");
                }
            }
            if (IsDigits(value, length))
            {
                return length + 1 <= maxChars ? "1" + new string(chars) : "1";
            }
            return "1";
        }

        /// <summary>
        /// Every reason <paramref name="number"/> (e.g. a WooCommerce order number) cannot be a Counterpoint order number,
        /// or an empty list: it must be present, 1-12 characters (release tickets append "-01" in a 15-character TKT_NO),
        /// only ASCII letters, digits and the separators - _ . / (varchar-safe in every code page; no spaces, which
        /// SQL Server ignores at the end of a value), with at least one letter or digit. Uniqueness per store is for the
        /// T-SQL that holds the lock; note that Counterpoint's usual case-insensitive collation makes "a1" equal "A1".
        /// </summary>
        public static List<string> OrderNumberProblems(string number)
        {
            var problems = new List<string>();
            if (number == null)
            {
                problems.Add("the order number is missing (NULL)");
                return problems;
            }
            if (number.Length == 0)
            {
                problems.Add("the order number is empty");
                return problems;
            }
            if (number.Length > MaxOrderNumberLength)
            {
                problems.Add("the order number is " + number.Length.ToString(CultureInfo.InvariantCulture) + " characters long, more than "
                    + MaxOrderNumberLength.ToString(CultureInfo.InvariantCulture)
                    + ", because Counterpoint numbers its release tickets '<order number>-01' in a 15-character TKT_NO");
            }
            bool hasAlphanumeric = false;
            int reported = 0;
            int refused = 0;
            var detail = new StringBuilder();
            for (int i = 0; i < number.Length; i++)
            {
                char c = number[i];
                if (IsAsciiAlphanumeric(c))
                {
                    hasAlphanumeric = true;
                    continue;
                }
                if (OrderNumberSeparators.IndexOf(c) >= 0) continue;
                refused++;
                if (reported < 10)
                {
                    if (reported > 0) detail.Append(", ");
                    detail.Append(Describe(c)).Append(" at position ").Append((i + 1).ToString(CultureInfo.InvariantCulture));
                    reported++;
                }
            }
            if (refused > 0)
            {
                if (refused > reported) detail.Append(" and ").Append((refused - reported).ToString(CultureInfo.InvariantCulture)).Append(" more");
                problems.Add("the order number has characters other than ASCII letters, digits and " + SeparatorList() + ": " + detail);
            }
            if (!hasAlphanumeric)
            {
                problems.Add("the order number has no letter or digit");
            }
            return problems;
        }

        /// <summary>An ASCII character that is not a letter or digit: skipped by the next-number rule.</summary>
        private static bool IsAsciiSeparator(char c)
        {
            return c <= '\u007F' && !IsAsciiAlphanumeric(c);
        }

        private static bool IsAsciiAlphanumeric(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static bool IsDigits(string value, int length)
        {
            if (length == 0) return false;
            for (int i = 0; i < length; i++)
            {
                if (value[i] < '0' || value[i] > '9') return false;
            }
            return true;
        }

        private static string SeparatorList()
        {
            var text = new StringBuilder();
            for (int i = 0; i < OrderNumberSeparators.Length; i++)
            {
                if (i > 0) text.Append(' ');
                text.Append('\'').Append(OrderNumberSeparators[i]).Append('\'');
            }
            return text.ToString();
        }

        /// <summary>'x' for a printable ASCII character, otherwise U+XXXX (plus the character when it is printable).</summary>
        private static string Describe(char c)
        {
            string code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            if (c > ' ' && c <= '~') return "'" + c + "'";
            if (c == ' ') return "a space";
            if (c < ' ' || c == '\u007F' || char.IsSurrogate(c) || char.IsControl(c)) return code;
            return "'" + c + "' (" + code + ")";
        }
    }
}
