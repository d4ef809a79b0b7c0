using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

/// <summary>Deterministic clock, nonces, jitter; a sleeper that records instead of waiting.</summary>
public sealed class FakeEnvironment : IHttpClock, INonceSource, ISleeper, IJitterSource
{
    private int _nonce;
    private readonly Queue<double> _jitter = new();

    public DateTime Now { get; set; } = DateTime.UtcNow;
    public List<int> Sleeps { get; } = [];
    public double DefaultJitter { get; set; } = 0.5;

    public DateTime UtcNow => Now;

    public string NextNonce() => "nonce" + (++_nonce).ToString("D6") + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Advances the fake clock by the delay: Retry-After dates stay consistent.</summary>
    public void Sleep(int milliseconds)
    {
        Sleeps.Add(milliseconds);
        Now = Now.AddMilliseconds(milliseconds);
    }

    public FakeEnvironment QueueJitter(params double[] values)
    {
        foreach (double v in values) _jitter.Enqueue(v);
        return this;
    }

    public double NextDouble() => _jitter.Count > 0 ? _jitter.Dequeue() : DefaultJitter;
}
