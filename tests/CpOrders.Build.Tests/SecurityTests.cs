using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 12's security boundaries, checked on the sources and on the generated deploy script (design 1, 8). What only a
/// SQL Server can prove runs as tSQLt (test_AsJobLogin, test_CheckInstall) and is reported as skipped here.
/// </summary>
[TestFixture]
public class SecurityTests
{
    private static readonly string[] Roles = { "CpOrdersJob", "CpOrdersOperator" };

    private static string DeployScript
    {
        get
        {
            string path = Path.Combine(Repo.Artifacts, "CpOrders.deploy.sql");
            Assert.That(File.Exists(path), Is.True, $"{path} is missing: build the solution first (README)");
            return File.ReadAllText(path);
        }
    }

    private static string Source(params string[] parts) => File.ReadAllText(Path.Combine(new[] { Repo.Root }.Concat(parts).ToArray()));

    private static IEnumerable<string> ModelFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Scripts" + Path.DirectorySeparatorChar));

    private static TSqlFragment Parse(string text, string what)
    {
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        // SQLCMD variables are not T-SQL; a placeholder keeps the text parseable.
        string sql = string.Join("\nGO\n", SqlTokens.Batches(text.Replace("$(", "_sqlcmd_(")));
        sql = Regex.Replace(sql, @"_sqlcmd_\((\w+)\)", "SQLCMD_$1");
        TSqlFragment fragment = parser.Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"{what} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        return fragment;
    }

    [Test]
    public void Schema_wooclr_is_owned_by_dbo_and_denied_to_public()
    {
        string script = DeployScript;
        Assert.Multiple(() =>
        {
            // Ownership chaining from the dbo-owned woo modules needs dbo to own the wrappers (through the schema).
            Assert.That(script.Contains("CREATE SCHEMA [wooclr] AUTHORIZATION [dbo]", StringComparison.Ordinal), Is.True, "deploy script lacks: " + "CREATE SCHEMA [wooclr] AUTHORIZATION [dbo]");
            Assert.That(Regex.IsMatch(script, @"ALTER\s+AUTHORIZATION\s+ON\s+(SCHEMA::)?\[?wooclr", RegexOptions.IgnoreCase), Is.False);
            foreach (string permission in new[] { "EXECUTE", "SELECT" })
                Assert.That(Regex.IsMatch(script, $@"DENY\s+{permission}\s+ON\s+SCHEMA::\[wooclr\]\s+TO\s+PUBLIC", RegexOptions.IgnoreCase), Is.True,
                    $"the deploy script must DENY {permission} on schema wooclr to public");
            Assert.That(Regex.IsMatch(script, @"GRANT\s+[^;]*ON\s+SCHEMA::\[wooclr\]", RegexOptions.IgnoreCase), Is.False, "nothing is granted on wooclr");
        });
    }

    /// <summary>
    /// The queue's internal upsert: a caller granted it could hand it rows as if pulled (@Source = 'PULL'), so no role
    /// may execute it; woo.usp_PullOrders and woo.usp_StageOrderJson reach it by ownership chaining (review of issue 13, MINOR 14).
    /// </summary>
    private static readonly string[] InternalQueueProcedures = { "woo.usp_UpsertOrders" };

    /// <summary>
    /// The processor's steps: each could advance Counterpoint's counters, read any customer or write any plan for its
    /// caller, so no role may execute them; woo.usp_ProcessStagedOrders and the dbo entry points reach them by ownership
    /// chaining (all owned by dbo).
    /// </summary>
    private static readonly string[] InternalProcedures =
    {
        "woo.usp_ResolveCustomer", "woo.usp_GatherPlanInput", "woo.usp_TakeDocumentNumbers", "woo.usp_WriteOrderDocument",
        "woo.usp_RaiseAlert", "woo.usp_SendAlertMail", "woo.usp_LogStepFailure",
        "woo.usp_EnqueueAfterCreate", "woo.usp_SetMessageStateByOperator",
        "woo.usp_GatherReconcileDocs",
        "woo.usp_ReadFulfillment", "woo.usp_ReadFulfillmentHistory",
        // The order write transports: reached from woo.usp_PushUpdates by ownership chaining only (review r15, 11).
        "woo.usp_WooUpdateOrder", "woo.usp_WooBatchUpdateOrders", "woo.usp_WooAddOrderNote", "woo.usp_WooListOrderNotes",
    };

