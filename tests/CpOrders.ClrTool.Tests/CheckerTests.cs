namespace CpOrders.ClrTool.Tests;

public class CheckerTests
{
    private static CheckResult Check(string path) => Checker.Check(path, TestAssemblies.ReferenceDirectory);

    private static string Describe(CheckResult result) => string.Join("\n", result.Problems.Select(p => $"{p.Code} {p.Member}: {p.Message}"));

    [Test]
    public void The_good_assembly_passes_and_counts_its_entry_points()
    {
        CheckResult result = Check(TestAssemblies.Compile("Test.Good", Sources.GoodPlus("")));

        Assert.That(result.Problems, Is.Empty, Describe(result));
        Assert.That((result.Functions, result.Procedures), Is.EqualTo((2, 2)));
    }

    /// <summary>One defect each: the code it must raise and the member it must name.</summary>
    public static IEnumerable<TestCaseData> Defects()
    {
        TestCaseData Case(string name, string code, string member, string source, string messagePart) =>
            new TestCaseData(code, member, source, messagePart).SetName(name);

        yield return Case("static field that is not readonly", Rules.StaticField, "Test.Clr.Bad.callCount",
            "public static class Bad { private static int callCount; public static int Touch() { return ++callCount; } }", "not readonly");
        yield return Case("static auto-property with a setter", Rules.StaticField, "Test.Clr.Bad.LastUrl",
            "public static class Bad { public static string LastUrl { get; set; } }", "backing field of static auto-property LastUrl");
        yield return Case("lambda cache", Rules.StaticField, "Test.Clr.Bad.CountBig",
            "public static class Bad { public static int CountBig(List<int> xs) { return System.Linq.Enumerable.Count(xs, x => x > 1); } }",
            "compiler-generated lambda cache");
        yield return Case("static readonly List", Rules.MutableStaticReadonly, "Test.Clr.Bad.Names",
            "public static class Bad { private static readonly List<string> Names = new List<string>(); public static int N() { return Names.Count; } }",
            "System.Collections.Generic.List<System.String>");
        yield return Case("static readonly array", Rules.MutableStaticReadonly, "Test.Clr.Bad.Codes",
            "public static class Bad { private static readonly int[] Codes = { 1, 2 }; public static int N() { return Codes.Length; } }", "System.Int32[]");
        yield return Case("static readonly StringBuilder", Rules.MutableStaticReadonly, "Test.Clr.Bad.Buffer",
            "public static class Bad { private static readonly System.Text.StringBuilder Buffer = new System.Text.StringBuilder(); public static int N() { return Buffer.Length; } }",
            "StringBuilder");
        yield return Case("lock statement", Rules.HostProtection, "Test.Clr.Bad.Locked",
            "public static class Bad { public static void Locked(object gate) { lock (gate) { } } }", "System.Threading.Monitor::Enter");
        yield return Case("Task.Run", Rules.HostProtection, "Test.Clr.Bad.Background",
            "public static class Bad { public static void Background() { System.Threading.Tasks.Task.Run(new Action(Noop)); } private static void Noop() { } }",
            "System.Threading.Tasks.Task::Run");
        yield return Case("new Thread", Rules.HostProtection, "Test.Clr.Bad.Spawn",
            "public static class Bad { public static void Spawn() { new System.Threading.Thread(new System.Threading.ThreadStart(Noop)).Start(); } private static void Noop() { } }",
            "System.Threading.Thread::Start");
        yield return Case("async method", Rules.HostProtection, "Test.Clr.Bad.LaterAsync",
            "public static class Bad { public static async System.Threading.Tasks.Task<int> LaterAsync() { await System.Threading.Tasks.Task.Delay(1); return 1; } }",
            "async");
        yield return Case("wait handle", Rules.HostProtection, "Test.Clr.Bad.Wait",
            "public static class Bad { public static bool Wait() { using (var e = new System.Threading.ManualResetEvent(false)) return e.WaitOne(1); } }",
            "ManualResetEvent");
        yield return Case("timer", Rules.HostProtection, "Test.Clr.Bad.Tick",
            "public static class Bad { public static object Tick() { return new System.Threading.Timer(Noop); } private static void Noop(object s) { } }",
            "System.Threading.Timer");
        yield return Case("Process.Start", Rules.HostProtection, "Test.Clr.Bad.Run",
            "public static class Bad { public static void Run() { System.Diagnostics.Process.Start(\"cmd.exe\"); } }", "System.Diagnostics.Process");
        yield return Case("FillRow with one out parameter too few", Rules.FillRow, "Test.Clr.Bad.FillShort",
            """
            public static class Bad
            {
                [SqlFunction(FillRowMethodName = "FillShort", TableDefinition = "a int, b nvarchar(10)")]
                public static IEnumerable Short() { return new object[0]; }
                public static void FillShort(object row, out SqlInt32 a) { a = 1; }
            }
            """, "1 out parameter(s) but its TableDefinition has 2 column(s)");
        yield return Case("FillRow type does not match the TableDefinition", Rules.FillRow, "Test.Clr.Bad.FillMismatch",
            """
            public static class Bad
            {
                [SqlFunction(FillRowMethodName = "FillMismatch", TableDefinition = "a int, amount decimal(19,4)")]
                public static IEnumerable Mismatch() { return new object[0]; }
                public static void FillMismatch(object row, out SqlInt32 a, out SqlString amount) { a = 1; amount = SqlString.Null; }
            }
            """, "is SqlString but column 2 of the TableDefinition is [amount] decimal(19,4), which is filled from SqlDecimal");
        yield return Case("FillRow that is missing", Rules.FillRow, "Test.Clr.Bad.NoFill",
            """
            public static class Bad
            {
                [SqlFunction(FillRowMethodName = "Nope", TableDefinition = "a int")]
                public static IEnumerable NoFill() { return new object[0]; }
            }
            """, "has no method of that name");
        yield return Case("TableDefinition with a type outside the map", Rules.TableDefinition, "Test.Clr.Bad.Ansi",
            """
            public static class Bad
            {
                [SqlFunction(FillRowMethodName = "FillAnsi", TableDefinition = "a int, b varchar(10)")]
                public static IEnumerable Ansi() { return new object[0]; }
                public static void FillAnsi(object row, out SqlInt32 a, out SqlString b) { a = 1; b = SqlString.Null; }
            }
            """, "varchar");
        yield return Case("parameter that is not a SqlTypes type", Rules.TypeMapping, "Test.Clr.Bad.Upper",
            "public static class Bad { [SqlFunction] public static SqlString Upper(string s) { return new SqlString(s); } }", "System.String");
        yield return Case("return type that is not a SqlTypes type", Rules.TypeMapping, "Test.Clr.Bad.Count",
            "public static class Bad { [SqlFunction] public static int Count(SqlString s) { return 0; } }", "return value: type System.Int32");
        yield return Case("facet out of range", Rules.TypeMapping, "Test.Clr.Bad.Wide",
            "public static class Bad { [SqlFunction] public static SqlString Wide([SqlFacet(MaxSize = 5000)] SqlString s) { return s; } }", "MaxSize 5000");
        yield return Case("out parameter on a function", Rules.TypeMapping, "Test.Clr.Bad.Outer",
            "public static class Bad { [SqlFunction] public static SqlInt32 Outer(out SqlInt32 x) { x = 1; return 1; } }", "only procedures");
        yield return Case("procedure returning a string", Rules.TypeMapping, "Test.Clr.Bad.Proc",
            "public static class Bad { [SqlProcedure] public static SqlString Proc() { return SqlString.Null; } }", "void or SqlInt32");
        yield return Case("entry point that is not public", Rules.EntryPointShape, "Test.Clr.Bad.Hidden",
            "public static class Bad { [SqlFunction] internal static SqlInt32 Hidden() { return 1; } }", "public static");
        yield return Case("entry point in a type that is not public", Rules.EntryPointShape, "Test.Clr.Bad.Open",
            "internal static class Bad { [SqlFunction] public static SqlInt32 Open() { return 1; } }", "not public");
        yield return Case("two entry points with one SQL name", Rules.Naming, "Test.Clr.Bad.Echo2",
            "public static class Bad { [SqlFunction(Name = \"echo\")] public static SqlInt32 Echo2() { return 1; } }", "also used by Test.Clr.Good.Echo");
        yield return Case("P/Invoke", Rules.NeedsUnsafe, "Test.Clr.Bad.GetTickCount",
            "public static class Bad { [System.Runtime.InteropServices.DllImport(\"kernel32.dll\")] private static extern int GetTickCount(); }", "UNSAFE");
        yield return Case("reference to System.Net.Http", Rules.UnsupportedReference, "Test.Bad",
            "public static class Bad { public static object Client() { return new System.Net.Http.HttpClient(); } }", "System.Net.Http");
    }

