using System.Globalization;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// WooCommerce amounts to decimal, exactly, without floating point. Money columns are decimal(19,4), so an amount
    /// must fit there unchanged: at most 15 digits before the decimal point and at most 4 significant decimals
    /// ("12.50000" is fine, "12.50001" is an error). Nothing is ever rounded: an amount that does not fit is an error.
    /// <list type="bullet">
    /// <item>Money strings (total, subtotal, ...): plain decimal notation, optional leading '-': "12.50", "-10.00", "0",
    /// "007.5". Not accepted: exponents ("1e3"), '+', spaces, thousands separators, ".5", "5.".</item>
    /// <item>JSON numbers (fields where WooCommerce or a plugin sends a number): the number's exact source text, with
    /// JSON's exponent form allowed ("1e3" = 1000, "1.5E-2" = 0.015).</item>
    /// </list>
    /// </summary>
    public static class Money
    {
        /// <summary>Decimal places of the money columns: decimal(19,4).</summary>
        public const int MaxScale = 4;

        /// <summary>Digits before the decimal point that decimal(19,4) holds.</summary>
        public const int MaxIntegerDigits = 15;

        /// <summary>Parses a money string; error says why not (null on success).</summary>
        public static bool TryParseString(string text, out decimal value, out string error)
        {
            return TryParse(text, false, out value, out error);
        }

        /// <summary>Parses a JSON number's source text (exponent allowed); error says why not.</summary>
        public static bool TryParseNumberText(string text, out decimal value, out string error)
        {
            return TryParse(text, true, out value, out error);
        }

        private static bool TryParse(string s, bool allowExponent, out decimal value, out string error)
        {
            value = 0m;
            error = null;
            if (s == null || s.Length == 0)
            {
                error = "an amount is empty";
                return false;
            }
            int i = 0;
            bool negative = false;
            if (s[0] == '-')
            {
                negative = true;
                i = 1;
            }
            int intStart = i;
            while (i < s.Length && IsDigit(s[i])) i++;
            int intLength = i - intStart;
            int fracStart = i;
            int fracLength = 0;
            if (intLength > 0 && i < s.Length && s[i] == '.')
            {
                i++;
                fracStart = i;
                while (i < s.Length && IsDigit(s[i])) i++;
                fracLength = i - fracStart;
                if (fracLength == 0) i = -1;
            }
            long exponent = 0;
            if (i > 0 && intLength > 0 && allowExponent && i < s.Length && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                bool negativeExponent = false;
                if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                {
                    negativeExponent = s[i] == '-';
                    i++;
                }
                int expStart = i;
                while (i < s.Length && IsDigit(s[i]))
                {
                    // Capped: any exponent beyond a million only decides "too large" or "too many decimals".
                    if (exponent < 1000000) exponent = exponent * 10 + (s[i] - '0');
                    i++;
                }
                if (i == expStart) i = -1;
                if (negativeExponent) exponent = -exponent;
            }
            if (intLength == 0 || i != s.Length)
            {
                error = "'" + Shorten(s) + "' is not " + (allowExponent ? "a number" : "an amount in plain decimal notation (digits, an optional leading '-' and '.')");
                return false;
            }

            // The digits D = integer digits then fraction digits; the decimal point sits after 'point' of them.
            int n = intLength + fracLength;
            long point = intLength + exponent;
            int first = -1;
            int last = -1;
            for (int k = 0; k < n; k++)
            {
                if (Digit(s, k, intStart, intLength, fracStart) != 0)
                {
                    if (first < 0) first = k;
                    last = k;
                }
            }
            if (first < 0)
            {
                value = 0m;
                return true;
            }
            if (point - first > MaxIntegerDigits)
            {
                error = "'" + Shorten(s) + "' has more than " + MaxIntegerDigits.ToString(CultureInfo.InvariantCulture) + " digits before the decimal point";
                return false;
            }
            long scale = last + 1 - point;
            if (scale < 0) scale = 0;
            if (scale > MaxScale)
            {
                error = "'" + Shorten(s) + "' has more than " + MaxScale.ToString(CultureInfo.InvariantCulture) + " decimal places (amounts are never rounded)";
                return false;
            }
            // At most 15 + 4 = 19 digits: fits in ulong (< 1.8e19).
            ulong mantissa = 0;
            long lastPosition = point - 1 + scale;
            for (long k = first; k <= lastPosition; k++)
            {
                mantissa = mantissa * 10 + (ulong)(k < n ? Digit(s, (int)k, intStart, intLength, fracStart) : 0);
            }
            value = new decimal((int)(uint)(mantissa & 0xFFFFFFFFUL), (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
            return true;
        }

        private static int Digit(string s, int k, int intStart, int intLength, int fracStart)
        {
            return (k < intLength ? s[intStart + k] : s[fracStart + k - intLength]) - '0';
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static string Shorten(string s)
        {
            return s.Length <= 40 ? s : s.Substring(0, 40) + "...";
        }
    }
}
