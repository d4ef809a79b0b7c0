using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using CpOrders.WooClr.Diagnostics;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// Calls the WooCommerce REST API over HttpWebRequest, the only HTTP stack SQL Server's supported assemblies offer.
    /// One call (<see cref="Send"/>) = up to <see cref="WooHttpOptions.MaxAttempts"/> requests within
    /// <see cref="WooHttpOptions.TotalBudgetMs"/>; every deadline is enforced by our own read loop, because .NET
    /// Framework's Timeout does not cover the body and .NET (Core)'s HttpWebRequest ignores several settings.
    /// No static state: an instance holds only its options and injected environment. Never throws for network or
    /// HTTP failures: they come back in <see cref="WooHttpResult"/>.
    /// </summary>
    public sealed class WooHttpClient
    {
        /// <summary>Small reads, so the deadline is checked often even when data trickles in.</summary>
        public const int ReadChunkBytes = 16 * 1024;

        private readonly WooHttpOptions _options;
        private readonly Uri _apiBase;
        private readonly IHttpClock _clock;
        private readonly INonceSource _nonces;
        private readonly ISleeper _sleeper;
        private readonly IJitterSource _jitter;
        private readonly Redactor _redactor;
        private readonly string _userAgent;

        public WooHttpClient(WooHttpOptions options)
            : this(options, new SystemHttpEnvironment())
        {
        }

        private WooHttpClient(WooHttpOptions options, SystemHttpEnvironment environment)
            : this(options, environment, environment, environment, environment)
        {
        }

        /// <summary>With an injected clock and nonce source (OAuth), sleeper and jitter (retries): for tests.</summary>
        public WooHttpClient(WooHttpOptions options, IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
        {
            if (options == null) throw new ArgumentNullException("options");
            if (clock == null) throw new ArgumentNullException("clock");
            if (nonces == null) throw new ArgumentNullException("nonces");
            if (sleeper == null) throw new ArgumentNullException("sleeper");
            if (jitter == null) throw new ArgumentNullException("jitter");
            _options = options.Clone();
            _redactor = new Redactor(_options.ConsumerKey, _options.ConsumerSecret);
            _apiBase = Validate(_options, _redactor);
            _clock = clock;
            _nonces = nonces;
            _sleeper = sleeper;
            _jitter = jitter;
            _userAgent = string.IsNullOrEmpty(_options.UserAgent) ? DefaultUserAgent() : _options.UserAgent;
        }

        /// <summary><c>CpOrders/&lt;informational version&gt;</c>, e.g. <c>CpOrders/0.1.0</c>.</summary>
        public static string DefaultUserAgent()
        {
            return "CpOrders/" + BuildIdentity.Current().Version;
        }

        public string UserAgent
        {
            get { return _userAgent; }
        }

        /// <summary>The API root every request path is appended to, e.g. <c>https://shop.example.com/wp-json/wc/v3/</c>.</summary>
        public Uri ApiBase
        {
            get { return _apiBase; }
        }

        /// <summary>Masks this client's secrets in any text (for callers that log more than the result).</summary>
        public string Redact(string text)
        {
            return _redactor.Text(text);
        }

        /// <summary>Sends the request, retrying what is worth retrying, and reports what happened.</summary>
        public WooHttpResult Send(WooRequest request)
        {
            if (request == null) throw new ArgumentNullException("request");
            var result = new WooHttpResult();
            Stopwatch total = Stopwatch.StartNew();
            Uri plain = BuildUri(request, false);
            string where = request.Method + " " + Redactor.WithoutQuery(plain);
            result.Endpoint = request.Method + " " + _redactor.Url(plain);
            bool idempotent = request.IsIdempotent;
            long usedMs = 0;
            int attempt = 0;
            while (true)
            {
                attempt++;
                long remaining = _options.TotalBudgetMs - usedMs;
                int timeoutMs = (int)Math.Min(_options.RequestTimeoutMs, remaining);
                bool limitedByBudget = timeoutMs < _options.RequestTimeoutMs;
                Stopwatch attemptClock = Stopwatch.StartNew();
                Outcome outcome = Attempt(request, timeoutMs, where, result);
                long attemptMs = attemptClock.ElapsedMilliseconds;
                usedMs += attemptMs;
                result.Requests = attempt;
                result.AddAttempt(_redactor.Text("request " + attempt + ": " + outcome.Summary + " (" + attemptMs.ToString(CultureInfo.InvariantCulture) + " ms)"));

                if (outcome.Success)
                {
                    return Finish(result, total, null, null);
                }
                if (outcome.Code == WooHttpErrors.Timeout && limitedByBudget)
                {
                    return Finish(result, total, WooHttpErrors.Budget, BudgetMessage(where, attempt, usedMs, outcome.Message, null));
                }
                if (!outcome.Retryable)
                {
                    return Finish(result, total, outcome.Code, outcome.Message);
                }
                if (!idempotent && !outcome.SafeToRepeat)
                {
                    return Finish(result, total, outcome.Code, outcome.Message +
                        " Not retried: a " + request.Method + " may already have taken effect; the caller checks and repeats it.");
                }
                if (attempt >= _options.MaxAttempts)
                {
                    return Finish(result, total, outcome.Code, outcome.Message + " Gave up after " + attempt + " request(s) (maxAttempts " +
                        _options.MaxAttempts + ", " + Seconds(usedMs) + " s).");
                }

                int delay;
                string note = null;
                if (outcome.RetryAfterMs.HasValue)
                {
                    long wanted = outcome.RetryAfterMs.Value;
                    delay = (int)Math.Min(wanted, _options.RetryAfterMaxMs);
                    if (wanted > _options.RetryAfterMaxMs)
                    {
                        note = "WooCommerce asked to wait " + Seconds(wanted) + " s (Retry-After); waiting at most " + Seconds(_options.RetryAfterMaxMs) + " s";
                        result.AddAttempt(note);
                    }
                }
                else
                {
                    delay = RetryTiming.Backoff(attempt, _options.BackoffBaseMs, _options.BackoffMaxMs, _jitter.NextDouble());
                }
                if (usedMs + delay >= _options.TotalBudgetMs)
                {
                    string wait = "the next wait of " + Seconds(delay) + " s" + (outcome.RetryAfterMs.HasValue ? " (Retry-After)" : string.Empty);
                    return Finish(result, total, WooHttpErrors.Budget, BudgetMessage(where, attempt, usedMs, outcome.Message, wait));
                }
                _sleeper.Sleep(delay);
                usedMs += delay;
                result.Retries++;
                result.AddDelay(delay);
            }
        }

        private string BudgetMessage(string where, int attempts, long usedMs, string lastFailure, string nextWait)
        {
            return where + ": gave up after " + attempts + " request(s) and " + Seconds(usedMs) + " s: " +
                (nextWait != null ? nextWait + " would exceed" : "the last request ran out of") + " the total budget of " +
                Seconds(_options.TotalBudgetMs) + " s (totalBudgetMs). Last failure: " + lastFailure +
                " The run continues next time; if this repeats, check the shop's health or raise totalBudgetMs.";
        }

        private WooHttpResult Finish(WooHttpResult result, Stopwatch total, string code, string message)
        {
            result.Elapsed = total.Elapsed;
            result.Succeeded = code == null;
            result.ErrorCode = code;
            result.ErrorMessage = message == null ? null : _redactor.Text(code + ": " + message);
            return result;
        }

        // ---- one request ------------------------------------------------------------------------------------------

        private sealed class Outcome
        {
            public bool Success;
            public string Code;
            public string Message;
            public bool Retryable;
            public bool SafeToRepeat;
            public long? RetryAfterMs;
            public string Summary;
            /// <summary>The body was not read to its end: abort the request rather than drain the rest on close.</summary>
            public bool StoppedReading;

            public static Outcome Ok(int status, long bytes)
            {
                return new Outcome { Success = true, Summary = status.ToString(CultureInfo.InvariantCulture) + ", " + bytes.ToString(CultureInfo.InvariantCulture) + " bytes" };
            }

            public static Outcome Fail(string code, string summary, string message, bool retryable)
            {
                return new Outcome { Code = code, Summary = summary, Message = message, Retryable = retryable };
            }
        }

        private Outcome Attempt(WooRequest request, int timeoutMs, string where, WooHttpResult result)
        {
            ApplyTlsProtocols();
            Stopwatch clock = Stopwatch.StartNew();
            HttpWebRequest http = null;
            HttpWebResponse response = null;
            bool completed = false;
            // A request body's length (-1: none), whether its stream is being opened (GetRequestStream: connect, TLS) or
            // written, and the bytes handed to the request stream so far.
            long bodyLength = -1;
            bool opening = false;
            bool writing = false;
            long offered = 0;
            try
            {
                http = CreateRequest(request, timeoutMs);
                if (request.JsonBody != null || request.Method == "PUT" || request.Method == "POST")
                {
                    byte[] body = new UTF8Encoding(false).GetBytes(request.JsonBody ?? string.Empty);
                    http.ContentType = "application/json; charset=utf-8";
                    http.ContentLength = body.Length;
                    bodyLength = body.Length;
                    opening = true;
                    Stream stream = http.GetRequestStream();
                    opening = false;
                    writing = true;
                    bool closed = false;
                    try
                    {
                        if (!RequestBodyWriter.Write(stream, body, timeoutMs, clock, ref offered))
                        {
                            return BodyWriteFailed(where, timeoutMs, offered, body.Length, null);
                        }
                        stream.Close();
                        closed = true;
                    }
                    finally
                    {
                        if (!closed)
                        {
                            // Closing a request stream short of Content-Length throws (_ConnectStream.cs CloseInternal,
                            // net_io_notenoughbyteswritten): abort first, then close quietly.
                            try { http.Abort(); } catch (WebException) { } catch (InvalidOperationException) { }
                            try { stream.Close(); } catch (IOException) { } catch (WebException) { } catch (ObjectDisposedException) { } catch (InvalidOperationException) { }
                        }
                    }
                    writing = false;
                }
                try
                {
                    response = (HttpWebResponse)http.GetResponse();
                }
                catch (WebException ex)
                {
                    response = ex.Response as HttpWebResponse;
                    if (response == null)
                    {
                        return FromWebException(ex, where, timeoutMs, clock);
                    }
                }
                Outcome outcome = FromResponse(response, where, timeoutMs, clock, result);
                completed = outcome.Success || !outcome.StoppedReading && outcome.Code != WooHttpErrors.Timeout && outcome.Code != WooHttpErrors.TooLarge
                    && outcome.Code != WooHttpErrors.Truncated && outcome.Code != WooHttpErrors.Connection;
                return outcome;
            }
            catch (WebException ex)
            {
                if (writing) return BodyWriteFailed(where, timeoutMs, offered, bodyLength, ex);
                Outcome failed = FromWebException(ex, where, timeoutMs, clock);
                // GetRequestStream failed: nothing of a non-empty body was sent, and the server waits for Content-Length
                // bytes, so even a POST cannot have taken effect.
                if (opening && bodyLength > 0) failed.SafeToRepeat = true;
                return failed;
            }
            catch (InvalidDataException ex)
            {
                // Only ReadBody decompresses; this is a safety net so nothing but a fatal exception leaves Send.
                return NotCompressed(where, null, ex);
            }
            catch (IOException ex)
            {
                if (writing) return BodyWriteFailed(where, timeoutMs, offered, bodyLength, ex);
                if (IsBadCompression(ex)) return NotCompressed(where, null, ex);
                return ConnectionFailure(where, ex, opening && bodyLength > 0);
            }
            catch (NotSupportedException ex)
            {
                return Outcome.Fail(WooHttpErrors.Config, "not supported", where + ": " + ex.Message, false);
            }
            finally
            {
                // A body we stopped reading (deadline, size cap, broken stream) must not be drained on close: abort.
                if (!completed && http != null)
                {
                    try { http.Abort(); } catch (WebException) { } catch (InvalidOperationException) { }
                }
                if (response != null)
                {
                    try { response.Close(); } catch (WebException) { } catch (IOException) { }
                }
            }
        }

        /// <summary>
        /// Sending the request body failed (<paramref name="ex"/>) or the deadline passed between pieces (null). When
        /// part of the body was never handed to the connection (<paramref name="offered"/> short of
        /// <paramref name="length"/>) the server, which waits for Content-Length bytes, cannot have acted: safe to repeat
        /// even a POST. When the last piece was being written all of it may have arrived: not safe.
        /// </summary>
        private Outcome BodyWriteFailed(string where, int timeoutMs, long offered, long length, Exception ex)
        {
            bool incomplete = offered < length;
            string progress = "after handing " + offered.ToString(CultureInfo.InvariantCulture) + " of " + length.ToString(CultureInfo.InvariantCulture) +
                " bytes to the connection" + (incomplete ? "; WooCommerce cannot have acted on an incomplete body." : "; the shop may have received all of it.");
            Outcome o;
            if (ex == null || IsTimeout(ex) || (ex is WebException && ((WebException)ex).Status == WebExceptionStatus.RequestCanceled))
            {
                o = Outcome.Fail(WooHttpErrors.Timeout, "request body timeout", where + ": sending the request body did not complete within " +
                    Seconds(timeoutMs) + " s, " + progress + " The uplink is slow or the shop stopped reading: send fewer orders per request, or raise requestTimeoutMs.", true);
            }
            else
            {
                o = Outcome.Fail(WooHttpErrors.Connection, "connection while sending: " + (ex is WebException ? ((WebException)ex).Status.ToString() : ex.GetType().Name),
                    where + ": the connection failed while sending the request body (" + Describe(ex) + "), " + progress, true);
            }
            o.SafeToRepeat = incomplete;
            return o;
        }

        private HttpWebRequest CreateRequest(WooRequest request, int timeoutMs)
        {
            Uri uri = BuildUri(request, true);
            var http = (HttpWebRequest)WebRequest.Create(uri);
            http.Method = request.Method;
            // Explicit: never the machine-wide default proxy (inside SQL Server that is the service account's, unknown to the DBA).
            http.Proxy = _options.ProxyUrl == null ? null : new WebProxy(new Uri(_options.ProxyUrl), false);
            http.Timeout = timeoutMs;
            // Timeout covers connect and headers (_Connection.cs SyncRead reads them with request.Timeout); ReadWriteTimeout
            // each body read. Capped: a decompressing stream cannot take a per-read timeout later (see ReadBody). It also
            // becomes the request stream's WriteTimeout, which RequestBodyWriter raises to the time left for each piece.
            http.ReadWriteTimeout = HttpTransportRules.BodyReadTimeoutMs(timeoutMs);
            http.KeepAlive = _options.KeepAlive;
            http.UserAgent = _userAgent;
            http.Accept = "application/json";
            http.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
            http.AllowAutoRedirect = false;
            http.UseDefaultCredentials = false;
            http.PreAuthenticate = false;
            http.ServicePoint.Expect100Continue = false;
            // Explicit, not the AppDomain's default of 2 (see HttpTransportRules.ConnectionsPerShop). The setter does
            // nothing once the same value was set (ServicePoint.cs), so every request may set it.
            http.ServicePoint.ConnectionLimit = HttpTransportRules.ConnectionsPerShop;
            if (_options.AuthMode == WooAuthMode.Basic)
            {
                string pair = _options.ConsumerKey + ":" + _options.ConsumerSecret;
                http.Headers[HttpRequestHeader.Authorization] = "Basic " + Convert.ToBase64String(new UTF8Encoding(false).GetBytes(pair));
            }
            return http;
        }

        private static void ApplyTlsProtocols()
        {
            // Inside sqlservr.exe the framework default can still be SSL 3 / TLS 1.0 only; checked at every call (design 3).
            // ServicePointManager.SecurityProtocol is one static field for the whole AppDomain (ServicePointManager.cs):
            // every assembly in it sees the change. So only TLS 1.2 is added, only when neither it nor SystemDefault is
            // there, and nothing is removed or forced (no TLS 1.3: see HttpTransportRules.WithTls12).
            SecurityProtocolType current = ServicePointManager.SecurityProtocol;
            SecurityProtocolType wanted = HttpTransportRules.WithTls12(current);
            if (wanted != current)
            {
                ServicePointManager.SecurityProtocol = wanted;
            }
        }

        private Outcome FromResponse(HttpWebResponse response, string where, int timeoutMs, Stopwatch clock, WooHttpResult result)
        {
            int status = (int)response.StatusCode;
            result.StatusCode = status;
            result.ContentType = response.ContentType;
            result.Body = null;
            result.ClearHeaders();
            foreach (string name in response.Headers.AllKeys)
            {
                if (!string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
                {
                    result.SetHeader(name, response.Headers[name]);
                }
            }
            result.TotalItems = ParseInt(response.Headers["X-WP-Total"]);
            result.TotalPages = ParseInt(response.Headers["X-WP-TotalPages"]);
            result.RetryAfter = response.Headers["Retry-After"];
            string at = where + " answered " + status.ToString(CultureInfo.InvariantCulture);

            if (status >= 300 && status < 400)
            {
                string location = response.Headers["Location"];
                string target = "another address";
                Uri to;
                if (!string.IsNullOrEmpty(location) && Uri.TryCreate(response.ResponseUri, location, out to))
                {
                    target = Redactor.WithoutQuery(to);
                }
                return Outcome.Fail(WooHttpErrors.Redirect, status + " redirect", at + " and redirects to " + target +
                    ". CpOrders does not follow redirects (they drop the credentials): set the store's base URL to the address the shop redirects to (https, www or not).", false);
            }

            string text;
            Outcome readFailure = ReadBody(response, where, timeoutMs, clock, out text);
            if (readFailure != null)
            {
                return readFailure;
            }
            result.Body = status >= 200 && status < 300 ? text : _redactor.Text(text);

            if (status >= 200 && status < 300)
            {
                return CheckJson(status, text, response.ContentType, at);
            }

            string wooCode;
            string wooMessage;
            string detail = string.Empty;
            if (ErrorBody.TryRead(text, out wooCode, out wooMessage))
            {
                result.WooErrorCode = _redactor.Text(wooCode);
                result.WooErrorMessage = _redactor.Text(wooMessage);
                detail = " " + (wooCode ?? "(no code)") + ": " + (wooMessage ?? "(no message)").TrimEnd('.');
            }
            else if (!string.IsNullOrEmpty(text))
            {
                detail = " (not a WooCommerce error body: " + Excerpt(text) + ")";
            }
            long? retryAfter = RetryTiming.ParseRetryAfterMs(result.RetryAfter, _clock.UtcNow);

            if (status == 429)
            {
                var o = Outcome.Fail(WooHttpErrors.RateLimited, "429", at + detail + " (too many requests). The host rate-limits CpOrders: lower the schedule's frequency or per_page, or ask the host to allow-list the User-Agent '" + _userAgent + "'.", true);
                o.SafeToRepeat = true;
                o.RetryAfterMs = retryAfter;
                return o;
            }
            if (status == 500 || status == 502 || status == 503 || status == 504)
            {
                var o = Outcome.Fail(WooHttpErrors.ServerError, status.ToString(CultureInfo.InvariantCulture), at + detail + ". The shop or its host had a server error. If it persists, check the shop's PHP error log and hosting status.", true);
                o.RetryAfterMs = retryAfter;
                return o;
            }
            if (status == 401 || status == 403)
            {
                return Outcome.Fail(WooHttpErrors.AuthFailed, status.ToString(CultureInfo.InvariantCulture), at + detail + ". " + AuthHint(status, wooCode), false);
            }
            if (status >= 500)
            {
                return Outcome.Fail(WooHttpErrors.ServerError, status.ToString(CultureInfo.InvariantCulture), at + detail + ". Not retried (this status does not go away by repeating).", false);
            }
            string hint = status == 404 && wooCode == "rest_no_route"
                ? " The WooCommerce REST API is not at this address: check the base URL, that WooCommerce is active and that WordPress permalinks are not 'Plain'."
                : status == 404 ? " The object does not exist (any more) in the shop." : string.Empty;
            return Outcome.Fail(WooHttpErrors.ClientError, status.ToString(CultureInfo.InvariantCulture), at + detail + "." + hint, false);
        }

        private string AuthHint(int status, string wooCode)
        {
            string hint = "Check the store's consumer key and secret in CpOrders and that the key (WooCommerce > Settings > Advanced > REST API) exists with Read/Write permission.";
            if (status == 401 && _options.AuthMode == WooAuthMode.Basic)
            {
                hint += " Some hosts do not pass the Authorization header to PHP: then use auth mode 'query'.";
            }
            if (status == 401 && _options.AuthMode != WooAuthMode.OAuth1 && wooCode != null && wooCode.StartsWith("woocommerce_rest_cannot_", StringComparison.Ordinal))
            {
                // WC_REST_Authentication::authenticate() tries keys sent over https only when WordPress's is_ssl() is true.
                hint += " If TLS ends at a proxy or load balancer, WordPress may not know the request was https and then ignores the keys: the host must pass X-Forwarded-Proto (or set HTTPS) to PHP.";
            }
            if (status == 401 && _options.AuthMode == WooAuthMode.OAuth1)
            {
                // WC_REST_Authentication::check_oauth_signature() signs get_home_url() + the request path, and
                // check_oauth_timestamp_and_nonce() accepts a timestamp within 15 minutes of the shop's clock.
                hint += " OAuth 1.0a: WooCommerce checks the signature against the WordPress Site Address (Settings > General), not the address the request came to, " +
                    "so the base URL must match it exactly: https or http as WordPress sees it (TLS ended at a proxy counts as http), www or not, port, subdirectory. " +
                    "'Invalid timestamp' means this server's clock and the shop's differ by more than 15 minutes (check both against a time server).";
            }
            if (status == 403)
            {
                hint += " A 403 can also come from a security plugin or firewall blocking the User-Agent '" + _userAgent + "': ask the host to allow-list it.";
            }
            return hint;
        }

        private static Outcome CheckJson(int status, string text, string contentType, string at)
        {
            string problem = null;
            bool endsEarly = false;
            if (!string.IsNullOrEmpty(contentType) && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                problem = "Content-Type " + contentType + ", not JSON";
            }
            else
            {
                ErrorBody.LooksLikeCompleteJson(text, out problem, out endsEarly);
            }
            if (problem == null)
            {
                return Outcome.Ok(status, text.Length);
            }
            if (endsEarly)
            {
                // A compressed or chunked answer has no length to compare with (.NET Framework sets ContentLength to -1
                // when it decompresses, HttpWebResponse.cs), so a connection cut cleanly looks complete: the JSON tells.
                return Outcome.Fail(WooHttpErrors.Truncated, status + " but truncated", at + " but the answer ends before its JSON does (" +
                    text.Length.ToString(CultureInfo.InvariantCulture) + " characters; " + problem +
                    "). The connection broke or the shop's PHP stopped mid-answer.", true);
            }
            return Outcome.Fail(WooHttpErrors.NotJson, status + " but not JSON", at + " but the body is not WooCommerce JSON: " + problem + ". Start: " + Excerpt(text) +
                ". A security plugin, firewall, cache or maintenance page may have answered instead of WooCommerce, or a plugin printed output into the API: open the URL in a browser from this server.", false);
        }

        private Outcome ReadBody(HttpWebResponse response, string where, int timeoutMs, Stopwatch clock, out string text)
        {
            text = null;
            long declared = response.ContentLength;
            string encoding = response.Headers["Content-Encoding"];
            bool identity = string.IsNullOrEmpty(encoding) || string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase);
            long max = _options.MaxResponseBytes;
            if (identity && declared > max)
            {
                return TooLarge(where, declared, true);
            }
            var buffer = new byte[ReadChunkBytes];
            long received = 0;
            // The timeout of the current read and the time left when it began: a stream that cannot time out waits for
            // ReadWriteTimeout (set in CreateRequest, copied to the inner ConnectStream).
            int readTimeout = HttpTransportRules.BodyReadTimeoutMs(timeoutMs);
            long leftAtRead = timeoutMs;
            // Sized from Content-Length when known (identity only: on .NET Framework a decompressed response reports -1).
            using (var content = new MemoryStream(HttpTransportRules.InitialBufferBytes(identity ? declared : -1, max)))
            {
                bool deflate = false;
                try
                {
                    using (Stream stream = response.GetResponseStream())
                    {
                        // .NET Framework clears the Content-Encoding header when it decompresses (HttpWebResponse.cs,
                        // m_HttpResponseHeaders[ContentEncoding] = null): the stream's type tells which one it is.
                        deflate = stream is System.IO.Compression.DeflateStream;
                        while (true)
                        {
                            long left = timeoutMs - clock.ElapsedMilliseconds;
                            if (left <= 0)
                            {
                                return BodyTimeout(where, timeoutMs, received, declared);
                            }
                            if (stream.CanTimeout)
                            {
                                readTimeout = HttpTransportRules.BodyReadTimeoutMs(left);
                                stream.ReadTimeout = readTimeout;
                            }
                            leftAtRead = left;
                            int n = stream.Read(buffer, 0, buffer.Length);
                            if (n <= 0) break;
                            received += n;
                            if (received > max)
                            {
                                return TooLarge(where, received, false);
                            }
                            content.Write(buffer, 0, n);
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    // Automatic decompression over a body that is not gzip/deflate: .NET Framework's GZipStream throws
                    // InvalidDataException (GZipDecoder.cs: CorruptedGZipHeader, InvalidCRC; HuffmanTree.cs), a
                    // SystemException that is no IOException; net10.0 throws the same type (tested).
                    return NotCompressed(where, EncodingLabel(encoding, deflate), ex);
                }
                catch (IOException ex)
                {
                    if (IsBadCompression(ex)) return NotCompressed(where, EncodingLabel(encoding, deflate), ex);
                    return BrokenBody(where, timeoutMs, clock, readTimeout, leftAtRead, received, declared, identity, ex);
                }
                catch (WebException ex)
                {
                    if (IsBadCompression(ex)) return NotCompressed(where, EncodingLabel(encoding, deflate), ex);
                    return BrokenBody(where, timeoutMs, clock, readTimeout, leftAtRead, received, declared, identity, ex);
                }
                catch (ObjectDisposedException ex)
                {
                    return BrokenBody(where, timeoutMs, clock, readTimeout, leftAtRead, received, declared, identity, ex);
                }
                if (identity && declared >= 0 && received < declared)
                {
                    return Truncated(where, received, declared, null);
                }
                text = Decode(content.GetBuffer(), (int)content.Length);
                return null;
            }
        }

        /// <summary>
        /// The answer says Content-Encoding gzip (or deflate) but its body does not decompress. Not retried, not even a
        /// GET: the bytes are what the shop sent (TLS authenticates them in transit), so a repeat gets the same bytes
        /// and only spends the budget. The rest of the body is not read (the request is aborted, not drained).
        /// </summary>
        private Outcome NotCompressed(string where, string encoding, Exception ex)
        {
            string label = string.IsNullOrEmpty(encoding) ? "gzip" : encoding.Trim().ToLowerInvariant();
            Outcome o = Outcome.Fail(WooHttpErrors.NotJson, "not " + label, where + ": Content-Encoding " + label + " but the body is not " + label +
                " (a caching or compression plugin?): " + Describe(ex) + ". A plugin or the web server labels the answer as compressed " +
                "when it is not (or compresses it twice): open the URL from this server and check the caching and compression settings. Not retried.", false);
            o.StoppedReading = true;
            return o;
        }

        private static string EncodingLabel(string header, bool deflateStream)
        {
            if (!string.IsNullOrEmpty(header)) return header.Trim().ToLowerInvariant();
            return deflateStream ? "deflate" : "gzip";
        }

        private static bool IsBadCompression(Exception ex)
        {
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                if (e is InvalidDataException) return true;
            }
            return false;
        }

        private Outcome BrokenBody(string where, int timeoutMs, Stopwatch clock, int readTimeoutMs, long leftAtReadMs, long received, long declared,
            bool identity, Exception ex)
        {
            bool timedOut = IsTimeout(ex);
            if (clock.ElapsedMilliseconds >= timeoutMs || timedOut && HttpTransportRules.ReadTimeoutWasTheDeadline(readTimeoutMs, leftAtReadMs))
            {
                return BodyTimeout(where, timeoutMs, received, declared);
            }
            if (timedOut)
            {
                // No word on repeating: Send appends what it decided (repeated, "Not retried" for a POST, gave up).
                return Outcome.Fail(WooHttpErrors.Timeout, "body stalled", where + ": the answer stalled: no data for " +
                    Seconds(readTimeoutMs) + " s after " + received.ToString(CultureInfo.InvariantCulture) +
                    (declared >= 0 ? " of " + declared.ToString(CultureInfo.InvariantCulture) : string.Empty) +
                    " bytes. The connection to the shop is unreliable.", true);
            }
            if (identity && declared >= 0 && received < declared)
            {
                return Truncated(where, received, declared, ex);
            }
            return ConnectionFailure(where, ex, false);
        }

        private static bool IsConnectFailure(Exception ex)
        {
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                var socket = e as System.Net.Sockets.SocketException;
                if (socket != null && (socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused
                    || socket.SocketErrorCode == System.Net.Sockets.SocketError.HostUnreachable
                    || socket.SocketErrorCode == System.Net.Sockets.SocketError.NetworkUnreachable
                    || socket.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsTimeout(Exception ex)
        {
            for (Exception e = ex; e != null; e = e.InnerException)
            {
                var web = e as WebException;
                if (web != null && web.Status == WebExceptionStatus.Timeout) return true;
                var socket = e as System.Net.Sockets.SocketException;
                if (socket != null && socket.SocketErrorCode == System.Net.Sockets.SocketError.TimedOut) return true;
                if (e is TimeoutException) return true;
            }
            return false;
        }

        private static Outcome BodyTimeout(string where, int timeoutMs, long received, long declared)
        {
            return Outcome.Fail(WooHttpErrors.Timeout, "body timeout", where + ": the answer did not complete within " + Seconds(timeoutMs) +
                " s (received " + received.ToString(CultureInfo.InvariantCulture) + (declared >= 0 ? " of " + declared.ToString(CultureInfo.InvariantCulture) : string.Empty) +
                " bytes). The shop or the network is slow: lower per_page, or raise requestTimeoutMs.", true);
        }

        private Outcome TooLarge(string where, long bytes, bool declaredByServer)
        {
            return Outcome.Fail(WooHttpErrors.TooLarge, "too large", where + ": the answer is larger than the limit of " +
                _options.MaxResponseBytes.ToString(CultureInfo.InvariantCulture) + " bytes (" + (declaredByServer ? "Content-Length " : "received more than ") +
                bytes.ToString(CultureInfo.InvariantCulture) + "). Lower per_page, or raise maxResponseBytes if the shop's orders really are that large.", false);
        }

        private Outcome Truncated(string where, long received, long declared, Exception ex)
        {
            return Outcome.Fail(WooHttpErrors.Truncated, "truncated", where + ": the answer was cut off after " + received.ToString(CultureInfo.InvariantCulture) +
                " of " + declared.ToString(CultureInfo.InvariantCulture) + " bytes" + (ex == null ? string.Empty : " (" + Describe(ex) + ")") +
                ". The connection broke or the shop's PHP stopped mid-answer (memory or time limit).", true);
        }

        private Outcome FromWebException(WebException ex, string where, int timeoutMs, Stopwatch clock)
        {
            switch (HttpTransportRules.Classify(ex.Status))
            {
                case WebFailureKind.Timeout:
                    return NoAnswerInTime(where, timeoutMs);
                case WebFailureKind.Connection:
                    return ConnectionFailure(where, ex, true);
                case WebFailureKind.Tls:
                    return Outcome.Fail(WooHttpErrors.Tls, "TLS failure", where + ": the TLS (https) handshake failed: " + Describe(ex) +
                        ". Either this server does not trust the shop's certificate (check the certificate chain and the server's root certificates) " +
                        "or no common TLS version exists (CpOrders adds TLS 1.2 to the framework's protocols unless the system default is in use; " +
                        "TLS 1.3 needs Windows Server 2022 or later). Not retried.", false);
                case WebFailureKind.ProtocolViolation:
                    return Outcome.Fail(WooHttpErrors.Protocol, "protocol violation", where + ": the answer is not valid HTTP (" + Describe(ex) +
                        "): the web server, a proxy or a firewall in between sent a malformed status line, header or chunk " +
                        "(.NET Framework refuses, for example, a header name with a space or a line ending in a bare LF). " +
                        "Not retried (the same device answers the same way): open the URL from this server and check what answers.", false);
                case WebFailureKind.Canceled:
                    if (clock.ElapsedMilliseconds >= timeoutMs - 50)
                    {
                        return NoAnswerInTime(where, timeoutMs);
                    }
                    return ConnectionFailure(where, ex, false);
                default:
                    if (IsTimeout(ex) || clock.ElapsedMilliseconds >= timeoutMs)
                    {
                        return NoAnswerInTime(where, timeoutMs);
                    }
                    // .NET (Core) reports a refused connection as UnknownError with a SocketException inside.
                    return ConnectionFailure(where, ex, IsConnectFailure(ex));
            }
        }

        private static Outcome NoAnswerInTime(string where, int timeoutMs)
        {
            return Outcome.Fail(WooHttpErrors.Timeout, "timeout", where + ": no answer within " + Seconds(timeoutMs) +
                " s (connect and headers). The shop is slow or unreachable from this server.", true);
        }

        private Outcome ConnectionFailure(string where, Exception ex, bool beforeConnect)
        {
            var web = ex as WebException;
            string what;
            if (web != null && web.Status == WebExceptionStatus.NameResolutionFailure)
            {
                what = "cannot resolve the host name (" + Describe(ex) + "). Check the store's base URL and this server's DNS.";
            }
            else if (web != null && web.Status == WebExceptionStatus.ProxyNameResolutionFailure)
            {
                what = "cannot resolve the proxy's host name (" + Describe(ex) + "). Check the store's proxy setting.";
            }
            else if (web != null && (web.Status == WebExceptionStatus.ConnectFailure || IsConnectFailure(ex)))
            {
                what = "cannot connect (" + Describe(ex) + "). Check that this server may reach the shop (firewall, outbound rules for the SQL Server service account" +
                    (_options.ProxyUrl == null ? ", or a proxy is required: set one)" : ", the proxy)") + ".";
            }
            else
            {
                what = "the connection failed or was closed by the server or a device in between (" + Describe(ex) + ").";
            }
            if (_options.ProxyUrl != null)
            {
                Uri proxy = new Uri(_options.ProxyUrl);
                what += " The request went through the proxy " + proxy.Host + ":" + proxy.Port.ToString(CultureInfo.InvariantCulture) + " (proxyUrl).";
            }
            var o = Outcome.Fail(WooHttpErrors.Connection, "connection: " + (web != null ? web.Status.ToString() : ex.GetType().Name), where + ": " + what, true);
            o.SafeToRepeat = beforeConnect;
            return o;
        }

        private string Describe(Exception ex)
        {
            var sb = new StringBuilder();
            var web = ex as WebException;
            if (web != null) sb.Append(web.Status.ToString()).Append(": ");
            sb.Append(ex.Message);
            string last = ex.Message;
            for (Exception inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner.Message != last)
                {
                    sb.Append(" / ").Append(inner.Message);
                    last = inner.Message;
                }
            }
            return _redactor.Text(sb.ToString().TrimEnd('.'));
        }

        // ---- URLs -------------------------------------------------------------------------------------------------

        /// <summary>The request's URL; with credentials (query keys or a fresh OAuth signature) only when <paramref name="withAuth"/>.</summary>
        private Uri BuildUri(WooRequest request, bool withAuth)
        {
            var target = new Uri(_apiBase, request.Path);
            var query = new List<KeyValuePair<string, string>>(request.Query);
            if (withAuth && _options.AuthMode == WooAuthMode.Query)
            {
                query.Add(new KeyValuePair<string, string>("consumer_key", _options.ConsumerKey));
                query.Add(new KeyValuePair<string, string>("consumer_secret", _options.ConsumerSecret));
            }
            else if (withAuth && _options.AuthMode == WooAuthMode.OAuth1)
            {
                var signer = new OAuth1Signer(_options.ConsumerKey, _options.ConsumerSecret);
                query.AddRange(signer.Sign(request.Method, target, request.Query, _clock.UtcNow, _nonces.NextNonce()));
            }
            if (query.Count == 0)
            {
                return target;
            }
            var sb = new StringBuilder(target.AbsoluteUri);
            for (int i = 0; i < query.Count; i++)
            {
                sb.Append(i == 0 ? '?' : '&').Append(PercentEncoding.Encode(query[i].Key)).Append('=').Append(PercentEncoding.Encode(query[i].Value));
            }
            return new Uri(sb.ToString());
        }

        private static Uri Validate(WooHttpOptions o, Redactor redactor)
        {
            var problems = new List<string>();
            Uri site = null;
            if (string.IsNullOrEmpty(o.BaseUrl))
            {
                problems.Add("baseUrl is missing (the shop's address, e.g. https://shop.example.com)");
            }
            else if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out site) || (site.Scheme != "https" && site.Scheme != "http"))
            {
                problems.Add("baseUrl '" + redactor.Text(o.BaseUrl) + "' is not an http(s) address");
                site = null;
            }
            else if (!string.IsNullOrEmpty(site.Query) || !string.IsNullOrEmpty(site.Fragment) || !string.IsNullOrEmpty(site.UserInfo))
            {
                problems.Add("baseUrl " + Redactor.WithoutQuery(site) + " must not carry a query, fragment or user name: give only the site address; keys go in consumerKey/consumerSecret");
                site = null;
            }
            if (string.IsNullOrEmpty(o.ConsumerKey)) problems.Add("consumerKey is missing");
            if (string.IsNullOrEmpty(o.ConsumerSecret)) problems.Add("consumerSecret is missing");
            if (site != null && site.Scheme == "http")
            {
                if (o.AuthMode != WooAuthMode.OAuth1)
                {
                    problems.Add("baseUrl " + Redactor.WithoutQuery(site) + " is plain http: auth mode '" + o.AuthMode.ToString().ToLowerInvariant() +
                        "' would send the API keys in clear text, and WooCommerce refuses keys over http anyway. Use https (strongly preferred), or auth mode 'oauth1' with allowPlainHttp");
                }
                else if (!o.AllowPlainHttp)
                {
                    problems.Add("baseUrl " + Redactor.WithoutQuery(site) + " is plain http: orders (names, addresses) would travel unencrypted. Use https; only if the shop cannot offer https, set allowPlainHttp (OAuth 1.0a signatures keep the secret itself off the wire)");
                }
            }
            if (o.ProxyUrl != null)
            {
                Uri proxy;
                if (!Uri.TryCreate(o.ProxyUrl, UriKind.Absolute, out proxy) || (proxy.Scheme != "http" && proxy.Scheme != "https"))
                {
                    problems.Add("proxyUrl '" + redactor.Text(o.ProxyUrl) + "' is not an http(s) address such as http://proxy.corp:8080");
                }
                else if (!string.IsNullOrEmpty(proxy.UserInfo))
                {
                    problems.Add("proxyUrl must not contain a user name or password (proxy credentials are not supported)");
                }
            }
            if (o.UserAgent != null && (o.UserAgent.IndexOf('\r') >= 0 || o.UserAgent.IndexOf('\n') >= 0))
            {
                problems.Add("userAgent must be one line");
            }
            if (o.RequestTimeoutMs < 100) problems.Add("requestTimeoutMs must be at least 100");
            if (o.TotalBudgetMs < 100) problems.Add("totalBudgetMs must be at least 100");
            if (o.MaxResponseBytes < 1024) problems.Add("maxResponseBytes must be at least 1024");
            if (o.MaxAttempts < 1 || o.MaxAttempts > 20) problems.Add("maxAttempts must be between 1 and 20");
            if (o.BackoffBaseMs < 0 || o.BackoffMaxMs < o.BackoffBaseMs) problems.Add("backoffBaseMs must be >= 0 and backoffMaxMs >= backoffBaseMs");
            if (o.RetryAfterMaxMs < 0) problems.Add("retryAfterMaxMs must be >= 0");
            string prefix = o.ApiPrefix ?? string.Empty;
            Uri apiRoot = null;
            if (prefix.IndexOf('?') >= 0 || prefix.IndexOf("..", StringComparison.Ordinal) >= 0 || prefix.IndexOf(':') >= 0)
            {
                problems.Add("apiPrefix must be a plain path such as wp-json/wc/v3/");
            }
            else if (site != null)
            {
                // The site address or the REST address, trailing slashes or not: normalised in WooBaseUrl only.
                string urlProblem;
                apiRoot = WooBaseUrl.ApiRoot(site, prefix, out urlProblem);
                if (urlProblem != null) problems.Add(urlProblem);
            }
            if (problems.Count > 0)
            {
                throw new WooHttpException(WooHttpErrors.Config, "the WooCommerce connection settings are not usable: " + string.Join("; ", problems.ToArray()) + ".");
            }
            return apiRoot;
        }

        // ---- small helpers ----------------------------------------------------------------------------------------

        private static int? ParseInt(string value)
        {
            int n;
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : (int?)null;
        }

        private static string Decode(byte[] bytes, int length)
        {
            int start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false, false).GetString(bytes, start, length - start);
        }

        private static string Excerpt(string text)
        {
            if (string.IsNullOrEmpty(text)) return "(empty)";
            var sb = new StringBuilder();
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.IsControl(c) ? '?' : c);
                if (sb.Length >= 120) break;
            }
            return "'" + sb + (sb.Length >= 120 ? "..." : string.Empty) + "'";
        }

        private static string Seconds(long milliseconds)
        {
            return (milliseconds / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture);
        }
    }
}
