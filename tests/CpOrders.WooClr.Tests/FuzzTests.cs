using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OurDocument = CpOrders.WooClr.Json.JsonDocument;

namespace CpOrders.WooClr.Tests;

/// <summary>
/// Seeded mutations of the fixtures: wooclr.OrderJsonCheck never throws, never hangs, never overflows the stack; its
/// syntax verdict equals System.Text.Json's (strict RFC 8259, both directions); whatever it accepts Newtonsoft.Json
/// parses and every wooclr.Order* function reads without an error; truncated orders are rejected by both.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20240301;
    private const int Mutations = 5000;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    private static readonly string[] Insertions =
    {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "\\u00", "-", "0", "01", "1e999", "e5", ".", "null",
        "true", "tru", " ", "\t", "\u0000", "\u001f", "\u00e9", "😀", "\"x\":1,", "[[[[", "]]]]", "\"\\u00e9\"", "/", "//c\n", "NaN", "'",
        "\"id\":\"abc\",", "\"total\":\"1.23456\",", "\"date_paid_gmt\":\"2024-02-30T00:00:00\",", "\"line_items\":{},",
    };

    private const string Interesting = "{}[]\",:\\ 0123456789.-+eEtrufalsn/'\t\r\n";

    [Test]
    public void Mutated_orders_never_break_OrderJsonCheck_and_agree_with_the_oracles()
    {
        string[] fixtures = Fixtures.Names().Select(Fixtures.Read).ToArray();
        var random = new Random(Seed);
        int valid = 0, syntaxInvalid = 0, semanticInvalid = 0, stjCompared = 0;
        var total = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        for (int i = 0; i < Mutations; i++)
        {
            string source = fixtures[i % fixtures.Length];
            (string text, string kind) = Mutate(source, random);
            string what = $"mutation {i} ({kind})";

            var watch = Stopwatch.StartNew();
            var check = SqlEntryPoints.Check(text);
            watch.Stop();
            if (watch.Elapsed > slowest) slowest = watch.Elapsed;
            Assert.That(watch.Elapsed, Is.LessThan(Generous), what);
            Assert.That(check.Error ?? "", Does.Not.Contain("internal error"), what);

            bool syntaxOk = OurDocument.Validate(text).IsValid;
            if (!HasLoneSurrogate(text))
            {
                stjCompared++;
                Assert.That(syntaxOk, Is.EqualTo(SystemTextJsonParses(text)), $"{what}: our syntax verdict differs from System.Text.Json's: {OurDocument.Validate(text).Message}");
            }
            if (check.IsValid)
            {
                valid++;
                Assert.That(NewtonsoftParses(text), Is.True, $"{what}: OrderJsonCheck accepts what Newtonsoft rejects");
                foreach (string function in SqlEntryPoints.OrderFunctions)
                {
                    Assert.DoesNotThrow(() => SqlEntryPoints.Rows(function, text), $"{what}: {function} fails on an order OrderJsonCheck accepted");
                }
            }
            else
            {
                if (syntaxOk) semanticInvalid++;
                else syntaxInvalid++;
                Assert.That(check.Error, Does.StartWith("JSON error at character "), what);
                Assert.That(check.Position, Is.InRange(1, text.Length + 1), what);
                // The parsing functions refuse it too, with the same message (the check is the parsers' own verdict).
                var ex = Assert.Catch<CpOrders.WooClr.Json.JsonParseException>(() => ReadAll(text), what);
                Assert.That(ex!.Message, Is.EqualTo(check.Error), what);
            }
            if (kind == "truncate")
            {
                Assert.That(check.IsValid || NewtonsoftParses(text), Is.False, $"{what}: a truncated order must be rejected by both");
            }
        }
        total.Stop();
        TestContext.Out.WriteLine($"{Mutations} mutations: {valid} valid, {syntaxInvalid} malformed JSON, {semanticInvalid} well-formed but not an order we read; " +
                                  $"{stjCompared} compared with System.Text.Json; total {total.ElapsedMilliseconds} ms, slowest {slowest.TotalMilliseconds:0.0} ms");
        // The run must exercise both sides, or it proves nothing.
        Assert.That(valid, Is.GreaterThan(200));
        Assert.That(syntaxInvalid, Is.GreaterThan(1000));
        Assert.That(semanticInvalid, Is.GreaterThan(50));
    }

    private static void ReadAll(string text)
    {
        foreach (string function in SqlEntryPoints.OrderFunctions) SqlEntryPoints.Rows(function, text);
    }

    public static IEnumerable<TestCaseData> Deep()
    {
        yield return new TestCaseData(new string('[', 100_000), 65).SetArgDisplayNames("100k [");
        yield return new TestCaseData(new string('[', 100_000) + new string(']', 100_000), 65).SetArgDisplayNames("100k [ then 100k ]");
        yield return new TestCaseData(Repeat("{\"a\":", 100_000), 65 * 5 - 4).SetArgDisplayNames("100k {\"a\":");
        const string Prefix = "{\"id\":1,\"meta_data\":[{\"id\":2,\"key\":\"k\",\"value\":"; // 3 levels open
        yield return new TestCaseData(Prefix + new string('[', 70) + new string(']', 70) + "}]}", Prefix.Length + 62)
            .SetArgDisplayNames("meta value nested 70 deep");
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    [TestCaseSource(nameof(Deep))]
    public void Deep_nesting_is_an_error_at_the_65th_level_never_a_stack_overflow(string text, int position)
    {
        var watch = Stopwatch.StartNew();
        var check = SqlEntryPoints.Check(text);
        watch.Stop();
        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Position, Is.EqualTo(position), check.Error);
        Assert.That(check.Error, Does.Contain("nested deeper than 64 levels"));
        Assert.That(watch.Elapsed, Is.LessThan(Generous));
        Assert.That(NewtonsoftParses(text), Is.False, "Newtonsoft rejects it too");
        Assert.Catch<CpOrders.WooClr.Json.JsonParseException>(() => SqlEntryPoints.Rows("OrderLines", text));
    }

    [Test]
    public void Null_input_is_invalid_with_a_message_and_gives_no_rows()
    {
        var check = SqlEntryPoints.Check(null);
        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Error, Does.Contain("NULL"));
        Assert.That(check.Position, Is.Null);
        foreach (string function in SqlEntryPoints.OrderFunctions) Assert.That(SqlEntryPoints.Rows(function, null), Is.Empty);
    }

    private static (string, string) Mutate(string s, Random random)
    {
        var sb = new StringBuilder(s);
        int p = random.Next(s.Length);
        switch (random.Next(8))
        {
            case 0:
                sb[p] = Interesting[random.Next(Interesting.Length)];
                return (sb.ToString(), "replace");
            case 1:
                sb[p] = (char)(sb[p] ^ (1 << random.Next(8)));
                return (sb.ToString(), "bit flip");
            case 2:
                sb.Remove(p, Math.Min(random.Next(1, 9), s.Length - p));
                return (sb.ToString(), "delete");
            case 3:
                sb.Insert(p, Insertions[random.Next(Insertions.Length)]);
                return (sb.ToString(), "insert");
            case 4:
                return (s.Substring(0, random.Next(s.LastIndexOf('}'))), "truncate");
            case 5:
            {
                int length = Math.Min(random.Next(1, 60), s.Length - p);
                sb.Insert(random.Next(s.Length), s.Substring(p, length));
                return (sb.ToString(), "duplicate");
            }
            case 6:
            {
                // Change a digit inside a value: usually still JSON, sometimes no longer a valid amount, id or date.
                int q = s.IndexOfAny("0123456789".ToCharArray(), p);
                if (q < 0) q = p;
                sb[q] = "0123456789-.eEx:T "[random.Next(18)];
                return (sb.ToString(), "digit");
            }
            default:
            {
                int q = random.Next(s.Length);
                (sb[p], sb[q]) = (sb[q], sb[p]);
                return (sb.ToString(), "swap");
            }
        }
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    public static bool SystemTextJsonParses(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static bool NewtonsoftParses(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };
            JObject.Load(reader);
            return !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidCastException)
        {
            return false;
        }
    }
}
