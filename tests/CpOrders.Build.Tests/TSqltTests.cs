using System.Text.RegularExpressions;

namespace CpOrders.Build.Tests;

/// <summary>
/// Each tSQLt test under tests/tSQLt is one NUnit test. With a SQL Server configured (see TSqltServer) they run for
/// real: the fixture publishes the Counterpoint reference schema to a scratch database, publishes CpOrders against it
/// twice (the second publish must change nothing), installs tSQLt and the test dacpac, runs tSQLt.RunAll and reports
/// each test's own result. Without a server every test is reported as skipped with the reason, never as passed.
/// </summary>
[TestFixture, NonParallelizable]
public class TSqltTests
{
    private TSqltServer.RunResult? _run;
    private string? _skipReason;

    public static IEnumerable<TestCaseData> Discovered()
    {
        foreach (TSqltTestName t in TSqltTestName.FromSources(Path.Combine(Repo.Root, "tests", "tSQLt")))
            yield return new TestCaseData(t.Class, t.Name).SetName($"tSQLt [{t.Class}].[{t.Name}]");
    }

    [OneTimeSetUp]
    public void RunTSqltWhenAServerIsConfigured()
    {
        TSqltServer.Settings? settings = TSqltServer.Settings.FromEnvironment(out _skipReason);
        if (settings != null)
            _run = TSqltServer.PublishAndRunAll(settings);
    }

    [TestCaseSource(nameof(Discovered))]
    public void Test(string testClass, string testName)
    {
        if (_run == null)
        {
            Assert.Ignore(_skipReason ?? "no SQL Server configured");
            return;
        }
        Assert.That(_run.Results.TryGetValue((testClass, testName), out TSqltServer.TestOutcome? outcome), Is.True,
            $"tSQLt did not run [{testClass}].[{testName}]; the test dacpac may be out of date");
        Assert.That(outcome!.Result, Is.EqualTo("Success"), outcome.Message);
    }

    [Test]
    public void Second_publish_changes_nothing()
    {
        if (_run == null)
        {
            Assert.Ignore(_skipReason ?? "no SQL Server configured");
            return;
        }
        Assert.That(_run.SecondPublishScriptChanges, Is.Empty, "a second publish of the same dacpac must have an empty schema diff");
        // Every step says "<step>: no changes." in one line and prints nothing else (DeployOutput; the step keys come from
        // the scripts themselves, so a new step is expected without editing this test).
        Assert.That(DeployOutput.SecondPublishProblems(_run.SecondPublishMessages, DeployOutput.ExpectedKeys()), Is.Empty,
            "pre/post-deploy must report no actions on the second publish:\n" + string.Join("\n", _run.SecondPublishMessages));
    }

    [Test]
    public void Test_names_are_discovered_from_the_T_SQL_sources()
    {
        var names = TSqltTestName.FromSources(Path.Combine(Repo.Root, "tests", "tSQLt")).ToList();
        Assert.That(names, Is.Not.Empty);
        Assert.That(names, Has.All.Matches<TSqltTestName>(n => n.Name.StartsWith("test", StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>A tSQLt test: a procedure whose name starts with "test" in a test-class schema.</summary>
public sealed record TSqltTestName(string Class, string Name)
{
    private static readonly Regex Create = new(@"CREATE\s+PROCEDURE\s+\[(?<class>[^\]]+)\]\.\[(?<name>test[^\]]*)\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static IEnumerable<TSqltTestName> FromSources(string folder) =>
        Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                     && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                     && !f.Contains("tSQLt.Stub"))
            .SelectMany(f => Create.Matches(File.ReadAllText(f)).Select(m => new TSqltTestName(m.Groups["class"].Value, m.Groups["name"].Value)))
            .OrderBy(t => t.Class, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal);
}
