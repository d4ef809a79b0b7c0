namespace CpOrders.ClrTool.Tests;

/// <summary>C# sources of the in-test assemblies: one good surface, and one defect per rule.</summary>
public static class Sources
{
    public const string Usings = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Data.SqlTypes;
        using Microsoft.SqlServer.Server;

        """;

    /// <summary>Follows every rule: the shapes CpOrders uses (facets, a TVF with decimal(19,4), a procedure with OUTPUT parameters).</summary>
    public const string Good = """
        namespace Test.Clr
        {
            public readonly struct Point
            {
                public readonly int X;
                public Point(int x) { X = x; }
            }

            public static class Good
            {
                private const int Limit = 10;
                private static readonly string Prefix = "x";
                private static readonly decimal Rate = 1.5m;
                private static readonly SqlString Empty = SqlString.Null;
                private static readonly DayOfWeek Day = DayOfWeek.Monday;
                private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
                private static readonly Point Origin = new Point(0);
                private static readonly DateTime? Never = null;

                [SqlFunction(Name = "Echo", IsDeterministic = true)]
                [return: SqlFacet(MaxSize = 100)]
                public static SqlString Echo([SqlFacet(MaxSize = 400)] SqlString text, SqlInt64 id,
                    [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal amount, DateTime? when, [SqlFacet(MaxSize = -1)] SqlString body)
                {
                    return text.IsNull ? new SqlString(Prefix + Limit + Rate + Day + Timeout + Origin.X + Never + Empty.IsNull) : text;
                }

                [SqlFunction(FillRowMethodName = "FillLine",
                    TableDefinition = "line_no int, [sku code] nvarchar(100), qty decimal(19, 4), at datetime2, ok bit")]
                public static IEnumerable Lines(SqlString json)
                {
                    return Items(json.IsNull ? 0 : 3);
                }

                public static void FillLine(object row, out SqlInt32 line_no, out SqlString sku, out SqlDecimal qty, out DateTime? at, out SqlBoolean ok)
                {
                    line_no = (int)row;
                    sku = SqlString.Null;
                    qty = SqlDecimal.Null;
                    at = null;
                    ok = SqlBoolean.True;
                }

                [SqlProcedure(Name = "PostNote")]
                public static SqlInt32 PostNote([SqlFacet(MaxSize = 400)] SqlString url, out SqlInt32 status, [SqlFacet(MaxSize = -1)] ref SqlString note)
                {
                    status = Sum() + Captures(2);
                    note = url;
                    return 0;
                }

                [SqlProcedure]
                public static void Ping()
                {
                }

                private static IEnumerable Items(int count)
                {
                    for (int i = 0; i < count; i++) yield return i;
                }

                private static int Sum()
                {
                    int[] values = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
                    int sum = 0;
                    foreach (int v in values) sum += v;
                    return sum;
                }

                private static int Captures(int k)
                {
                    Func<int, int> add = x => x + k;
                    return add(1);
                }
            }
        }

        """;

    /// <summary>The good surface plus one extra class (the defect under test), with the TargetFramework attribute.</summary>
    public static string[] GoodPlus(string extra) =>
        [Usings + TestAssemblies.TargetFrameworkAttribute + Good, Usings + "namespace Test.Clr\n{\n" + extra + "\n}\n"];
}
