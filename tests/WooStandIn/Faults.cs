namespace WooStandIn;

public enum FaultKind
{
    /// <summary>Answer with <see cref="Fault.Status"/> (e.g. 429, 500, 502, 503), an optional Retry-After and body.</summary>
    Status,
    /// <summary>Abort the connection before answering (a reset / a kept-alive connection closed by the server).</summary>
    Reset,
    /// <summary>Handle the request normally (the shop acts: a note is added, an order saved), then abort the connection
    /// instead of answering: the answer is lost after WooCommerce acted, the case a POST must not be blindly repeated for.</summary>
    ResetAfterHandling,
    /// <summary>Wait <see cref="Fault.DelayMs"/> before sending the status line and headers.</summary>
    SlowHeaders,
    /// <summary>Send the headers and the body in small pieces, <see cref="Fault.DelayMs"/> apart (a trickle).</summary>
    SlowBody,
    /// <summary>Send the headers and half the body, then nothing for <see cref="Fault.DelayMs"/>, then the rest.</summary>
    StallBody,
    /// <summary>Content-Length of the whole body, send half of it, then abort the connection.</summary>
    Truncated,
    /// <summary>200 with an HTML page (a firewall/cache challenge).</summary>
    Html200,
    /// <summary>200, application/json, but the JSON is cut off / followed by a PHP warning.</summary>
    InvalidJson,
    /// <summary>200 with a valid JSON array padded to <see cref="Fault.Bytes"/> bytes (chunked when <see cref="Fault.Chunked"/>).</summary>
    Large,
    /// <summary>The normal answer's first half as a complete HTTP response without Content-Length (chunked, properly
    /// ended), gzip-compressed when <see cref="Fault.Gzip"/>: what .NET Framework sees when a compressed answer is cut
    /// cleanly (it clears Content-Length on decompression), so only the JSON shows the loss.</summary>
    CutJson,
    /// <summary>The normal answer with <c>Content-Encoding: gzip</c> over a body that is not gzip (plain JSON, or with
    /// <see cref="Fault.Corrupt"/> a gzip whose CRC does not match): what a caching or compression plugin sends when it
    /// labels an answer it did not compress, or compresses it twice over a damaged copy.</summary>
    FalseGzip,
}

/// <summary>One injected misbehaviour for the next matching request.</summary>
public sealed record Fault(FaultKind Kind)
{
    public int Status { get; init; } = 503;
    public string? RetryAfter { get; init; }
    public int DelayMs { get; init; }
    public int Bytes { get; init; }
    public bool Chunked { get; init; }
    public bool Gzip { get; init; }
    /// <summary>For <see cref="FaultKind.FalseGzip"/>: a real gzip stream with a damaged CRC instead of a plain body.</summary>
    public bool Corrupt { get; init; }
    /// <summary>Only requests whose path contains this (null: any request).</summary>
    public string? PathContains { get; init; }
    /// <summary>Only requests with this method, e.g. "POST" (null: any method).</summary>
    public string? Method { get; init; }

    public static Fault WithStatus(int status, string? retryAfter = null) => new(FaultKind.Status) { Status = status, RetryAfter = retryAfter };
    public static Fault ResetConnection() => new(FaultKind.Reset);
    public static Fault ResetAfterHandled() => new(FaultKind.ResetAfterHandling);

    /// <summary>This fault only for requests with <paramref name="method"/> whose path contains <paramref name="pathContains"/>.</summary>
    public Fault For(string method, string? pathContains = null) => this with { Method = method, PathContains = pathContains ?? PathContains };
    public static Fault SlowHeadersFor(int ms) => new(FaultKind.SlowHeaders) { DelayMs = ms };
    public static Fault TrickleBody(int msBetweenPieces) => new(FaultKind.SlowBody) { DelayMs = msBetweenPieces };
    public static Fault StallBodyFor(int ms) => new(FaultKind.StallBody) { DelayMs = ms };
    public static Fault TruncatedBody() => new(FaultKind.Truncated);
    public static Fault CutJsonBody(bool gzip) => new(FaultKind.CutJson) { Gzip = gzip };
    public static Fault FalseGzipBody(bool corrupt = false) => new(FaultKind.FalseGzip) { Corrupt = corrupt };
    public static Fault HtmlPage() => new(FaultKind.Html200);
    public static Fault BrokenJson() => new(FaultKind.InvalidJson);
    public static Fault LargeBody(int bytes, bool chunked) => new(FaultKind.Large) { Bytes = bytes, Chunked = chunked };
}

/// <summary>
/// Which requests misbehave: an explicit queue (each fault used once, in order), and optionally a seeded random
/// plan (each request fails with a given probability, with a kind drawn from a list) - same seed, same sequence.
/// </summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly Queue<Fault> _queue = new();
    private Random? _random;
    private double _probability;
    private Fault[] _randomKinds = [];

    public FaultPlan Enqueue(params Fault[] faults)
    {
        lock (_gate)
        {
            foreach (Fault f in faults) _queue.Enqueue(f);
        }
        return this;
    }

    public void UseRandom(int seed, double probability, params Fault[] kinds)
    {
        lock (_gate)
        {
            _random = new Random(seed);
            _probability = probability;
            _randomKinds = kinds;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _random = null;
        }
    }

    internal Fault? Next(string method, string path)
    {
        lock (_gate)
        {
            if (_queue.Count > 0 && (_queue.Peek().PathContains is not { } p || path.Contains(p, StringComparison.Ordinal))
                && (_queue.Peek().Method is not { } m || string.Equals(m, method, StringComparison.OrdinalIgnoreCase)))
            {
                return _queue.Dequeue();
            }
            if (_random != null && _randomKinds.Length > 0 && _random.NextDouble() < _probability)
            {
                return _randomKinds[_random.Next(_randomKinds.Length)];
            }
            return null;
        }
    }
}
