using CpOrders.WooClr.Http;
using WooStandIn;

namespace CpOrders.Http.Tests;

[TestFixture]
public sealed class RetryTests : StandInTestBase
{
    [Test]
    public void A_429_with_Retry_After_seconds_is_waited_out_then_succeeds()
    {
        Server.Faults.Enqueue(Fault.WithStatus(429, "7"));

        WooHttpResult r = Send(Client(), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(Env.Sleeps, Is.EqualTo(new[] { 7000 }));
        Assert.That(r.Delays, Is.EqualTo(new[] { 7000 }));
        Assert.That(r.Requests, Is.EqualTo(2));
        Assert.That(r.Retries, Is.EqualTo(1));
        Assert.That(r.Attempts[0], Does.StartWith("request 1: 429"));
    }

    [Test]
    public void Retry_After_as_an_HTTP_date_is_honoured_against_the_clock()
    {
        Env.Now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        Server.Faults.Enqueue(Fault.WithStatus(503, "Mon, 05 Jan 2026 09:00:04 GMT"));

        WooHttpResult r = Send(Client(), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(Env.Sleeps, Is.EqualTo(new[] { 4000 }));
    }

    [Test]
    public void A_long_Retry_After_is_capped()
    {
        Server.Faults.Enqueue(Fault.WithStatus(429, "3600"));

        WooHttpResult r = Send(Client(o => o.RetryAfterMaxMs = 20000), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(Env.Sleeps, Is.EqualTo(new[] { 20000 }));
        Assert.That(r.Attempts, Has.Some.Contains("asked to wait 3600.0 s (Retry-After); waiting at most 20.0 s"));
    }

    [Test]
    public void Server_errors_back_off_exponentially_with_jitter_then_succeed()
    {
        Server.Faults.Enqueue(Fault.WithStatus(500), Fault.WithStatus(502), Fault.WithStatus(503), Fault.WithStatus(504));
        Env.QueueJitter(0.0, 0.5, 1.0 - 1e-9, 0.25);

        WooHttpResult r = Send(Client(o => { o.BackoffBaseMs = 1000; o.BackoffMaxMs = 6000; }), Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        // step 1000, 2000, 4000, 6000 (capped); wait = step/2 + jitter * step/2
        Assert.That(Env.Sleeps, Is.EqualTo(new[] { 500, 1500, 3999, 3750 }));
        Assert.That(r.Requests, Is.EqualTo(5));
    }

    [Test]
    public void The_total_budget_stops_retries_with_a_clear_message()
    {
        for (int i = 0; i < 10; i++) Server.Faults.Enqueue(Fault.WithStatus(503));

        WooHttpResult r = Send(Client(o => { o.TotalBudgetMs = 5000; o.MaxAttempts = 10; o.BackoffBaseMs = 1000; }), Orders());

        Assert.That(r.Succeeded, Is.False);
        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Budget));
        Assert.That(r.ErrorMessage, Does.Contain("total budget of 5.0 s (totalBudgetMs)").And.Contain("Last failure:").And.Contain("answered 503"));
        Assert.That(Env.Sleeps.Sum(), Is.LessThan(5000));
        Assert.That(r.Requests, Is.EqualTo(3), "waits 750 + 1500 fit, the third (3000) would not");
    }

    [Test]
    public void A_Retry_After_beyond_the_budget_gives_up_without_waiting()
    {
        Server.Faults.Enqueue(Fault.WithStatus(429, "50"));

        WooHttpResult r = Send(Client(o => o.TotalBudgetMs = 10000), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Budget));
        Assert.That(r.ErrorMessage, Does.Contain("next wait of 30.0 s (Retry-After)"));
        Assert.That(Env.Sleeps, Is.Empty);
    }

    [Test]
    public void Max_attempts_ends_a_run_of_server_errors()
    {
        for (int i = 0; i < 5; i++) Server.Faults.Enqueue(Fault.WithStatus(502));

        WooHttpResult r = Send(Client(o => o.MaxAttempts = 3), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.ServerError));
        Assert.That(r.ErrorMessage, Does.Contain("Gave up after 3 request(s)"));
        Assert.That(r.Requests, Is.EqualTo(3));
        Assert.That(Env.Sleeps, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_4xx_returns_at_once_with_WooCommerce_code_and_message()
    {
        WooHttpResult r = Send(Client(), Orders(101));

        Assert.That(r.StatusCode, Is.EqualTo(400));
        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.ClientError));
        Assert.That(r.WooErrorCode, Is.EqualTo("rest_invalid_param"));
        Assert.That(r.WooErrorMessage, Is.EqualTo("Invalid parameter(s): per_page"));
        Assert.That(r.ErrorMessage, Does.Contain("answered 400 rest_invalid_param: Invalid parameter(s): per_page"));
        Assert.That(r.Requests, Is.EqualTo(1));
        Assert.That(Env.Sleeps, Is.Empty);
    }

