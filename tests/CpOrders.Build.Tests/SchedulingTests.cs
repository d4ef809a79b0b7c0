using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 15 points 7 and 9, checked statically (ScriptDom, 2017 grammar): the scripts a DBA runs with sqlcmd
/// (agent-jobs/, uninstall/) parse; every call of an msdb or sys procedure anywhere in CpOrders' T-SQL names only
/// parameters its reference signature declares (references/msdb, references/master: Microsoft's parameter lists), so a
/// misspelt parameter fails here even in scripts the dacpac build does not validate; no HTTP call runs inside a
/// transaction in those scripts either; and woo.usp_RunPipeline calls every step it lists. What needs a SQL Server
/// (jobs really made in msdb, a failing step) is tSQLt class test_Scheduling, reported as skipped here.
/// </summary>
[TestFixture]
public class SchedulingTests
{
    private static IEnumerable<string> Scripts() =>
        new[] { "agent-jobs", "uninstall" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(Repo.Root, d), "*.sql", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static IEnumerable<string> AllSql() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Concat(Scripts())
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>A SQLCMD script as T-SQL: directives dropped, batches split at GO, $(Var) replaced by an identifier.</summary>
    private static TSqlFragment Parse(string text, out IList<ParseError> errors)
    {
        string sql = string.Join("\nGO\n", SqlTokens.Batches(Regex.Replace(text, @"\$\((\w+)\)", "SQLCMD_$1")));
        return new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);
    }

