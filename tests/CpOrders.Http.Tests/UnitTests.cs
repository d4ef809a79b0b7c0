using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

[TestFixture]
public sealed class OAuthSignatureTests
{
    /// <summary>RFC 5849 3.4 written again independently: different encoder (Uri.EscapeDataString, RFC 3986 on .NET),
    /// different sort (LINQ), HMACSHA1.HashData.</summary>
    private static string IndependentSignature(string method, string url, IEnumerable<(string Name, string Value)> parameters, string secret)
    {
        static string E(string s) => Uri.EscapeDataString(s);
        string normalized = string.Join("&", parameters.Select(p => (N: E(p.Name), V: E(p.Value)))
            .OrderBy(p => p.N, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal).Select(p => p.N + "=" + p.V));
        string baseString = method + "&" + E(url) + "&" + E(normalized);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.ASCII.GetBytes(E(secret) + "&"), Encoding.ASCII.GetBytes(baseString)));
    }

    [Test]
    public void The_signature_matches_an_independent_RFC_5849_computation()
    {
        var signer = new OAuth1Signer("ck_test", "cs_secret~with.odd_chars");
        var query = new List<KeyValuePair<string, string>>
        {
            new("per_page", "100"), new("orderby", "modified"), new("order", "asc"),
            new("modified_after", "2026-01-05T09:00:01"), new("exclude", "1001,1002"), new("search", "Grüße & co=1+2 ~x"),
        };
        var now = new DateTime(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc);
        var uri = new Uri("http://Shop.Example.com:8080/wp-json/wc/v3/orders");

        IList<KeyValuePair<string, string>> oauth = signer.Sign("GET", uri, query, now, "abc123nonce");

        Assert.That(oauth.Select(p => p.Key), Is.EqualTo(new[] { "oauth_consumer_key", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_signature" }));
        Assert.That(oauth[3].Value, Is.EqualTo("1767605400"));
        var all = query.Select(p => (p.Key, p.Value)).Concat(oauth.Take(4).Select(p => (p.Key, p.Value)));
        string expected = IndependentSignature("GET", "http://shop.example.com:8080/wp-json/wc/v3/orders", all, "cs_secret~with.odd_chars");
        Assert.That(oauth[4].Value, Is.EqualTo(expected));
    }

    [Test]
    public void The_base_string_follows_RFC_5849_for_a_hand_written_example()
    {
        // Worked by hand: parameters sorted by encoded name, each name=value encoded, then the whole encoded again.
        string baseString = OAuth1Signer.BaseString("get", new Uri("HTTP://Example.COM:80/wp-json/wc/v3/orders"),
            new List<KeyValuePair<string, string>> { new("b", "2 3"), new("a", "x/y"), new("oauth_nonce", "n") });
        Assert.That(baseString, Is.EqualTo("GET&http%3A%2F%2Fexample.com%2Fwp-json%2Fwc%2Fv3%2Forders&a%3Dx%252Fy%26b%3D2%25203%26oauth_nonce%3Dn"));
    }

    [Test]
    public void A_pinned_vector_stays_the_same()
    {
        // Computed once with The_signature_matches_an_independent_RFC_5849_computation's independent code; pins the bytes.
        var signer = new OAuth1Signer("ck_1", "cs_1");
        var sig = signer.Sign("GET", new Uri("http://127.0.0.1:5000/wp-json/wc/v3/orders"), new List<KeyValuePair<string, string>> { new("page", "2") },
            new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), "n0")[4].Value;
        string independent = IndependentSignature("GET", "http://127.0.0.1:5000/wp-json/wc/v3/orders",
            new[] { ("page", "2"), ("oauth_consumer_key", "ck_1"), ("oauth_nonce", "n0"), ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "1577836800") }, "cs_1");
        Assert.That(sig, Is.EqualTo(independent));
    }
}

