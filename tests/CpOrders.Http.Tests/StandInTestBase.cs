using CpOrders.WooClr.Http;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>A fresh stand-in per test (25 seeded orders), and clients wired to it with a fake environment.</summary>
public abstract class StandInTestBase
{
    protected WooStandInServer Server = null!;
    protected FakeEnvironment Env = null!;

    [SetUp]
    public async Task StartStandIn()
    {
        Server = await WooStandInServer.StartAsync(TestRun.Certificates, TestRun.ConsumerKey, TestRun.ConsumerSecret);
        Server.Orders.Seed(25, seed: 7);
        Env = new FakeEnvironment();
    }

    [TearDown]
    public async Task StopStandIn()
    {
        await Server.DisposeAsync();
    }

    protected WooHttpOptions Options(WooAuthMode mode = WooAuthMode.Basic, bool plainHttp = false)
    {
        return new WooHttpOptions
        {
            BaseUrl = plainHttp ? Server.HttpBaseUrl : Server.HttpsBaseUrl,
            AuthMode = mode,
            AllowPlainHttp = plainHttp,
            ConsumerKey = TestRun.ConsumerKey,
            ConsumerSecret = TestRun.ConsumerSecret,
            RequestTimeoutMs = 5000,
            TotalBudgetMs = 60000,
            BackoffBaseMs = 1000,
            BackoffMaxMs = 8000,
            RetryAfterMaxMs = 30000,
        };
    }

    protected WooHttpClient Client(WooHttpOptions options) => new(options, Env, Env, Env, Env);

    protected WooHttpClient Client(Action<WooHttpOptions>? configure = null, WooAuthMode mode = WooAuthMode.Basic, bool plainHttp = false)
    {
        WooHttpOptions o = Options(mode, plainHttp);
        configure?.Invoke(o);
        return Client(o);
    }

    protected static WooHttpResult Send(WooHttpClient client, WooRequest request)
    {
        WooHttpResult r = client.Send(request);
        TestRun.Record(r);
        return r;
    }

    protected static WooRequest Orders(int perPage = 10) => WooRequest.Get("orders").AddQuery("per_page", perPage.ToString());
}
