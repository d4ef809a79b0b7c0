using System;
using System.Net;

namespace CpOrders.WooClr.Http
{
    /// <summary>What kind of failure a <see cref="WebException"/> without a response is, for retry decisions.</summary>
    public enum WebFailureKind
    {
        /// <summary>No answer (or no body data) in time. Retried.</summary>
        Timeout,
        /// <summary>Name resolution, refused or unreachable, reset, closed keep-alive connection. Retried.</summary>
        Connection,
        /// <summary>Certificate not trusted or no common TLS version. Not retried.</summary>
        Tls,
        /// <summary>The answer is not valid HTTP (WebExceptionStatus.ServerProtocolViolation). Not retried: the same
        /// device answers the same way next time.</summary>
        ProtocolViolation,
        /// <summary>The request was aborted (by our own deadline, or otherwise). Decided by elapsed time.</summary>
        Canceled,
        /// <summary>Anything else: decided by the exception chain (timeouts, socket errors).</summary>
        Other,
    }

    /// <summary>
    /// Pure decisions of the transport, kept apart from <see cref="WooHttpClient"/> so they can be tested without a
    /// network: TLS protocol flags, read timeouts, buffer sizes, failure classification. No state.
    /// </summary>
    public static class HttpTransportRules
    {
        /// <summary>
        /// Longest wait for the next piece of a response body. On .NET Framework a decompressing response stream
        /// (GZipWrapperStream/DeflateWrapperStream, HttpWebResponse.cs) cannot time out (CanTimeout false), so one read
        /// can block for the request's ReadWriteTimeout (copied to the inner ConnectStream in HttpWebRequest.cs); capping
        /// it bounds how far a read may overrun the deadline checked between reads.
        /// </summary>
        public const int MaxBodyStallMs = 5000;

        /// <summary>Initial body buffer when the length is not known in advance (chunked, or compressed: .NET Framework
        /// sets ContentLength to -1 on decompressed responses).</summary>
        public const int UnknownLengthBufferBytes = 64 * 1024;

        /// <summary>
        /// Connections per shop host at once (ServicePoint.ConnectionLimit). .NET Framework's default is 2 outside
        /// ASP.NET (ServicePointManager.DefaultPersistentConnectionLimit) or whatever machine.config or another assembly
        /// in the same AppDomain set; with 2, a third SQL session calling the same shop queues behind the others and
        /// spends its timeout waiting for a connection. Set explicitly so the limit is known, and small so a shop's host
        /// is not flooded.
        /// </summary>
        public const int ConnectionsPerShop = 10;

        /// <summary>
        /// The SecurityProtocol to use, given the current one: TLS 1.2 is added only when neither TLS 1.2 nor
        /// SystemDefault (0: the operating system chooses, TLS 1.2 and, where SChannel has it, 1.3) is present.
        /// TLS 1.3 is never forced: SChannel has it only from Windows Server 2022 / Windows 11, and requesting it on
        /// older Windows breaks the handshake. Nothing is removed.
        /// </summary>
        public static SecurityProtocolType WithTls12(SecurityProtocolType current)
        {
            if (current == (SecurityProtocolType)0 || (current & SecurityProtocolType.Tls12) == SecurityProtocolType.Tls12)
            {
                return current;
            }
            return current | SecurityProtocolType.Tls12;
        }

        /// <summary>The timeout for the next body read: the time left, but at most <see cref="MaxBodyStallMs"/>; at least 1 ms.</summary>
        public static int BodyReadTimeoutMs(long leftMs)
        {
            if (leftMs < 1) return 1;
            return (int)Math.Min(leftMs, MaxBodyStallMs);
        }

        /// <summary>
        /// The timeout for the next piece of a request body (<see cref="RequestBodyWriter"/>): the time left, not capped
        /// (sending is progress at the uplink's pace, not a stall); at least 1 ms.
        /// </summary>
        public static int BodyWriteTimeoutMs(long leftMs)
        {
            if (leftMs < 1) return 1;
            return (int)Math.Min(leftMs, int.MaxValue);
        }

        /// <summary>
        /// Whether a body read that timed out was cut by the request's deadline rather than by the stall cap: its
        /// timeout was the time left (shorter than <see cref="MaxBodyStallMs"/>) when the read began.
        /// </summary>
        public static bool ReadTimeoutWasTheDeadline(int readTimeoutMs, long leftAtReadMs)
        {
            return readTimeoutMs >= leftAtReadMs;
        }

        /// <summary>
        /// The initial capacity of the body buffer: the declared Content-Length when the server sent one (no growth and
        /// no copies), capped by <paramref name="maxBytes"/>; <see cref="UnknownLengthBufferBytes"/> (capped) when not.
        /// </summary>
        public static int InitialBufferBytes(long declaredLength, long maxBytes)
        {
            long cap = Math.Min(maxBytes, int.MaxValue);
            if (cap < 0) cap = 0;
            if (declaredLength >= 0) return (int)Math.Min(declaredLength, cap);
            return (int)Math.Min(UnknownLengthBufferBytes, cap);
        }

        /// <summary>Classifies a WebException that came without a response.</summary>
        public static WebFailureKind Classify(WebExceptionStatus status)
        {
            switch (status)
            {
                case WebExceptionStatus.Timeout:
                    return WebFailureKind.Timeout;
                case WebExceptionStatus.NameResolutionFailure:
                case WebExceptionStatus.ConnectFailure:
                case WebExceptionStatus.ProxyNameResolutionFailure:
                    return WebFailureKind.Connection;
                case WebExceptionStatus.TrustFailure:
                case WebExceptionStatus.SecureChannelFailure:
                    return WebFailureKind.Tls;
                case WebExceptionStatus.ServerProtocolViolation:
                    return WebFailureKind.ProtocolViolation;
                case WebExceptionStatus.RequestCanceled:
                    return WebFailureKind.Canceled;
                default:
                    return WebFailureKind.Other;
            }
        }

        /// <summary>Whether a failure of this kind is worth another request (Other and Canceled: decided by the caller).</summary>
        public static bool IsRetryable(WebFailureKind kind)
        {
            return kind == WebFailureKind.Timeout || kind == WebFailureKind.Connection || kind == WebFailureKind.Canceled || kind == WebFailureKind.Other;
        }
    }
}
