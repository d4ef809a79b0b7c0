using System.Collections.Concurrent;
using CpOrders.WooClr.Http;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// Once per test run, before any TLS use: the throw-away CA, trusted through SSL_CERT_FILE (see TestCertificates),
/// and the collection of every text the client produced, which must never contain the test key or secret.
/// </summary>
[SetUpFixture]
public sealed class TestRun
{
    public const string ConsumerKey = "ck_5e3f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b";
    public const string ConsumerSecret = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc";

    public static TestCertificates Certificates { get; private set; } = null!;
    public static string CaPemPath { get; private set; } = "";

    /// <summary>Every message, exception text and result text the tests saw from the product.</summary>
    public static ConcurrentQueue<string> ProducedTexts { get; } = new();

    [OneTimeSetUp]
    public void Start()
    {
        Certificates = TestCertificates.Create();
        CaPemPath = Certificates.TrustInThisProcess();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        // Texts produced by tests that ran after SecretLeakTests are checked here too.
        List<string> leaks = Leaks();
        // For reviewing the wording: CPORDERS_HTTP_MESSAGES=/path/file.txt writes every produced text there.
        if (Environment.GetEnvironmentVariable("CPORDERS_HTTP_MESSAGES") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump, ProducedTexts.Distinct());
        }
        Certificates.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(CaPemPath)!, true); } catch (IOException) { }
        Assert.That(leaks, Is.Empty, "the consumer key or secret appeared in a message the product produced");
    }

    public static List<string> Leaks()
    {
        var leaks = new List<string>();
        foreach (string text in ProducedTexts)
        {
            if (text.Contains(ConsumerSecret, StringComparison.Ordinal) || text.Contains(ConsumerKey, StringComparison.Ordinal)
                || text.Contains(ConsumerSecret[3..], StringComparison.Ordinal) || text.Contains(ConsumerKey[3..], StringComparison.Ordinal))
            {
                leaks.Add(text);
            }
        }
        return leaks;
    }

    public static void Record(WooHttpResult r)
    {
        ProducedTexts.Enqueue(r.ToString());
        ProducedTexts.Enqueue(r.Endpoint ?? "");
        if (r.ErrorMessage != null) ProducedTexts.Enqueue(r.ErrorMessage);
        if (r.WooErrorMessage != null) ProducedTexts.Enqueue(r.WooErrorMessage);
        if (!r.Succeeded && r.Body != null) ProducedTexts.Enqueue(r.Body);
        foreach (string a in r.Attempts) ProducedTexts.Enqueue(a);
    }

    public static void Record(Exception e) => ProducedTexts.Enqueue(e.ToString());
}
