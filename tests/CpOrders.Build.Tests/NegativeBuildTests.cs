namespace CpOrders.Build.Tests;

/// <summary>
/// The build is our strongest check (no SQL Server here): each mistake below, added to a copy of the good tree, must
/// fail `dotnet build CpOrders.sqlproj` with a message naming the file and the object. One copy is built once (the
/// good tree must build), then each case adds its file, builds incrementally, and removes it again.
/// </summary>
[TestFixture, NonParallelizable]
public class NegativeBuildTests
{
    private string _copy = "";

    [OneTimeSetUp]
    public void BuildGoodCopy()
    {
        _copy = Repo.CopySources("negative");
        Repo.Result good = Repo.BuildDatabase(_copy);
        Assert.That(good.ExitCode, Is.EqualTo(0), "the good tree must build:\n" + good.Output);
        Repo.Result tests = Repo.BuildDatabase(_copy, "tests/tSQLt/CpOrders.Tests.sqlproj");
        Assert.That(tests.ExitCode, Is.EqualTo(0), "the good tSQLt tests must build:\n" + tests.Output);
    }

    [OneTimeTearDown]
    public void RemoveCopy()
    {
        if (Directory.Exists(_copy) && TestContext.CurrentContext.Result.FailCount == 0)
            Directory.Delete(_copy, recursive: true);
    }

