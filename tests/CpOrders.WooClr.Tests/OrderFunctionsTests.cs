using System.Data.SqlTypes;
using System.Reflection;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.SqlSurface;

namespace CpOrders.WooClr.Tests;

/// <summary>The wooclr.Order* functions' contract beyond the oracle: shapes, NULLs, errors that name the field and position.</summary>
public class OrderFunctionsTests
{
    [TestCaseSource(typeof(SqlEntryPoints), nameof(SqlEntryPoints.OrderFunctions))]
    public void TableDefinition_column_names_are_the_FillRow_out_parameter_names(string function)
    {
        MethodInfo fill = typeof(OrderParsingFunctions).GetMethod(
            SqlEntryPoints.Method(function).GetCustomAttribute<Microsoft.SqlServer.Server.SqlFunctionAttribute>()!.FillRowMethodName)!;
        Assert.That(SqlEntryPoints.Columns(function).Select(c => c.Name), Is.EqualTo(fill.GetParameters().Skip(1).Select(p => p.Name)));
    }

    [Test]
    public void OrderLines_called_directly_with_typed_out_parameters()
    {
        string json = Fixtures.Read("registered-variations.json");
        var skus = new List<string>();
        foreach (object row in OrderParsingFunctions.OrderLines(new SqlString(json)))
        {
            OrderParsingFunctions.FillLineRow(row, out SqlInt64 orderId, out SqlInt32 lineNo, out SqlInt64 id, out SqlInt64 productId,
                out SqlInt64 variationId, out SqlString sku, out SqlString name, out SqlDecimal quantity, out SqlDecimal subtotal,
                out SqlDecimal subtotalTax, out SqlDecimal total, out SqlDecimal totalTax, out SqlString taxClass, out SqlString price);
            Assert.That(orderId.Value, Is.EqualTo(5002));
            skus.Add($"{lineNo.Value}:{sku.Value}:{variationId.Value}:{quantity.Value}:{total.Value}:{price.Value}");
        }
        Assert.That(skus, Is.EqualTo(new[]
        {
            "1:01-10251-PACKAGE:4125:3.0000:25.0000:8.333333333333334",
            "2:01-10251-BOX:4126:1.0000:75.0000:75",
            "3::0:1.0000:0.0000:0",
        }));
    }

    [TestCase("{\"id\":1,\"total\":\"12.345678\"}", "OrderHeader", "order field 'total': '12.345678' has more than 4 decimal places", 17)]
    [TestCase("{\"id\":1,\"total\":12}", "OrderHeader", null, 0)]
    [TestCase("{\"id\":\"x1\"}", "OrderHeader", "order field 'id': 'x1' is not an integer id", 7)]
    [TestCase("{\"id\":1,\"billing\":[]}", "OrderHeader", "order field 'billing' must be an object, found an array", 19)]
    [TestCase("{\"id\":1,\"date_paid_gmt\":\"2024-03-01T14:05:09+02:00\"}", "OrderHeader", "is not UTC", 25)]
    [TestCase("{\"id\":1,\"prices_include_tax\":\"yes\"}", "OrderHeader", "must be true or false, found a string", 30)]
    [TestCase("{\"id\":1,\"line_items\":[{\"id\":5},{\"id\":6,\"quantity\":\"two\"}]}", "OrderLines", "line_items line 2 field 'quantity': 'two' is not a number", 51)]
    [TestCase("{\"id\":1,\"line_items\":[{\"id\":5},7]}", "OrderLines", "line_items line 2 is a number, not an object", 32)]
    [TestCase("{\"id\":1,\"fee_lines\":{}}", "OrderFeeLines", "order field 'fee_lines' must be an array, found an object", 21)]
    [TestCase("[{\"id\":1}]", "OrderHeader", "an order must be a JSON object, found an array", 1)]
    [TestCase("{\"id\":1,\"meta_data\":[{\"id\":1,\"key\":{}}]}", "OrderMeta", "meta_data line 1 field 'key' must be a string, found an object", 36)]
    public void A_field_of_the_wrong_form_is_an_error_naming_the_field_and_position(string json, string function, string? reason, int position)
    {
        var check = SqlEntryPoints.Check(json);
        if (reason == null)
        {
            Assert.That(check.IsValid, Is.True, check.Error);
            Assert.DoesNotThrow(() => SqlEntryPoints.Rows(function, json));
            return;
        }
        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Error, Does.Contain(reason));
        Assert.That(check.Position, Is.EqualTo(position), check.Error);
        var ex = Assert.Throws<JsonParseException>(() => SqlEntryPoints.Rows(function, json));
        Assert.That(ex!.Message, Is.EqualTo(check.Error));
    }

    [Test]
    public void Text_longer_than_its_column_is_an_error_never_truncated()
    {
        string ok = "{\"id\":1,\"billing\":{\"first_name\":\"" + new string('a', 400) + "\",\"state\":\"" + new string('b', 100) + "\"}}";
        Assert.That(SqlEntryPoints.Check(ok).IsValid, Is.True);
        string tooLong = "{\"id\":1,\"billing\":{\"first_name\":\"" + new string('a', 401) + "\"}}";
        var check = SqlEntryPoints.Check(tooLong);
        Assert.That(check.Error, Does.Contain("billing field 'first_name' is 401 characters long; its column holds at most 400"));
        string longNote = "{\"id\":1,\"customer_note\":\"" + new string('n', 100_000) + "\"}";
        Assert.That(((SqlString)SqlEntryPoints.Rows("OrderHeader", longNote)[0]["customer_note"]!).Value, Has.Length.EqualTo(100_000));
    }

    [Test]
    public void Missing_sections_give_no_rows_and_missing_fields_NULL()
    {
        var header = SqlEntryPoints.Rows("OrderHeader", "{}");
        Assert.That(header, Has.Count.EqualTo(1));
        Assert.That(header[0].Values.All(v => v is null || (v is INullable n && n.IsNull)), Is.True);
        foreach (string function in SqlEntryPoints.OrderFunctions.Skip(1)) Assert.That(SqlEntryPoints.Rows(function, "{\"id\":3}"), Is.Empty);
    }
}
