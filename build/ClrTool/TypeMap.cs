namespace CpOrders.ClrTool;

/// <summary>How a CLR type's SQL size is written, and which facets of <c>[SqlFacet]</c> apply to it.</summary>
public enum SqlSizeKind
{
    /// <summary>No size: int, bigint, bit, money, datetime, ...</summary>
    None,
    /// <summary>nvarchar(n) / nchar(n): MaxSize 1..4000 or -1 for max; IsFixedLength gives nchar.</summary>
    Unicode,
    /// <summary>varbinary(n) / binary(n): MaxSize 1..8000 or -1 for max; IsFixedLength gives binary.</summary>
    Binary,
    /// <summary>decimal(p,s): Precision 1..38, Scale 0..p.</summary>
    Decimal,
    /// <summary>datetime2 or datetime2(s): Scale 0..7.</summary>
    FractionalSeconds,
}

/// <summary>One row of the type map: a CLR type SQL Server can bind, and the T-SQL type it stands for.</summary>
/// <param name="ClrKey">The key <see cref="ClrTypeRef.Key"/> uses: the type's full name, or <c>System.DateTime?</c> for Nullable&lt;DateTime&gt;.</param>
/// <param name="SqlType">The T-SQL base type the generators write.</param>
/// <param name="SqlFixedType">The fixed-length T-SQL type (IsFixedLength = true), if the type has one.</param>
/// <param name="DefaultSize">The size written when no <c>SqlFacet</c> says otherwise (-1 = max); for decimal the precision.</param>
/// <param name="Compatible">The T-SQL base types a TableDefinition column may use for this CLR type.</param>
public sealed record TypeMapEntry(
    string ClrKey, string SqlType, string? SqlFixedType, SqlSizeKind Size, int DefaultSize, params string[] Compatible);

/// <summary>
/// THE one table of SQL CLR types and T-SQL types (design §3). The checker uses it to decide which signatures SQL Server
/// can bind and whether a FillRow method matches its TableDefinition; the generators use it to write the same
/// signatures in T-SQL. Only SqlTypes, plus <c>DateTime?</c> for datetime2 (which SqlTypes lacks).
/// </summary>
public static class TypeMap
{
    private const string T = "System.Data.SqlTypes.";

    /// <summary>Every CLR type a CpOrders SQL entry point may use, in the order the documentation lists them.</summary>
    public static IReadOnlyList<TypeMapEntry> Entries { get; } =
    [
        new(T + "SqlString", "nvarchar", "nchar", SqlSizeKind.Unicode, 4000, "nvarchar", "nchar"),
        new(T + "SqlChars", "nvarchar", "nchar", SqlSizeKind.Unicode, -1, "nvarchar", "nchar"),
        new(T + "SqlBinary", "varbinary", "binary", SqlSizeKind.Binary, 8000, "varbinary", "binary"),
        new(T + "SqlBytes", "varbinary", "binary", SqlSizeKind.Binary, -1, "varbinary", "binary"),
        new(T + "SqlXml", "xml", null, SqlSizeKind.None, 0, "xml"),
        new(T + "SqlInt64", "bigint", null, SqlSizeKind.None, 0, "bigint"),
        new(T + "SqlInt32", "int", null, SqlSizeKind.None, 0, "int"),
        new(T + "SqlInt16", "smallint", null, SqlSizeKind.None, 0, "smallint"),
        new(T + "SqlByte", "tinyint", null, SqlSizeKind.None, 0, "tinyint"),
        new(T + "SqlBoolean", "bit", null, SqlSizeKind.None, 0, "bit"),
        new(T + "SqlDecimal", "decimal", null, SqlSizeKind.Decimal, 18, "decimal", "numeric"),
        new(T + "SqlMoney", "money", null, SqlSizeKind.None, 0, "money", "smallmoney"),
        new(T + "SqlDouble", "float", null, SqlSizeKind.None, 0, "float"),
        new(T + "SqlSingle", "real", null, SqlSizeKind.None, 0, "real"),
        new(T + "SqlDateTime", "datetime", null, SqlSizeKind.None, 0, "datetime", "smalldatetime"),
        new(T + "SqlGuid", "uniqueidentifier", null, SqlSizeKind.None, 0, "uniqueidentifier"),
        new("System.DateTime?", "datetime2", null, SqlSizeKind.FractionalSeconds, 7, "datetime2", "date"),
    ];

