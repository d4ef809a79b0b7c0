using System.Data.SqlTypes;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CpOrders.WooClr.Tests;

/// <summary>
/// The oracle: every column of every wooclr order function, for every fixture, equals what Newtonsoft.Json reads from the
/// same text (JObject with DateParseHandling.None and FloatParseHandling.Decimal), by an independent mapping from column
/// names to WooCommerce's fields.
/// </summary>
public class OracleTests
{
    private static readonly Dictionary<string, string> ArrayOf = new()
    {
        ["OrderLines"] = "line_items", ["OrderShippingLines"] = "shipping_lines", ["OrderFeeLines"] = "fee_lines",
        ["OrderCouponLines"] = "coupon_lines", ["OrderTaxLines"] = "tax_lines", ["OrderRefunds"] = "refunds", ["OrderMeta"] = "meta_data",
    };

    public static JObject Newtonsoft(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JObject.Load(reader);
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (string name in Fixtures.Names()) yield return new TestCaseData(name).SetArgDisplayNames(name);
        yield return new TestCaseData("generated:500").SetArgDisplayNames("large order, 500 lines");
    }

    private static string Load(string name) => name == "generated:500" ? Fixtures.LargeOrder(500) : Fixtures.Read(name);

    [TestCaseSource(nameof(Cases))]
    public void Every_column_of_every_function_equals_what_Newtonsoft_reads(string fixture)
    {
        string json = Load(fixture);
        Assert.That(SqlEntryPoints.Check(json), Is.EqualTo((true, (string?)null, (int?)null)), "OrderJsonCheck accepts the fixture");
        List<string> differences = Compare(json, Newtonsoft(json));
        Assert.That(differences, Is.Empty);
    }

    [Test]
    public void The_comparison_notices_a_changed_field()
    {
        // The oracle must be able to fail: compare our rows of one text with Newtonsoft's reading of a changed text.
        string json = Fixtures.Read("registered-variations.json");
        JObject changed = Newtonsoft(json);
        changed["billing"]!["first_name"] = "Jean";
        ((JArray)changed["line_items"]!)[1]["total"] = "75.01";
        changed["date_paid_gmt"] = "2024-11-04T14:00:01";
        ((JArray)changed["meta_data"]!)[1]["value"]!["to"] = "2024-11-09";
        List<string> differences = Compare(json, changed);
        Assert.That(differences, Has.Count.EqualTo(4), string.Join("\n", differences));
    }

    [Test]
    public void The_large_order_has_500_lines_numbered_1_to_500()
    {
        string json = Fixtures.LargeOrder(500);
        var lines = SqlEntryPoints.Rows("OrderLines", json);
        Assert.That(lines.Select(r => ((SqlInt32)r["line_no"]!).Value), Is.EqualTo(Enumerable.Range(1, 500)));
        Assert.That(lines.All(r => ((SqlInt64)r["order_id"]!).Value == 987654321L));
    }

    /// <summary>Differences between our rows and Newtonsoft's reading, one line each.</summary>
    public static List<string> Compare(string json, JObject order)
    {
        var differences = new List<string>();
        foreach (string function in SqlEntryPoints.OrderFunctions)
        {
            IReadOnlyList<SqlColumn> columns = SqlEntryPoints.Columns(function);
            List<Dictionary<string, object?>> rows = SqlEntryPoints.Rows(function, json);
            if (function == "OrderHeader")
            {
                if (rows.Count != 1) { differences.Add($"{function}: {rows.Count} rows"); continue; }
                foreach (SqlColumn c in columns) Check(differences, json, $"{function}.{c.Name}", c, rows[0][c.Name], HeaderToken(order, c.Name));
                continue;
            }
            JArray items = order[ArrayOf[function]] as JArray ?? new JArray();
            if (rows.Count != items.Count) { differences.Add($"{function}: {rows.Count} rows, Newtonsoft {items.Count}"); continue; }
            for (int i = 0; i < items.Count; i++)
            {
                foreach (SqlColumn c in columns)
                {
                    JToken? expected = c.Name switch
                    {
                        "order_id" => order["id"],
                        "line_no" => new JValue(i + 1),
                        _ => items[i][c.Name],
                    };
                    Check(differences, json, $"{function}[{i + 1}].{c.Name}", c, rows[i][c.Name], expected);
                }
            }
        }
        return differences;
    }

