using System;
using System.Diagnostics;
using System.IO;

namespace CpOrders.WooClr.Http
{
    /// <summary>
    /// Writes a request body (a batch POST can be megabytes) in pieces within the request's deadline.
    /// <para>
    /// Why pieces and a per-piece WriteTimeout: on .NET Framework the request stream is a ConnectStream that got
    /// <c>ReadWriteTimeout</c> as its WriteTimeout when the request was submitted (HttpWebRequest.cs SetRequestSubmitDone:
    /// <c>submitStream.WriteTimeout = ReadWriteTimeout</c>), and each Write applies it as the socket's send timeout
    /// (_ConnectStream.cs InternalWrite -> SafeSetSocketTimeout(SocketShutdown.Send) reads WriteTimeout at every call).
    /// <c>ReadWriteTimeout</c> is capped at a few seconds for the response (a decompressing response stream cannot take a
    /// read timeout later, see <see cref="HttpTransportRules.MaxBodyStallMs"/>) and cannot be raised for the write phase:
    /// its setter throws once the request is submitted (HttpWebRequest.cs ReadWriteTimeout: <c>if (RequestSubmitted)
    /// throw new InvalidOperationException</c>), and GetRequestStream submits it (SetRequestSubmitted()). The
    /// ConnectStream's own WriteTimeout setter has no such check (_ConnectStream.cs WriteTimeout), so each piece gets the
    /// time left, uncapped, and our stopwatch is checked between pieces. One Write of the whole body (as before) had to
    /// finish within the capped timeout: a large POST on a slow uplink failed after 5 s.
    /// </para>
    /// <para>net10.0's HttpWebRequest buffers the body in memory and sends it inside GetResponse (its stream cannot
    /// time out), so there the deadline of the write is <c>Timeout</c>'s; the pieces do no harm.</para>
    /// </summary>
    public static class RequestBodyWriter
    {
        /// <summary>Bytes per Write: small, so the deadline is checked often on a slow uplink.</summary>
        public const int ChunkBytes = 16 * 1024;

        /// <summary>
        /// Writes <paramref name="body"/> to <paramref name="stream"/>; true when all of it was written, false when the
        /// deadline (<paramref name="timeoutMs"/> on <paramref name="clock"/>) passed first. <paramref name="offered"/>
        /// counts the bytes handed to the stream, including the piece being written: it is updated before each Write, so
        /// when a Write throws the caller knows that the bytes after <paramref name="offered"/> never left (and the server,
        /// which waits for Content-Length bytes, cannot have acted on the body when <paramref name="offered"/> is short).
        /// </summary>
        public static bool Write(Stream stream, byte[] body, int timeoutMs, Stopwatch clock, ref long offered)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (body == null) throw new ArgumentNullException("body");
            if (clock == null) throw new ArgumentNullException("clock");
            int position = 0;
            offered = 0;
            while (position < body.Length)
            {
                long left = timeoutMs - clock.ElapsedMilliseconds;
                if (left <= 0)
                {
                    return false;
                }
                if (stream.CanTimeout)
                {
                    stream.WriteTimeout = HttpTransportRules.BodyWriteTimeoutMs(left);
                }
                int count = Math.Min(ChunkBytes, body.Length - position);
                offered = position + count;
                stream.Write(body, position, count);
                position += count;
            }
            return true;
        }
    }
}
