using System.Data.SqlTypes;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.SqlSurface;
using CpOrders.WooClr.Woo.Writes;
using WooStandIn;

namespace CpOrders.Http.Tests;

/// <summary>
/// The write procedures against the WooCommerce stand-in, called exactly as SQL Server calls them: the static method
/// with SqlTypes, OUTPUT parameters as out. Every message they produce goes to TestRun.ProducedTexts (secret-leak check).
/// </summary>
public class OrderWriteTests : StandInTestBase
{
    public sealed record Common(int HttpStatus, string? ErrorCode, string? ErrorMessage, int Requests);
    public sealed record UpdateResult(bool Applied, string? CurrentStatus, string? ResponseJson, Common Common);
    public sealed record NoteResult(long? NoteId, bool AlreadyPresent, Common Common);
    public sealed record BatchResult(XElement? Results, Common Common);

    private string? _secret;

    [SetUp]
    public void UseTheRightSecret() => _secret = null;   // NUnit reuses the fixture instance between tests

    private static Common Record(SqlInt32 http, SqlString code, SqlString message, SqlInt32 requests)
    {
        var c = new Common(http.Value, code.IsNull ? null : code.Value, message.IsNull ? null : message.Value, requests.Value);
        TestRun.ProducedTexts.Enqueue(c.ErrorCode ?? "");
        TestRun.ProducedTexts.Enqueue(c.ErrorMessage ?? "");
        return c;
    }

