using System.Net;
using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

/// <summary>The transport's pure decisions (HttpTransportRules): TLS flags, read timeouts, buffers, failure kinds.</summary>
[TestFixture]
public sealed class TransportRulesTests
{
#pragma warning disable SYSLIB0039 // TLS 1.0/1.1 named on purpose: they are what an old AppDomain default holds.
    private const SecurityProtocolType SystemDefault = (SecurityProtocolType)0;

    [Test]
    public void Tls10_only_gets_tls12_added_and_keeps_what_it_had()
    {
        Assert.That(HttpTransportRules.WithTls12(SecurityProtocolType.Tls), Is.EqualTo(SecurityProtocolType.Tls | SecurityProtocolType.Tls12));
        Assert.That(HttpTransportRules.WithTls12(SecurityProtocolType.Tls | SecurityProtocolType.Tls11),
            Is.EqualTo(SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12));
    }

    [Test]
    public void System_default_is_left_alone()
    {
        Assert.That(HttpTransportRules.WithTls12(SystemDefault), Is.EqualTo(SystemDefault));
    }

    [TestCase(SecurityProtocolType.Tls12)]
    [TestCase(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls)]
    [TestCase(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13)]
    [TestCase(SecurityProtocolType.Tls13 | SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11)]
    public void A_set_with_tls12_is_left_alone(SecurityProtocolType current)
    {
        Assert.That(HttpTransportRules.WithTls12(current), Is.EqualTo(current));
    }

    [Test]
    public void Tls13_is_never_added()
    {
        // Every combination of the named flags (SystemDefault, TLS 1.0, 1.1, 1.2, 1.3): 1.3 only where it already was.
        SecurityProtocolType[] flags = [SecurityProtocolType.Tls, SecurityProtocolType.Tls11, SecurityProtocolType.Tls12, SecurityProtocolType.Tls13];
        for (int mask = 0; mask < 1 << flags.Length; mask++)
        {
            SecurityProtocolType current = SystemDefault;
            for (int i = 0; i < flags.Length; i++) if ((mask & (1 << i)) != 0) current |= flags[i];
            SecurityProtocolType result = HttpTransportRules.WithTls12(current);
            Assert.That(result & SecurityProtocolType.Tls13, Is.EqualTo(current & SecurityProtocolType.Tls13), current.ToString());
            Assert.That(result & current, Is.EqualTo(current), "nothing removed: " + current);
            Assert.That(result == SystemDefault || (result & SecurityProtocolType.Tls12) != 0, Is.True, current.ToString());
        }
    }
#pragma warning restore SYSLIB0039

    [TestCase(30_000L, 5000)]
    [TestCase(5_001L, 5000)]
    [TestCase(4_999L, 4999)]
    [TestCase(1L, 1)]
    [TestCase(0L, 1)]
    [TestCase(-20L, 1)]
    [TestCase(long.MaxValue, 5000)]
    public void A_body_read_waits_for_the_time_left_but_at_most_a_few_seconds(long leftMs, int expected)
    {
        Assert.That(HttpTransportRules.BodyReadTimeoutMs(leftMs), Is.EqualTo(expected));
    }

    [TestCase(30_000L, 30_000)]
    [TestCase(120_000L, 120_000)]
    [TestCase(4_999L, 4_999)]
    [TestCase(0L, 1)]
    [TestCase(-5L, 1)]
    [TestCase(long.MaxValue, int.MaxValue)]
    public void A_request_body_piece_may_take_the_time_left_uncapped(long leftMs, int expected)
    {
        Assert.That(HttpTransportRules.BodyWriteTimeoutMs(leftMs), Is.EqualTo(expected));
    }

    [TestCase(5_000, 30_000L, false)]
    [TestCase(5_000, 5_001L, false)]
    [TestCase(2_900, 2_900L, true)]
    [TestCase(5_000, 5_000L, true)]
    [TestCase(5_000, 3_000L, true)]
    public void A_read_timeout_is_a_stall_only_when_the_stall_cap_was_shorter_than_the_time_left(int readTimeoutMs, long leftAtReadMs, bool deadline)
    {
        Assert.That(HttpTransportRules.ReadTimeoutWasTheDeadline(readTimeoutMs, leftAtReadMs), Is.EqualTo(deadline));
    }

    [TestCase(12_345L, 8_388_608L, 12_345)]
    [TestCase(0L, 8_388_608L, 0)]
    [TestCase(9_000_000L, 8_388_608L, 8_388_608)]
    [TestCase(-1L, 8_388_608L, 65_536)]
    [TestCase(-1L, 10_000L, 10_000)]
    [TestCase(5_000_000_000L, 5_000_000_000L, int.MaxValue)]
    public void The_body_buffer_is_sized_from_Content_Length_and_capped(long declared, long max, int expected)
    {
        Assert.That(HttpTransportRules.InitialBufferBytes(declared, max), Is.EqualTo(expected));
    }

    [Test]
    public void The_default_response_cap_is_8_MB()
    {
        Assert.That(new WooHttpOptions().MaxResponseBytes, Is.EqualTo(8L * 1024 * 1024));
    }