    [TestCaseSource(nameof(Defects))]
    public void A_defect_raises_its_rule_naming_the_member(string code, string member, string source, string messagePart)
    {
        CheckResult result = Check(TestAssemblies.Compile("Test.Bad", Sources.GoodPlus(source)));
        TestContext.Out.WriteLine(Describe(result));

        Assert.That(result.Problems.Any(p => p.Code == code && p.Member == member && p.Message.Contains(messagePart)), Is.True,
            $"expected {code} {member} containing \"{messagePart}\"; got:\n{Describe(result)}");
        Assert.That(result.Problems.Where(p => p.Member.StartsWith("Test.Clr.Good", StringComparison.Ordinal) && p.Code != Rules.Naming), Is.Empty,
            "the good part raised problems:\n" + Describe(result));
    }

    [Test]
    public void An_assembly_without_a_NET_Framework_target_is_refused()
    {
        CheckResult result = Check(TestAssemblies.Compile("Test.NoTarget", Sources.Usings + Sources.Good));

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { Rules.TargetFramework }), Describe(result));
    }

    [Test]
    public void Unsafe_code_is_refused()
    {
        string path = TestAssemblies.Compile("Test.Unsafe",
            Sources.GoodPlus("public static class Bad { public static unsafe int Peek(int* p) { return *p; } }"), allowUnsafe: true);

        Assert.That(Check(path).Problems.Select(p => p.Code), Does.Contain(Rules.NeedsUnsafe));
    }

    [Test]
    public void An_assembly_named_like_the_schema_is_refused()
    {
        CheckResult result = Check(TestAssemblies.Compile("WooClr", Sources.GoodPlus("")));

        Assert.That(result.Problems.Select(p => p.Code), Is.EqualTo(new[] { Rules.Naming }), Describe(result));
    }

    [Test]
    public void The_real_clr_sources_pass()
    {
        string clr = Path.Combine(TestAssemblies.RepositoryRoot, "clr");
        var sources = Directory.EnumerateFiles(clr, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(clr, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Prepend(TestAssemblies.TargetFrameworkAttribute)
            .ToArray();
        Assume.That(sources, Has.Length.GreaterThan(1));

        CheckResult result = Check(TestAssemblies.Compile("CpOrders.WooClr", sources));

        Assert.That(result.Problems, Is.Empty, Describe(result));
        Assert.That(result.Functions + result.Procedures, Is.GreaterThan(0));
    }

    [Test]
    public void The_real_net48_build_passes_when_it_exists()
    {
        // The solution build makes it (Release in CI); on its own: dotnet build clr/CpOrders.WooClr.csproj -c Release -f net48
        string? dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(TestAssemblies.RepositoryRoot, "clr", "bin", c, "net48", "CpOrders.WooClr.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        if (dll is null) Assert.Ignore("clr/bin/<configuration>/net48/CpOrders.WooClr.dll is not built");

        CheckResult result = Check(dll);

        Assert.That(result.Problems, Is.Empty, Describe(result));
        Assert.That(result.Assembly!.FullName, Does.StartWith("CpOrders.WooClr, Version=").And.Not.Contain("PublicKeyToken=null"));
    }
}