    private UpdateResult Update(long orderId, string? status, string? metaJson = null, string? onlyIfStatusIn = null, string? baseUrl = null)
    {
        OrderWriteProcedures.UpdateOrder(new SqlString(baseUrl ?? Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(_secret ?? TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False,
            SqlString.Null, SqlString.Null,
            new SqlInt64(orderId), status == null ? SqlString.Null : new SqlString(status), metaJson == null ? SqlString.Null : new SqlString(metaJson),
            onlyIfStatusIn == null ? SqlString.Null : new SqlString(onlyIfStatusIn),
            out SqlBoolean applied, out SqlString current, out SqlString response,
            out SqlInt32 http, out SqlString code, out SqlString message, out SqlInt32 requests);
        return new UpdateResult(applied.Value, current.IsNull ? null : current.Value, response.IsNull ? null : response.Value, Record(http, code, message, requests));
    }

    private NoteResult AddNote(long orderId, string note, bool customerNote, string marker)
    {
        OrderWriteProcedures.AddOrderNote(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(_secret ?? TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False,
            SqlString.Null, SqlString.Null,
            new SqlInt64(orderId), new SqlString(note), new SqlBoolean(customerNote), new SqlString(marker),
            out SqlInt64 noteId, out SqlBoolean already,
            out SqlInt32 http, out SqlString code, out SqlString message, out SqlInt32 requests);
        return new NoteResult(noteId.IsNull ? null : noteId.Value, already.Value, Record(http, code, message, requests));
    }

    private (string? NotesJson, Common Common) ListNotes(long orderId)
    {
        OrderWriteProcedures.ListOrderNotes(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(_secret ?? TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False,
            SqlString.Null, SqlString.Null, new SqlInt64(orderId),
            out SqlString notes, out SqlInt32 http, out SqlString code, out SqlString message, out SqlInt32 requests);
        return (notes.IsNull ? null : notes.Value, Record(http, code, message, requests));
    }

    private BatchResult Batch(string updatesXml)
    {
        var updates = new SqlXml(XmlReader.Create(new StringReader(updatesXml)));
        OrderWriteProcedures.BatchUpdateOrders(new SqlString(Server.HttpsBaseUrl), new SqlString(TestRun.ConsumerKey),
            new SqlString(_secret ?? TestRun.ConsumerSecret), new SqlString("basic"), new SqlInt32(5), new SqlInt32(60), SqlBoolean.False,
            SqlString.Null, SqlString.Null, updates,
            out SqlXml results, out SqlInt32 http, out SqlString code, out SqlString message, out SqlInt32 requests);
        XElement? x = results.IsNull ? null : XElement.Parse(results.Value);
        if (x != null) TestRun.ProducedTexts.Enqueue(x.ToString());
        return new BatchResult(x, Record(http, code, message, requests));
    }

    private static List<OrderNoteRecord> OrderNotesRows(string? json)
    {
        var rows = new List<OrderNoteRecord>();
        foreach (object row in OrderWriteProcedures.OrderNotes(json == null ? SqlString.Null : new SqlString(json)))
        {
            OrderWriteProcedures.FillNoteRow(row, out SqlInt64 id, out SqlString author, out DateTime? date, out SqlString note, out SqlBoolean customer);
            rows.Add(new OrderNoteRecord
            {
                Id = id.IsNull ? null : id.Value,
                Author = author.IsNull ? null : author.Value,
                DateCreatedGmt = date,
                Note = note.IsNull ? null : note.Value,
                CustomerNote = customer.IsNull ? null : customer.Value,
            });
        }
        return rows;
    }

    private int OrderWithStatus(string status)
    {
        JsonObject? o = Server.Orders.All().FirstOrDefault(x => (string)x["status"]! == status);
        if (o != null) return (int)o["id"]!;
        int id = (int)Server.Orders.All()[0]["id"]!;
        Server.Orders.Modify(id, x => x["status"] = status);
        return id;
    }

    private string StatusOf(int id) => (string)Server.Orders.Get(id)!["status"]!;

    private List<RecordedRequest> Requests(string method, string pathEnd) =>
        Server.Requests.Where(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    // ---------------------------------------------------------------- UpdateOrder

    [Test]
    public void A_status_update_is_applied_after_reading_the_order()
    {
        int id = OrderWithStatus("processing");

        UpdateResult r = Update(id, "completed", onlyIfStatusIn: "pending, processing,on-hold");

        Assert.That(r.Common.ErrorCode, Is.Null, r.Common.ErrorMessage);
        Assert.That(r.Applied, Is.True);
        Assert.That(r.CurrentStatus, Is.EqualTo("completed"));
        Assert.That(r.Common.HttpStatus, Is.EqualTo(200));
        Assert.That(r.Common.Requests, Is.EqualTo(2), "GET then PUT");
        Assert.That(StatusOf(id), Is.EqualTo("completed"));
        Assert.That(r.ResponseJson, Does.Contain("\"status\":\"completed\""));
        RecordedRequest put = Requests("PUT", "/orders/" + id).Single();
        Assert.That(put.Body, Is.EqualTo("{\"status\":\"completed\"}"), "only the fields to change");
        Assert.That(Server.Requests[0].Method, Is.EqualTo("GET"));
    }

    [Test]
    public void The_precondition_blocks_a_backwards_move_without_writing()
    {
        int id = OrderWithStatus("completed");

        UpdateResult r = Update(id, "processing", onlyIfStatusIn: "pending,on-hold");

        Assert.That(r.Common.ErrorCode, Is.Null, r.Common.ErrorMessage);
        Assert.That(r.Applied, Is.False);
        Assert.That(r.CurrentStatus, Is.EqualTo("completed"));
        Assert.That(Requests("PUT", "/orders/" + id), Is.Empty, "no PUT may be sent");
        Assert.That(r.Common.Requests, Is.EqualTo(1));
        Assert.That(StatusOf(id), Is.EqualTo("completed"));
    }

    [Test]
    public void An_order_already_in_the_wanted_state_is_not_written_again()
    {
        int id = OrderWithStatus("completed");

        UpdateResult r = Update(id, "completed");

        Assert.That(r.Common.ErrorCode, Is.Null, r.Common.ErrorMessage);
        Assert.That(r.Applied, Is.False, "no change needed: @Applied 0");
        Assert.That(r.CurrentStatus, Is.EqualTo("completed"));
        Assert.That(r.ResponseJson, Does.Contain("\"id\":" + id));
        Assert.That(Requests("PUT", "/orders/" + id), Is.Empty);
    }

    [Test]
    public void Meta_values_are_set_merged_by_key_and_not_sent_again_when_already_there()
    {
        int id = OrderWithStatus("processing");
        const string meta = "[{\"key\":\"cp_doc_id\",\"value\":\"100234\"},{\"key\":\"cp_ticket\",\"value\":17},{\"key\":\"cp_info\",\"value\":{\"store\":\"01\",\"lines\":[1,2]}}]";

        UpdateResult first = Update(id, null, meta);
        UpdateResult again = Update(id, null, "[{\"key\":\"cp_doc_id\",\"value\":\"100234\"},{\"key\":\"cp_ticket\",\"value\":\"17\"},{\"key\":\"cp_info\",\"value\":{ \"store\" : \"01\", \"lines\" : [1, 2] }}]");
        UpdateResult changed = Update(id, "completed", "[{\"key\":\"cp_doc_id\",\"value\":\"100999\"}]");

        Assert.That(first.Common.ErrorCode, Is.Null, first.Common.ErrorMessage);
        Assert.That(first.Applied, Is.True);
        Assert.That(Requests("PUT", "/orders/" + id)[0].Body,
            Is.EqualTo("{\"meta_data\":[{\"key\":\"cp_doc_id\",\"value\":\"100234\"},{\"key\":\"cp_ticket\",\"value\":17},{\"key\":\"cp_info\",\"value\":{\"store\":\"01\",\"lines\":[1,2]}}]}"));
        Assert.That(again.Applied, Is.False, "same values (17 and \"17\" are the same meta text; white space does not matter)");
        Assert.That(changed.Applied, Is.True);
        Assert.That(Requests("PUT", "/orders/" + id), Has.Count.EqualTo(2));
        JsonArray stored = Server.Orders.Get(id)!["meta_data"]!.AsArray();
        var docIds = stored.Where(m => (string)m!["key"]! == "cp_doc_id").ToList();
        Assert.That(docIds, Has.Count.EqualTo(1), "a PUT updates the key, it does not add a second entry");
        Assert.That((string)docIds[0]!["value"]!, Is.EqualTo("100999"));
        Assert.That(StatusOf(id), Is.EqualTo("completed"));
    }

    [Test]
    public void A_503_then_success_on_PUT_is_retried()
    {
        int id = OrderWithStatus("processing");
        Server.Faults.Enqueue(Fault.WithStatus(503, "0").For("PUT"));

        UpdateResult r = Update(id, "completed");

        Assert.That(r.Common.ErrorCode, Is.Null, r.Common.ErrorMessage);
        Assert.That(r.Applied, Is.True);
        Assert.That(Requests("PUT", "/orders/" + id), Has.Count.EqualTo(2));
        Assert.That(r.Common.Requests, Is.EqualTo(3), "GET, PUT (503), PUT");
        Assert.That(StatusOf(id), Is.EqualTo("completed"));
    }

    [Test]
    public void An_unknown_order_reports_WooCommerce_s_404_in_the_outputs()
    {
        UpdateResult r = Update(999999, "completed");

        Assert.That(r.Applied, Is.False);
        Assert.That(r.Common.HttpStatus, Is.EqualTo(404));
        Assert.That(r.Common.ErrorCode, Is.EqualTo("woocommerce_rest_shop_order_invalid_id"));
        Assert.That(r.Common.ErrorMessage, Does.StartWith("CPO-HTTP-CLIENT-ERROR"));
        Assert.That(r.CurrentStatus, Is.Null);
    }

    [TestCase(0L, "completed", null, null, "@OrderId")]
    [TestCase(1001L, null, null, null, "nothing to update")]
    [TestCase(1001L, "Comp leted", null, null, "not an order status slug")]
    [TestCase(1001L, null, "{\"key\":\"a\"}", null, "must be a JSON array")]
    [TestCase(1001L, null, "[{\"key\":\"a\"}]", null, "needs \"value\"")]
    [TestCase(1001L, null, "[{\"key\":\"a\",\"value\":1},{\"key\":\"a\",\"value\":2}]", null, "given twice")]
    [TestCase(1001L, null, "[{\"key\":\"a\",\"value\":1]", null, "not valid JSON")]
    [TestCase(1001L, "completed", null, " , ", "names no status")]
    public void Unusable_parameters_throw_CPO_PARAM_before_any_request(long id, string? status, string? meta, string? only, string expected)
    {
        var ex = Assert.Throws<WooWriteParameterException>(() => Update(id, status, meta, only))!;
        TestRun.Record(ex);
        Assert.That(ex.Message, Does.StartWith("CPO-PARAM: ").And.Contain(expected));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void A_wc_prefixed_status_is_the_REST_slug()
    {
        int id = OrderWithStatus("processing");
        UpdateResult r = Update(id, "wc-completed", onlyIfStatusIn: "wc-processing");
        Assert.That(r.Applied, Is.True, r.Common.ErrorMessage);
        Assert.That(StatusOf(id), Is.EqualTo("completed"));
    }

    [Test]
    public void A_connection_setting_that_cannot_work_is_reported_in_the_outputs_without_a_request()
    {
        UpdateResult r = Update(1001, "completed", baseUrl: Server.HttpBaseUrl);

        Assert.That(r.Common.ErrorCode, Is.EqualTo("CPO-HTTP-CONFIG"));
        Assert.That(r.Common.ErrorMessage, Does.Contain("plain http"));
        Assert.That(r.Common.Requests, Is.EqualTo(0));
        Assert.That(Server.Requests, Is.Empty);
    }

    // ---------------------------------------------------------------- notes

    [Test]
    public void A_note_is_added_once_and_a_second_call_with_the_same_marker_posts_nothing()
    {
        int id = OrderWithStatus("processing");

        NoteResult first = AddNote(id, "Counterpoint order 100234 created.", false, "cpo-doc-100234");
        NoteResult second = AddNote(id, "Counterpoint order 100234 created.", false, "cpo-doc-100234");

        Assert.That(first.Common.ErrorCode, Is.Null, first.Common.ErrorMessage);
        Assert.That(first.AlreadyPresent, Is.False);
        Assert.That(first.NoteId, Is.Not.Null);
        Assert.That(first.Common.HttpStatus, Is.EqualTo(201));
        Assert.That(first.Common.Requests, Is.EqualTo(2), "GET notes, POST note");
        Assert.That(second.Common.ErrorCode, Is.Null, second.Common.ErrorMessage);
        Assert.That(second.AlreadyPresent, Is.True);
        Assert.That(second.NoteId, Is.EqualTo(first.NoteId));
        Assert.That(second.Common.Requests, Is.EqualTo(1));
        Assert.That(Requests("POST", "/orders/" + id + "/notes"), Has.Count.EqualTo(1));
        List<JsonObject> notes = Server.Orders.Notes(id);
        Assert.That(notes, Has.Count.EqualTo(1));
        Assert.That((string)notes[0]["note"]!, Is.EqualTo("Counterpoint order 100234 created.\n[cpo-doc-100234]"));
        Assert.That((bool)notes[0]["customer_note"]!, Is.False);
    }

    [Test]
    public void A_marker_that_is_a_prefix_of_another_note_s_marker_is_not_found_there()
    {
        int id = OrderWithStatus("processing");
        AddNote(id, "Shipped, box 10.", false, "cpo-ship-10");

        NoteResult r = AddNote(id, "Shipped, box 1.", false, "cpo-ship-1");

        Assert.That(r.AlreadyPresent, Is.False);
        Assert.That(Server.Orders.Notes(id), Has.Count.EqualTo(2));
    }

    [Test]
    public void The_customer_note_flag_is_passed()
    {
        int id = OrderWithStatus("processing");

        NoteResult r = AddNote(id, "Your order has shipped: \"UPS\" 1Z999\u2028line two\ttab", true, "cpo-ship-1Z999");

        Assert.That(r.Common.ErrorCode, Is.Null, r.Common.ErrorMessage);
        JsonObject note = Server.Orders.Notes(id).Single();
        Assert.That((bool)note["customer_note"]!, Is.True);
        Assert.That((string)note["note"]!, Is.EqualTo("Your order has shipped: \"UPS\" 1Z999\u2028line two\ttab\n[cpo-ship-1Z999]"));
        Assert.That(Requests("POST", "/notes").Single().Body, Does.Contain("\"customer_note\":true").And.Contain("\\u2028").And.Contain("\\t"));
    }

    [Test]
    public void Notes_are_listed_and_parsed_by_wooclr_OrderNotes()
    {
        int id = OrderWithStatus("processing");
        AddNote(id, "first", false, "m-1");
        AddNote(id, "second, for the shopper", true, "m-2");

        (string? json, Common c) = ListNotes(id);
        List<OrderNoteRecord> rows = OrderNotesRows(json);

        Assert.That(c.ErrorCode, Is.Null, c.ErrorMessage);
        Assert.That(c.HttpStatus, Is.EqualTo(200));
        Assert.That(rows, Has.Count.EqualTo(2));
        List<JsonObject> stored = Server.Orders.Notes(id);
        for (int i = 0; i < 2; i++)
        {
            Assert.That(rows[i].Id, Is.EqualTo((long)stored[i]["id"]!));
            Assert.That(rows[i].Author, Is.EqualTo("WooCommerce"));
            Assert.That(rows[i].Note, Is.EqualTo((string)stored[i]["note"]!));
            Assert.That(rows[i].DateCreatedGmt, Is.EqualTo(OrderStore.ParseDate(stored[i], "date_created_gmt")));
            Assert.That(rows[i].DateCreatedGmt!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
        }
        Assert.That(rows.Select(r => r.CustomerNote), Is.EqualTo(new bool?[] { false, true }));
        Assert.That(OrderNotesRows(null), Is.Empty);
        Assert.That(OrderNotesRows("[]"), Is.Empty);
        var ex = Assert.Throws<JsonParseException>(() => OrderNotesRows("[{\"id\":1,\"note\":\"x\"},{\"id\":\"x\"}]"))!;
        Assert.That(ex.Message, Does.StartWith("JSON error at character ").And.Contain("notes line 2 field 'id'"));
        Assert.Throws<JsonParseException>(() => OrderNotesRows("{\"code\":\"x\"}"));
        Assert.Throws<JsonParseException>(() => OrderNotesRows("[{\"author\":\"" + new string('a', 201) + "\"}]"));
    }

    [Test]
    public void A_POST_note_whose_answer_is_lost_after_WooCommerce_acted_is_not_repeated_and_a_rerun_finds_it()
    {
        int id = OrderWithStatus("processing");
        Server.Faults.Enqueue(Fault.ResetAfterHandled().For("POST", "/notes"));

        NoteResult lost = AddNote(id, "Counterpoint order 100234 created.", false, "cpo-doc-100234");

        Assert.That(lost.Common.ErrorCode, Is.EqualTo("CPO-HTTP-CONNECTION"));
        Assert.That(lost.Common.ErrorMessage, Does.Contain("Not retried"));
        Assert.That(lost.Common.HttpStatus, Is.EqualTo(0));
        Assert.That(lost.NoteId, Is.Null);
        Assert.That(Requests("POST", "/notes"), Has.Count.EqualTo(1), "a POST that may have taken effect is not repeated by the client");
        Assert.That(Server.Orders.Notes(id), Has.Count.EqualTo(1), "WooCommerce did add the note");

        NoteResult rerun = AddNote(id, "Counterpoint order 100234 created.", false, "cpo-doc-100234");

        Assert.That(rerun.Common.ErrorCode, Is.Null, rerun.Common.ErrorMessage);
        Assert.That(rerun.AlreadyPresent, Is.True);
        Assert.That(rerun.NoteId, Is.EqualTo((long)Server.Orders.Notes(id)[0]["id"]!));
        Assert.That(Requests("POST", "/notes"), Has.Count.EqualTo(1));
        Assert.That(Server.Orders.Notes(id), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_POST_note_reset_before_WooCommerce_acted_is_not_repeated_either_and_a_rerun_adds_it()
    {
        int id = OrderWithStatus("processing");
        Server.Faults.Enqueue(Fault.ResetConnection().For("POST", "/notes"));

        NoteResult lost = AddNote(id, "n", false, "cpo-x");
        NoteResult rerun = AddNote(id, "n", false, "cpo-x");

        Assert.That(lost.Common.ErrorCode, Is.EqualTo("CPO-HTTP-CONNECTION"));
        Assert.That(rerun.AlreadyPresent, Is.False);
        Assert.That(rerun.NoteId, Is.Not.Null);
        Assert.That(Requests("POST", "/notes"), Has.Count.EqualTo(2), "one per call: the client never repeated a sent POST");
        Assert.That(Server.Orders.Notes(id), Has.Count.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("<!-- x -->")]
    [TestCase("a]b")]
    public void A_marker_that_is_not_plain_text_is_CPO_PARAM(string marker)
    {
        var ex = Assert.Throws<WooWriteParameterException>(() => AddNote(1001, "n", false, marker))!;
        Assert.That(ex.Message, Does.StartWith("CPO-PARAM: @Marker"));
        Assert.That(Server.Requests, Is.Empty);
    }

    // ---------------------------------------------------------------- batch

    [Test]
    public void A_batch_of_three_with_one_unknown_id_reports_that_one_and_applies_the_others()
    {
        int a = OrderWithStatus("processing");
        int b = Server.Orders.All().Select(o => (int)o["id"]!).First(x => x != a);
        string xml = $"<orders><order id=\"{a}\" status=\"completed\"><meta key=\"cp_doc_id\" value=\"D&amp;1 &quot;x&quot;\"/></order>" +
                     $"<order id=\"424242\" status=\"completed\"/><order id=\"{b}\" status=\"on-hold\"/></orders>";

        BatchResult r = Batch(xml);

        Assert.That(r.Common.HttpStatus, Is.EqualTo(200));
        Assert.That(r.Common.Requests, Is.EqualTo(1));
        Assert.That(r.Common.ErrorCode, Is.EqualTo("CPO-WOO-BATCH-ITEMS"));
        Assert.That(r.Common.ErrorMessage, Does.Contain("1 of 3"));
        List<XElement> results = r.Results!.Elements("result").ToList();
        Assert.That(r.Results.Name.LocalName, Is.EqualTo("results"));
        Assert.That(results.Select(x => (string)x.Attribute("id")!), Is.EqualTo(new[] { a.ToString(), "424242", b.ToString() }));
        Assert.That(results.Select(x => (string)x.Attribute("applied")!), Is.EqualTo(new[] { "1", "0", "1" }));
        Assert.That((string)results[0].Attribute("status")!, Is.EqualTo("completed"));
        Assert.That((string)results[0].Attribute("error_code")!, Is.Empty);
        Assert.That((string)results[1].Attribute("error_code")!, Is.EqualTo("woocommerce_rest_shop_order_invalid_id"));
        Assert.That((string)results[1].Attribute("error_message")!, Does.Contain("Invalid ID"));
        Assert.That(StatusOf(a), Is.EqualTo("completed"));
        Assert.That(StatusOf(b), Is.EqualTo("on-hold"));
        JsonNode meta = Server.Orders.Get(a)!["meta_data"]!.AsArray().Single(m => (string)m!["key"]! == "cp_doc_id")!;
        Assert.That((string)meta["value"]!, Is.EqualTo("D&1 \"x\""));
        Assert.That(Requests("POST", "/orders/batch").Single().Body, Does.StartWith("{\"update\":[{\"id\":" + a + ",\"status\":\"completed\",\"meta_data\":"));
    }

    [Test]
    public void A_batch_of_101_orders_is_CPO_PARAM_and_sends_nothing()
    {
        string xml = "<orders>" + string.Concat(Enumerable.Range(1, 101).Select(i => $"<order id=\"{i}\" status=\"completed\"/>")) + "</orders>";

        var ex = Assert.Throws<WooWriteParameterException>(() => Batch(xml))!;

        Assert.That(ex.Message, Does.StartWith("CPO-PARAM: ").And.Contain("at most 100"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void A_batch_of_exactly_100_orders_is_sent()
    {
        string xml = "<orders>" + string.Concat(Enumerable.Range(1001, 100).Select(i => $"<order id=\"{i}\" status=\"completed\"/>")) + "</orders>";

        BatchResult r = Batch(xml);

        Assert.That(r.Results!.Elements("result").Count(), Is.EqualTo(100));
        Assert.That(r.Results.Elements("result").Count(x => (string)x.Attribute("applied")! == "1"), Is.EqualTo(25));
        Assert.That(r.Results.Elements("result").Where(x => (string)x.Attribute("applied")! == "0")
            .All(x => (string)x.Attribute("error_code")! == "woocommerce_rest_shop_order_invalid_id"), Is.True);
        Assert.That(Requests("POST", "/orders/batch"), Has.Count.EqualTo(1));
    }

    [TestCase("<order id=\"1\"/>", "root element")]
    [TestCase("<orders><order id=\"x\" status=\"completed\"/></orders>", "positive number")]
    [TestCase("<orders><order id=\"1\"/></orders>", "nothing to update")]
    [TestCase("<orders><order id=\"1\" status=\"completed\"/><order id=\"1\" status=\"completed\"/></orders>", "given twice")]
    [TestCase("<orders><order id=\"1\"><meta key=\"k\"/></order></orders>", "needs a value")]
    [TestCase("<orders><item id=\"1\"/></orders>", "<order> elements only")]
    public void An_unusable_batch_is_CPO_PARAM_and_sends_nothing(string xml, string expected)
    {
        var ex = Assert.Throws<WooWriteParameterException>(() => Batch(xml))!;
        Assert.That(ex.Message, Does.StartWith("CPO-PARAM: @Updates").And.Contain(expected));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void An_empty_batch_sends_nothing_and_returns_empty_results()
    {
        BatchResult r = Batch("<orders/>");
        Assert.That(r.Common.ErrorCode, Is.Null);
        Assert.That(r.Results!.Elements(), Is.Empty);
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void Orders_missing_from_the_batch_answer_are_reported_as_unknown()
    {
        var orders = new List<BatchOrder> { new(1, "completed"), new(2, "completed"), new(3, "completed") };
        var items = new List<BatchItemResult>();
        string body = "{\"update\":[{\"id\":1,\"status\":\"completed\"},{\"id\":3,\"error\":{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":\"Sorry\",\"data\":{\"status\":401}}}]}";

        int failed = BatchOrderUpdater.Collate(orders, 200, body, items);

        Assert.That(failed, Is.EqualTo(2));
        Assert.That(items.Select(i => i.Applied), Is.EqualTo(new[] { true, false, false }));
        Assert.That(items[1].ErrorCode, Is.EqualTo("CPO-WOO-BATCH-MISSING"));
        Assert.That(items[2].ErrorCode, Is.EqualTo("woocommerce_rest_cannot_edit"));
        Assert.That(BatchOrderUpdater.Collate(orders, 200, "<html>", items = new()), Is.EqualTo(3));
        Assert.That(items.All(i => i.ErrorCode == "CPO-WOO-RESPONSE"), Is.True);
        var wrongStatus = new List<BatchItemResult>();
        BatchOrderUpdater.Collate(new List<BatchOrder> { new(1, "completed") }, 200, "{\"update\":[{\"id\":1,\"status\":\"processing\"}]}", wrongStatus);
        Assert.That(wrongStatus[0].ErrorCode, Is.EqualTo("CPO-WOO-NOT-APPLIED"));
    }

    // ---------------------------------------------------------------- authentication and secrets

    [Test]
    public void A_wrong_secret_gives_401_with_WooCommerce_s_code_and_never_the_secret()
    {
        _secret = "cs_wrong_" + TestRun.ConsumerSecret[9..];
        int id = OrderWithStatus("processing");

        var results = new List<Common>
        {
            Update(id, "completed").Common,
            AddNote(id, "n", false, "m").Common,
            ListNotes(id).Common,
            Batch($"<orders><order id=\"{id}\" status=\"completed\"/></orders>").Common,
        };

        foreach (Common c in results)
        {
            Assert.That(c.HttpStatus, Is.EqualTo(401));
            Assert.That(c.ErrorCode, Is.EqualTo("woocommerce_rest_authentication_error"));
            Assert.That(c.ErrorMessage, Does.Contain("CPO-HTTP-AUTH").And.Not.Contain(_secret).And.Not.Contain(TestRun.ConsumerSecret));
            Assert.That(c.Requests, Is.EqualTo(1));
        }
        Assert.That(StatusOf(id), Is.EqualTo("processing"));
        Assert.That(Server.Orders.Notes(id), Is.Empty);
        Assert.That(TestRun.Leaks(), Is.Empty);
    }
}
