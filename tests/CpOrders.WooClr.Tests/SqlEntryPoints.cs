using System.Collections;
using System.Data.SqlTypes;
using System.Reflection;
using System.Text.RegularExpressions;
using CpOrders.WooClr.SqlSurface;
using Microsoft.SqlServer.Server;

namespace CpOrders.WooClr.Tests;

/// <summary>One column of a table function as its TableDefinition declares it.</summary>
public sealed record SqlColumn(string Name, string SqlType);

/// <summary>
/// Calls a wooclr table function the way SQL Server does: the static method with SqlTypes, then its FillRow method once
/// per row with out parameters. Rows come back keyed by the TableDefinition's column names.
/// </summary>
public static class SqlEntryPoints
{
    public static readonly string[] OrderFunctions =
    {
        "OrderHeader", "OrderLines", "OrderShippingLines", "OrderFeeLines", "OrderCouponLines", "OrderTaxLines", "OrderRefunds", "OrderMeta",
    };

    public static MethodInfo Method(string sqlName)
    {
        foreach (MethodInfo m in typeof(OrderParsingFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (m.GetCustomAttribute<SqlFunctionAttribute>() is { } a && a.Name == sqlName) return m;
        }
        throw new ArgumentException("no wooclr function " + sqlName);
    }

    public static IReadOnlyList<SqlColumn> Columns(string sqlName)
    {
        string definition = Method(sqlName).GetCustomAttribute<SqlFunctionAttribute>()!.TableDefinition;
        return Regex.Matches(definition, @"\s*\[?(\w+)\]?\s+(\w+(?:\([^)]*\))?)\s*(?:,|$)")
            .Select(m => new SqlColumn(m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    /// <summary>The rows of wooclr.{sqlName}(@OrderJson); exceptions come out unwrapped, as SQL Server reports them.</summary>
    public static List<Dictionary<string, object?>> Rows(string sqlName, string? orderJson)
    {
        MethodInfo method = Method(sqlName);
        var attribute = method.GetCustomAttribute<SqlFunctionAttribute>()!;
        MethodInfo fill = typeof(OrderParsingFunctions).GetMethod(attribute.FillRowMethodName)!;
        ParameterInfo[] outs = fill.GetParameters();
        var rows = new List<Dictionary<string, object?>>();
        try
        {
            var result = (IEnumerable)method.Invoke(null, new object[] { orderJson == null ? SqlString.Null : new SqlString(orderJson) })!;
            foreach (object row in result)
            {
                var args = new object?[outs.Length];
                args[0] = row;
                fill.Invoke(null, args);
                var values = new Dictionary<string, object?>();
                for (int i = 1; i < outs.Length; i++) values.Add(outs[i].Name!, args[i]);
                rows.Add(values);
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
        return rows;
    }

    /// <summary>wooclr.OrderJsonCheck(@OrderJson), called directly: the method, then FillRow.</summary>
    public static (bool IsValid, string? Error, int? Position) Check(string? orderJson)
    {
        var rows = new List<(bool, string?, int?)>();
        foreach (object row in OrderParsingFunctions.OrderJsonCheck(orderJson == null ? SqlString.Null : new SqlString(orderJson)))
        {
            OrderParsingFunctions.FillCheckRow(row, out SqlBoolean isValid, out SqlString error, out SqlInt32 position);
            Assert.That(isValid.IsNull, Is.False, "is_valid is never NULL");
            rows.Add((isValid.Value, error.IsNull ? null : error.Value, position.IsNull ? null : position.Value));
        }
        Assert.That(rows, Has.Count.EqualTo(1), "OrderJsonCheck returns exactly one row");
        return rows[0];
    }
}

public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>A realistic order with <paramref name="lines"/> line items (escapes and long prices on the way), built as text.</summary>
    public static string LargeOrder(int lines)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("{\"id\":987654321,\"parent_id\":0,\"number\":\"987654321\",\"status\":\"processing\",\"currency\":\"USD\",")
          .Append("\"prices_include_tax\":false,\"date_created_gmt\":\"2024-06-30T12:00:00\",\"date_modified_gmt\":\"2024-06-30T12:01:02\",")
          .Append("\"date_paid_gmt\":null,\"date_completed_gmt\":null,\"customer_id\":5,\"total\":\"");
        decimal total = 0m;
        var items = new System.Text.StringBuilder();
        for (int i = 1; i <= lines; i++)
        {
            int qty = 1 + i % 7;
            decimal lineTotal = Math.Round(qty * (1.37m + i * 0.11m), 2);
            total += lineTotal;
            if (i > 1) items.Append(',');
            items.Append("{\"id\":").Append(100000 + i).Append(",\"name\":\"Item ").Append(i).Append(i % 3 == 0 ? " \\\"quoted\\\" \\u00e9\\ud83d\\ude00" : " plain")
                 .Append("\",\"product_id\":").Append(2000 + i).Append(",\"variation_id\":").Append(i % 4 == 0 ? 3000 + i : 0)
                 .Append(",\"quantity\":").Append(qty).Append(",\"tax_class\":\"\",\"subtotal\":\"").Append(lineTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
                 .Append("\",\"subtotal_tax\":\"0.00\",\"total\":\"").Append(lineTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
                 .Append("\",\"total_tax\":\"0.00\",\"taxes\":[],\"meta_data\":[{\"id\":").Append(i).Append(",\"key\":\"pa_size\",\"value\":\"m\"}],")
                 .Append("\"sku\":\"SKU-").Append(i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture)).Append("-EA\",\"price\":")
                 .Append((lineTotal / qty).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('}');
        }
        sb.Append(total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append("\",\"line_items\":[").Append(items).Append("],")
          .Append("\"tax_lines\":[],\"shipping_lines\":[],\"fee_lines\":[],\"coupon_lines\":[],\"refunds\":[],\"meta_data\":[]}");
        return sb.ToString();
    }
}
