using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 12 points 4, 5, 9, 10 on the texts a deploy runs (no SQL Server here): the offline script checks before it
/// creates anything, pre/post-deploy stop with THROW, every step says "no changes." in one shape, the Counterpoint
/// objects pre-deploy checks are derived from the code, and the publish profile's timeouts cover the lock wait.
/// </summary>
[TestFixture]
public class DeployTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(Repo.Root, relative));

    private static string DeployScript => File.ReadAllText(Path.Combine(Repo.Artifacts, "CpOrders.deploy.sql"));

    /// <summary>Hand-written and generated parts of pre/post-deploy, relative to the repository root.</summary>
    private static IEnumerable<string> DeployScriptParts() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database", "Scripts"), "*.sql", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "obj", "generated"), "P*Deploy*.sql"))
            .Select(f => Path.GetRelativePath(Repo.Root, f)).OrderBy(f => f, StringComparer.Ordinal);

    private static void CheckAwaiting(Dictionary<string, List<string>> offenders) =>
        Assert.That(offenders.Select(o => $"{o.Key}: {string.Join(" | ", o.Value)}"), Is.Empty);

    // ---- point 4: THROW, never an error that lets the batch go on --------------------------------------------------------

    [Test]
    public void No_pre_or_post_deploy_script_raises_an_error_with_RAISERROR()
    {
        // RAISERROR with severity 11-18 reports an error and the batch goes on with its next statement; THROW ends it.
        // Progress lines (severity 10 and below, WITH NOWAIT) stay allowed.
        var offenders = new Dictionary<string, List<string>>();
        var parts = DeployScriptParts().ToList();
        Assert.That(parts, Has.Some.EndsWith("PreDeploy.Clr.sql").And.Some.EndsWith("PreDeploy.CounterpointDb.Data.sql"), "generated parts are scanned too");
        foreach (string part in parts)
        {
            var bad = DeployOutput.Messages(Read(part)).Where(m => m.Severity is >= 11)
                .Select(m => $"RAISERROR severity {(m.Severity == int.MaxValue ? "not a literal" : m.Severity.ToString())}: {m.Text[..Math.Min(60, m.Text.Length)]}").ToList();
            if (bad.Count > 0)
                offenders[part] = bad;
        }
        CheckAwaiting(offenders);
    }

    [Test]
    public void The_RAISERROR_scan_finds_a_severity_16_error_and_allows_progress_lines()
    {
        var messages = DeployOutput.Messages("IF 1 = 1 RAISERROR (N'x %s', 16, 1, N'y');\nRAISERROR (N'CpOrders pre-deploy: a: done.', 10, 1) WITH NOWAIT;\nPRINT N'z';\nGO\n");
        Assert.That(messages.Select(m => m.Severity), Is.EqualTo(new int?[] { 16, 10, null }));
    }

    [Test]
    public void Counterpoint_database_check_stops_with_THROW_before_anything_is_created()
    {
        string check = Read(Path.Combine("database", "Scripts", "PreDeploy", "10.CounterpointDb.sql"));
        Assert.That(check, Does.Contain("@CpoCounterpointObjects").And.Contain("OBJECT_ID(QUOTENAME(N'$(CounterpointDb)')"));
        Assert.That(check, Does.Contain("DATABASEPROPERTYEX(N'$(CounterpointDb)', 'Collation')").And.Contain("@CpoModelCollation"));
        Assert.That(Regex.Matches(check, @"\bTHROW 501\d\d,").Count, Is.EqualTo(4), "placeholder, missing, same database, then every other problem at once");
        var codeWords = SqlTokens.CodeTokens(check, out List<string> errors).Select(SqlTokens.Text).ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(codeWords, Has.None.EqualTo("CREATE").IgnoreCase.And.None.EqualTo("GRANT").IgnoreCase.And.None.EqualTo("ALTER").IgnoreCase,
            "the check only reads");
        string pre = Read(Path.Combine("database", "Scripts", "PreDeploy.sql"));
        int data = pre.IndexOf(":r ../../obj/generated/PreDeploy.CounterpointDb.Data.sql", StringComparison.Ordinal);
        int step = pre.IndexOf(":r ./PreDeploy/10.CounterpointDb.sql", StringComparison.Ordinal);
        var includes = Regex.Matches(pre, @"^:r .*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).ToList();
        Assert.That(data, Is.GreaterThan(0));
        Assert.That(includes.Take(2), Is.EqualTo(new[] { ":r ../../obj/generated/PreDeploy.CounterpointDb.Data.sql", ":r ./PreDeploy/10.CounterpointDb.sql" }),
            "the Counterpoint check is the first step, its data part just before it (same batch)");
        Assert.That(step, Is.GreaterThan(data));
    }

    [Test]
    public void Collation_mismatch_says_what_to_do_before_and_after_the_database_exists()
    {
        // sqlpackage (or the offline script) may already have created CpOrders with the model's collation when the check
        // stops: "create the empty database" is then wrong; the message must also say how to fix the existing empty one.
        string check = Read(Path.Combine("database", "Scripts", "PreDeploy", "10.CounterpointDb.sql"));
        Assert.That(check, Does.Contain("CASE WHEN DB_ID(N'$(DatabaseName)') IS NULL"));
        Assert.That(check, Does.Contain("CREATE DATABASE [$(DatabaseName)] COLLATE "));
        Assert.That(check, Does.Contain("ALTER DATABASE [$(DatabaseName)] COLLATE ").And.Contain("or drops it"));
        var codeWords = SqlTokens.CodeTokens(check, out List<string> errors).Select(SqlTokens.Text).ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(codeWords, Has.None.EqualTo("ALTER").IgnoreCase, "the advice is a message, never run");
        Assert.That(Read("README.md"), Does.Contain("ALTER DATABASE CpOrders COLLATE"));
    }

    [Test]
    public void Offline_script_EXISTS_guard_says_how_to_finish_a_failed_first_install()
    {
        string script = DeployScript;
        string guard = script[script.IndexOf("CPO-DEPLOY-EXISTS:", StringComparison.Ordinal)..];
        guard = guard[..guard.IndexOf('\n')];
        Assert.That(guard, Does.Contain("If this script failed after creating it"));
        Assert.That(guard, Does.Contain("sqlpackage /a:Publish").And.Contain("drop the new empty database"));
        string readme = Read("README.md");
        Assert.That(readme, Does.Not.Contain("the cure is\nalways to fix").And.Not.Contain("the cure is always"));
        Assert.That(readme, Does.Contain("running it again stops at `CPO-DEPLOY-EXISTS`"));
    }

    [Test]
    public void Counterpoint_objects_pre_deploy_checks_are_the_objects_of_the_derived_grants_and_every_object_the_code_names()
    {
        string pre = Read(Path.Combine("obj", "generated", "PreDeploy.CounterpointDb.Data.sql"));
        string post = Read(Path.Combine("obj", "generated", "PostDeploy.CounterpointAccess.Data.sql"));
        var checkedObjects = Regex.Matches(pre, @"INSERT INTO @CpoCounterpointObjects \(SchemaName, ObjectName\) VALUES \(N'([^']+)', N'([^']+)'\)")
            .Select(m => (m.Groups[1].Value + "." + m.Groups[2].Value).ToUpperInvariant()).OrderBy(x => x).ToList();
        var granted = Regex.Matches(post, @"INSERT INTO @CpoCounterpointGrants \([^)]*\) VALUES \(N'[^']+', N'([^']+)', N'([^']+)'")
            .Select(m => (m.Groups[1].Value + "." + m.Groups[2].Value).ToUpperInvariant()).Distinct().OrderBy(x => x).ToList();
        // Independent oracle: every [$(CounterpointDb)].schema.object the T-SQL sources name.
        var named = Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("database", "Scripts"), StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\[\$\(CounterpointDb\)\]\.\[?(\w+)\]?\.\[?(\w+)\]?"))
            .Select(m => (m.Groups[1].Value + "." + m.Groups[2].Value).ToUpperInvariant()).Distinct().OrderBy(x => x).ToList();

        Assert.That(named, Is.Not.Empty, "sanity: the code names Counterpoint objects");
        Assert.That(checkedObjects, Is.EqualTo(granted));
        Assert.That(checkedObjects, Is.SupersetOf(named));
        Assert.That(pre, Does.Contain("DECLARE @CpoModelCollation sysname = N'SQL_Latin1_General_CP1_CI_AS';"), "the model's DefaultCollation");
    }

    [Test]
    public void Jobs_are_disabled_by_their_presence_in_msdb_even_before_woo_DeployJobState_exists()
    {
        // An upgrade from a schema before woo.DeployJobState existed has jobs: they must be disabled too, recorded in a
        // holding table that post-deploy moves into woo.DeployJobState before it re-enables them.
        string pre = Read(Path.Combine("database", "Scripts", "PreDeploy", "30.DisableJobs.sql"));
        string post = Read(Path.Combine("database", "Scripts", "PostDeploy", "90.RestoreJobs.sql"));
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        var script = (TSqlScript)parser.Parse(new StringReader(SqlTokens.Batches(pre).First()), out IList<ParseError> errors);
        Assert.That(errors, Is.Empty);
        TSqlStatement first = script.Batches[0].Statements[0];
        Assert.That(first, Is.InstanceOf<TryCatchStatement>(), "the step starts by reading msdb, with no branch on woo.DeployJobState before it");
        Assert.That(pre, Does.Not.Contain("first install"));
        Assert.That(pre, Does.Contain("FROM msdb.dbo.sysjobs AS j"));
        Assert.That(pre, Does.Contain("CREATE TABLE dbo.CpOrdersDeployJobStateCarry").And.Contain("INSERT INTO dbo.CpOrdersDeployJobStateCarry (JobId, JobName)"));
        int move = post.IndexOf("FROM dbo.CpOrdersDeployJobStateCarry", StringComparison.Ordinal);
        int restore = post.IndexOf("EXEC woo.usp_RestoreJobsAfterDeploy", StringComparison.Ordinal);
        Assert.That(move, Is.GreaterThan(0).And.LessThan(restore), "post-deploy moves the held rows before it re-enables the jobs");
        Assert.That(post, Does.Contain("DROP TABLE dbo.CpOrdersDeployJobStateCarry;"));
    }

    // ---- point 5: the offline script checks before CREATE DATABASE --------------------------------------------------------

    [Test]
    public void Offline_script_runs_the_Counterpoint_and_environment_checks_in_master_before_CREATE_DATABASE()
    {
        List<string> batches = SqlTokens.Batches(DeployScript).ToList();
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        int Index(Func<TSqlStatement, string, bool> test)
        {
            for (int i = 0; i < batches.Count; i++)
            {
                var script = (TSqlScript)parser.Parse(new StringReader(batches[i]), out IList<ParseError> errors);
                Assert.That(errors, Is.Empty, $"batch {i} parses");
                var all = new AllStatements();
                script.Accept(all);
                if (all.Found.Any(s => test(s, batches[i])))
                    return i;
            }
            return -1;
        }
        int master = Index((s, _) => s is UseStatement u && u.DatabaseName.Value.Equals("master", StringComparison.OrdinalIgnoreCase));
        int counterpoint = Index((s, b) => s is ThrowStatement && b.Contains("@CpoCounterpointObjects", StringComparison.Ordinal) && b.Contains("Collation", StringComparison.Ordinal));
        int clrEnabled = Index((s, b) => s is ThrowStatement && b.Contains("name = N'clr enabled'", StringComparison.Ordinal));
        int exists = Index((s, b) => s is ThrowStatement && b.Contains("CPO-DEPLOY-EXISTS", StringComparison.Ordinal));
        int create = Index((s, _) => s is CreateDatabaseStatement);

        Assert.That(new[] { master, counterpoint, clrEnabled, exists, create }, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(new[] { master, counterpoint, clrEnabled, exists, create }, Is.Ordered.And.Unique,
            "USE [master], the Counterpoint check, the CLR environment checks, the exists guard, then CREATE DATABASE");
        Assert.That(batches.Skip(create).Count(b => b.Contains("name = N'clr enabled'", StringComparison.Ordinal) && b.Contains("THROW 50000", StringComparison.Ordinal)), Is.EqualTo(1),
            "pre-deploy runs the checks again after CREATE DATABASE");
    }

    [Test]
    public void Offline_script_guards_stop_with_THROW()
    {
        string script = DeployScript;
        Assert.That(script, Does.Contain("THROW 50104, N'CPO-DEPLOY-EXISTS:"));
        Assert.That(script, Does.Contain("THROW 50100, N'CPO-DEPLOY-COUNTERPOINTDB: set the SQLCMD variable CounterpointDb"));
        Assert.That(script, Does.Not.Contain("RAISERROR (N'CPO-DEPLOY-EXISTS").And.Not.Contain("RAISERROR (N'CPO-DEPLOY-COUNTERPOINTDB"));
    }

    private sealed class AllStatements : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Found { get; } = new();
        public override void Visit(TSqlStatement node) => Found.Add(node);
    }

    // ---- point 9: timeouts ----------------------------------------------------------------------------------------------

    [Test]
    public void Pipeline_lock_waits_two_minutes_in_batches_that_fit_DacFx_default_CommandTimeout()
    {
        // A user running sqlpackage /pr: without README's /p: timeouts gets DacFx's default CommandTimeout (60 s), which
        // applies to each batch: no batch may wait that long, and together they still wait 2 minutes.
        string lockWait = Read(Path.Combine("database", "Scripts", "PreDeploy", "20.PipelineLock.sql"));
        int defaultTimeout = new DacDeployOptions().CommandTimeout;
        Assert.That(defaultTimeout, Is.EqualTo(60), "sanity: DacFx's default");
        var batches = SqlTokens.Batches(lockWait).Select(b => Regex.Replace(b, @"--[^\n]*", "")) // code only, no comments
            .Where(b => b.Contains("sp_getapplock", StringComparison.Ordinal)).ToList();
        Assert.That(batches, Has.Count.EqualTo(SqlTokens.Batches(lockWait).Count(b => !string.IsNullOrWhiteSpace(b))), "every batch of the step waits for the lock");
        var waits = batches.Select(b => Regex.Matches(b, @"@LockTimeout\s*=\s*(-?\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList()).ToList();
        Assert.That(waits, Has.All.Count.EqualTo(1), "one sp_getapplock per batch");
        Assert.That(waits.Select(w => w[0]), Has.All.InRange(1, (defaultTimeout - 15) * 1000), "each batch waits at most 45 s (a margin under 60 s)");
        Assert.That(waits.Sum(w => w[0]) / 1000, Is.GreaterThanOrEqualTo(120), "2 minutes in all");
        Assert.That(batches, Has.All.Contains("IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') = N'NoLock'"),
            "each batch takes the lock only when this session does not hold it yet (post-deploy releases it once)");
        Assert.That(batches[^1], Does.Contain("THROW 50110").And.Contain("CPO-DEPLOY-BUSY"), "the last batch stops the deploy");
        Assert.That(batches.Take(batches.Count - 1), Has.None.Contains("THROW"));
        var lines = DeployOutput.Messages(lockWait).Select(m => m.Text).ToList();
        Assert.That(lines, Is.EqualTo(new[] { "CpOrders pre-deploy: pipeline lock (held for this deploy): no changes." }));
    }

    [Test]
    public void Publish_profile_timeouts_cover_the_pipeline_lock_wait()
    {
        // As the test runner applies them (DacProfile.Load ignores these two; sqlpackage gets them with /p: too, README).
        DacDeployOptions options = TSqltServer.ProfileOptions(Path.Combine(Repo.Artifacts, "CpOrders.publish.xml"));
        string lockWait = Read(Path.Combine("database", "Scripts", "PreDeploy", "20.PipelineLock.sql"));
        int waitSeconds = Regex.Matches(lockWait, @"@LockTimeout = (\d{4,})").Max(m => int.Parse(m.Groups[1].Value)) / 1000;
        Assert.That(options.CommandTimeout, Is.GreaterThanOrEqualTo(waitSeconds + 60), "CommandTimeout: the longest batch wait plus a margin");
        Assert.That(options.LongRunningCommandTimeout, Is.EqualTo(0).Or.GreaterThanOrEqualTo(waitSeconds + 60),
            "LongRunningCommandTimeout: 0 (no limit) or the lock wait plus a margin");
        string readme = Read("README.md");
        Assert.That(readme, Does.Contain($"/p:CommandTimeout={options.CommandTimeout}").And.Contain($"/p:LongRunningCommandTimeout={options.LongRunningCommandTimeout}"),
            "README's sqlpackage command passes the profile's timeouts");
    }

    // ---- point 10: one "no changes." line per step -------------------------------------------------------------------------

    [Test]
    public void Every_step_prints_its_own_no_changes_line_and_only_prefixed_lines()
    {
        var offenders = new Dictionary<string, List<string>>();
        var keys = new List<string>();
        foreach (string file in DeployOutput.StepFiles())
        {
            string prefix = Path.GetFileName(file).StartsWith("Post", StringComparison.Ordinal) || file.Contains("PostDeploy", StringComparison.Ordinal)
                ? "CpOrders post-deploy: " : "CpOrders pre-deploy: ";
            var messages = DeployOutput.Messages(Read(file)).Where(m => m.Severity is null or < 11).Select(m => DeployOutput.Formatted(m.Text)).ToList();
            var problems = messages.Where(m => !m.StartsWith(prefix, StringComparison.Ordinal)).Select(m => "unprefixed: " + m).ToList();
            var noChanges = messages.Where(m => DeployOutput.NoChanges.IsMatch(m)).ToList();
            if (noChanges.Count == 0)
                problems.Add("no line of the shape '" + prefix + "<step>: no changes.'");
            var fileKeys = noChanges.Select(DeployOutput.KeyOf).Distinct().ToList();
            if (fileKeys.Count > 1 || fileKeys.Any(k => k == null))
                problems.Add("its 'no changes.' lines name more than one step: " + string.Join(", ", fileKeys));
            keys.AddRange(fileKeys.OfType<string>());
            if (problems.Count > 0)
                offenders[file] = problems;
        }
        Assert.That(keys, Is.Unique, "each step has its own key");
        Assert.That(keys, Is.SupersetOf(new[] { "CpOrders pre-deploy: Counterpoint database", "CpOrders pre-deploy: pipeline lock", "CpOrders pre-deploy: CLR",
                                                "CpOrders pre-deploy: jobs", "CpOrders post-deploy: secret key", "CpOrders post-deploy: version", "CpOrders post-deploy: jobs" }));
        CheckAwaiting(offenders);
    }

    [Test]
    public void Second_publish_rule_accepts_only_no_changes_lines_and_wants_one_per_step()
    {
        string[] keys = ["CpOrders pre-deploy: CLR", "CpOrders post-deploy: version"];
        string[] quiet =
        [
            "Initializing deployment (Start)", "Update complete.",
            "CpOrders pre-deploy: CLR (assembly CpOrders.WooClr, 9 CLR object(s); SQL Server 14.0.3456.2, Developer Edition (64-bit), EngineEdition 3): no changes.",
            "CpOrders post-deploy: version (0.1.0, CLR 0.1.0.0): no changes.",
        ];
        Assert.That(DeployOutput.SecondPublishProblems(quiet, keys), Is.Empty);
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Append("CpOrders pre-deploy: CLR: created schema [wooclr]."), keys), Has.Count.EqualTo(1));
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Append("SQL0: CpOrders post-deploy: jobs: re-enabled job X."), keys), Has.Count.EqualTo(1));
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Append("CpOrders post-deploy: signatures already as required; no changes."), keys), Has.Count.EqualTo(1),
            "a line that merely mentions 'no changes' in another shape fails");
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Append("CpOrders post-deploy: WARNING: CPO-MASTERKEY-NOPASSWORD: add a password of yours."), keys), Is.Empty,
            "a warning for the DBA is not an action");
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Append("CpOrders post-deploy: signing: WARNING: x"), keys), Has.Count.EqualTo(1),
            "only a line that starts with WARNING: after the prefix is a warning");
        Assert.That(DeployOutput.SecondPublishProblems(quiet.Take(3), keys), Is.EqualTo(new[] { "step printed no 'no changes.' line: CpOrders post-deploy: version" }));
        Assert.That(DeployOutput.ExpectedKeys(), Does.Contain("CpOrders pre-deploy: CLR").And.Contain("CpOrders post-deploy: jobs"));
    }
}
