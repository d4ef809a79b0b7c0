using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.ClrTool.Tests;

public class PreDeployWriterTests
{
    private static ClrAssemblyInfo _assembly = null!;
    private static string _script = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        CheckResult result = Checker.Check(TestAssemblies.Compile("CpOrders.WooClr", Sources.GoodPlus("")), TestAssemblies.ReferenceDirectory);
        Assert.That(result.Ok, Is.True);
        _assembly = result.Assembly!;
        _script = PreDeployWriter.Render(_assembly);
    }

    [Test]
    public void It_carries_the_SHA2_512_and_the_bytes_of_the_assembly()
    {
        byte[] bytes = File.ReadAllBytes(_assembly.Path);
        string hash = "0x" + Convert.ToHexString(SHA512.HashData(bytes));

        Assert.That(_assembly.Sha512Hex, Is.EqualTo(hash));
        Assert.That(_script, Does.Contain($"DECLARE @Bytes varbinary(max) = 0x{Convert.ToHexString(bytes)};"));
        Assert.That(_script, Does.Contain($"EXEC sys.sp_add_trusted_assembly @hash = {hash}, @description = N'{_assembly.ClrName}';"));
        Assert.That(_script, Does.Contain($"IF NOT EXISTS (SELECT 1 FROM sys.trusted_assemblies WHERE [hash] = {hash})"));
        Assert.That(_script, Does.Contain($"-- Assembly: {_assembly.FullName}; {bytes.Length} bytes; SHA2_512 {hash}"));
        Assert.That(_assembly.ClrName, Does.StartWith("cporders.wooclr, version=0.0.0.0, culture=neutral").And.EndWith(", processorarchitecture=msil"));
    }

    [Test]
    public void It_parses_with_the_2017_grammar()
    {
        Assert.That(SqlParsing.Batches(_script), Has.Count.EqualTo(8));
        Assert.That(SqlParsing.Errors(_script), Is.Empty);
    }

    [Test]
    public void It_never_changes_server_settings()
    {
        var tokens = SqlParsing.Tokens(_script).ToList();
        var settingWords = tokens.Where(t => t.Text is { } text && (text.Contains("sp_configure", StringComparison.OrdinalIgnoreCase)
                                          || text.Contains("RECONFIGURE", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.That(settingWords, Is.Not.Empty, "the clr enabled message should tell the DBA the sp_configure command");
        Assert.That(settingWords.Select(t => t.TokenType), Is.All.EqualTo(TSqlTokenType.UnicodeStringLiteral),
            "sp_configure / RECONFIGURE may appear only inside message texts");
        Assert.That(_script, Does.Not.Contain("TRUSTWORTHY").IgnoreCase);
        Assert.That(_script, Does.Not.Contain("ALTER DATABASE").IgnoreCase);
        Assert.That(Regex.Matches(_script, @"\$\(").Select(m => _script.Substring(m.Index, Math.Min(15, _script.Length - m.Index))),
            Is.All.StartsWith("$(DatabaseName)"));
    }

    [Test]
    public void Environment_checks_stop_with_one_message_and_say_what_to_run()
    {
        string a = SqlParsing.Batches(_script)[1];

        Assert.That(a, Does.Contain("SERVERPROPERTY('ProductMajorVersion')").And.Contain("CpOrders needs SQL Server 2017 or later"));
        Assert.That(a, Does.Contain("@EngineEdition = 5").And.Contain("@EngineEdition = 8").And.Contain("@EngineEdition = 9"));
        Assert.That(a, Does.Contain("sys.dm_os_host_info").And.Contain("DB_ID(N'rdsadmin')"));
        Assert.That(a, Does.Contain("name = N'clr enabled'").And.Contain("EXEC sp_configure ''clr enabled'', 1; RECONFIGURE;"));
        Assert.That(a, Does.Contain("IS_SRVROLEMEMBER(N'sysadmin')").And.Contain("@EngineEdition = 4"));
        Assert.That(a, Does.Contain("THROW 50000, @Message, 1;"));
        Assert.That(Regex.Matches(a, @"THROW|RAISERROR\([^;]*, 1[6-9],").Count, Is.EqualTo(1), "all problems are raised together, once");
    }

    [Test]
    public void Environment_checks_need_EXTERNAL_ACCESS_ASSEMBLY_and_the_database_permission_for_a_new_build()
    {
        // A non-sysadmin whose new hash a sysadmin trusted beforehand would pass the trust check, then fail at
        // CREATE/ALTER ASSEMBLY ... EXTERNAL_ACCESS: the checks must stop first, listing the missing server permission.
        string a = SqlParsing.Batches(_script)[1];
        Assert.That(a, Does.Contain("IF @SameAssembly = 0 AND HAS_PERMS_BY_NAME(NULL, NULL, N'EXTERNAL ACCESS ASSEMBLY') = 0"));
        Assert.That(a, Does.Contain("needs the server permission EXTERNAL ACCESS ASSEMBLY").And.Contain("GRANT EXTERNAL ACCESS ASSEMBLY TO"));
        Assert.That(a, Does.Contain("HAS_PERMS_BY_NAME(QUOTENAME(DB_NAME()), N'DATABASE', N'CREATE ASSEMBLY')")
            .And.Contain("HAS_PERMS_BY_NAME(QUOTENAME(N'CpOrders.WooClr'), N'ASSEMBLY', N'ALTER')"));
        Assert.That(a, Does.Contain("DB_NAME() = N'$(DatabaseName)'"), "database permissions only in the target database, not in master before CREATE DATABASE");
        int problem = a.IndexOf("EXTERNAL ACCESS ASSEMBLY", StringComparison.Ordinal);
        Assert.That(problem, Is.LessThan(a.IndexOf("IF EXISTS (SELECT 1 FROM @Problems)", StringComparison.Ordinal)), "collected before the one THROW");
    }

    [Test]
    public void ALTER_ASSEMBLY_names_the_permission_set_only_when_it_changes()
    {
        string d = SqlParsing.Batches(_script).Single(b => b.Contains("-- d. Assembly", StringComparison.Ordinal));
        Assert.That(Regex.Replace(d, @"\s+", " "), Does.Contain(
            "IF @PermissionSet = N'EXTERNAL_ACCESS' ALTER ASSEMBLY [CpOrders.WooClr] FROM @Bytes; ELSE ALTER ASSEMBLY [CpOrders.WooClr] FROM @Bytes WITH PERMISSION_SET = EXTERNAL_ACCESS;"));
        Assert.That(Regex.Matches(d, @"ALTER ASSEMBLY \[CpOrders\.WooClr\] FROM @Bytes WITH PERMISSION_SET").Count, Is.EqualTo(1));
    }

    [Test]
    public void Sections_come_in_order_trust_before_assembly_before_wrappers()
    {
        string[] markers =
        [
            "-- a. Environment", "-- b. Schema [wooclr]", "-- c. Trust:", "-- d. Assembly [CpOrders.WooClr]",
            "-- e. CLR wrappers in [wooclr]", "-- f. Trust entries of older builds", "-- g. Summary",
        ];
        var positions = markers.Select(m => _script.IndexOf(m, StringComparison.Ordinal)).ToList();

        Assert.That(positions, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(positions, Is.Ordered);
        Assert.That(_script.IndexOf("IF SCHEMA_ID(N'wooclr') IS NULL", StringComparison.Ordinal), Is.GreaterThan(positions[1]));
        Assert.That(_script.IndexOf("sys.sp_add_trusted_assembly @hash", positions[2], StringComparison.Ordinal),
            Is.LessThan(_script.IndexOf("CREATE ASSEMBLY [CpOrders.WooClr] AUTHORIZATION [dbo] FROM @Bytes WITH PERMISSION_SET = EXTERNAL_ACCESS;", StringComparison.Ordinal)));
        Assert.That(_script, Does.Contain("ALTER ASSEMBLY [CpOrders.WooClr] FROM @Bytes WITH PERMISSION_SET = EXTERNAL_ACCESS;"));
        Assert.That(_script, Does.Contain("ALTER ASSEMBLY [CpOrders.WooClr] WITH PERMISSION_SET = EXTERNAL_ACCESS;"));
        Assert.That(_script, Does.Contain("no changes"));
    }

    [Test]
    public void Each_wrapper_is_declared_with_the_fingerprint_of_its_CREATE_text()
    {
        foreach (SqlObject sqlObject in SqlSurface.Build(_assembly))
        {
            string create = PreDeployWriter.CreateWrapper(sqlObject, "CpOrders.WooClr");
            string fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(create)));

            Assert.That(_script, Does.Contain($"(N'{sqlObject.Name}', N'{sqlObject.TypeWord}', N'{fingerprint}', N'{create.Replace("'", "''")}')"));
            Assert.That(SqlParsing.Errors(create), Is.Empty, create);
        }
        Assert.That(PreDeployWriter.CreateWrapper(SqlSurface.Build(_assembly).Single(o => o.Name == "Lines"), "CpOrders.WooClr"), Is.EqualTo(
            "CREATE FUNCTION [wooclr].[Lines] (@json nvarchar(4000)) RETURNS TABLE ([line_no] int, [sku code] nvarchar(100), [qty] decimal(19,4), [at] datetime2, [ok] bit) " +
            "AS EXTERNAL NAME [CpOrders.WooClr].[Test.Clr.Good].[Lines] /* CLR: System.Collections.IEnumerable Lines(SqlString); " +
            "FillRow: System.Void FillLine(System.Object, out SqlInt32, out SqlString, out SqlDecimal, out DateTime?, out SqlBoolean) */"));
        Assert.That(PreDeployWriter.CreateWrapper(SqlSurface.Build(_assembly).Single(o => o.Name == "PostNote"), "CpOrders.WooClr"), Is.EqualTo(
            "CREATE PROCEDURE [wooclr].[PostNote] @url nvarchar(400), @status int OUTPUT, @note nvarchar(max) OUTPUT " +
            "AS EXTERNAL NAME [CpOrders.WooClr].[Test.Clr.Good].[PostNote] /* CLR: SqlInt32 PostNote(SqlString, out SqlInt32, ref SqlString) */"));
        Assert.That(_script, Does.Contain("@level0type = N'SCHEMA', @level0name = N'wooclr', @level1type = @TypeWord, @level1name = @Name"));
    }

    [Test]
    public void Old_trust_entries_are_dropped_only_when_no_online_database_uses_them()
    {
        string f = SqlParsing.Batches(_script)[6];

        Assert.That(f, Does.Contain("[description] LIKE N'cporders.wooclr,%' AND [hash] <> " + _assembly.Sha512Hex));
        Assert.That(f, Does.Contain("state_desc").And.Contain(".sys.assembly_files").And.Contain("sys.sp_executesql"));
        Assert.That(f.IndexOf("IF @Unchecked <> N''", StringComparison.Ordinal), Is.LessThan(f.IndexOf("EXEC sys.sp_drop_trusted_assembly", StringComparison.Ordinal)));
    }

    [Test]
    public void The_script_is_deterministic_and_rewritten_only_when_it_changes()
    {
        string path = Path.Combine(TestAssemblies.NewDirectory(), "predeploy.clr.sql");

        Assert.That(PreDeployWriter.Render(_assembly), Is.EqualTo(_script));
        Assert.That(PreDeployWriter.Write(_assembly, path), Is.True);
        Assert.That(PreDeployWriter.Write(_assembly, path), Is.False);
    }

    [Test]
    public void A_new_FillRow_method_changes_the_table_function_fingerprint_and_nothing_else()
    {
        // ALTER ASSEMBLY cannot rebind a table function to another FillRow method: the wrapper must be dropped and created
        // again, so the FillRow method is part of the fingerprint even though the CREATE declaration is the same.
        string[] renamed = Sources.GoodPlus("").Select(src => src.Replace("FillLine", "FillLineV2", StringComparison.Ordinal)).ToArray();
        CheckResult other = Checker.Check(TestAssemblies.Compile("CpOrders.WooClr", renamed), TestAssemblies.ReferenceDirectory);
        Assert.That(other.Ok, Is.True);
        SqlObject before = SqlSurface.Build(_assembly).Single(o => o.Name == "Lines");
        SqlObject after = SqlSurface.Build(other.Assembly!).Single(o => o.Name == "Lines");
        string createBefore = PreDeployWriter.CreateWrapper(before, "CpOrders.WooClr");
        string createAfter = PreDeployWriter.CreateWrapper(after, "CpOrders.WooClr");

        Assert.That(after.CreateHead(), Is.EqualTo(before.CreateHead()), "same T-SQL declaration");
        Assert.That(createAfter, Does.Contain("FillRow: System.Void FillLineV2("));
        Assert.That(PreDeployWriter.Fingerprint(createAfter), Is.Not.EqualTo(PreDeployWriter.Fingerprint(createBefore)));
        foreach (string name in new[] { "Echo", "PostNote" })
            Assert.That(PreDeployWriter.CreateWrapper(SqlSurface.Build(other.Assembly!).Single(o => o.Name == name), "CpOrders.WooClr"),
                Is.EqualTo(PreDeployWriter.CreateWrapper(SqlSurface.Build(_assembly).Single(o => o.Name == name), "CpOrders.WooClr")),
                $"{name} has no FillRow: its fingerprint must not change");
    }

    [Test]
    public void Dropping_changed_wrappers_and_ALTER_ASSEMBLY_run_in_one_transaction_that_rolls_back_on_error()
    {
        string d = SqlParsing.Batches(_script)[4];
        var parsed = (TSqlScript)new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(d), out IList<ParseError> errors);
        Assert.That(errors, Is.Empty);
        var statements = new StatementCollector();
        parsed.Accept(statements);
        int Offset<T>(Func<T, bool>? where = null) where T : TSqlStatement =>
            statements.All.OfType<T>().Where(x => where == null || where(x)).Select(x => x.StartOffset).DefaultIfEmpty(-1).Single();
        string Text(TSqlFragment f) => d.Substring(f.StartOffset, f.FragmentLength);

        int xactAbort = Offset<PredicateSetStatement>(x => x.Options.HasFlag(SetOptions.XactAbort) && x.IsOn);
        int begin = Offset<BeginTransactionStatement>();
        int dropLoop = Offset<ExecuteStatement>(x => Text(x).Contains("@Sql", StringComparison.Ordinal));
        // Two ALTER ASSEMBLY ... FROM (with PERMISSION_SET only when it changes): both inside the transaction.
        var alters = statements.All.OfType<AlterAssemblyStatement>().Where(x => x.Parameters.Count > 0).Select(x => x.StartOffset).ToList();
        Assert.That(alters, Has.Count.EqualTo(2));
        int alter = alters.Min();
        int commit = Offset<CommitTransactionStatement>();
        var tryCatch = statements.All.OfType<TryCatchStatement>().Single();
        int rollback = Offset<RollbackTransactionStatement>();
        int rethrow = Offset<ThrowStatement>(x => x.StartOffset > tryCatch.CatchStatements.StartOffset);

        int[] order = [xactAbort, begin, dropLoop, alter, commit];
        Assert.That(order, Is.All.GreaterThanOrEqualTo(0), "SET XACT_ABORT ON, BEGIN TRANSACTION, the drops, ALTER ASSEMBLY ... FROM, COMMIT");
        Assert.That(order, Is.Ordered, "SET XACT_ABORT ON, BEGIN TRANSACTION, the drops, ALTER ASSEMBLY ... FROM, COMMIT");
        Assert.That(alters.Max(), Is.LessThan(commit), "both ALTER ASSEMBLY ... FROM before COMMIT");
        Assert.That(begin, Is.GreaterThan(tryCatch.TryStatements.StartOffset), "the transaction is inside TRY");
        Assert.That(commit, Is.LessThan(tryCatch.CatchStatements.StartOffset));
        Assert.That(rollback, Is.GreaterThan(tryCatch.CatchStatements.StartOffset).And.LessThan(rethrow), "CATCH rolls back, then raises");
        Assert.That(Text(statements.All.OfType<IfStatement>().Single(i => i.StartOffset < rollback && rollback < i.StartOffset + i.FragmentLength)),
            Does.Contain("@@TRANCOUNT > 0"));
        Assert.That(d, Does.Contain("the old assembly and all its wrappers are unchanged"));
        Assert.That(Offset<PredicateSetStatement>(x => x.Options.HasFlag(SetOptions.XactAbort) && !x.IsOn), Is.GreaterThan(tryCatch.StartOffset + tryCatch.FragmentLength),
            "the session's XACT_ABORT setting is restored after the TRY/CATCH");
    }

    [Test]
    public void Every_line_it_prints_has_the_prefix_and_a_run_without_changes_prints_one_no_changes_line()
    {
        var messages = new List<string>();
        foreach (string batch in SqlParsing.Batches(_script))
        {
            var parsed = (TSqlScript)new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out _);
            var statements = new StatementCollector();
            parsed.Accept(statements);
            foreach (TSqlStatement st in statements.All)
            {
                if (st is RaiseErrorStatement r)
                {
                    Assert.That(r.SecondParameter, Is.InstanceOf<IntegerLiteral>());
                    Assert.That(int.Parse(((IntegerLiteral)r.SecondParameter).Value), Is.LessThan(11), "only progress messages; errors use THROW");
                    messages.Add(((StringLiteral)r.FirstParameter).Value);
                }
                else if (st is PrintStatement p)
                    messages.Add(p.Expression is StringLiteral l ? l.Value : "(expression)");
            }
        }
        Assert.That(messages, Is.Not.Empty);
        Assert.That(messages, Has.All.StartsWith(PreDeployWriter.Prefix), "every printed line carries the CLR step's prefix");
        var noChanges = messages.Where(m => m.Contains("no changes", StringComparison.Ordinal)).ToList();
        Assert.That(noChanges, Has.Count.EqualTo(1));
        Assert.That(Regex.IsMatch(noChanges[0].Replace("%s", "assembly x; SQL Server 14.0, Developer Edition", StringComparison.Ordinal),
            "^" + PreDeployWriter.NoChangesLine + "$"), Is.True, noChanges[0]);
        // What may print on a run that changes nothing: the summary. Every other line is an action, a problem (the deploy
        // stops), or the summary with changes; each such line sits in a branch that also records an action or throws.
        var others = messages.Except(noChanges).ToList();
        Assert.That(others, Has.All.Matches<string>(m => m.Contains("PROBLEM", StringComparison.Ordinal) || m.Contains("change(s)", StringComparison.Ordinal)
            || m == PreDeployWriter.Prefix + ": %s." || Regex.IsMatch(m, @": (created|added|replaced|set|dropped|recreated) ")), string.Join("\n", others));
        Assert.That(Regex.Matches(_script, @"RAISERROR\(N'CpOrders pre-deploy: CLR: %s\.', 10, 1, @Message\)").Count,
            Is.EqualTo(Regex.Matches(_script, @"INSERT INTO #CpOrdersClrLog \(Kind, Message\) VALUES \(N'action', @Message\);").Count),
            "every '%s' line prints an action that was logged");
    }

    [Test]
    public void A_login_without_sysadmin_can_deploy_when_the_assembly_is_unchanged()
    {
        string a = SqlParsing.Batches(_script)[1];
        string c = SqlParsing.Batches(_script)[3];

        Assert.That(a, Does.Contain($"WHERE sa.name = N'{_assembly.SimpleName}' AND HASHBYTES('SHA2_512', sf.content) = {_assembly.Sha512Hex}"));
        Assert.That(a, Does.Contain("IF @Major >= 14 AND @Trusted = 0 AND @CanTrust = 0 AND @SameAssembly = 0"),
            "'needs sysadmin' is a problem only when the assembly must be created or changed");
        int guard = c.IndexOf("IF IS_SRVROLEMEMBER(N'sysadmin') = 1 OR HAS_PERMS_BY_NAME(NULL, NULL, N'CONTROL SERVER') = 1", StringComparison.Ordinal);
        Assert.That(guard, Is.GreaterThan(0));
        Assert.That(c.IndexOf("EXEC sys.sp_add_trusted_assembly", StringComparison.Ordinal), Is.GreaterThan(guard), "only a login that may add the entry tries");
        Assert.That(c, Does.Contain("N'the trust entry of this build is missing or not visible").And.Contain("VALUES (N'note', @TrustNote)"));
        // sys.trusted_assemblies is read only by a login allowed to (VIEW SERVER STATE, CONTROL SERVER or sysadmin).
        foreach (string batch in SqlParsing.Batches(_script))
            foreach (Match m in Regex.Matches(batch, @"FROM sys\.trusted_assemblies"))
                Assert.That(batch[..m.Index], Does.Contain("HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') = 1"), batch[..Math.Min(120, batch.Length)]);
    }

    private sealed class StatementCollector : TSqlFragmentVisitor
    {
        public List<TSqlStatement> All { get; } = new();
        public override void Visit(TSqlStatement node) => All.Add(node);
    }
}
