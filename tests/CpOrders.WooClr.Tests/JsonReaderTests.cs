using CpOrders.WooClr.Json;
using Newtonsoft.Json.Linq;
using OurReader = CpOrders.WooClr.Json.JsonReader;
using OurDocument = CpOrders.WooClr.Json.JsonDocument;
using OurElement = CpOrders.WooClr.Json.JsonElement;

namespace CpOrders.WooClr.Tests;

/// <summary>The JSON reader on its own: escapes, numbers, errors with positions, depth, page splitting.</summary>
public class JsonReaderTests
{
    [TestCase(@"""plain""", "plain")]
    [TestCase(@"""q\""b\\s\/n\n\r\t\b\f""", "q\"b\\s/n\n\r\t\b\f")]
    [TestCase(@"""\u00e9\u00C9\u20ac""", "éÉ€")]
    [TestCase(@"""\ud83d\ude00 pair""", "😀 pair")]
    [TestCase(@"""lone \ud800 high""", "lone \uFFFD high")]
    [TestCase(@"""lone \udc00 low""", "lone \uFFFD low")]
    [TestCase(@"""two highs \ud800\ud83d\ude00""", "two highs \uFFFD😀")]
    [TestCase(@"""high then letter \ud800\u0041""", "high then letter \uFFFDA")]
    [TestCase("\"raw 😀 ü\"", "raw 😀 ü")]
    public void Strings_unescape_like_Newtonsoft(string json, string expected)
    {
        OurElement e = OurDocument.Parse(json).Root;
        Assert.That(e.GetString(), Is.EqualTo(expected));
        Assert.That(JToken.Parse(json).Value<string>(), Is.EqualTo(expected), "the oracle agrees");
        Assert.That(e.GetRawText(), Is.EqualTo(json));
    }

    [TestCase("0")]
    [TestCase("-0")]
    [TestCase("8.333333333333334")]
    [TestCase("-12.5e-3")]
    [TestCase("1E+400")]
    [TestCase("123456789012345678901234567890")]
    public void Numbers_are_kept_as_their_exact_source_text(string json)
    {
        Assert.That(OurDocument.Parse(" " + json + "\n").Root.GetNumberText(), Is.EqualTo(json));
    }

