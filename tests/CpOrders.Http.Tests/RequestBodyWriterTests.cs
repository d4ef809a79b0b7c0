using System.Diagnostics;
using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

/// <summary>
/// Review point 2: a large POST body on a slow uplink. On .NET Framework the request stream got the capped
/// ReadWriteTimeout (5 s) as its WriteTimeout, and the whole body went out in one Write, so a batch that needs more than
/// 5 s to send failed. net10.0's HttpWebRequest buffers the body in memory (its stream's writes never reach the socket),
/// so the socket's behaviour is modelled here: <see cref="SlowUplinkStream"/> fails a Write that would take longer than
/// its WriteTimeout at the given rate, as a blocking send with SO_SNDTIMEO does.
/// </summary>
[TestFixture]
public sealed class RequestBodyWriterTests
{
    private sealed class SlowUplinkStream(int bytesPerSecond, int sleepPerWriteMs = 0) : Stream
    {
        public readonly List<(int Count, int WriteTimeout)> Writes = new();
        private int _writeTimeout = 5000;   // what SetRequestSubmitDone copies from the capped ReadWriteTimeout
        public override bool CanTimeout => true;
        public override int WriteTimeout { get => _writeTimeout; set => _writeTimeout = value; }
        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add((count, _writeTimeout));
            if (sleepPerWriteMs > 0) Thread.Sleep(sleepPerWriteMs);
            long needMs = count * 1000L / bytesPerSecond;
            if (needMs > _writeTimeout)
                throw new IOException("Unable to write data to the transport connection: a send of " + count + " bytes needs " + needMs + " ms, WriteTimeout " + _writeTimeout + " ms.");
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static readonly byte[] TwoMegabytes = new byte[2 * 1024 * 1024];

    [Test]
    public void The_model_fails_the_old_single_write_under_the_capped_timeout()
    {
        // 2 MB at 100 KB/s needs about 20 s; the old code wrote it at once with WriteTimeout = ReadWriteTimeout = 5 s.
        var stream = new SlowUplinkStream(100 * 1024);
        Assert.Throws<IOException>(() => stream.Write(TwoMegabytes, 0, TwoMegabytes.Length));
    }

    [Test]
    public void A_large_body_on_a_slow_uplink_goes_out_in_pieces_each_allowed_the_time_left()
    {
        var stream = new SlowUplinkStream(100 * 1024);
        long offered = -1;

        bool done = RequestBodyWriter.Write(stream, TwoMegabytes, 60_000, Stopwatch.StartNew(), ref offered);

        Assert.That(done, Is.True);
        Assert.That(offered, Is.EqualTo(TwoMegabytes.Length));
        Assert.That(stream.Writes.Sum(w => w.Count), Is.EqualTo(TwoMegabytes.Length));
        Assert.That(stream.Writes.Select(w => w.Count), Has.All.LessThanOrEqualTo(RequestBodyWriter.ChunkBytes));
        Assert.That(stream.Writes.Select(w => w.WriteTimeout), Has.All.GreaterThan(HttpTransportRules.MaxBodyStallMs).And.All.LessThanOrEqualTo(60_000),
            "each piece may take the time left, not the read-stall cap");
    }

    [Test]
    public void The_deadline_stops_between_pieces_and_says_how_much_was_handed_over()
    {
        var stream = new SlowUplinkStream(100 * 1024 * 1024, sleepPerWriteMs: 40);
        long offered = -1;

        bool done = RequestBodyWriter.Write(stream, TwoMegabytes, 100, Stopwatch.StartNew(), ref offered);

        Assert.That(done, Is.False);
        Assert.That(offered, Is.EqualTo(stream.Writes.Sum(w => w.Count)));
        Assert.That(offered, Is.LessThan(TwoMegabytes.Length));
        Assert.That(stream.Writes.Select(w => w.WriteTimeout), Has.All.LessThanOrEqualTo(100));
    }

    [Test]
    public void A_failing_piece_leaves_offered_at_its_end_so_the_unsent_tail_is_known()
    {
        // 20 KB/s: a 16 KB piece needs 800 ms, more than the 500 ms left.
        var stream = new SlowUplinkStream(20 * 1024);
        long offered = -1;

        Assert.Throws<IOException>(() => RequestBodyWriter.Write(stream, TwoMegabytes, 500, Stopwatch.StartNew(), ref offered));

        Assert.That(offered, Is.EqualTo(RequestBodyWriter.ChunkBytes), "the first piece was being written; the rest never left");
    }

    [Test]
    public void An_empty_body_writes_nothing()
    {
        var stream = new SlowUplinkStream(1);
        long offered = -1;
        Assert.That(RequestBodyWriter.Write(stream, [], 1000, Stopwatch.StartNew(), ref offered), Is.True);
        Assert.That(offered, Is.EqualTo(0));
        Assert.That(stream.Writes, Is.Empty);
    }
}
