using System;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// A configuration the client refuses before sending anything (e.g. API keys over plain http). Its message starts
    /// with a stable code and never contains a key, secret or signature.
    /// </summary>
    public sealed class WooHttpException : Exception
    {
        public WooHttpException(string code, string message)
            : base(code + ": " + message)
        {
            Code = code;
        }

        public string Code { get; private set; }
    }
}