    /// <summary>
    /// Procedures for a DBA only, granted to no role: the SQL Agent job installer and uninstaller need sysadmin (only a
    /// sysadmin may make another login own a job or delete it), and the Task Scheduler script is part of the same
    /// installation task. A role holding them would gain nothing it could use and would read as if it could.
    /// </summary>
    private static readonly string[] DbaProcedures = { "woo.usp_InstallJobs", "woo.usp_UninstallJobs", "woo.usp_ScriptTaskScheduler" };

    [Test]
    public void Every_procedure_in_woo_and_dbo_is_granted_to_a_CpOrders_role_in_one_place()
    {
        var procedures = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in ModelFiles())
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"CREATE\s+PROCEDURE\s+\[?(woo|dbo)\]?\.\[?([\w]+)\]?", RegexOptions.IgnoreCase))
                procedures.Add($"{m.Groups[1].Value}.{m.Groups[2].Value}");
        Assert.That(procedures, Is.Not.Empty, "sanity: the model has procedures");
        Assert.That(procedures, Is.SupersetOf(InternalProcedures), "sanity: the internal procedures exist");

        var granted = new List<(string Object, string Role)>();
        foreach (string file in ModelFiles())
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"GRANT\s+EXECUTE\s+ON\s+OBJECT::\[(\w+)\]\.\[(\w+)\]\s+TO\s+\[?(\w+)\]?", RegexOptions.IgnoreCase))
            {
                Assert.That(Path.GetFileName(file), Is.EqualTo("Permissions.sql"), $"grants live in database/Security/Permissions.sql only, not in {file}");
                granted.Add(($"{m.Groups[1].Value}.{m.Groups[2].Value}", m.Groups[3].Value));
            }
        string permissions = Source("database", "Security", "Permissions.sql");
        Assert.Multiple(() =>
        {
            foreach (string procedure in procedures.Where(p => !InternalQueueProcedures.Contains(p, StringComparer.OrdinalIgnoreCase)
                                                               && !InternalProcedures.Contains(p, StringComparer.OrdinalIgnoreCase)
                                                               && !DbaProcedures.Contains(p, StringComparer.OrdinalIgnoreCase)))
                Assert.That(granted.Any(g => g.Object.Equals(procedure, StringComparison.OrdinalIgnoreCase) && Roles.Contains(g.Role)), Is.True,
                    $"{procedure} is granted EXECUTE to no CpOrders role in database/Security/Permissions.sql");
            foreach ((string obj, string role) in granted)
            {
                Assert.That(procedures, Does.Contain(obj), $"Permissions.sql grants EXECUTE on {obj}, which is not a woo/dbo procedure");
                Assert.That(Roles, Does.Contain(role), $"EXECUTE on {obj} is granted to {role}, not to a CpOrders role");
            }
            Assert.That(Regex.IsMatch(permissions, @"GRANT\s+[^;]*TO\s+\[?public\]?", RegexOptions.IgnoreCase), Is.False, "nothing is granted to public");
            foreach (string role in Roles)
                Assert.That(File.Exists(Path.Combine(Repo.Root, "database", "Security", "Roles", role + ".sql")), Is.True, $"role {role}");
            foreach (string procedure in InternalQueueProcedures)
            {
                Assert.That(procedures, Does.Contain(procedure), "sanity: the internal procedure exists");
                Assert.That(granted.Where(g => g.Object.Equals(procedure, StringComparison.OrdinalIgnoreCase)), Is.Empty,
                    $"{procedure} is internal to the queue and must be granted to no role");
            }
            // The processor's steps are granted to nobody (review of issue 13, MAJOR 2): reached by ownership chaining only.
            foreach (string procedure in InternalProcedures)
                Assert.That(granted.Where(g => g.Object.Equals(procedure, StringComparison.OrdinalIgnoreCase)), Is.Empty,
                    $"{procedure} is internal to the processor and must be granted to no role");
            // The DBA's procedures exist and are granted to nobody.
            foreach (string procedure in DbaProcedures)
            {
                Assert.That(procedures, Does.Contain(procedure), "sanity: the DBA procedure exists");
                Assert.That(granted.Where(g => g.Object.Equals(procedure, StringComparison.OrdinalIgnoreCase)), Is.Empty,
                    $"{procedure} is for a DBA (sysadmin) and must be granted to no role");
            }
            // The jobs run the pipeline entry point as the job login.
            Assert.That(granted, Does.Contain(("woo.usp_RunPipeline", "CpOrdersJob")), "the job role executes woo.usp_RunPipeline");
            // The job role cannot run the operator's recovery procedure.
            Assert.That(granted, Does.Not.Contain(("woo.usp_RestoreJobsAfterDeploy", "CpOrdersJob")));
        });
    }

    /// <summary>
    /// Publishing never revokes a grant the source no longer has (DropPermissionsNotInSource=False): post-deploy step
    /// 45 revokes EXECUTE on exactly the procedures no role may hold, so an upgraded database loses an earlier grant
    /// (final review of issue 15: the order transports were granted to the job role before). Fails when a procedure is
    /// made internal here but not revoked there, or the other way round.
    /// </summary>
    [Test]
    public void Post_deploy_revokes_exactly_the_procedures_no_role_may_execute()
    {
        string script = Source("database", "Scripts", "PostDeploy", "45.RevokeInternal.sql");
        var revoked = Regex.Matches(script, @"\(N'(\w+)', N'(\w+)'\)").Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}")
                           .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var noRole = InternalQueueProcedures.Concat(InternalProcedures).Concat(DbaProcedures).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Multiple(() =>
        {
            Assert.That(revoked, Is.EquivalentTo(noRole), "45.RevokeInternal.sql lists exactly the internal and DBA-only procedures");
            Assert.That(Source("database", "Scripts", "PostDeploy.sql"), Does.Contain(":r ./PostDeploy/45.RevokeInternal.sql"), "post-deploy runs it");
        });
    }

    [Test]
    public void Signing_certificate_is_new_per_signature_set_and_loses_its_private_key()
    {
        string postDeploy = Source("database", "Scripts", "PostDeploy", "20.CounterpointAccess.sql");
        string script = DeployScript;
        Assert.Multiple(() =>
        {
            Assert.That(script.Contains(postDeploy.Trim().Split('\n')[0].Trim(), StringComparison.Ordinal), Is.True, "the deploy script carries the signing step");
            int sign = postDeploy.IndexOf("N'ADD SIGNATURE TO '", StringComparison.Ordinal);
            int remove = postDeploy.IndexOf("N' REMOVE PRIVATE KEY;'", StringComparison.Ordinal);
            Assert.That(sign, Is.GreaterThan(0), "post-deploy signs");
            Assert.That(remove, Is.GreaterThan(sign), "the private key is removed after signing");
            // Signing only ever uses the certificate made in the same run, whose key is removed in that run.
            Assert.That(Regex.Matches(postDeploy, @"ADD SIGNATURE TO '\s*\+\s*@Name\s*\+\s*N' BY CERTIFICATE '\s*\+\s*QUOTENAME\((@\w+)\)")
                .Select(m => m.Groups[1].Value).Distinct(), Is.EqualTo(new[] { "@New" }));
            Assert.That(postDeploy, Does.Contain("N'ALTER CERTIFICATE ' + QUOTENAME(@New) + N' REMOVE PRIVATE KEY;'"));
            // A fixed-name signer that keeps its key (the old design) is gone from the whole deploy script.
            Assert.That(script.Contains("CREATE CERTIFICATE [CpOrdersCounterpointSigner]", StringComparison.Ordinal), Is.False, "deploy script still has: " + "CREATE CERTIFICATE [CpOrdersCounterpointSigner]");
            // Reuse is decided by the signatures in force.
            Assert.That(postDeploy, Does.Contain("IS_OBJECTSIGNED(N'OBJECT'"));
            Assert.That(postDeploy, Does.Contain("pvt_key_encryption_type = 'NA'"));
            // The stamp is taken once (two SYSUTCDATETIME() calls may straddle a second).
            Assert.That(Regex.Matches(postDeploy, @"SYSUTCDATETIME\(\)").Count, Is.EqualTo(1), "SYSUTCDATETIME() is read once for the stamp");
        });
    }

    [Test]
    public void Post_deploy_and_modules_stop_with_THROW_never_with_a_RAISERROR_that_lets_the_batch_go_on()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "database", "Scripts", "PostDeploy"), "*.sql").Concat(ModelFiles()).ToList();
        var offenders = new List<string>();
        foreach (string file in files)
        {
            var finder = new RaiseErrorFinder();
            Parse(File.ReadAllText(file), file).Accept(finder);
            offenders.AddRange(finder.Severe.Select(line => $"{Path.GetFileName(file)}:{line}"));
        }
        Assert.That(offenders, Is.Empty, "RAISERROR with severity 11 or more lets a batch go on; use THROW");
    }

    [Test]
    public void Every_post_deploy_step_prints_its_no_changes_line()
    {
        string script = DeployScript;
        // The security steps by name; DeployTests.Every_step_prints_its_own_no_changes_line covers every step's shape.
        foreach (string step in new[] { "master key and certificates", "signatures and Counterpoint access", "secret key" })
            Assert.That(script.Contains($"CpOrders post-deploy: {step}: no changes.", StringComparison.Ordinal), Is.True, step);
    }

    [Test]
    public void Health_check_is_written_for_the_least_privileged_caller()
    {
        string text = Source("database", "woo", "Procedures", "woo.usp_CheckInstall.sql");
        var columns = new ColumnFinder();
        Parse(text, "woo.usp_CheckInstall").Accept(columns);
        Assert.Multiple(() =>
        {
            Assert.That(columns.Detail, Is.Not.Empty, "sanity: the check table has a Detail column");
            Assert.That(columns.Detail, Has.All.EqualTo("max"), "detail texts are nvarchar(max): a CLR error message can be long");
            Assert.That(text, Does.Contain("IS_OBJECTSIGNED(N'OBJECT'"), "signatures are checked with IS_OBJECTSIGNED");
            Assert.That(text, Does.Contain("HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE')"));
            int gate = text.IndexOf("IF @ServerState = 0", StringComparison.Ordinal);
            int trusted = text.IndexOf("FROM sys.trusted_assemblies", StringComparison.Ordinal);
            Assert.That(gate, Is.GreaterThan(0).And.LessThan(trusted), "sys.trusted_assemblies is read only where VIEW SERVER STATE is held");
            Assert.That(text, Does.Contain("not checked: needs VIEW SERVER STATE"));
            Assert.That(text, Does.Contain("woo.CounterpointGrant"), "the certificate user's grants are compared with the derived list");
            Assert.That(text, Does.Contain("LEFT(N'CPO-INSTALL: ' + @Failed, 2048)"), "THROW's message is at most 2,048 characters");
        });
    }

    [Test]
    public void Deploy_and_health_check_warn_when_the_master_key_has_no_password_of_the_DBAs()
    {
        string script = DeployScript;
        string check = Source("database", "woo", "Procedures", "woo.usp_CheckInstall.sql");
        Assert.Multiple(() =>
        {
            Assert.That(script.Contains("CpOrders post-deploy: WARNING: CPO-MASTERKEY-NOPASSWORD", StringComparison.Ordinal), Is.True, "deploy script lacks: " + "CpOrders post-deploy: WARNING: CPO-MASTERKEY-NOPASSWORD");
            Assert.That(script.Contains("ke.crypt_type = 'ESKP'", StringComparison.Ordinal), Is.True, "deploy script lacks: " + "ke.crypt_type = 'ESKP'");
            Assert.That(check, Does.Contain("ke.crypt_type = 'ESKP'"));
            Assert.That(check, Does.Contain("CPO-MASTERKEY-NOPASSWORD"));
        });
    }

    private static string PostDeploySigning => Source("database", "Scripts", "PostDeploy", "20.CounterpointAccess.sql");
    private static string CheckInstall => Source("database", "woo", "Procedures", "woo.usp_CheckInstall.sql");

    private static IEnumerable<string> TSqltFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "tests", "tSQLt"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains("tSQLt.Stub") && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                     && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar));

    // Review, HIGH: a db_owner of CpOrders can create CpOrdersCounterpointSigner_99991231235959; a signer picked by the
    // highest name would be adopted. Counterpoint is the anchor: the certificate the user CpOrders_<db> is made from.
    [Test]
    public void Signer_is_anchored_in_Counterpoint_never_picked_by_name()
    {
        var offenders = new List<string>();
        var files = new[] { Path.Combine(Repo.Root, "database", "Scripts", "PostDeploy", "20.CounterpointAccess.sql"),
                            Path.Combine(Repo.Root, "database", "woo", "Procedures", "woo.usp_CheckInstall.sql") }.Concat(TSqltFiles());
        foreach (string file in files)
        {
            var finder = new CertificatePickFinder();
            Parse(File.ReadAllText(file), file).Accept(finder);
            offenders.AddRange(finder.Lines.Select(line => $"{Path.GetFileName(file)}:{line}"));
        }
        // The Counterpoint catalog query that yields the anchor: the certificate whose SID is the user's.
        var anchorQuery = new Regex(@"FROM sys\.database_principals AS (\w+)\s+(LEFT )?JOIN sys\.certificates AS (\w+) ON ([^;]*\b\3\.sid = \1\.sid)", RegexOptions.IgnoreCase);
        string signing = PostDeploySigning, check = CheckInstall;
        Assert.Multiple(() =>
        {
            Assert.That(offenders, Is.Empty, "a SELECT over sys.certificates with TOP or ORDER BY picks a certificate by name; use the thumbprint anchored in Counterpoint");
            Assert.That(anchorQuery.IsMatch(signing), Is.True, "post-deploy reads the anchor (user -> certificate by SID) in Counterpoint");
            Assert.That(anchorQuery.IsMatch(check), Is.True, "the health check reads the same anchor");
            Assert.That(signing, Does.Contain("WHERE c.thumbprint = @AnchorThumb"), "post-deploy's current signer is the anchored one");
            Assert.That(check, Does.Contain("WHERE c.thumbprint = @AnchorThumb"), "the health check's signer is the anchored one");
            Assert.That(check, Does.Contain("Not checked: that ' + @Signer + N' is the certificate user"), "without Counterpoint's catalog the check says what it did not check");
            // A renamed CpOrders database: the certificate is mapped to the old user name; stop with a CPO- message.
            Assert.That(signing, Does.Contain("THROW 50026"));
            Assert.That(signing, Does.Contain("CPO-DEPLOY-RENAMED"));
        });
    }

    // Review, HIGH: between CREATE CERTIFICATE and REMOVE PRIVATE KEY a master-key protected key can be exported with
    // CERTPRIVATEKEY by any db_owner. The new key is protected by a random password that lives only in a variable.
    [Test]
    public void New_signing_key_is_protected_by_a_password_held_only_in_a_variable_until_it_is_removed()
    {
        string text = PostDeploySigning;
        var uses = new PasswordUseFinder("@CertPassword", "@KeySql");
        Parse(text, "20.CounterpointAccess").Accept(uses);
        int create = text.IndexOf("N' ENCRYPTION BY PASSWORD = ' + QUOTENAME(@CertPassword, N'''')", StringComparison.Ordinal);
        int sign = text.IndexOf("N' WITH PASSWORD = ' + QUOTENAME(@CertPassword, N'''')", StringComparison.Ordinal);
        int cleared = text.IndexOf("SET @CertPassword = NULL;", StringComparison.Ordinal);
        int remove = text.IndexOf("N' REMOVE PRIVATE KEY;'", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(Regex.IsMatch(text, @"DECLARE @CertPassword nvarchar\(\d+\) = CONVERT\(nvarchar\(\d+\), CRYPT_GEN_RANDOM\(\d+\), 2\)"), Is.True,
                "the password comes from CRYPT_GEN_RANDOM");
            Assert.That(create, Is.GreaterThan(0), "CREATE CERTIFICATE ... ENCRYPTION BY PASSWORD = the random password");
            Assert.That(text, Does.Contain("DECLARE @KeySql nvarchar(max) = N'CREATE CERTIFICATE ' + QUOTENAME(@New) + N' ENCRYPTION BY PASSWORD"));
            Assert.That(sign, Is.GreaterThan(create), "ADD SIGNATURE ... WITH PASSWORD = the same password");
            Assert.That(cleared, Is.GreaterThan(sign), "the password variable is cleared after signing");
            Assert.That(remove, Is.GreaterThan(cleared), "and before the private key is removed");
            Assert.That(uses.Misuses, Is.Empty, "the password and the statements carrying it are only built, executed and cleared (never printed, raised, selected or stored)");
            Assert.That(uses.Executions, Is.GreaterThanOrEqualTo(2), "sanity: the statements carrying the password are executed");
            Assert.That(Regex.IsMatch(text, @"CREATE CERTIFICATE '\s*\+\s*QUOTENAME\(@New\)\s*\+\s*N' WITH SUBJECT"), Is.False, "no new signing certificate protected by the master key");
        });
    }

    // Review, HIGH: INSERT ... EXEC cannot nest (Msg 8164). Rule: no module of the model (database/, not the deploy
    // scripts, which nothing wraps) fills a table with INSERT ... EXEC, because every procedure here may itself be
    // captured with INSERT ... EXEC by a caller: tSQLt tests, monitors, a job step. Dynamic SQL returns data through
    // OUTPUT parameters of sp_executesql instead.
    [Test]
    public void No_model_module_uses_INSERT_EXEC()
    {
        var offenders = new List<string>();
        int modules = 0;
        foreach (string file in ModelFiles())
        {
            var finder = new InsertExecFinder();
            Parse(File.ReadAllText(file), file).Accept(finder);
            modules += finder.Modules;
            offenders.AddRange(finder.Lines.Select(line => $"{Path.GetFileName(file)}:{line}"));
        }
        Assert.That(modules, Is.GreaterThan(0), "sanity: the model has procedures");
        Assert.That(offenders, Is.Empty, "INSERT ... EXEC in a module breaks every caller that captures it with INSERT ... EXEC (Msg 8164)");
    }

    // Review, LOW-MEDIUM: role memberships of the certificate user in Counterpoint are extras too.
    [Test]
    public void Health_check_reads_role_memberships_and_every_permission_class_of_the_certificate_user()
    {
        string check = CheckInstall;
        Assert.Multiple(() =>
        {
            Assert.That(check, Does.Contain("FROM sys.database_role_members AS rm"));
            Assert.That(check, Does.Contain("WHEN 'ROLE' THEN N'member of role ' + h.ObjectName"));
            Assert.That(check, Does.Not.Contain("AND p.class IN ("), "every permission class is compared, not only some");
        });
    }

    // Review, LOW: the roles see the schemas whose modules are signed (woo, and dbo for the coming dbo.sp_* entry
    // points), or modules_signed fails falsely for the job login.
    [Test]
    public void Roles_see_the_definitions_in_every_schema_whose_modules_may_be_signed()
    {
        string permissions = Source("database", "Security", "Permissions.sql");
        var schemas = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "woo", "dbo" };
        Assert.Multiple(() =>
        {
            foreach (string schema in schemas)
                foreach (string role in Roles)
                    Assert.That(Regex.IsMatch(permissions, $@"GRANT\s+VIEW\s+DEFINITION\s+ON\s+SCHEMA::\[{schema}\]\s+TO\s+\[{role}\]", RegexOptions.IgnoreCase), Is.True,
                        $"Permissions.sql: GRANT VIEW DEFINITION ON SCHEMA::[{schema}] TO [{role}]");
        });
    }

    // Lesser: a SQLCMD value (a database name) may hold '%', which RAISERROR reads as a format; pass it as an argument.
    // THROW's message is no format (Microsoft, THROW: "does not accept printf style formatting").
    [Test]
    public void RAISERROR_formats_are_literals_without_SQLCMD_values()
    {
        var offenders = new List<string>();
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "database", "Scripts", "PostDeploy"), "*.sql").Concat(ModelFiles());
        foreach (string file in files)
        {
            var finder = new RaiseErrorFinder();
            Parse(File.ReadAllText(file), file).Accept(finder);
            offenders.AddRange(finder.NonLiteralOrSqlcmdFormat.Select(line => $"{Path.GetFileName(file)}:{line}"));
        }
        Assert.That(offenders, Is.Empty);
    }

    // Lesser: a case-sensitive CpOrders collation must not make the list (the code's spelling) differ from Counterpoint's
    // catalog: names read from Counterpoint (aliases h, o) compare with an explicit collation.
    [Test]
    public void Names_read_from_Counterpoint_compare_with_an_explicit_collation()
    {
        var offenders = new List<string>();
        foreach ((string name, string text) in new[] { ("20.CounterpointAccess", PostDeploySigning), ("woo.usp_CheckInstall", CheckInstall) })
        {
            var finder = new NameComparisonFinder();
            Parse(text, name).Accept(finder);
            Assert.That(finder.Checked, Is.GreaterThan(0), $"sanity: {name} compares names read from Counterpoint");
            offenders.AddRange(finder.Uncollated.Distinct().Select(line => $"{name}:{line}"));
        }
        Assert.That(offenders, Is.Empty, "compare names read from Counterpoint with an explicit COLLATE on both sides");
    }

    // Review, MEDIUM: an upgrade from the build that did not record the generated password must not stay silent.
    [Test]
    public void Master_key_without_a_record_is_recorded_and_warned_about_until_the_DBA_acts()
    {
        string postDeploy = Source("database", "Scripts", "PostDeploy", "10.MasterKeyAndCertificates.sql").Replace("\r\n", "\n");
        string check = CheckInstall;
        string readme = Source("README.md");
        const string Acknowledge = "INSERT INTO woo.MasterKeyOrigin (GeneratedPasswordFingerprint) VALUES (0x00);";
        int record = postDeploy.IndexOf("IF NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin)\n   AND EXISTS (SELECT 1 FROM sys.symmetric_keys", StringComparison.Ordinal);
        int warn = postDeploy.IndexOf("CpOrders post-deploy: WARNING: CPO-MASTERKEY-NOPASSWORD", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(record, Is.GreaterThan(0), "post-deploy records the password encryptions of a master key it has no record of");
            Assert.That(warn, Is.GreaterThan(record), "and warns after that");
            Assert.That(postDeploy.IndexOf(Acknowledge, StringComparison.Ordinal), Is.GreaterThan(warn), "the deploy warning names the acknowledgement");
            Assert.That(postDeploy, Does.Contain("a.GeneratedPasswordFingerprint = 0x00"), "post-deploy honours the acknowledgement");
            Assert.That(check, Does.Contain(Acknowledge), "the health check names the acknowledgement");
            Assert.That(check, Does.Contain("a.GeneratedPasswordFingerprint = 0x00"), "the health check honours the acknowledgement");
            Assert.That(check, Does.Contain("ELSE IF NOT EXISTS (SELECT 1 FROM woo.MasterKeyOrigin)"), "no record at all warns too");
            Assert.That(readme, Does.Contain(Acknowledge), "README documents the acknowledgement");
        });
    }

    // The Counterpoint-side batches are string literals that no build validates: each must at least parse.
    [Test]
    public void Literal_batches_run_in_Counterpoint_parse()
    {
        var errors = new List<string>();
        int batches = 0;
        foreach ((string name, string text) in new[] { ("20.CounterpointAccess", PostDeploySigning), ("woo.usp_CheckInstall", CheckInstall) })
        {
            var finder = new CpExecLiteralFinder();
            Parse(text, name).Accept(finder);
            Assert.That(finder.Literals, Is.Not.Empty, $"sanity: {name} runs literal batches in Counterpoint");
            foreach ((int line, string sql) in finder.Literals)
            {
                batches++;
                new TSql140Parser(true).Parse(new StringReader(sql), out IList<ParseError> parseErrors);
                errors.AddRange(parseErrors.Select(e => $"{name}:{line} (+{e.Line},{e.Column}) {e.Message}"));
            }
        }
        Assert.That(batches, Is.GreaterThanOrEqualTo(4));
        Assert.That(errors, Is.Empty);
    }

    /// <summary>The literal first argument of every EXEC @CpExec (Counterpoint's sp_executesql).</summary>
    private sealed class CpExecLiteralFinder : TSqlFragmentVisitor
    {
        public List<(int Line, string Sql)> Literals { get; } = new();

        public override void ExplicitVisit(ExecuteSpecification node)
        {
            if (node.ExecutableEntity is ExecutableProcedureReference p
                && p.ProcedureReference?.ProcedureVariable?.Name.Equals("@CpExec", StringComparison.OrdinalIgnoreCase) == true
                && p.Parameters.Count > 0 && p.Parameters[0].ParameterValue is StringLiteral literal)
                Literals.Add((node.StartLine, literal.Value));
            base.ExplicitVisit(node);
        }
    }

    private sealed class RaiseErrorFinder : TSqlFragmentVisitor
    {
        public List<int> Severe { get; } = new();
        public List<int> NonLiteralOrSqlcmdFormat { get; } = new();

        public override void ExplicitVisit(RaiseErrorStatement node)
        {
            if (node.SecondParameter is not IntegerLiteral literal || int.Parse(literal.Value) >= 11)
                Severe.Add(node.StartLine);
            // Parse() turns $(Name) into SQLCMD_Name.
            if (node.FirstParameter is not StringLiteral format || format.Value.Contains("SQLCMD_", StringComparison.Ordinal))
                NonLiteralOrSqlcmdFormat.Add(node.StartLine);
            base.ExplicitVisit(node);
        }
    }

    /// <summary>SELECTs over sys.certificates that pick one row by order.</summary>
    private sealed class CertificatePickFinder : TSqlFragmentVisitor
    {
        public List<int> Lines { get; } = new();

        public override void ExplicitVisit(QuerySpecification node)
        {
            bool certificates = node.FromClause?.TableReferences.Any(References) == true;
            // TOP, or ORDER BY while assigning variables (the last row wins): a pick. An ordered FOR XML list is not.
            if (certificates && (node.TopRowFilter != null || (node.OrderByClause != null && node.SelectElements.Any(e => e is SelectSetVariable))))
                Lines.Add(node.StartLine);
            base.ExplicitVisit(node);
        }

        private static bool References(TableReference t) => t switch
        {
            NamedTableReference n => n.SchemaObject.BaseIdentifier.Value.Equals("certificates", StringComparison.OrdinalIgnoreCase),
            JoinTableReference j => References(j.FirstTableReference) || References(j.SecondTableReference),
            _ => false,
        };
    }

    /// <summary>
    /// Statements that use a secret variable (or a statement variable built from it): allowed only DECLARE/SET of those
    /// variables and EXEC (@statement). Anything else (PRINT, RAISERROR, THROW, SELECT, INSERT, a procedure argument) is a
    /// misuse. Compound statements are not judged as a whole; their inner statements are visited, their conditions checked.
    /// </summary>
    private sealed class PasswordUseFinder : TSqlFragmentVisitor
    {
        private readonly string[] _secret;
        public List<string> Misuses { get; } = new();
        public int Executions { get; private set; }

        public PasswordUseFinder(params string[] secretVariables) => _secret = secretVariables;

        public override void Visit(TSqlStatement node)
        {
            base.Visit(node);
            if (node is BeginEndBlockStatement or TryCatchStatement or WhileStatement or IfStatement)
            {
                TSqlFragment? predicate = node switch { IfStatement i => i.Predicate, WhileStatement w => w.Predicate, _ => null };
                if (predicate != null && Uses(predicate))
                    Misuses.Add($"line {node.StartLine}: a condition reads a secret");
                return;
            }
            if (!Uses(node))
                return;
            switch (node)
            {
                case DeclareVariableStatement d when d.Declarations.All(x => _secret.Contains(x.VariableName.Value, StringComparer.OrdinalIgnoreCase)):
                    return;
                case SetVariableStatement s when _secret.Contains(s.Variable.Name, StringComparer.OrdinalIgnoreCase):
                    return;
                case ExecuteStatement e when e.ExecuteSpecification.ExecutableEntity is ExecutableStringList list
                                          && list.Strings.All(x => x is VariableReference v && _secret.Contains(v.Name, StringComparer.OrdinalIgnoreCase)):
                    Executions++;
                    return;
                default:
                    Misuses.Add($"line {node.StartLine}: {node.GetType().Name}");
                    return;
            }
        }

        private bool Uses(TSqlFragment fragment)
        {
            var refs = new VariableFinder();
            fragment.Accept(refs);
            return refs.Names.Any(n => _secret.Contains(n, StringComparer.OrdinalIgnoreCase));
        }
    }

    private sealed class VariableFinder : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = new();

        public override void ExplicitVisit(VariableReference node)
        {
            Names.Add(node.Name);
            base.ExplicitVisit(node);
        }
    }

    private sealed class InsertExecFinder : TSqlFragmentVisitor
    {
        public List<int> Lines { get; } = new();
        public int Modules { get; private set; }

        public override void ExplicitVisit(CreateProcedureStatement node)
        {
            Modules++;
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(InsertSpecification node)
        {
            if (node.InsertSource is ExecuteInsertSource)
                Lines.Add(node.StartLine);
            base.ExplicitVisit(node);
        }
    }

    /// <summary>Equality comparisons of two names where one side comes from Counterpoint's catalog (alias h or o).</summary>
    private sealed class NameComparisonFinder : TSqlFragmentVisitor
    {
        private static readonly string[] Names = { "SchemaName", "ObjectName", "ColumnName", "PermissionName" };
        public List<int> Uncollated { get; } = new();
        public int Checked { get; private set; }

        public override void ExplicitVisit(BooleanComparisonExpression node)
        {
            (string? alias, string? column) first = Column(node.FirstExpression), second = Column(node.SecondExpression);
            if (first.column != null && second.column != null && (first.alias is "h" or "o" || second.alias is "h" or "o"))
            {
                Checked++;
                if (node.FirstExpression is not PrimaryExpression { Collation: not null } || node.SecondExpression is not PrimaryExpression { Collation: not null })
                    Uncollated.Add(node.StartLine);
            }
            base.ExplicitVisit(node);
        }

        private static (string?, string?) Column(ScalarExpression e)
        {
            if (e is FunctionCall f && f.FunctionName.Value.Equals("ISNULL", StringComparison.OrdinalIgnoreCase) && f.Parameters.Count > 0)
                e = f.Parameters[0];
            if (e is ColumnReferenceExpression c && c.MultiPartIdentifier?.Identifiers.Count == 2
                && Names.Contains(c.MultiPartIdentifier.Identifiers[1].Value, StringComparer.OrdinalIgnoreCase))
                return (c.MultiPartIdentifier.Identifiers[0].Value.ToLowerInvariant(), c.MultiPartIdentifier.Identifiers[1].Value);
            return (null, null);
        }
    }

    private sealed class ColumnFinder : TSqlFragmentVisitor
    {
        public List<string> Detail { get; } = new();

        public override void ExplicitVisit(ColumnDefinition node)
        {
            if (node.ColumnIdentifier.Value.Equals("Detail", StringComparison.OrdinalIgnoreCase) && node.DataType is SqlDataTypeReference t)
                Detail.Add(t.Parameters.Count == 1 && t.Parameters[0] is MaxLiteral ? "max" : string.Join(",", t.Parameters.Select(p => p.Value)));
            base.ExplicitVisit(node);
        }
    }
}
