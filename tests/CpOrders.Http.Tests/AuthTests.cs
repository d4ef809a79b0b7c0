using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

[TestFixture]
public sealed class AuthTests : StandInTestBase
{
    [Test]
    public void Basic_auth_over_https_lists_orders_with_paging_headers_and_our_headers()
    {
        WooHttpResult r = Send(Client(), Orders(10));

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(r.StatusCode, Is.EqualTo(200));
        Assert.That(r.TotalItems, Is.EqualTo(25));
        Assert.That(r.TotalPages, Is.EqualTo(3));
        Assert.That(r.GetHeader("X-WP-Total"), Is.EqualTo("25"));
        Assert.That(r.Body, Does.StartWith("[{\"id\":"));
        Assert.That(r.Requests, Is.EqualTo(1));
        Assert.That(r.Retries, Is.EqualTo(0));
        var seen = Server.Requests.Single();
        Assert.That(seen.AuthKind, Is.EqualTo("basic"));
        Assert.That(seen.Scheme, Is.EqualTo("https"));
        Assert.That(seen.UserAgent, Does.StartWith("CpOrders/"));
        Assert.That(seen.Accept, Is.EqualTo("application/json"));
        Assert.That(seen.QueryString, Is.EqualTo("?per_page=10"));
    }

    [Test]
    public void Query_keys_over_https_work_and_are_masked_in_the_result()
    {
        WooHttpResult r = Send(Client(mode: WooAuthMode.Query), Orders(5));

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(Server.Requests.Single().AuthKind, Is.EqualTo("query"));
        Assert.That(r.Endpoint, Does.Not.Contain("consumer_key"), "the reported endpoint is built without credentials");
        Assert.That(r.ToString(), Does.Not.Contain(TestRun.ConsumerSecret));
    }

    [Test]
    public void Oauth1_over_plain_http_is_accepted_by_the_stand_in_which_verifies_the_signature()
    {
        WooHttpClient client = Client(mode: WooAuthMode.OAuth1, plainHttp: true);
        WooRequest request = WooRequest.Get("orders").AddQuery("per_page", "3").AddQuery("orderby", "modified").AddQuery("order", "asc")
            .AddQuery("modified_after", "2026-01-05T09:00:10").AddQuery("dates_are_gmt", "true").AddQuery("exclude", "1001,1002");

        WooHttpResult first = Send(client, request);
        WooHttpResult second = Send(client, request);

        Assert.That(first.Succeeded, Is.True, first.ErrorMessage);
        Assert.That(second.Succeeded, Is.True, "a fresh nonce per request: " + second.ErrorMessage);
        Assert.That(Server.Requests.Select(q => q.AuthKind), Is.All.EqualTo("oauth1"));
        Assert.That(Server.Requests[0].Query["oauth_signature_method"], Is.EqualTo("HMAC-SHA1"));
        Assert.That(Server.Requests[0].Query["oauth_nonce"], Is.Not.EqualTo(Server.Requests[1].Query["oauth_nonce"]));
        Assert.That(first.Attempts.Single(), Does.Not.Contain("oauth_signature="));
    }

    [Test]
    public void Oauth1_with_a_wrong_secret_is_refused_at_once_with_WooCommerce_code()
    {
        WooHttpClient client = Client(o => o.ConsumerSecret = "cs_wrong_wrong_wrong", WooAuthMode.OAuth1, plainHttp: true);

        WooHttpResult r = Send(client, Orders());

        Assert.That(r.Succeeded, Is.False);
        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.AuthFailed));
        Assert.That(r.WooErrorCode, Is.EqualTo("woocommerce_rest_authentication_error"));
        Assert.That(r.WooErrorMessage, Does.Contain("signature"));
        Assert.That(r.Requests, Is.EqualTo(1));
        Assert.That(Env.Sleeps, Is.Empty);
    }

    [Test]
    public void Basic_with_a_wrong_secret_answers_401_once_with_a_hint_for_the_DBA()
    {
        WooHttpResult r = Send(Client(o => o.ConsumerSecret = "cs_not_the_right_one_0000"), Orders());

        Assert.That(r.StatusCode, Is.EqualTo(401));
        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.AuthFailed));
        Assert.That(r.WooErrorCode, Is.EqualTo("woocommerce_rest_authentication_error"));
        Assert.That(r.ErrorMessage, Does.StartWith("CPO-HTTP-AUTH: GET " + Server.HttpsBaseUrl + "/wp-json/wc/v3/orders answered 401"));
        Assert.That(r.ErrorMessage, Does.Contain("Consumer secret is invalid").And.Contain("auth mode 'query'"));
        Assert.That(r.Requests, Is.EqualTo(1));
    }

    [Test]
    public void The_stand_in_ignores_keys_over_plain_http_like_WooCommerce()
    {
        // The product refuses this configuration; a hand-made request shows what WooCommerce itself would answer.
        using var http = new HttpClient();
        string url = Server.HttpBaseUrl + "/wp-json/wc/v3/orders?consumer_key=" + TestRun.ConsumerKey + "&consumer_secret=" + TestRun.ConsumerSecret;
        HttpResponseMessage response = http.GetAsync(url).GetAwaiter().GetResult();
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), Does.Contain("woocommerce_rest_cannot_view"));
    }

    [Test]
    public void An_explicit_proxy_is_used_and_a_dead_one_says_so()
    {
        WooHttpResult r = Send(Client(o => { o.ProxyUrl = "http://127.0.0.1:9"; o.MaxAttempts = 1; }), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Connection));
        Assert.That(r.ErrorMessage, Does.Contain("proxy"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void Without_a_proxy_setting_the_environment_proxy_is_not_used()
    {
        string? before = Environment.GetEnvironmentVariable("HTTPS_PROXY");
        Environment.SetEnvironmentVariable("HTTPS_PROXY", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("HTTP_PROXY", "http://127.0.0.1:9");
        try
        {
            WooHttpResult r = Send(Client(), Orders());
            Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HTTPS_PROXY", before);
            Environment.SetEnvironmentVariable("HTTP_PROXY", null);
        }
    }
}
