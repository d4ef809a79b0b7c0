using JsonSerializer = System.Text.Json.JsonSerializer;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.Woo.Writes;

namespace CpOrders.Http.Tests;

[TestFixture]
public sealed class JsonWriterTests
{
    [Test]
    public void Strings_are_escaped_per_RFC_8259_including_controls_and_line_separators()
    {
        string all = new string(Enumerable.Range(0, 0x20).Select(i => (char)i).ToArray()) + "\"\\/ é € 😀 \u2028\u2029\u007f";

        string json = JsonWriter.Quote(all);

        Assert.That(json, Does.Contain("\\u0000").And.Contain("\\u001f").And.Contain("\\n").And.Contain("\\t").And.Contain("\\b").And.Contain("\\f")
            .And.Contain("\\\"").And.Contain("\\\\").And.Contain("\\u2028").And.Contain("\\u2029").And.Contain("😀"));
        Assert.That(json.Skip(1).SkipLast(1).Any(c => c < 0x20 || c == '\u2028' || c == '\u2029'), Is.False);
        Assert.That(JsonSerializer.Deserialize<string>(json), Is.EqualTo(all), "System.Text.Json reads back the same text");
        Assert.That(JsonDocument.Parse(json).Root.GetString(), Is.EqualTo(all), "and so does ours");
    }

    [Test]
    public void Lone_surrogates_become_U_FFFD()
    {
        Assert.That(JsonWriter.Quote("a\ud800b\udc00"), Is.EqualTo("\"a\\ufffdb\\ufffd\""));
    }

    [Test]
    public void Objects_arrays_and_raw_values_get_their_commas()
    {
        string json = new JsonWriter().StartObject().Name("a").Number(-5).Name("b").StartArray().Boolean(true).Null().String("x").EndArray()
            .Name("c").RawValue(" {\"k\": [1, 2]} ").Name("d").StartObject().EndObject().EndObject().ToString();

        Assert.That(json, Is.EqualTo("{\"a\":-5,\"b\":[true,null,\"x\"],\"c\":{\"k\": [1, 2]},\"d\":{}}"));
    }

    [Test]
    public void Misuse_is_a_bug_and_throws()
    {
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().StartObject().String("no name"));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().StartArray().Name("x"));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().StartArray().ToString());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().StartArray().EndObject());
        Assert.Throws<JsonParseException>(() => new JsonWriter().RawValue("{\"a\":}"));
    }
}

[TestFixture]
public sealed class WriteLogicTests
{
    [Test]
    public void Meta_values_compare_as_WordPress_stores_them()
    {
        JsonElement Current(string json) => JsonDocument.Parse(json).Root;
        Assert.That(JsonCanonical.MetaValueEquals(Current("\"17\""), "17"), Is.True);
        Assert.That(JsonCanonical.MetaValueEquals(Current("17"), "\"17\""), Is.True);
        Assert.That(JsonCanonical.MetaValueEquals(Current("\"1\""), "true"), Is.True);
        Assert.That(JsonCanonical.MetaValueEquals(Current("\"17.0\""), "17"), Is.False);
        Assert.That(JsonCanonical.MetaValueEquals(Current("{ \"a\" : \"\\u0041\" }"), "{\"a\":\"A\"}"), Is.True);
        Assert.That(JsonCanonical.MetaValueEquals(Current("{\"a\":1,\"b\":2}"), "{\"b\":2,\"a\":1}"), Is.False, "order matters: only an idempotent PUT more");
        Assert.That(JsonCanonical.MetaValueEquals(Current("\"x\""), "{\"a\":1}"), Is.False);
    }

    [Test]
    public void The_PUT_body_carries_only_the_fields_to_change()
    {
        Assert.That(OrderUpdater.Body(OrderUpdate.Create(5, "completed", null, null)), Is.EqualTo("{\"status\":\"completed\"}"));
        Assert.That(OrderUpdater.Body(OrderUpdate.Create(5, null, "[{\"key\":\"k\",\"value\":null}]", null)),
            Is.EqualTo("{\"meta_data\":[{\"key\":\"k\",\"value\":null}]}"));
    }

    [Test]
    public void A_null_meta_value_is_in_state_when_the_key_is_absent()
    {
        OrderUpdate delete = OrderUpdate.Create(5, null, "[{\"key\":\"k\",\"value\":null}]", null);
        Assert.That(OrderUpdater.IsInState(JsonDocument.Parse("{\"status\":\"x\",\"meta_data\":[]}").Root, delete), Is.True);
        Assert.That(OrderUpdater.IsInState(JsonDocument.Parse("{\"status\":\"x\",\"meta_data\":[{\"id\":1,\"key\":\"k\",\"value\":\"v\"}]}").Root, delete), Is.False);
        OrderUpdate set = OrderUpdate.Create(5, null, "[{\"key\":\"k\",\"value\":\"v\"}]", null);
        Assert.That(OrderUpdater.IsInState(JsonDocument.Parse("{\"status\":\"x\",\"meta_data\":[{\"key\":\"k\",\"value\":\"v\"},{\"key\":\"k\",\"value\":\"v\"}]}").Root, set),
            Is.False, "two entries with the key: a PUT collapses them");
    }

    [Test]
    public void The_note_text_carries_the_marker_on_its_own_line()
    {
        Assert.That(OrderNoteWriter.TextWithMarker("Shipped.", "cpo-ship-1"), Is.EqualTo("Shipped.\n[cpo-ship-1]"));
    }
}

[TestFixture]
public sealed class ErrorBodyOnSharedReaderTests
{
    [Test]
    public void An_error_object_followed_by_a_PHP_warning_still_gives_its_code()
    {
        Assert.That(ErrorBody.TryRead("{\"code\":\"x_code\",\"message\":\"m\"}<br /><b>Warning</b>", out string? code, out string? message), Is.True);
        Assert.That(code, Is.EqualTo("x_code"));
        Assert.That(message, Is.EqualTo("m"));
        Assert.That(ErrorBody.TryRead("{\"code\":\"cut", out _, out _), Is.False);
        Assert.That(ErrorBody.TryRead("[{\"code\":\"x\"}]", out _, out _), Is.False);
        Assert.That(ErrorBody.TryRead("\uFEFF{\"code\":\"bom\"}", out code, out _), Is.True);
        Assert.That(code, Is.EqualTo("bom"));
    }

    [Test]
    public void The_shape_check_says_what_is_wrong()
    {
        Assert.That(ErrorBody.LooksLikeCompleteJson("[1,2", out string? problem), Is.False);
        Assert.That(problem, Does.Contain("cut off"));
        Assert.That(ErrorBody.LooksLikeCompleteJson("[1,,2]", out problem), Is.False);
        Assert.That(problem, Does.Contain("character 4"));
        Assert.That(ErrorBody.LooksLikeCompleteJson("\"just a string\"", out problem), Is.False);
        Assert.That(ErrorBody.LooksLikeCompleteJson("\uFEFF [] \n", out problem), Is.True, problem);
    }
}