    public sealed record Case(string Name, string File, string Text, string[] Expected, string Project = "CpOrders.sqlproj")
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Case> Cases()
    {
        yield return new Case("misspelled Counterpoint column",
            "database/woo/Procedures/woo.usp_BadColumn.sql",
            "CREATE PROCEDURE woo.usp_BadColumn AS BEGIN SET NOCOUNT ON; SELECT h.TKT_NUMBER FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h; END;",
            new[] { "woo.usp_BadColumn.sql", "[woo].[usp_BadColumn]", "TKT_NUMBER" });
        yield return new Case("misspelled Counterpoint table",
            "database/woo/Procedures/woo.usp_BadTable.sql",
            "CREATE PROCEDURE woo.usp_BadTable AS BEGIN SET NOCOUNT ON; SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDRX AS h; END;",
            new[] { "woo.usp_BadTable.sql", "[woo].[usp_BadTable]", "PS_DOC_HDRX" });
        yield return new Case("wrong msdb parameter",
            "database/woo/Procedures/woo.usp_BadMsdb.sql",
            "CREATE PROCEDURE woo.usp_BadMsdb @JobId uniqueidentifier AS BEGIN SET NOCOUNT ON; EXEC msdb.dbo.sp_update_job @job_id = @JobId, @enable = 0; END;",
            new[] { "woo.usp_BadMsdb.sql", "[woo].[usp_BadMsdb]", "@enable" });
        yield return new Case("wrong CLR table-function column",
            "database/woo/Procedures/woo.usp_BadClrColumn.sql",
            "CREATE PROCEDURE woo.usp_BadClrColumn AS BEGIN SET NOCOUNT ON; SELECT p.property_nam FROM wooclr.AssemblyProperties() AS p; END;",
            new[] { "woo.usp_BadClrColumn.sql", "[woo].[usp_BadClrColumn]", "property_nam" });
        yield return new Case("CLR function called with the wrong number of arguments",
            "database/woo/Procedures/woo.usp_BadClrArgs.sql",
            "CREATE PROCEDURE woo.usp_BadClrArgs AS BEGIN SET NOCOUNT ON; SELECT p.property_name FROM wooclr.AssemblyProperties(1) AS p; END;",
            new[] { "woo.usp_BadClrArgs.sql", "DML0313", "AssemblyProperties" });
        yield return new Case("INSERT into PS_DOC_HDR without DOC_GUID",
            "database/woo/Procedures/woo.usp_BadInsert.sql",
            "CREATE PROCEDURE woo.usp_BadInsert AS BEGIN SET NOCOUNT ON; INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR (DOC_ID) VALUES (1); END;",
            new[] { "woo.usp_BadInsert.sql", "DML0515", "PS_DOC_HDR", "DOC_GUID" });
        yield return new Case("UPDATE of the computed IM_INV.QTY_AVAIL",
            "database/woo/Procedures/woo.usp_BadUpdate.sql",
            "CREATE PROCEDURE woo.usp_BadUpdate AS BEGIN SET NOCOUNT ON; UPDATE i SET QTY_AVAIL = 0 FROM [$(CounterpointDb)].dbo.IM_INV AS i WHERE i.ITEM_NO = 'X'; END;",
            new[] { "woo.usp_BadUpdate.sql", "DML0271", "IM_INV.QTY_AVAIL" });
        yield return new Case("INSERT without a column list",
            "database/woo/Procedures/woo.usp_BadNoColumns.sql",
            "CREATE PROCEDURE woo.usp_BadNoColumns AS BEGIN SET NOCOUNT ON; INSERT INTO woo.DeployJobState SELECT NEWID(), N'x', SYSUTCDATETIME(); END;",
            new[] { "woo.usp_BadNoColumns.sql", "DML0001", "woo.DeployJobState" });
        yield return new Case("syntax newer than SQL Server 2017",
            "database/woo/Procedures/woo.usp_BadSyntax.sql",
            "CREATE PROCEDURE woo.usp_BadSyntax @A int, @B int AS BEGIN SET NOCOUNT ON; SELECT CASE WHEN @A IS DISTINCT FROM @B THEN 1 ELSE 0 END AS d; END;",
            new[] { "woo.usp_BadSyntax.sql", "SQL46010" });
        yield return new Case("view that reads Counterpoint (a view cannot be signed)",
            "database/woo/Procedures/woo.vBadCounterpoint.sql",
            "CREATE VIEW woo.vBadCounterpoint AS SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h;",
            new[] { "woo.vBadCounterpoint.sql", "DBT0101", "view [woo].[vBadCounterpoint]", "cannot carry a signature" });
        yield return new Case("inline table-valued function that reads Counterpoint",
            "database/woo/Procedures/woo.tvf_BadCounterpoint.sql",
            "CREATE FUNCTION woo.tvf_BadCounterpoint (@Id bigint) RETURNS TABLE AS RETURN (SELECT h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @Id);",
            new[] { "woo.tvf_BadCounterpoint.sql", "DBT0101", "inline table-valued function [woo].[tvf_BadCounterpoint]" });
        yield return new Case("synonym for a Counterpoint table (hides the reference from signing and the checks)",
            "database/woo/Procedures/woo.Doc.sql",
            "CREATE SYNONYM woo.Doc FOR [$(CounterpointDb)].dbo.PS_DOC_HDR;",
            new[] { "woo.Doc.sql", "DBT0102", "synonym [woo].[Doc]", "write the three-part name" });
        yield return new Case("dynamic SQL naming the Counterpoint database in a model module",
            "database/woo/Procedures/woo.usp_BadDynamic.sql",
            "CREATE PROCEDURE woo.usp_BadDynamic AS BEGIN SET NOCOUNT ON; EXEC sys.sp_executesql N'SELECT TOP (1) h.DOC_ID FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h;'; END;",
            new[] { "woo.usp_BadDynamic.sql", "DBT0103", "string literal" });
        yield return new Case("static mutable field in the CLR",
            "clr/SqlSurface/BadStatic.cs",
            "namespace CpOrders.WooClr.SqlSurface { public static class BadStatic { public static int Calls; public static int Next() { return ++Calls; } } }",
            new[] { "BadStatic.cs", "BadStatic.Calls" });
        yield return new Case("lock in the CLR",
            "clr/SqlSurface/BadLock.cs",
            "namespace CpOrders.WooClr.SqlSurface { public sealed class BadLock { private readonly object _gate = new object(); private int _n; public int Touch() { lock (_gate) { return ++_n; } } } }",
            new[] { "BadLock.cs", "BadLock.Touch", "Monitor" });
        // Framework allow-list (build/ClrTool/FrameworkAllowList.txt): host-protected or unlisted framework APIs, issue 11.
        foreach (var (name, cls, body, member) in new[]
        {
            ("HashSet<T>", "BadHashSet", "public static bool Dedupe(long id) { var seen = new System.Collections.Generic.HashSet<long>(); return seen.Add(id); }", "System.Collections.Generic.HashSet`1::Add"),
            ("TimeZoneInfo", "BadTimeZone", "public static System.DateTime Dedupe(System.DateTime t) { return System.TimeZoneInfo.ConvertTimeFromUtc(t, System.TimeZoneInfo.Local); }", "System.TimeZoneInfo::ConvertTimeFromUtc"),
            ("Lazy<T>", "BadLazy", "public static int Dedupe(System.Lazy<int> x) { return x.Value; }", "System.Lazy`1::get_Value"),
            ("ConcurrentDictionary", "BadConcurrent", "public static bool Dedupe(int k) { var d = new System.Collections.Concurrent.ConcurrentDictionary<int, int>(); return d.TryAdd(k, k); }", "System.Collections.Concurrent.ConcurrentDictionary`2::TryAdd"),
            ("Thread.Start", "BadThread", "public static void Dedupe(System.Threading.Thread t) { t.Start(); }", "System.Threading.Thread::Start"),
            ("Console", "BadConsole", "public static void Dedupe(string s) { System.Console.WriteLine(s); }", "System.Console::WriteLine"),
            ("Environment.Exit", "BadExit", "public static void Dedupe() { System.Environment.Exit(1); }", "System.Environment::Exit"),
        })
        {
            yield return new Case($"{name} in the CLR",
                $"clr/SqlSurface/{cls}.cs",
                $"namespace CpOrders.WooClr.SqlSurface {{ public static class {cls} {{ {body} }} }}",
                new[] { $"{cls}.cs", "CPOCLR05", $"{cls}.Dedupe", member });
        }
        yield return new Case("tSQLt test calling a misspelled tSQLt procedure",
            "tests/tSQLt/test_CheckInstall/test_CheckInstall.test bad assert.sql",
            "CREATE PROCEDURE [test_CheckInstall].[test bad assert] AS BEGIN EXEC tSQLt.AssertEqualz @Expected = 1, @Actual = 1; END;",
            new[] { "test bad assert.sql", "[tSQLt].[AssertEqualz]" }, "tests/tSQLt/CpOrders.Tests.sqlproj");
        yield return new Case("tSQLt test calling a CpOrders procedure that does not exist",
            "tests/tSQLt/test_CheckInstall/test_CheckInstall.test missing proc.sql",
            "CREATE PROCEDURE [test_CheckInstall].[test missing proc] AS BEGIN EXEC woo.usp_NoSuchProcedure; END;",
            new[] { "test missing proc.sql", "[woo].[usp_NoSuchProcedure]" }, "tests/tSQLt/CpOrders.Tests.sqlproj");
    }

    [TestCaseSource(nameof(Cases))]
    public void Mistake_fails_the_build_naming_file_and_object(Case c)
    {
        string path = Path.Combine(_copy, c.File);
        File.WriteAllText(path, c.Text);
        try
        {
            Repo.Result r = Repo.BuildDatabase(_copy, c.Project);
            Assert.That(r.ExitCode, Is.Not.EqualTo(0), $"{c.Name}: the build must fail\n{r.Output}");
            string errors = string.Join('\n', r.Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)));
            foreach (string expected in c.Expected)
                Assert.That(errors, Does.Contain(expected), $"{c.Name}: an error line should name '{expected}'\n{r.Output}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Removing_the_bad_files_builds_again_so_no_stale_output_hides_a_failure()
    {
        Repo.Result r = Repo.BuildDatabase(_copy);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Output);
        Repo.Result t = Repo.BuildDatabase(_copy, "tests/tSQLt/CpOrders.Tests.sqlproj");
        Assert.That(t.ExitCode, Is.EqualTo(0), t.Output);
    }
}
