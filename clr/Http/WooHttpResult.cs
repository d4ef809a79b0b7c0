using System;
using System.Collections.Generic;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// What one call produced. <see cref="Succeeded"/> is true only for a 2xx answer whose body is JSON. Every text in
    /// here is free of keys, secrets and signatures.
    /// </summary>
    public sealed class WooHttpResult
    {
        private readonly Dictionary<string, string> _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _attempts = new List<string>();
        private readonly List<int> _delays = new List<int>();

        public bool Succeeded { get; internal set; }

        /// <summary>HTTP status of the last answer; 0 when no answer arrived (timeout, connection failure).</summary>
        public int StatusCode { get; internal set; }

        /// <summary>The last answer's body as UTF-8 text (also for errors), or null when none was read.</summary>
        public string Body { get; internal set; }

        public string ContentType { get; internal set; }

        /// <summary>X-WP-Total: the number of items the list matches, or null.</summary>
        public int? TotalItems { get; internal set; }

        /// <summary>X-WP-TotalPages, or null.</summary>
        public int? TotalPages { get; internal set; }

        /// <summary>The last Retry-After header as sent, or null.</summary>
        public string RetryAfter { get; internal set; }

        /// <summary>Requests sent, the first included.</summary>
        public int Requests { get; internal set; }

        public int Retries { get; internal set; }

        public TimeSpan Elapsed { get; internal set; }

        /// <summary>Stable code: null on success, else <c>CPO-HTTP-...</c> (see <see cref="WooHttpErrors"/>).</summary>
        public string ErrorCode { get; internal set; }

        /// <summary>A sentence a DBA can act on: what, where (method, host, path), status, what to do.</summary>
        public string ErrorMessage { get; internal set; }

        /// <summary>WooCommerce's own error code from the body (<c>{"code": ...}</c>), when it sent one.</summary>
        public string WooErrorCode { get; internal set; }

        public string WooErrorMessage { get; internal set; }

        /// <summary>Method and URL of the call with any key, secret or signature replaced by ***.</summary>
        public string Endpoint { get; internal set; }

        /// <summary>One line per request: what happened.</summary>
        public IList<string> Attempts
        {
            get { return _attempts.AsReadOnly(); }
        }

        /// <summary>The waits before each retry, in milliseconds.</summary>
        public IList<int> Delays
        {
            get { return _delays.AsReadOnly(); }
        }

        /// <summary>A header of the last answer, or null.</summary>
        public string GetHeader(string name)
        {
            string value;
            return _headers.TryGetValue(name, out value) ? value : null;
        }

        internal void SetHeader(string name, string value)
        {
            _headers[name] = value;
        }

        internal void ClearHeaders()
        {
            _headers.Clear();
        }

        internal void AddAttempt(string line)
        {
            _attempts.Add(line);
        }

        internal void AddDelay(int milliseconds)
        {
            _delays.Add(milliseconds);
        }

        public override string ToString()
        {
            return Succeeded
                ? Endpoint + " -> " + StatusCode + " (" + Requests + " request(s))"
                : Endpoint + " -> " + ErrorMessage;
        }
    }

    /// <summary>The stable error codes of <see cref="WooHttpResult.ErrorCode"/>.</summary>
    public static class WooHttpErrors
    {
        public const string Config = "CPO-HTTP-CONFIG";
        public const string ClientError = "CPO-HTTP-CLIENT-ERROR";
        public const string AuthFailed = "CPO-HTTP-AUTH";
        public const string ServerError = "CPO-HTTP-SERVER-ERROR";
        public const string RateLimited = "CPO-HTTP-RATE-LIMITED";
        public const string Redirect = "CPO-HTTP-REDIRECT";
        public const string Timeout = "CPO-HTTP-TIMEOUT";
        public const string Connection = "CPO-HTTP-CONNECTION";
        public const string Tls = "CPO-HTTP-TLS";
        /// <summary>The answer is not valid HTTP (ServerProtocolViolation). Not retried.</summary>
        public const string Protocol = "CPO-HTTP-PROTOCOL";
        public const string Truncated = "CPO-HTTP-TRUNCATED";
        public const string TooLarge = "CPO-HTTP-TOO-LARGE";
        public const string NotJson = "CPO-HTTP-NOT-JSON";
        public const string Budget = "CPO-HTTP-BUDGET";
    }
}
