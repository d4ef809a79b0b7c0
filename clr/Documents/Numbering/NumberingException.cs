using System;

namespace CpOrders.WooClr.Documents.Numbering
{
    /// <summary>
    /// A numbering argument that cannot be used. The message starts with a stable code (conventions: "CODE: sentence"):
    /// <see cref="Param"/> for an argument outside what the rule accepts (a bug in the caller), <see cref="NextNumber"/>
    /// for a stored next-number value CpOrders will not increment (an operator fixes the store's or station's setting).
    /// In T-SQL it is Msg 6522; test <c>ERROR_MESSAGE() LIKE N'%CPO-PARAM:%'</c>.
    /// </summary>
    public sealed class NumberingException : ArgumentException
    {
        public const string Param = "CPO-PARAM";
        public const string NextNumber = "CPO-NEXT-NUMBER";

        public NumberingException(string code, string message)
            : base(code + ": " + message)
        {
            Code = code;
        }

        public string Code { get; }
    }
}
