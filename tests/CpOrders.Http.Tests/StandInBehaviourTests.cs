using System.Text.Json.Nodes;
using CpOrders.WooClr.Http;

namespace CpOrders.Http.Tests;

/// <summary>The stand-in behaves like WooCommerce where the paging and outbox code will rely on it.</summary>
[TestFixture]
public sealed class StandInBehaviourTests : StandInTestBase
{
    private static List<int> Ids(WooHttpResult r) => JsonNode.Parse(r.Body!)!.AsArray().Select(o => o!["id"]!.GetValue<int>()).ToList();

    private WooRequest Keyset(string after, string? exclude = null, int perPage = 5)
    {
        WooRequest q = WooRequest.Get("orders").AddQuery("orderby", "modified").AddQuery("order", "asc").AddQuery("per_page", perPage.ToString())
            .AddQuery("modified_after", after).AddQuery("dates_are_gmt", "true");
        return exclude == null ? q : q.AddQuery("exclude", exclude);
    }

    [Test]
    public void Keyset_paging_by_modified_ascending_with_exclude()
    {
        List<JsonObject> all = Server.Orders.All().OrderBy(o => o["date_modified_gmt"]!.GetValue<string>()).ThenBy(o => o["id"]!.GetValue<int>()).ToList();
        string firstSecond = all[0]["date_modified_gmt"]!.GetValue<string>();

        WooHttpResult page = Send(Client(), Keyset("2026-01-05T08:00:00"));
        Assert.That(Ids(page), Is.EqualTo(all.Take(5).Select(o => o["id"]!.GetValue<int>())));
        Assert.That(page.TotalItems, Is.EqualTo(25));

        // modified_after is strict (>): the same second again needs an earlier bound plus exclude.
        WooHttpResult strict = Send(Client(), Keyset(firstSecond));
        Assert.That(Ids(strict), Does.Not.Contain(all[0]["id"]!.GetValue<int>()));
        WooHttpResult withExclude = Send(Client(), Keyset("2026-01-05T08:00:00", exclude: all[0]["id"] + "," + all[1]["id"]));
        Assert.That(Ids(withExclude).First(), Is.EqualTo(all[2]["id"]!.GetValue<int>()));
    }

    [Test]
    public void A_page_past_the_end_is_an_empty_array_with_totals()
    {
        WooHttpResult r = Send(Client(), Orders(10).AddQuery("page", "9"));
        Assert.That(r.Succeeded, Is.True);
        Assert.That(r.Body, Is.EqualTo("[]"));
        Assert.That(r.TotalPages, Is.EqualTo(3));
    }

    [Test]
    public void Mutations_between_pages_are_visible_to_the_next_request()
    {
        Server.BeforeListRequest(2, store => { store.Insert(5000); store.Modify(1001); store.Trash(1002); });
        WooHttpClient client = Client();

        WooHttpResult first = Send(client, Keyset("2026-01-05T08:00:00", perPage: 100));
        WooHttpResult second = Send(client, Keyset("2026-01-05T08:00:00", perPage: 100));

        Assert.That(first.TotalItems, Is.EqualTo(25));
        Assert.That(second.TotalItems, Is.EqualTo(25), "one inserted, one trashed (not in 'any')");
        List<int> ids = Ids(second);
        Assert.That(ids, Does.Contain(5000).And.Not.Contain(1002));
        Assert.That(ids.TakeLast(2), Is.EquivalentTo(new[] { 5000, 1001 }), "modified ones move to the end");
    }

    [Test]
    public void Old_WooCommerce_ignores_modified_after_and_can_refuse_orderby_modified()
    {
        Server.OldWooCommerce = true;
        WooHttpResult ignored = Send(Client(), Keyset("2030-01-01T00:00:00"));
        Assert.That(ignored.TotalItems, Is.EqualTo(25), "modified_after ignored");

        Server.RejectOrderbyModified = true;
        WooHttpResult refused = Send(Client(), Keyset("2030-01-01T00:00:00"));
        Assert.That(refused.StatusCode, Is.EqualTo(400));
        Assert.That(refused.WooErrorMessage, Is.EqualTo("Invalid parameter(s): orderby"));
    }

    [Test]
    public void Status_filter_and_update_and_notes()
    {
        WooHttpClient client = Client();
        WooHttpResult put = Send(client, WooRequest.Put("orders/1003", "{\"status\":\"completed\"}"));
        Assert.That(put.Succeeded, Is.True, put.ErrorMessage);
        Assert.That(JsonNode.Parse(put.Body!)!["status"]!.GetValue<string>(), Is.EqualTo("completed"));

        WooHttpResult completed = Send(client, Orders(100).AddQuery("status", "completed"));
        Assert.That(Ids(completed), Does.Contain(1003));

        Assert.That(Send(client, WooRequest.Post("orders/1003/notes", "{\"note\":\"CPO doc 1\",\"customer_note\":false}")).StatusCode, Is.EqualTo(201));
        WooHttpResult notes = Send(client, WooRequest.Get("orders/1003/notes"));
        Assert.That(notes.Body, Does.Contain("CPO doc 1"));
        WooHttpResult missing = Send(client, WooRequest.Post("orders/1003/notes", "{}"));
        Assert.That(missing.WooErrorCode, Is.EqualTo("rest_missing_callback_param"));
    }

    [Test]
    public void Batch_reports_unknown_ids_per_item_and_refuses_more_than_100()
    {
        WooHttpClient client = Client();
        WooHttpResult ok = Send(client, WooRequest.Post("orders/batch", "{\"update\":[{\"id\":1004,\"status\":\"completed\"},{\"id\":424242,\"status\":\"completed\"}]}"));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        JsonArray updates = JsonNode.Parse(ok.Body!)!["update"]!.AsArray();
        Assert.That(updates[0]!["status"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(updates[1]!["error"]!["code"]!.GetValue<string>(), Is.EqualTo("woocommerce_rest_shop_order_invalid_id"));

        string many = "{\"update\":[" + string.Join(",", Enumerable.Range(1, 101).Select(i => "{\"id\":" + i + "}")) + "]}";
        WooHttpResult tooMany = Send(client, WooRequest.Post("orders/batch", many));
        Assert.That(tooMany.StatusCode, Is.EqualTo(413));
        Assert.That(tooMany.WooErrorCode, Is.EqualTo("woocommerce_rest_request_entity_too_large"));
        Assert.That(tooMany.Requests, Is.EqualTo(1));
    }
}
