using System.Diagnostics;
using CpOrders.WooClr.Http;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>Deadlines and limits, in real time with small timeouts (1 s).</summary>
[TestFixture]
public sealed class LimitTests : StandInTestBase
{
    private WooHttpClient OneShot(int timeoutMs = 1000, long maxBytes = WooHttpOptions.DefaultMaxResponseBytes) =>
        Client(o => { o.RequestTimeoutMs = timeoutMs; o.MaxAttempts = 1; o.MaxResponseBytes = maxBytes; });

    [Test]
    public void A_trickling_body_hits_the_deadline_of_our_read_loop()
    {
        Server.Faults.Enqueue(Fault.TrickleBody(msBetweenPieces: 40));
        var clock = Stopwatch.StartNew();

        WooHttpResult r = Send(OneShot(), Orders(25));

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Timeout));
        Assert.That(r.ErrorMessage, Does.Contain("did not complete within 1.0 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)));
    }

    [Test]
    public void A_body_that_stalls_hits_the_deadline()
    {
        Server.Faults.Enqueue(Fault.StallBodyFor(8000));
        var clock = Stopwatch.StartNew();

        WooHttpResult r = Send(OneShot(), Orders(25));

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Timeout), r.ErrorMessage);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Slow_headers_hit_the_request_timeout()
    {
        Server.Faults.Enqueue(Fault.SlowHeadersFor(8000));
        var clock = Stopwatch.StartNew();

        WooHttpResult r = Send(OneShot(), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Timeout), r.ErrorMessage);
        Assert.That(r.StatusCode, Is.EqualTo(0));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_timeout_is_retried_and_then_succeeds()
    {
        Server.Faults.Enqueue(Fault.SlowHeadersFor(8000));

        WooHttpResult r = Send(Client(o => o.RequestTimeoutMs = 1000), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(r.Requests, Is.EqualTo(2));
    }

    [Test]
    public void The_budget_also_bounds_a_single_slow_request()
    {
        Server.Faults.Enqueue(Fault.SlowHeadersFor(8000));
        var clock = Stopwatch.StartNew();

        WooHttpResult r = Send(Client(o => { o.RequestTimeoutMs = 5000; o.TotalBudgetMs = 1000; }), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Budget), r.ErrorMessage);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_truncated_body_is_an_error_naming_the_bytes()
    {
        Server.Faults.Enqueue(Fault.TruncatedBody());

        WooHttpResult r = Send(OneShot(timeoutMs: 5000), Orders(10));

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Truncated), r.ErrorMessage);
        Assert.That(r.ErrorMessage, Does.Match(@"cut off after \d+ of \d+ bytes"));
    }

    [Test]
    public void A_truncated_body_is_retried_and_then_succeeds()
    {
        Server.Faults.Enqueue(Fault.TruncatedBody());

        WooHttpResult r = Send(Client(), Orders(10));

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(r.Requests, Is.EqualTo(2));
    }

    [Test]
    public void A_declared_body_over_the_cap_is_refused_before_reading()
    {
        Server.Faults.Enqueue(Fault.LargeBody(300_000, chunked: false));

        WooHttpResult r = Send(OneShot(timeoutMs: 5000, maxBytes: 100_000), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.TooLarge));
        Assert.That(r.ErrorMessage, Does.Contain("larger than the limit of 100000 bytes (Content-Length "));
        Assert.That(r.Requests, Is.EqualTo(1), "not retried: the same answer would come again");
    }

    [Test]
    public void A_chunked_body_over_the_cap_is_cut_by_the_read_loop()
    {
        Server.Faults.Enqueue(Fault.LargeBody(300_000, chunked: true));

        WooHttpResult r = Send(OneShot(timeoutMs: 5000, maxBytes: 100_000), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.TooLarge));
        Assert.That(r.ErrorMessage, Does.Contain("received more than "));
    }

    [Test]
    public void A_body_under_the_cap_passes()
    {
        Server.Faults.Enqueue(Fault.LargeBody(90_000, chunked: true));

        WooHttpResult r = Send(OneShot(timeoutMs: 5000, maxBytes: 100_000), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
    }

    [Test]
    public void An_HTML_page_with_status_200_is_an_error()
    {
        Server.Faults.Enqueue(Fault.HtmlPage());

        WooHttpResult r = Send(Client(), Orders());

        Assert.That(r.Succeeded, Is.False);
        Assert.That(r.StatusCode, Is.EqualTo(200));
        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.NotJson));
        Assert.That(r.ErrorMessage, Does.Contain("Content-Type text/html").And.Contain("Just a moment").And.Contain("firewall"));
        Assert.That(r.Requests, Is.EqualTo(1));
    }

    [Test]
    public void JSON_followed_by_a_PHP_warning_is_an_error()
    {
        Server.Faults.Enqueue(Fault.BrokenJson());

        WooHttpResult r = Send(Client(), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.NotJson));
        Assert.That(r.ErrorMessage, Does.Contain("text follows the JSON value"));
    }
}
