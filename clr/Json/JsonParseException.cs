using System;
using System.Globalization;

namespace CpOrders.WooClr.Json
{
    /// <summary>
    /// Malformed JSON, or a WooCommerce field that does not have the expected form. <see cref="Offset"/> is the 0-based
    /// index in the text; the message (and wooclr.OrderJsonCheck's error_position) says the 1-based character position,
    /// as T-SQL's SUBSTRING counts.
    /// </summary>
    public sealed class JsonParseException : Exception
    {
        public JsonParseException(string reason, int offset)
            : base(Format(reason, offset))
        {
            Reason = reason;
            Offset = offset;
        }

        /// <summary>What is wrong, without the position.</summary>
        public string Reason { get; private set; }

        /// <summary>0-based index of the character where the problem was found.</summary>
        public int Offset { get; private set; }

        /// <summary>1-based character position (Offset + 1).</summary>
        public int Position
        {
            get { return Offset + 1; }
        }

        public static string Format(string reason, int offset)
        {
            return "JSON error at character " + (offset + 1).ToString(CultureInfo.InvariantCulture) + ": " + reason;
        }
    }
}