    [Test]
    public void Every_agent_jobs_and_uninstall_script_parses_as_TSQL_2017()
    {
        var files = Scripts().ToList();
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[] { "Install.sql", "Uninstall.sql", "TaskScheduler.sql", "Job.Pipeline.sql", "Uninstall.CpOrders.sql" }),
            "sanity: the scripts are found");
        Assert.Multiple(() =>
        {
            foreach (string file in files)
            {
                string text = File.ReadAllText(file);
                Parse(text, out IList<ParseError> errors);
                Assert.That(errors.Select(e => $"{Path.GetRelativePath(Repo.Root, file)}({e.Line},{e.Column}): {e.Message}"), Is.Empty);
                // :setvar in a script overrides sqlcmd -v (sqlcmd's variable precedence), so a DBA's -v would be ignored.
                Assert.That(Regex.IsMatch(text, @"^\s*:setvar\b", RegexOptions.IgnoreCase | RegexOptions.Multiline), Is.False,
                    $"{Path.GetFileName(file)}: no :setvar (it would override sqlcmd -v); name the variables in the header instead");
                Assert.That(Regex.IsMatch(text, @"^\s*:on error exit\b", RegexOptions.IgnoreCase | RegexOptions.Multiline), Is.True,
                    $"{Path.GetFileName(file)}: starts with :on error exit, so a failed batch stops the script");
                // Every SQLCMD variable the script uses is named in its header, where the DBA reads what to pass.
                string header = string.Join("\n", text.Split('\n').TakeWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
                foreach (string variable in Regex.Matches(text, @"\$\((\w+)\)").Select(m => m.Groups[1].Value).Distinct())
                    Assert.That(header, Does.Contain(variable + "="), $"{Path.GetFileName(file)}: the header's sqlcmd example passes {variable}");
            }
        });
    }

    [Test]
    public void The_parse_check_fails_a_broken_script()
    {
        Parse(":on error exit\nUSE [$(DatabaseName)];\nGO\nEXEC woo.usp_InstallJobs @Owner = N'$(JobOwner)',, @Jobs = N'ALL';\nGO\n", out IList<ParseError> errors);
        Assert.That(errors, Is.Not.Empty);
    }

    /// <summary>Parameter names of each procedure declared in a reference project: "msdb.dbo.sp_add_job" / "sys.sp_getapplock".</summary>
    private static Dictionary<string, HashSet<string>> ReferenceProcedures()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string folder, string prefix) in new[] { (Path.Combine("references", "msdb"), "msdb."), (Path.Combine("references", "master"), "") })
            foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, folder), "*.sql", SearchOption.AllDirectories))
            {
                TSqlFragment fragment = Parse(File.ReadAllText(file), out IList<ParseError> errors);
                Assert.That(errors, Is.Empty, file);
                var finder = new ProcedureFinder();
                fragment.Accept(finder);
                foreach ((string name, HashSet<string> parameters) in finder.Procedures)
                    map[prefix + name] = parameters;
            }
        return map;
    }

    /// <summary>Every EXEC of msdb.dbo.X / sys.X in the sources: the procedure's problems against the references.</summary>
    private static List<string> CheckSystemCalls(IEnumerable<(string File, string Text)> sources, Dictionary<string, HashSet<string>> references, List<string> called)
    {
        var problems = new List<string>();
        foreach ((string file, string text) in sources)
        {
            TSqlFragment fragment = Parse(text, out IList<ParseError> errors);
            if (errors.Count > 0)
            {
                problems.Add($"{file}: does not parse: {errors[0].Message}");
                continue;
            }
            var finder = new ExecFinder();
            fragment.Accept(finder);
            foreach ((string name, ExecuteSpecification exec, IList<ExecuteParameter> parameters) in finder.Calls)
            {
                bool msdb = name.StartsWith("msdb.", StringComparison.OrdinalIgnoreCase);
                if (!references.TryGetValue(name, out HashSet<string>? declared))
                {
                    // Every msdb procedure CpOrders calls must be in the msdb reference; sys procedures without a stub
                    // (sp_executesql, sp_addextendedproperty ...) are the engine's and are left to the build.
                    if (msdb)
                        problems.Add($"{file}({exec.StartLine}): {name} is not declared in references/msdb: add its signature from Microsoft's documentation");
                    continue;
                }
                called.Add(name);
                foreach (ExecuteParameter p in parameters)
                {
                    if (p.Variable == null)
                    {
                        problems.Add($"{file}({exec.StartLine}): {name} is called with a positional parameter; name each one, so this check and a reader see which it is");
                        continue;
                    }
                    if (!declared.Contains(p.Variable.Name))
                        problems.Add($"{file}({exec.StartLine}): {name} has no parameter {p.Variable.Name} (reference: {string.Join(", ", declared.Order(StringComparer.OrdinalIgnoreCase))})");
                }
            }
        }
        return problems;
    }

    [Test]
    public void Every_msdb_and_sys_procedure_call_uses_only_parameters_its_reference_declares()
    {
        Dictionary<string, HashSet<string>> references = ReferenceProcedures();
        Assert.That(references.Keys, Is.SupersetOf(new[] { "msdb.dbo.sp_add_job", "msdb.dbo.sp_update_jobstep", "msdb.dbo.sp_update_schedule", "sys.sp_getapplock" }),
            "sanity: the reference signatures are read");
        var called = new List<string>();
        List<string> problems = CheckSystemCalls(AllSql().Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f))), references, called);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            // The installer's calls are among those checked (so this test covers them, not only the build).
            Assert.That(called.Distinct(StringComparer.OrdinalIgnoreCase), Is.SupersetOf(new[]
            {
                "msdb.dbo.sp_add_category", "msdb.dbo.sp_add_job", "msdb.dbo.sp_update_job", "msdb.dbo.sp_add_jobstep", "msdb.dbo.sp_update_jobstep",
                "msdb.dbo.sp_delete_jobstep", "msdb.dbo.sp_add_jobschedule", "msdb.dbo.sp_update_schedule", "msdb.dbo.sp_add_jobserver",
                "msdb.dbo.sp_delete_job", "msdb.dbo.sp_delete_category", "sys.sp_drop_trusted_assembly", "sys.sp_getapplock",
            }));
        });
    }

    [TestCase("EXEC msdb.dbo.sp_add_job @job_name = N'x', @owner_login = N'y';", "has no parameter @owner_login", TestName = "System call check finds a misspelt msdb parameter")]
    [TestCase("EXEC msdb.dbo.sp_add_jobschedule @job_id = NULL, @name = N's', @freq_subday_intervall = 30;", "has no parameter @freq_subday_intervall", TestName = "System call check finds a misspelt schedule parameter")]
    [TestCase("EXEC msdb.dbo.sp_no_such_procedure @x = 1;", "not declared in references/msdb", TestName = "System call check finds an msdb procedure missing from the reference")]
    [TestCase("EXEC msdb.dbo.sp_delete_job NULL, N'name';", "positional parameter", TestName = "System call check finds positional msdb parameters")]
    [TestCase("DECLARE @R int; EXEC @R = sys.sp_getapplock @Resource = N'r', @LockMode = N'Shared', @Owner = N'Session';", "has no parameter @Owner", TestName = "System call check finds a misspelt sys parameter")]
    public void System_call_check_finds_the_crafted_bad_call(string bad, string expected)
    {
        var called = new List<string>();
        List<string> problems = CheckSystemCalls(new[] { ("bad.sql", bad) }, ReferenceProcedures(), called);
        Assert.That(problems, Has.Some.Contains(expected), string.Join("\n", problems));
    }

    [Test]
    public void No_HTTP_call_runs_in_a_transaction_in_database_agent_jobs_or_uninstall()
    {
        string path = Path.Combine(Repo.Root, "obj", "generated", "PreDeploy.Clr.sql");
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: build the solution first (README)");
        var http = Regex.Matches(File.ReadAllText(path), @"CREATE (?:FUNCTION|PROCEDURE) \[wooclr\]\.\[(\w+)\][^']*?@BaseUrl\b")
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var checker = new HttpCallChecker(http);
        foreach (string file in AllSql())
            checker.AddSource(Path.GetRelativePath(Repo.Root, file), File.ReadAllText(file));
        IReadOnlyList<string> problems = checker.Check();
        Assert.Multiple(() =>
        {
            // The pipeline calls the pull (which calls the shop), so it is checked like every caller.
            Assert.That(checker.TransportProcedures, Does.Contain("woo.usp_RunPipeline"), "sanity: the pipeline reaches HTTP through its steps");
            Assert.That(problems, Is.Empty);
        });
    }

    /// <summary>The step list of woo.usp_RunPipeline and its dispatch must match: a step listed but not called (or called
    /// but not listed) would fail every run or never run. Each called procedure exists in the model.</summary>
    [Test]
    public void RunPipeline_calls_every_step_it_lists_and_only_existing_procedures()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", "woo.usp_RunPipeline.sql"));
        string values = Regex.Match(text, @"INSERT INTO @StepList[^;]*?VALUES(?<v>[^;]*);", RegexOptions.Singleline).Groups["v"].Value;
        var listed = Regex.Matches(values, @"\(\s*\d+\s*,\s*'(\w+)'").Select(m => m.Groups[1].Value).ToList();
        var dispatched = Regex.Matches(text, @"IF @Step = '(\w+)'\s+EXEC (woo\.\w+)").Select(m => (Step: m.Groups[1].Value, Proc: m.Groups[2].Value)).ToList();
        var model = new HashSet<string>(
            Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"CREATE\s+PROCEDURE\s+\[?(\w+)\]?\.\[?(\w+)\]?", RegexOptions.IgnoreCase))
                .Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}"), StringComparer.OrdinalIgnoreCase);
        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.SupersetOf(new[] { "PULL", "PROCESS", "STOCK", "CATALOG", "CATALOG_FULL" }), "sanity: the step list is read");
            Assert.That(dispatched.Select(d => d.Step), Is.EquivalentTo(listed), "every listed step has exactly one EXEC, and nothing else is called");
            foreach ((string step, string proc) in dispatched)
                Assert.That(model, Does.Contain(proc), $"step {step} calls {proc}, which is not in database/");
        });
    }

    /// <summary>Each job runs a procedure of the model or woo.usp_RunPipeline with steps it lists; the job names carry the database name.</summary>
    [Test]
    public void Job_definitions_run_known_steps_and_carry_the_database_name()
    {
        string jobs = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Functions", "woo.fn_JobDefinitions.sql"));
        string pipeline = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", "woo.usp_RunPipeline.sql"));
        string values = Regex.Match(pipeline, @"INSERT INTO @StepList[^;]*?VALUES(?<v>[^;]*);", RegexOptions.Singleline).Groups["v"].Value;
        var steps = Regex.Matches(values, @"\(\s*\d+\s*,\s*'(\w+)'").Select(m => m.Groups[1].Value).ToHashSet();
        var named = Regex.Matches(jobs, @"@Steps = ''([\w,]+)''").SelectMany(m => m.Groups[1].Value.Split(',')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(named, Is.Not.Empty, "sanity: the catalog jobs name steps");
            Assert.That(named, Is.SubsetOf(steps), "a job names a step woo.usp_RunPipeline does not have");
            Assert.That(jobs, Does.Contain("N'CpOrders.' + DB_NAME() + N'.'"), "job names carry the database name (design 3: several CpOrders databases per instance)");
            foreach (string key in new[] { "PIPELINE", "CATALOG", "CATALOG_FULL", "HOUSEKEEPING", "ALERT_DIGEST" })
                Assert.That(jobs, Does.Contain($"'{key}'"), $"job {key} is defined");
            foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "agent-jobs"), "Job.*.sql"))
            {
                string key = Regex.Match(File.ReadAllText(file), @"@Jobs = N'(\w+)'").Groups[1].Value;
                Assert.That(jobs, Does.Contain($"'{key}'"), $"{Path.GetFileName(file)} installs job {key}, which woo.fn_JobDefinitions does not define");
            }
        });
    }

    private sealed class ProcedureFinder : TSqlFragmentVisitor
    {
        public List<(string Name, HashSet<string> Parameters)> Procedures { get; } = new();

        public override void ExplicitVisit(CreateProcedureStatement node)
        {
            SchemaObjectName n = node.ProcedureReference.Name;
            Procedures.Add(($"{n.SchemaIdentifier?.Value ?? "dbo"}.{n.BaseIdentifier.Value}",
                new HashSet<string>(node.Parameters.Select(p => p.VariableName.Value), StringComparer.OrdinalIgnoreCase)));
        }
    }

    private sealed class ExecFinder : TSqlFragmentVisitor
    {
        public List<(string Name, ExecuteSpecification Exec, IList<ExecuteParameter> Parameters)> Calls { get; } = new();

        public override void ExplicitVisit(ExecuteSpecification node)
        {
            if (node.ExecutableEntity is ExecutableProcedureReference { ProcedureReference.ProcedureReference.Name: SchemaObjectName n } proc)
            {
                string? db = n.DatabaseIdentifier?.Value;
                string schema = n.SchemaIdentifier?.Value ?? "dbo";
                string name = n.BaseIdentifier.Value;
                if (db != null && db.Equals("msdb", StringComparison.OrdinalIgnoreCase))
                    Calls.Add(($"msdb.{schema}.{name}", node, proc.Parameters));
                else if (schema.Equals("sys", StringComparison.OrdinalIgnoreCase) && db == null)
                    Calls.Add(($"sys.{name}", node, proc.Parameters));
            }
            base.ExplicitVisit(node);
        }
    }
}