    [Test]
    public void An_unknown_order_is_a_404_with_WooCommerce_code()
    {
        WooHttpResult r = Send(Client(), WooRequest.Get("orders/999999"));

        Assert.That(r.StatusCode, Is.EqualTo(404));
        Assert.That(r.WooErrorCode, Is.EqualTo("woocommerce_rest_shop_order_invalid_id"));
        Assert.That(r.Requests, Is.EqualTo(1));
    }

    [Test]
    public void A_wrong_API_path_explains_what_to_check()
    {
        WooHttpResult r = Send(Client(o => o.ApiPrefix = "wp-json/wc/v9/"), Orders());

        Assert.That(r.WooErrorCode, Is.EqualTo("rest_no_route"));
        Assert.That(r.ErrorMessage, Does.Contain("permalinks"));
    }

    [Test]
    public void A_POST_is_not_repeated_after_a_503_but_is_after_a_429()
    {
        Server.Faults.Enqueue(Fault.WithStatus(503));
        WooHttpResult note = Send(Client(), WooRequest.Post("orders/1001/notes", "{\"note\":\"CPO-1 imported\"}"));
        Assert.That(note.ErrorCode, Is.EqualTo(WooHttpErrors.ServerError));
        Assert.That(note.ErrorMessage, Does.Contain("Not retried: a POST may already have taken effect"));
        Assert.That(note.Requests, Is.EqualTo(1));

        Server.Faults.Enqueue(Fault.WithStatus(429, "1"));
        WooHttpResult again = Send(Client(), WooRequest.Post("orders/1001/notes", "{\"note\":\"CPO-1 imported\"}"));
        Assert.That(again.Succeeded, Is.True, again.ErrorMessage);
        Assert.That(again.StatusCode, Is.EqualTo(201));
        Assert.That(again.Requests, Is.EqualTo(2));
    }

    [Test]
    public void A_reset_connection_is_retried_on_a_kept_alive_connection()
    {
        WooHttpClient client = Client(o => o.KeepAlive = true);
        Assert.That(Send(client, Orders()).Succeeded, Is.True);
        Server.Faults.Enqueue(Fault.ResetConnection());

        WooHttpResult r = Send(client, Orders());

        Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
        Assert.That(r.Requests, Is.EqualTo(2));
        Assert.That(r.Attempts[0], Does.StartWith("request 1: connection"));
    }

    [Test]
    public void A_reset_connection_alone_is_a_connection_error()
    {
        Server.Faults.Enqueue(Fault.ResetConnection());

        WooHttpResult r = Send(Client(o => o.MaxAttempts = 1), Orders());

        Assert.That(r.ErrorCode, Is.EqualTo(WooHttpErrors.Connection));
        Assert.That(r.StatusCode, Is.EqualTo(0));
    }

    [Test]
    public void Seeded_random_faults_are_survived_and_reproducible()
    {
        List<string> Run()
        {
            Server.Faults.UseRandom(seed: 42, probability: 0.4, Fault.WithStatus(429, "1"), Fault.WithStatus(503), Fault.ResetConnection(), Fault.WithStatus(502));
            var outcomes = new List<string>();
            WooHttpClient client = Client(o => o.MaxAttempts = 8);
            for (int page = 1; page <= 10; page++)
            {
                WooHttpResult r = Send(client, Orders(3).AddQuery("page", page.ToString()));
                outcomes.Add(r.Succeeded + "/" + r.Requests);
                Assert.That(r.Succeeded, Is.True, r.ErrorMessage);
            }
            Server.Faults.Clear();
            return outcomes;
        }

        List<string> first = Run();
        List<string> second = Run();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Count(o => !o.EndsWith("/1")), Is.GreaterThan(0), "the seed produced at least one retried call");
    }
}
