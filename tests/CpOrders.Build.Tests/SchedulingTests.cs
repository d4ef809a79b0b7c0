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

    private static string Proc(string name) => File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", name + ".sql"));

    /// <summary>r15 finding 1 (issue 15: "be told, once"): a job failing every 30 seconds must not e-mail an operator or
    /// write the event log every run; the alert digest is the notifier. Every sp_add_job / sp_update_job call passes its
    /// notification levels as 0 or as the variables computed from the schedule, and those are 0 unless the job runs once
    /// a day (FreqSubdayType 1).</summary>
    [Test]
    public void Jobs_repeating_within_the_day_get_no_Agent_notification()
    {
        string text = Proc("woo.usp_InstallJobs");
        TSqlFragment fragment = Parse(text, out IList<ParseError> errors);
        Assert.That(errors, Is.Empty);
        var finder = new ExecFinder();
        fragment.Accept(finder);
        var jobCalls = finder.Calls.Where(c => c.Name is "msdb.dbo.sp_add_job" or "msdb.dbo.sp_update_job").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(jobCalls, Has.Count.GreaterThanOrEqualTo(2), "sanity: the job calls are found");
            foreach ((string name, ExecuteSpecification exec, IList<ExecuteParameter> parameters) in jobCalls)
            {
                var levels = parameters.Where(p => p.Variable?.Name.StartsWith("@notify_level_", StringComparison.OrdinalIgnoreCase) == true).ToList();
                Assert.That(levels.Select(p => p.Variable.Name), Is.SupersetOf(new[] { "@notify_level_email", "@notify_level_eventlog" }).Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase),
                    $"{name} line {exec.StartLine} sets both notification levels (sp_update_job would keep an old one)");
                foreach (ExecuteParameter p in levels)
                {
                    string value = text.Substring(p.ParameterValue.StartOffset, p.ParameterValue.FragmentLength);
                    Assert.That(value, Is.EqualTo("0").Or.EqualTo("@NotifyEventLog").Or.EqualTo("@NotifyEmail"),
                        $"{name} line {exec.StartLine}: {p.Variable.Name} = {value}; only 0 or the schedule-derived level");
                }
            }
            Assert.That(Regex.IsMatch(text, @"SET @NotifyEventLog = CASE WHEN @SubdayType = 1 THEN 2 ELSE 0 END;"), Is.True, "event log only for once-a-day jobs");
            Assert.That(Regex.IsMatch(text, @"SET @NotifyEmail = CASE WHEN @SubdayType = 1 AND @OperatorName IS NOT NULL THEN 2 ELSE 0 END;"), Is.True, "e-mail only for once-a-day jobs");
        });
    }

    /// <summary>r15 finding 4/5: schtasks looks for a bare program name in System32 and splits an unquoted path at its first
    /// space; cmd.exe does not know \" . So the sqlcmd path is a required parameter, validated as a full path to an .exe,
    /// always quoted inside the /TR value, the whole /TR value is one quoted argument with its inner quotes as \", and
    /// every name printed is refused when it holds a character cmd.exe acts on.</summary>
    [Test]
    public void Task_Scheduler_command_runs_a_quoted_full_sqlcmd_path()
    {
        string text = Proc("woo.usp_ScriptTaskScheduler");
        TSqlFragment fragment = Parse(text, out IList<ParseError> errors);
        Assert.That(errors, Is.Empty);
        var procedure = new ProcedureParameterFinder();
        fragment.Accept(procedure);
        Assert.Multiple(() =>
        {
            Assert.That(procedure.Parameters.Keys, Does.Contain("@SqlcmdPath"), "sanity: the parameters are read");
            Assert.That(procedure.Parameters["@SqlcmdPath"], Is.Null, "@SqlcmdPath has no default: a bare 'sqlcmd' is what schtasks cannot start");
            Assert.That(text, Does.Contain("NOT (@SqlcmdPath LIKE N'[A-Za-z]:\\%' OR @SqlcmdPath LIKE N'\\\\%') OR @SqlcmdPath NOT LIKE N'%_.exe'"),
                "the path is refused unless it is absolute (drive or UNC) and names an .exe");
            Assert.That(text, Does.Contain("N'\"' + @SqlcmdPath + N'\" -E -b'"), "the /TR value starts with the quoted path");
            Assert.That(text, Does.Contain("/TR \"' + REPLACE(t.TaskRun, N'\"', N'\\\"') + N'\"'"), "the /TR value is one quoted argument, inner quotes as \\\"");
            Assert.That(text, Does.Contain("@CmdSpecial nvarchar (20) = N'%[&|<>^%\"]%'"), "the characters cmd.exe acts on are listed");
            foreach (string name in new[] { "@RunAsAccount LIKE @CmdSpecial", "@Server LIKE @CmdSpecial", "@SqlcmdPath LIKE @CmdSpecial", "@Db LIKE @CmdSpecial" })
                Assert.That(text, Does.Contain(name), $"refused: {name}");
        });
    }

    /// <summary>r15 finding 3: woo.usp_RunPipeline's step CATCH releases the Session locks a failed step may leave
    /// (the pipeline lock and the steps' own locks), and a run skipped because its lock is held longer than
    /// RunLimitMinutes raises CPO-PIPELINE-STUCK through woo.usp_RaiseAlert and fails (THROW), instead of returning 0.
    /// The behaviour itself is tSQLt test_Scheduling (runs only on a SQL Server).</summary>
    [Test]
    public void RunPipeline_releases_a_failed_steps_locks_and_reports_a_lock_held_too_long()
    {
        string text = Proc("woo.usp_RunPipeline");
        string stepCatch = Regex.Match(text, @"THROW 50651.*?END CATCH;", RegexOptions.Singleline).Value;
        string skip = Regex.Match(text, @"ErrorCode = 'CPO-PIPELINE-RUNNING'.*?RETURN 0;\s*END;", RegexOptions.Singleline).Value;
        Assert.Multiple(() =>
        {
            Assert.That(stepCatch, Does.Contain("BEGIN CATCH"), "sanity: the step CATCH is found");
            Assert.That(stepCatch, Does.Contain("sys.sp_releaseapplock"), "the step CATCH releases what the step left held");
            foreach (string lockName in new[] { "N'CpOrders.Pipeline'", "N'CpOrders.PushUpdates:'", "N'CpOrders.PushStock:'", "N'CpOrders.ReadCatalog:'", "N'CpOrders.SyncFulfillment'" })
                Assert.That(stepCatch, Does.Contain(lockName), $"the step CATCH releases {lockName}");
            // Every own lock a step procedure takes is one the CATCH knows.
            foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "database", "woo", "Procedures"), "*.sql"))
                foreach (Match m in Regex.Matches(File.ReadAllText(file), @"@StoreLock nvarchar \(255\) = N'(CpOrders\.\w+:)'"))
                    if (Regex.IsMatch(text, @"EXEC woo\." + Regex.Escape(Path.GetFileNameWithoutExtension(file)["woo.".Length..]) + @"\b"))
                        Assert.That(stepCatch, Does.Contain("N'" + m.Groups[1].Value + "'"), $"{Path.GetFileName(file)} takes {m.Groups[1].Value}<store>; the step CATCH must release it");
            Assert.That(skip, Does.Contain("RunLimitMinutes"), "sanity/limit: a skip compares how long the lock is held with RunLimitMinutes");
            Assert.That(skip, Does.Contain("EXEC woo.usp_RaiseAlert @Severity = 'WARNING', @Code = 'CPO-PIPELINE-STUCK'"), "a lock held too long is alerted");
            Assert.That(skip, Does.Contain("THROW 50653"), "a lock held too long fails the job step");
        });
    }

    /// <summary>r15 finding 9: a step or job name longer than the table column raised error 2628 instead of the collected
    /// message; the tables holding the split list are as wide as the parameter.</summary>
    [TestCase("woo.usp_RunPipeline", "@Selected TABLE (Step varchar (400)")]
    [TestCase("woo.usp_InstallJobs", "@Wanted TABLE (JobKey varchar (400)")]
    [TestCase("woo.usp_ScriptTaskScheduler", "@Wanted TABLE (JobKey varchar (400)")]
    public void Split_name_lists_are_as_wide_as_their_parameter(string procedure, string declaration)
    {
        Assert.That(Proc(procedure), Does.Contain(declaration));
    }

    /// <summary>r15 findings 11 and 12: the uninstall script selects by name only CpOrders.&lt;db&gt;.&lt;Title&gt; (a Title has no
    /// dot, so database Shop never selects the jobs of database Shop.Test), drops the database after RESTRICTED_USER (not
    /// SINGLE_USER, whose one connection anyone may take), and prints the schtasks /Delete line of each task.</summary>
    [Test]
    public void Uninstall_script_selects_only_this_databases_jobs_and_drops_under_restricted_user()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "uninstall", "Uninstall.CpOrders.sql"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("NOT LIKE N'%.%'"), "the name rule excludes names with a dot after CpOrders.<db>.");
            Assert.That(text, Does.Contain("SET RESTRICTED_USER WITH ROLLBACK IMMEDIATE"));
            Assert.That(Regex.IsMatch(text, @"^\s*ALTER DATABASE .*SINGLE_USER", RegexOptions.Multiline), Is.False, "no SINGLE_USER before DROP");
            Assert.That(text, Does.Contain("schtasks /Delete /F /TN"), "the task deletions are printed");
            string jobs = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Functions", "woo.fn_JobDefinitions.sql"));
            foreach (Match m in Regex.Matches(jobs, @"\(CONVERT\(varchar \(20\), '\w+'\), CONVERT\(nvarchar \(60\), N'(\w+)'\)|\('\w+', N'(\w+)'"))
            {
                string title = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                Assert.That(text, Does.Contain("(N'" + title + "')"), $"the uninstall prints the schtasks /Delete line of job title {title}");
                Assert.That(title, Does.Not.Contain("."), "a job title has no dot (the uninstall's name rule relies on it)");
            }
        });
    }

    /// <summary>r15 finding 6: the job owner is judged on its real token (EXECUTE AS LOGIN, then sysadmin or CONTROL
    /// SERVER, then REVERT), so a login that is sysadmin through a Windows group or holds CONTROL SERVER is refused.</summary>
    [Test]
    public void Job_owner_is_checked_as_itself_for_sysadmin_and_control_server()
    {
        string text = Proc("woo.usp_InstallJobs");
        string check = Regex.Match(text, @"EXECUTE AS LOGIN = @Owner;.*?REVERT;", RegexOptions.Singleline).Value;
        Assert.That(check, Does.Contain("IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1"));
        Assert.That(text, Does.Contain("OR @OwnerIsAdmin = 1"), "the token's answer refuses the owner");
    }

    private sealed class ProcedureParameterFinder : TSqlFragmentVisitor
    {
        public Dictionary<string, ScalarExpression?> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(CreateProcedureStatement node)
        {
            foreach (ProcedureParameter p in node.Parameters)
                Parameters[p.VariableName.Value] = p.Value;
        }
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