[TestFixture]
public sealed class RetryTimingTests
{
    [Test]
    public void Backoff_doubles_is_capped_and_half_jittered()
    {
        Assert.That(RetryTiming.Backoff(1, 1000, 8000, 0.0), Is.EqualTo(500));
        Assert.That(RetryTiming.Backoff(1, 1000, 8000, 0.5), Is.EqualTo(750));
        Assert.That(RetryTiming.Backoff(2, 1000, 8000, 0.0), Is.EqualTo(1000));
        Assert.That(RetryTiming.Backoff(3, 1000, 8000, 0.999), Is.EqualTo(3998));
        Assert.That(RetryTiming.Backoff(10, 1000, 8000, 0.0), Is.EqualTo(4000));
        Assert.That(RetryTiming.Backoff(40, 1000, 8000, 1.0), Is.LessThan(8000));
    }

    [Test]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        Assert.That(RetryTiming.ParseRetryAfterMs("7", now), Is.EqualTo(7000));
        Assert.That(RetryTiming.ParseRetryAfterMs(" 0 ", now), Is.EqualTo(0));
        Assert.That(RetryTiming.ParseRetryAfterMs("Mon, 05 Jan 2026 09:00:12 GMT", now), Is.EqualTo(12000));
        Assert.That(RetryTiming.ParseRetryAfterMs("Mon, 05 Jan 2026 08:00:00 GMT", now), Is.EqualTo(0));
        Assert.That(RetryTiming.ParseRetryAfterMs("soon", now), Is.Null);
        Assert.That(RetryTiming.ParseRetryAfterMs("-5", now), Is.Null);
        Assert.That(RetryTiming.ParseRetryAfterMs(null!, now), Is.Null);
    }
}

[TestFixture]
public sealed class ErrorBodyTests
{
    [Test]
    public void Reads_code_and_message_of_a_WooCommerce_error()
    {
        Assert.That(ErrorBody.TryRead("{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): per_page\",\"data\":{\"status\":400,\"params\":{\"code\":\"nested\"}}}",
            out string? code, out string? message), Is.True);
        Assert.That(code, Is.EqualTo("rest_invalid_param"));
        Assert.That(message, Is.EqualTo("Invalid parameter(s): per_page"));
        Assert.That(ErrorBody.TryRead(" {\"data\":{\"message\":\"x\"},\"message\":\"Caf\\u00e9 \\\"q\\\"\"}", out code, out message), Is.True);
        Assert.That(code, Is.Null);
        Assert.That(message, Is.EqualTo("Café \"q\""));
        Assert.That(ErrorBody.TryRead("<html>", out _, out _), Is.False);
    }

    [TestCase("[]", true)]
    [TestCase(" {\"a\":\"}]\"}\n", true)]
    [TestCase("[{\"id\":1}", false)]
    [TestCase("[{\"id\":\"1]", false)]
    [TestCase("[{\"id\":1}]<br /><b>Warning</b>", false)]
    [TestCase("<!DOCTYPE html>", false)]
    [TestCase("", false)]
    public void Shape_check_catches_cut_and_polluted_bodies(string body, bool ok)
    {
        Assert.That(ErrorBody.LooksLikeCompleteJson(body, out string? problem), Is.EqualTo(ok), problem);
    }
}

[TestFixture]
public sealed class ConfigurationTests
{
    private static WooHttpOptions Plain(WooAuthMode mode, bool allow) => new()
    {
        BaseUrl = "http://shop.example.com",
        AuthMode = mode,
        AllowPlainHttp = allow,
        ConsumerKey = TestRun.ConsumerKey,
        ConsumerSecret = TestRun.ConsumerSecret,
    };