    [TestCase("", 1, "empty")]
    [TestCase("   ", 4, "empty")]
    [TestCase("{\"a\":1,}", 8, "property name")]
    [TestCase("[1,2,]", 6, "where a value is expected")]
    [TestCase("{\"a\" 1}", 6, "':'")]
    [TestCase("{'a':1}", 2, "double quotes")]
    [TestCase("[01]", 3, "cannot start with the digit 0")]
    [TestCase("[1.]", 4, "after '.'")]
    [TestCase("[-]", 3, "after '-'")]
    [TestCase("[1e]", 4, "exponent")]
    [TestCase("[tru]", 5, "'true'")]
    [TestCase("[NaN]", 2, "unexpected 'N'")]
    [TestCase("{\"a\":1} x", 9, "after the end")]
    [TestCase("{\"a\":1}{}", 8, "after the end")]
    [TestCase("[\"a\u0001\"]", 4, "control character")]
    [TestCase("[\"\\x\"]", 3, "invalid escape")]
    [TestCase("[\"\\u12G4\"]", 7, "hexadecimal")]
    [TestCase("[\"abc", 6, "ends inside a string that starts at character 2")]
    [TestCase("{\"a\":[1,2", 10, "ends inside an array")]
    [TestCase("[1 2]", 4, "expected ',' or ']'")]
    [TestCase("/* c */ {}", 1, "unexpected '/'")]
    public void Malformed_JSON_reports_what_and_where(string json, int position, string reasonPart)
    {
        JsonCheckResult r = OurDocument.Validate(json);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Offset + 1, Is.EqualTo(position), r.Message);
        Assert.That(r.Reason, Does.Contain(reasonPart));
        var ex = Assert.Throws<JsonParseException>(() => OurDocument.Parse(json));
        Assert.That(ex!.Position, Is.EqualTo(position));
        Assert.That(ex.Message, Does.StartWith($"JSON error at character {position}: "));
    }

    [Test]
    public void Nesting_of_64_levels_is_read_and_65_is_an_error_not_a_stack_overflow()
    {
        string ok = new string('[', 64) + new string(']', 64);
        Assert.That(OurDocument.Validate(ok).IsValid, Is.True);
        string deep = new string('[', 65) + new string(']', 65);
        JsonCheckResult r = OurDocument.Validate(deep);
        Assert.That(r.IsValid, Is.False);
        Assert.That(r.Offset, Is.EqualTo(64));
        Assert.That(r.Reason, Does.Contain("deeper than 64"));
        Assert.Throws<Newtonsoft.Json.JsonReaderException>(() => JToken.Parse(deep), "Newtonsoft has the same limit");
        Assert.DoesNotThrow(() => JToken.Parse(ok));
    }

    [Test]
    public void Validate_never_throws_for_null()
    {
        JsonCheckResult r = OurDocument.Validate(null!);
        Assert.That((r.IsValid, r.Offset), Is.EqualTo((false, -1)));
    }

    [Test]
    public void A_page_splits_into_the_exact_text_of_each_order_with_the_reader()
    {
        string page = "[ {\"id\":1,\"status\":\"processing\",\"x\":{\"y\":[1,{}]}} ,\n{\"id\":2,\"status\":\"on-hold\"}]";
        var orders = new List<string>();
        var r = new OurReader(page);
        Assert.That(r.Read() && r.TokenType == JsonTokenType.StartArray);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray) orders.Add(r.ReadRawValue());
        Assert.That(r.Read(), Is.False, "end of the text");
        Assert.That(orders, Is.EqualTo(new[] { "{\"id\":1,\"status\":\"processing\",\"x\":{\"y\":[1,{}]}}", "{\"id\":2,\"status\":\"on-hold\"}" }));
    }

    [Test]
    public void A_page_splits_with_the_document_and_reads_id_status_and_date_modified_gmt()
    {
        string page = "[" + Fixtures.Read("guest-order.json") + "," + Fixtures.Read("refunded-unicode.json") + "]";
        OurDocument doc = OurDocument.Parse(page);
        var seen = new List<string>();
        foreach (OurElement order in doc.Root.EnumerateArray())
        {
            seen.Add($"{order.Property("id").GetNumberText()} {order.Property("status").GetString()} {order.Property("date_modified_gmt").GetString()}");
            string text = order.GetRawText();
            Assert.That(JObject.Parse(text)["id"]!.Value<long>(), Is.EqualTo(long.Parse(order.Property("id").GetNumberText())));
            Assert.That(page.Substring(order.Offset, order.EndOffset - order.Offset), Is.EqualTo(text));
            // The same order read through the order reader, straight from the page's document.
            var reader = new CpOrders.WooClr.Woo.Orders.WooOrderReader(order);
            Assert.That(reader.ReadHeader().DateModifiedGmt, Is.Not.Null);
        }
        Assert.That(seen, Is.EqualTo(new[] { "5001 processing 2024-03-01T17:07:41", "5003 refunded 2024-01-02T07:00:00.1234567" }));
        Assert.That(doc.Root.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Duplicate_names_last_wins_like_Newtonsoft_and_missing_is_undefined()
    {
        OurElement o = OurDocument.Parse("{\"a\":1,\"b\":{\"a\":3},\"a\":2}").Root;
        Assert.That(o.Property("a").GetNumberText(), Is.EqualTo("2"));
        Assert.That(JObject.Parse("{\"a\":1,\"b\":{\"a\":3},\"a\":2}")["a"]!.Value<int>(), Is.EqualTo(2));
        Assert.That(o.Property("zz").Kind, Is.EqualTo(JsonValueKind.Undefined));
        Assert.That(o.Property("b").Property("a").GetNumberText(), Is.EqualTo("3"));
        var names = new List<string>();
        foreach (JsonProperty p in o.EnumerateObject()) names.Add(p.Name);
        Assert.That(names, Is.EqualTo(new[] { "a", "b", "a" }));
    }

    [Test]
    public void Escaped_property_names_match_their_unescaped_form()
    {
        OurElement o = OurDocument.Parse("{\"t\\u006fta\\u006c\":\"1.00\"}").Root;
        Assert.That(o.Property("total").GetString(), Is.EqualTo("1.00"));
    }

    [Test]
    public void Wrong_kinds_are_reported_with_the_position()
    {
        OurElement o = OurDocument.Parse("{\"a\": [1]}").Root;
        var ex = Assert.Throws<JsonParseException>(() => o.Property("a").GetString());
        Assert.That(ex!.Offset, Is.EqualTo(6));
    }
}
