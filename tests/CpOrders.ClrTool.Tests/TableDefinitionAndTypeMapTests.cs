namespace CpOrders.ClrTool.Tests;

public class TableDefinitionTests
{
    [Test]
    public void Columns_with_commas_in_types_and_bracketed_names_parse_and_normalize()
    {
        var columns = TableDefinition.Parse("line_no INT, [sku, code] NVARCHAR(100), qty decimal(19, 4) , \"at\" datetime2(3), body nvarchar(MAX) COLLATE Latin1_General_CI_AS, [a]]b] bit");

        Assert.That(TableDefinition.Normalize(columns), Is.EqualTo(
            "[line_no] int, [sku, code] nvarchar(100), [qty] decimal(19,4), [at] datetime2(3), [body] nvarchar(max) COLLATE Latin1_General_CI_AS, [a]]b] bit"));
        Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "line_no", "sku, code", "qty", "at", "body", "a]b" }));
    }

    [TestCase("a int,", "empty column")]
    [TestCase("a", "has no type")]
    [TestCase("a int b", "unexpected text")]
    [TestCase("a varchar(10)", "varchar has no SQL CLR counterpart")]
    [TestCase("a int(4)", "int takes no size")]
    [TestCase("a decimal(19,4", "not closed")]
    [TestCase("[a int", "not closed")]
    [TestCase("a int, A bigint", "appears twice")]
    [TestCase("a nvarchar(ten)", "not a number or max")]
    public void Malformed_definitions_are_refused_with_a_reason(string definition, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => TableDefinition.Parse(definition));
        Assert.That(ex!.Message, Does.Contain(reason));
    }
}

public class TypeMapTests
{
    private static ClrTypeRef T(string key) => new(key, ClrTypeRef.ShortName(key));

    [Test]
    public void Every_entry_round_trips_between_its_CLR_type_and_its_TSQL_type()
    {
        foreach (TypeMapEntry entry in TypeMap.Entries)
        {
            string? sql = TypeMap.ToSql(T(entry.ClrKey), null, out string? error);
            Assert.That(sql, Is.Not.Null, error);
            SqlColumn column = TableDefinition.Parse("c " + sql).Single();
            Assert.That(TypeMap.Matches(T(entry.ClrKey), column.Type), Is.True, $"{entry.ClrKey} -> {sql} does not map back");
        }
    }

    [TestCase("System.Data.SqlTypes.SqlString", null, null, null, null, "nvarchar(4000)")]
    [TestCase("System.Data.SqlTypes.SqlString", 100, null, null, null, "nvarchar(100)")]
    [TestCase("System.Data.SqlTypes.SqlString", -1, null, null, null, "nvarchar(max)")]
    [TestCase("System.Data.SqlTypes.SqlString", 10, null, null, true, "nchar(10)")]
    [TestCase("System.Data.SqlTypes.SqlChars", null, null, null, null, "nvarchar(max)")]
    [TestCase("System.Data.SqlTypes.SqlBinary", null, null, null, null, "varbinary(8000)")]
    [TestCase("System.Data.SqlTypes.SqlBytes", null, null, null, null, "varbinary(max)")]
    [TestCase("System.Data.SqlTypes.SqlDecimal", null, null, null, null, "decimal(18,0)")]
    [TestCase("System.Data.SqlTypes.SqlDecimal", null, 19, 4, null, "decimal(19,4)")]
    [TestCase("System.Data.SqlTypes.SqlMoney", null, null, null, null, "money")]
    [TestCase("System.Data.SqlTypes.SqlDateTime", null, null, null, null, "datetime")]
    [TestCase("System.DateTime?", null, null, null, null, "datetime2")]
    [TestCase("System.DateTime?", null, null, 3, null, "datetime2(3)")]
    [TestCase("System.Data.SqlTypes.SqlXml", null, null, null, null, "xml")]
    [TestCase("System.Data.SqlTypes.SqlGuid", null, null, null, null, "uniqueidentifier")]
    public void Facets_give_the_TSQL_type(string clr, int? maxSize, int? precision, int? scale, bool? fixedLength, string expected)
    {
        Assert.That(TypeMap.ToSql(T(clr), new SqlFacet(maxSize, precision, scale, fixedLength), out _), Is.EqualTo(expected));
    }

    [TestCase("System.String")]
    [TestCase("System.Int32")]
    [TestCase("System.DateTime")]
    public void Types_outside_the_map_are_refused(string clr)
    {
        Assert.That(TypeMap.ToSql(T(clr), null, out string? error), Is.Null);
        Assert.That(error, Does.Contain("not in SQL Server's CLR type map"));
    }
}
