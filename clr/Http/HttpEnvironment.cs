using System;
using System.Security.Cryptography;
using System.Threading;

namespace CpOrders.WooClr.Http
{
    /// <summary>Wall-clock time (OAuth timestamps, Retry-After dates). Injectable so tests are deterministic.</summary>
    public interface IHttpClock
    {
        DateTime UtcNow { get; }
    }

    /// <summary>OAuth nonces: unique per request.</summary>
    public interface INonceSource
    {
        string NextNonce();
    }

    /// <summary>Waits between retries. Tests record the delays instead of waiting.</summary>
    public interface ISleeper
    {
        void Sleep(int milliseconds);
    }

    /// <summary>Jitter for backoff: a number in [0, 1).</summary>
    public interface IJitterSource
    {
        double NextDouble();
    }

    /// <summary>
    /// The real environment: system clock, cryptographic nonces and jitter, Thread.Sleep (allowed inside SQL Server).
    /// Holds no state shared between instances; one per client.
    /// </summary>
    public sealed class SystemHttpEnvironment : IHttpClock, INonceSource, ISleeper, IJitterSource
    {
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        public string NextNonce()
        {
            return CpOrders.WooClr.Text.Hex.Lower(RandomBytes(16));
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }

        public double NextDouble()
        {
            byte[] bytes = RandomBytes(4);
            uint value = BitConverter.ToUInt32(bytes, 0);
            return value / 4294967296.0;
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (RandomNumberGenerator rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }
            return bytes;
        }
    }
}