    private static JToken? HeaderToken(JObject order, string column)
    {
        if (column.StartsWith("billing_", StringComparison.Ordinal)) return (order["billing"] as JObject)?[column["billing_".Length..]];
        if (column.StartsWith("shipping_", StringComparison.Ordinal) && column is not ("shipping_total" or "shipping_tax"))
        {
            return (order["shipping"] as JObject)?[column["shipping_".Length..]];
        }
        return order[column];
    }

    private static bool IsNull(JToken? t) => t is null || t.Type == JTokenType.Null || t.Type == JTokenType.Undefined;

    private static void Check(List<string> differences, string json, string where, SqlColumn column, object? actual, JToken? expected)
    {
        string? problem = column.SqlType switch
        {
            "bigint" => CheckInt64((SqlInt64)actual!, expected),
            "int" => ((SqlInt32)actual!).IsNull || ((SqlInt32)actual!).Value != expected!.Value<int>() ? $"{actual} != {expected}" : null,
            "bit" => CheckBoolean((SqlBoolean)actual!, expected),
            "datetime2" => CheckDate((DateTime?)actual, expected),
            "decimal(19,4)" => CheckDecimal((SqlDecimal)actual!, expected),
            _ when column.SqlType.StartsWith("nvarchar", StringComparison.Ordinal) => CheckText(json, (SqlString)actual!, expected),
            _ => "unknown column type " + column.SqlType,
        };
        if (problem != null) differences.Add($"{where}: {problem}");
    }

    private static string? CheckInt64(SqlInt64 actual, JToken? expected)
    {
        if (IsNull(expected) || (expected!.Type == JTokenType.String && (string)expected! == ""))
            return actual.IsNull ? null : $"{actual.Value} but Newtonsoft has no value";
        long want = expected.Type == JTokenType.String ? long.Parse((string)expected!, NumberStyles.None, CultureInfo.InvariantCulture) : expected.Value<long>();
        return !actual.IsNull && actual.Value == want ? null : $"{actual} != {want}";
    }

    private static string? CheckBoolean(SqlBoolean actual, JToken? expected)
    {
        if (IsNull(expected)) return actual.IsNull ? null : $"{actual.Value} but Newtonsoft has no value";
        return !actual.IsNull && actual.Value == expected!.Value<bool>() ? null : $"{actual} != {expected}";
    }

    private static string? CheckDate(DateTime? actual, JToken? expected)
    {
        if (IsNull(expected)) return actual is null ? null : $"{actual:o} but Newtonsoft has no value";
        DateTime want = DateTime.Parse((string)expected!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (actual is not { } a) return $"NULL != {want:o}";
        return a == want && a.Kind == DateTimeKind.Utc ? null : $"{a:o} ({a.Kind}) != {want:o}";
    }

    private static string? CheckDecimal(SqlDecimal actual, JToken? expected)
    {
        if (IsNull(expected) || (expected!.Type == JTokenType.String && (string)expected! == ""))
            return actual.IsNull ? null : $"{actual.Value} but Newtonsoft has no value";
        decimal want = expected.Type == JTokenType.String
            ? decimal.Parse((string)expected!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : expected.Value<decimal>();
        if (actual.IsNull) return $"NULL != {want}";
        if (actual.Precision != 19 || actual.Scale != 4) return $"decimal({actual.Precision},{actual.Scale}) is not decimal(19,4)";
        return actual.Value == want ? null : $"{actual.Value} != {want}";
    }

    private static string? CheckText(string json, SqlString actual, JToken? expected)
    {
        if (IsNull(expected)) return actual.IsNull ? null : $"'{actual.Value}' but Newtonsoft has no value";
        if (actual.IsNull) return $"NULL != {expected}";
        string a = actual.Value;
        switch (expected!.Type)
        {
            case JTokenType.String:
                return a == (string)expected! ? null : $"'{a}' != '{(string)expected!}'";
            case JTokenType.Integer:
            case JTokenType.Float:
                // A number as its exact JSON text: same value, and the text appears in the source as written.
                return decimal.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture) == expected.Value<decimal>() && json.Contains(a)
                    ? null : $"'{a}' != {expected.ToString(Formatting.None)}";
            case JTokenType.Boolean:
                return a == ((bool)expected! ? "true" : "false") ? null : $"'{a}' != {expected}";
            default:
                // An object or array as its exact JSON text: a piece of the source, and the same JSON as Newtonsoft's.
                if (!json.Contains(a)) return $"'{a}' is not a piece of the source text";
                return JToken.DeepEquals(Newtonsoft("{\"v\":" + a + "}")["v"], expected) ? null : $"'{a}' != {expected.ToString(Formatting.None)}";
        }
    }
}