    private static readonly Dictionary<string, TypeMapEntry> ByClrKey =
        Entries.ToDictionary(e => e.ClrKey, StringComparer.Ordinal);

    /// <summary>The T-SQL base types any CLR type maps to (what a TableDefinition column may use).</summary>
    public static IReadOnlySet<string> SqlBaseTypes { get; } =
        Entries.SelectMany(e => e.Compatible).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static TypeMapEntry? Find(ClrTypeRef type) => ByClrKey.GetValueOrDefault(type.Key);

    /// <summary>The CLR types a TableDefinition column type may be filled from, for messages.</summary>
    public static IEnumerable<string> ClrTypesFor(string sqlBase) =>
        Entries.Where(e => e.Compatible.Contains(sqlBase, StringComparer.OrdinalIgnoreCase)).Select(e => ClrTypeRef.ShortName(e.ClrKey));

    /// <summary>Whether a FillRow out parameter of this CLR type can fill a TableDefinition column of this T-SQL type.</summary>
    public static bool Matches(ClrTypeRef type, SqlColumnType column) =>
        Find(type) is { } e && e.Compatible.Contains(column.Base, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The T-SQL type of a parameter or return value: the mapped type with the sizes of its <c>[SqlFacet]</c>.
    /// Returns null with <paramref name="error"/> set when the type is not in the map or a facet is out of range.
    /// </summary>
    public static string? ToSql(ClrTypeRef type, SqlFacet? facet, out string? error)
    {
        error = null;
        if (Find(type) is not { } e)
        {
            error = $"type {type.Display} is not in SQL Server's CLR type map (use System.Data.SqlTypes, or DateTime? for datetime2)";
            return null;
        }
        facet ??= SqlFacet.None;
        switch (e.Size)
        {
            case SqlSizeKind.Unicode:
            case SqlSizeKind.Binary:
            {
                int limit = e.Size == SqlSizeKind.Unicode ? 4000 : 8000;
                int size = facet.MaxSize ?? e.DefaultSize;
                bool fixedLength = facet.IsFixedLength == true;
                if (size == -1 && fixedLength)
                {
                    error = $"SqlFacet IsFixedLength needs a MaxSize of 1..{limit} (a fixed-length type has no max)";
                    return null;
                }
                if (size != -1 && (size < 1 || size > limit))
                {
                    error = $"SqlFacet MaxSize {size} is out of range for {e.SqlType} (1..{limit}, or -1 for max)";
                    return null;
                }
                string name = fixedLength ? e.SqlFixedType! : e.SqlType;
                return $"{name}({(size == -1 ? "max" : size.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
            }
            case SqlSizeKind.Decimal:
            {
                int p = facet.Precision ?? e.DefaultSize;
                int s = facet.Scale ?? 0;
                if (p < 1 || p > 38 || s < 0 || s > p)
                {
                    error = $"SqlFacet Precision {p}, Scale {s} is out of range for decimal (precision 1..38, scale 0..precision)";
                    return null;
                }
                return FormattableString.Invariant($"decimal({p},{s})");
            }
            case SqlSizeKind.FractionalSeconds:
            {
                if (facet.Scale is not { } s)
                {
                    return e.SqlType;
                }
                if (s < 0 || s > 7)
                {
                    error = $"SqlFacet Scale {s} is out of range for {e.SqlType} (0..7)";
                    return null;
                }
                return FormattableString.Invariant($"{e.SqlType}({s})");
            }
            default:
                return e.SqlType;
        }
    }
}