    [TestCase(WooAuthMode.Basic, false)]
    [TestCase(WooAuthMode.Basic, true)]
    [TestCase(WooAuthMode.Query, false)]
    [TestCase(WooAuthMode.Query, true)]
    [TestCase(WooAuthMode.OAuth1, false)]
    public void Plain_http_is_refused_unless_oauth1_with_allowPlainHttp(WooAuthMode mode, bool allow)
    {
        var ex = Assert.Throws<WooHttpException>(() => new WooHttpClient(Plain(mode, allow)))!;
        TestRun.Record(ex);
        Assert.That(ex.Code, Is.EqualTo(WooHttpErrors.Config));
        Assert.That(ex.Message, Does.Contain("plain http").And.Contain("http://shop.example.com/"));
    }

    [Test]
    public void Oauth1_over_plain_http_is_allowed_when_asked_for()
    {
        Assert.DoesNotThrow(() => new WooHttpClient(Plain(WooAuthMode.OAuth1, true)));
    }

    [Test]
    public void Every_problem_is_reported_at_once_without_the_secret()
    {
        var o = new WooHttpOptions
        {
            BaseUrl = "https://shop.example.com/?consumer_secret=" + TestRun.ConsumerSecret,
            ConsumerKey = "",
            ConsumerSecret = TestRun.ConsumerSecret,
            MaxAttempts = 0,
            ProxyUrl = "ftp://proxy",
        };
        var ex = Assert.Throws<WooHttpException>(() => new WooHttpClient(o))!;
        TestRun.Record(ex);
        Assert.That(ex.Message, Does.Contain("baseUrl").And.Contain("consumerKey is missing").And.Contain("maxAttempts").And.Contain("proxyUrl"));
        Assert.That(ex.Message, Does.Not.Contain(TestRun.ConsumerSecret));
    }

    [Test]
    public void The_default_user_agent_names_CpOrders_and_its_version()
    {
        var client = new WooHttpClient(new WooHttpOptions { BaseUrl = "https://shop.example.com", ConsumerKey = "ck", ConsumerSecret = "cs" });
        Assert.That(client.UserAgent, Does.Match(@"^CpOrders/\d+\.\d+\.\d+"));
        Assert.That(client.ApiBase.AbsoluteUri, Is.EqualTo("https://shop.example.com/wp-json/wc/v3/"));
        var sub = new WooHttpClient(new WooHttpOptions { BaseUrl = "https://example.com/shop", ConsumerKey = "ck", ConsumerSecret = "cs", UserAgent = "Acme-ERP/1" });
        Assert.That(sub.ApiBase.AbsoluteUri, Is.EqualTo("https://example.com/shop/wp-json/wc/v3/"));
        Assert.That(sub.UserAgent, Is.EqualTo("Acme-ERP/1"));
    }

    [Test]
    public void Requests_cannot_smuggle_credentials_or_odd_paths()
    {
        Assert.Throws<ArgumentException>(() => WooRequest.Get("orders").AddQuery("consumer_secret", "x"));
        Assert.Throws<ArgumentException>(() => WooRequest.Get("orders").AddQuery("oauth_signature", "x"));
        Assert.Throws<ArgumentException>(() => WooRequest.Get("orders?page=2"));
        Assert.Throws<ArgumentException>(() => WooRequest.Get("../wp-admin"));
        Assert.Throws<ArgumentException>(() => WooRequest.Get("https://evil.example.com/"));
    }

    [Test]
    public void The_redactor_masks_credentials_in_urls_and_text()
    {
        var r = new Redactor(TestRun.ConsumerKey, TestRun.ConsumerSecret);
        string url = r.Url(new Uri("https://shop.example.com/wp-json/wc/v3/orders?page=2&consumer_key=abc&consumer_secret=def&oauth_signature=x%2By"));
        Assert.That(url, Is.EqualTo("https://shop.example.com/wp-json/wc/v3/orders?page=2&consumer_key=***&consumer_secret=***&oauth_signature=***"));
        string text = r.Text("failed for " + TestRun.ConsumerSecret + " at /x?oauth_signature=abc&b=1 and key " + TestRun.ConsumerKey);
        Assert.That(text, Is.EqualTo("failed for *** at /x?oauth_signature=***&b=1 and key ***"));
    }
}
