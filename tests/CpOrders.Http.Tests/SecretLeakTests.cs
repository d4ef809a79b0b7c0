using CpOrders.WooClr.Http;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// Produces every kind of failure in every auth mode, then greps every text the product produced in this run (these
/// tests and all earlier ones; TestRun checks again at the very end) for the test key and secret.
/// </summary>
[TestFixture]
public sealed class SecretLeakTests : StandInTestBase
{
    [Test]
    public void Neither_key_nor_secret_appears_in_any_message_exception_or_result()
    {
        Fault[] faults =
        [
            Fault.WithStatus(429, "1"), Fault.WithStatus(500), Fault.ResetConnection(), Fault.TruncatedBody(), Fault.HtmlPage(),
            Fault.BrokenJson(), Fault.LargeBody(50_000, true), Fault.SlowHeadersFor(3000),
        ];
        foreach (WooAuthMode mode in new[] { WooAuthMode.Basic, WooAuthMode.Query, WooAuthMode.OAuth1 })
        {
            bool plain = mode == WooAuthMode.OAuth1;
            foreach (Fault fault in faults)
            {
                Server.Faults.Enqueue(fault);
                Send(Client(o => { o.MaxAttempts = 1; o.RequestTimeoutMs = 1000; o.MaxResponseBytes = 10_000; }, mode, plain), Orders());
            }
            Send(Client(o => o.ConsumerSecret = "cs_wrong_" + mode, mode, plain), Orders());
            Send(Client(o => o.MaxAttempts = 1, mode, plain), WooRequest.Get("orders/777777"));
            Send(Client(o => { o.ProxyUrl = "http://127.0.0.1:9"; o.MaxAttempts = 1; }, mode, plain), Orders());
            Send(Client(mode: mode, plainHttp: plain), WooRequest.Get("nope"));
            WooHttpClient client = Client(mode: mode, plainHttp: plain);
            TestRun.ProducedTexts.Enqueue(client.Redact("echo " + TestRun.ConsumerSecret + " consumer_key=" + TestRun.ConsumerKey));
        }
        try
        {
            new WooHttpClient(new WooHttpOptions { BaseUrl = "http://x.example/?consumer_key=" + TestRun.ConsumerKey, ConsumerKey = TestRun.ConsumerKey, ConsumerSecret = TestRun.ConsumerSecret });
        }
        catch (WooHttpException e)
        {
            TestRun.Record(e);
        }

        Assert.That(TestRun.ProducedTexts.Count, Is.GreaterThan(100));
        Assert.That(TestRun.Leaks(), Is.Empty);
    }
}