    [Test]
    public void A_protocol_violation_is_its_own_kind_and_not_retried()
    {
        Assert.That(HttpTransportRules.Classify(WebExceptionStatus.ServerProtocolViolation), Is.EqualTo(WebFailureKind.ProtocolViolation));
        Assert.That(HttpTransportRules.IsRetryable(WebFailureKind.ProtocolViolation), Is.False);
    }

    [TestCase(WebExceptionStatus.Timeout, WebFailureKind.Timeout, true)]
    [TestCase(WebExceptionStatus.NameResolutionFailure, WebFailureKind.Connection, true)]
    [TestCase(WebExceptionStatus.ConnectFailure, WebFailureKind.Connection, true)]
    [TestCase(WebExceptionStatus.ProxyNameResolutionFailure, WebFailureKind.Connection, true)]
    [TestCase(WebExceptionStatus.TrustFailure, WebFailureKind.Tls, false)]
    [TestCase(WebExceptionStatus.SecureChannelFailure, WebFailureKind.Tls, false)]
    [TestCase(WebExceptionStatus.RequestCanceled, WebFailureKind.Canceled, true)]
    [TestCase(WebExceptionStatus.ReceiveFailure, WebFailureKind.Other, true)]
    [TestCase(WebExceptionStatus.KeepAliveFailure, WebFailureKind.Other, true)]
    [TestCase(WebExceptionStatus.UnknownError, WebFailureKind.Other, true)]
    public void The_other_statuses_keep_their_classification(WebExceptionStatus status, WebFailureKind kind, bool retryable)
    {
        Assert.That(HttpTransportRules.Classify(status), Is.EqualTo(kind));
        Assert.That(HttpTransportRules.IsRetryable(kind), Is.EqualTo(retryable));
    }

    [TestCase("[{\"id\":1},{\"id\":", true)]
    [TestCase("{\"id\":1,\"name\":\"ab", true)]
    [TestCase("[{\"id\":1}]", false)]
    [TestCase("[{\"id\":1}]<b>Warning</b>", false)]
    [TestCase("<html>", false)]
    [TestCase("", false)]
    public void A_JSON_body_that_ends_early_is_told_apart_from_other_bad_bodies(string body, bool endsEarly)
    {
        ErrorBody.LooksLikeCompleteJson(body, out string? _, out bool early);
        Assert.That(early, Is.EqualTo(endsEarly));
    }
}

/// <summary>The base URL: site address or REST address, trailing slashes (WooBaseUrl.ApiRoot).</summary>
[TestFixture]
public sealed class BaseUrlRuleTests
{
    [TestCase("https://shop.example.com", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com/", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com//", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com/wp-json/wc/v3", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com/wp-json/wc/v3/", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com/wp-json/wc/v3//", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com/WP-JSON/WC/V3", "https://shop.example.com/wp-json/wc/v3/")]
    [TestCase("https://example.com/shop", "https://example.com/shop/wp-json/wc/v3/")]
    [TestCase("https://example.com/shop/wp-json/wc/v3/", "https://example.com/shop/wp-json/wc/v3/")]
    [TestCase("https://example.com/index.php/wp-json/wc/v3", "https://example.com/index.php/wp-json/wc/v3/")]
    [TestCase("http://shop.example.com:8080/wp-json/wc/v3", "http://shop.example.com:8080/wp-json/wc/v3/")]
    [TestCase("https://shop.example.com:443/", "https://shop.example.com/wp-json/wc/v3/")]
    public void Site_and_API_addresses_give_the_same_root(string baseUrl, string expected)
    {
        Uri? root = WooBaseUrl.ApiRoot(new Uri(baseUrl), "wp-json/wc/v3/", out string? problem);
        Assert.That(problem, Is.Null);
        Assert.That(root!.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("https://shop.example.com/wp-json")]
    [TestCase("https://shop.example.com/wp-json/")]
    [TestCase("https://shop.example.com/wp-json/wc/v2")]
    [TestCase("https://shop.example.com/wp-json/wc/v3/orders")]
    public void Other_REST_addresses_are_refused_with_a_hint(string baseUrl)
    {
        Uri? root = WooBaseUrl.ApiRoot(new Uri(baseUrl), "wp-json/wc/v3/", out string? problem);
        Assert.That(root, Is.Null);
        Assert.That(problem, Does.Contain("Site Address").And.Contain("/wp-json/wc/v3/ itself"));
    }

    [Test]
    public void The_client_uses_the_same_root_and_reports_a_refused_one_as_configuration()
    {
        var ok = new WooHttpClient(new WooHttpOptions { BaseUrl = "https://shop.example.com/wp-json/wc/v3/", ConsumerKey = "ck_x", ConsumerSecret = "cs_x" });
        Assert.That(ok.ApiBase.AbsoluteUri, Is.EqualTo("https://shop.example.com/wp-json/wc/v3/"));

        var ex = Assert.Throws<WooHttpException>(() => new WooHttpClient(new WooHttpOptions { BaseUrl = "https://shop.example.com/wp-json/wc/v2", ConsumerKey = "ck_x", ConsumerSecret = "cs_x" }));
        Assert.That(ex!.Code, Is.EqualTo(WooHttpErrors.Config));
        Assert.That(ex.Message, Does.Contain("Site Address"));
    }
}
