using System;
using System.Diagnostics;
using System.Globalization;
using CpOrders.WooClr.Http;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>
    /// The HTTP side of one write procedure call: one total budget for every request the call makes (a GET, then a
    /// PUT), the requests counted together, and the failure of any request turned into the call's outcome. The client
    /// options are validated in the constructor (<see cref="WooHttpException"/>, CPO-HTTP-CONFIG) before anything is
    /// sent.
    /// </summary>
    public sealed class WooWriteSession
    {
        private readonly WooHttpOptions _options;
        private readonly Stopwatch _clock;
        private readonly long _budgetMs;
        private readonly WooHttpClient _validated;
        private readonly IHttpClock _time;
        private readonly INonceSource _nonces;
        private readonly ISleeper _sleeper;
        private readonly IJitterSource _jitter;

        public WooWriteSession(WooHttpOptions options)
            : this(options, null, null, null, null)
        {
        }

        /// <summary>With a test clock, nonces, sleeper and jitter (null: the real ones).</summary>
        public WooWriteSession(WooHttpOptions options, IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
        {
            if (options == null) throw new ArgumentNullException("options");
            var system = new SystemHttpEnvironment();
            _time = clock ?? system;
            _nonces = nonces ?? system;
            _sleeper = sleeper ?? system;
            _jitter = jitter ?? system;
            _options = options.Clone();
            _budgetMs = _options.TotalBudgetMs;
            _validated = new WooHttpClient(_options, _time, _nonces, _sleeper, _jitter);
            _clock = Stopwatch.StartNew();
        }

        /// <summary>Requests sent so far by this call (every attempt of every request).</summary>
        public int Requests { get; private set; }

        public int Retries { get; private set; }

        /// <summary>Status of the last answer (0: none arrived).</summary>
        public int LastStatus { get; private set; }

        /// <summary>Sends one request with what is left of the call's budget.</summary>
        public WooHttpResult Send(WooRequest request)
        {
            long left = _budgetMs - _clock.ElapsedMilliseconds;
            if (left < 100)
            {
                var spent = new WooHttpResult
                {
                    Endpoint = request.Method + " " + request.Path,
                    ErrorCode = WooHttpErrors.Budget,
                    ErrorMessage = WooHttpErrors.Budget + ": " + request.Method + " " + request.Path + ": not sent: the call's total budget of " +
                        (_budgetMs / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture) +
                        " s was spent by the requests before it. Nothing was changed by this step; call again (the procedure is idempotent).",
                };
                LastStatus = 0;
                return spent;
            }
            WooHttpOptions options = _options.Clone();
            options.TotalBudgetMs = (int)Math.Min(int.MaxValue, left);
            var client = new WooHttpClient(options, _time, _nonces, _sleeper, _jitter);
            WooHttpResult result = client.Send(request);
            Requests += result.Requests;
            Retries += result.Retries;
            LastStatus = result.StatusCode;
            return result;
        }

        /// <summary>Masks the key and secret in any text (per-item messages of a batch answer, for example).</summary>
        public string Redact(string text)
        {
            return text == null ? null : _validated.Redact(text);
        }

        /// <summary>
        /// The code a failed request reports in @ErrorCode: WooCommerce's own code (e.g.
        /// <c>woocommerce_rest_authentication_error</c>) when the shop answered a 4xx with its error body, else the
        /// stable <c>CPO-HTTP-...</c> code (timeouts, connection failures, 5xx after retries, budget).
        /// </summary>
        public static string ErrorCodeOf(WooHttpResult result)
        {
            if (result.Succeeded) return null;
            bool wooAnswered = result.ErrorCode == WooHttpErrors.ClientError || result.ErrorCode == WooHttpErrors.AuthFailed;
            return wooAnswered && !string.IsNullOrEmpty(result.WooErrorCode) ? result.WooErrorCode : result.ErrorCode;
        }
    }

    /// <summary>What every write procedure reports: @HttpStatus, @ErrorCode, @ErrorMessage, @Requests.</summary>
    public class WriteOutcome
    {
        /// <summary>Status of the last answer of the call (0 when no answer arrived or nothing was sent).</summary>
        public int HttpStatus { get; set; }

        /// <summary>Null on success; a CPO-HTTP-* / CPO-WOO-* code or WooCommerce's own code.</summary>
        public string ErrorCode { get; set; }

        /// <summary>A sentence for the DBA; never a key or secret.</summary>
        public string ErrorMessage { get; set; }

        public int Requests { get; set; }

        public bool Succeeded
        {
            get { return ErrorCode == null; }
        }

        internal void Fail(WooWriteSession session, WooHttpResult result)
        {
            HttpStatus = result.StatusCode;
            ErrorCode = WooWriteSession.ErrorCodeOf(result);
            ErrorMessage = result.ErrorMessage;
            Requests = session.Requests;
        }

        internal void Fail(WooWriteSession session, string code, string message)
        {
            HttpStatus = session.LastStatus;
            ErrorCode = code;
            ErrorMessage = session.Redact(message);
            Requests = session.Requests;
        }

        internal void Done(WooWriteSession session)
        {
            HttpStatus = session.LastStatus;
            ErrorCode = null;
            ErrorMessage = null;
            Requests = session.Requests;
        }
    }

    /// <summary>The stable codes the write side adds to CPO-HTTP-*.</summary>
    public static class WooWriteErrors
    {
        /// <summary>A procedure parameter is unusable (thrown, before any request).</summary>
        public const string Param = "CPO-PARAM";

        /// <summary>The shop answered 2xx with JSON that is not what the endpoint returns (an order, a note, a list).</summary>
        public const string Response = "CPO-WOO-RESPONSE";

        /// <summary>The shop answered the write, but the order does not have the wanted status afterwards.</summary>
        public const string NotApplied = "CPO-WOO-NOT-APPLIED";

        /// <summary>A batch was answered, but not every order in it was applied: see @Results.</summary>
        public const string BatchItems = "CPO-WOO-BATCH-ITEMS";

        /// <summary>A batch item's error had no code, or an unknown form.</summary>
        public const string BatchError = "CPO-WOO-BATCH-ERROR";

        /// <summary>An unforeseen exception after the parameters were checked (a bug): reported, never thrown.</summary>
        public const string Internal = "CPO-INTERNAL";

        /// <summary>An order sent in a batch has no item in WooCommerce's answer: its state is unknown.</summary>
        public const string BatchMissing = "CPO-WOO-BATCH-MISSING";
    }

    /// <summary>A procedure parameter that cannot be used; the message starts with CPO-PARAM and says which and why.</summary>
    public sealed class WooWriteParameterException : Exception
    {
        public WooWriteParameterException(string message)
            : base(WooWriteErrors.Param + ": " + message)
        {
        }
    }
}
