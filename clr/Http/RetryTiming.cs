using System;
using System.Globalization;

namespace CpOrders.WooClr.Http
{
    /// <summary>Backoff and Retry-After arithmetic, kept apart from the transport so it can be tested alone.</summary>
    public static class RetryTiming
    {
        /// <summary>
        /// The wait after failed request number <paramref name="attempt"/> (1-based): base * 2^(attempt-1), capped,
        /// then "equal jitter": half of it fixed, the other half scaled by <paramref name="jitter"/> in [0, 1).
        /// </summary>
        public static int Backoff(int attempt, int baseMs, int maxMs, double jitter)
        {
            long step = baseMs;
            for (int i = 1; i < attempt && step < maxMs; i++)
            {
                step *= 2;
            }
            if (step > maxMs) step = maxMs;
            long half = step / 2;
            if (jitter < 0) jitter = 0;
            if (jitter >= 1) jitter = 0.999999;
            return (int)(half + (long)((step - half) * jitter));
        }

        /// <summary>
        /// Retry-After in milliseconds: either delta-seconds or an HTTP date (RFC 7231 7.1.3), relative to
        /// <paramref name="utcNow"/>; never negative. Null when absent or unreadable.
        /// </summary>
        public static long? ParseRetryAfterMs(string value, DateTime utcNow)
        {
            if (string.IsNullOrEmpty(value)) return null;
            string v = value.Trim();
            long seconds;
            if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            {
                return seconds > int.MaxValue / 1000 ? int.MaxValue : seconds * 1000;
            }
            DateTime date;
            if (DateTime.TryParseExact(v, "r", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
            {
                double ms = (date - utcNow).TotalMilliseconds;
                if (ms <= 0) return 0;
                return ms > int.MaxValue ? int.MaxValue : (long)Math.Ceiling(ms);
            }
            return null;
        }
    }
}
