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

    [Test]
    public void Every_procedure_in_woo_and_dbo_is_granted_to_a_CpOrders_role_in_one_place()
    {
        var procedures = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in ModelFiles())
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"CREATE\s+PROCEDURE\s+\[?(woo|dbo)\]?\.\[?([\w]+)\]?", RegexOptions.IgnoreCase))
                procedures.Add($"{m.Groups[1].Value}.{m.Groups[2].Value}");
        Assert.That(procedures, Is.Not.Empty, "sanity: the model has procedures");

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
            foreach (string procedure in procedures)
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
            // The job role cannot run the operator's recovery procedure.
            Assert.That(granted, Does.Not.Contain(("woo.usp_RestoreJobsAfterDeploy", "CpOrdersJob")));
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

    private sealed class RaiseErrorFinder : TSqlFragmentVisitor
    {
        public List<int> Severe { get; } = new();

        public override void ExplicitVisit(RaiseErrorStatement node)
        {
            if (node.SecondParameter is not IntegerLiteral literal || int.Parse(literal.Value) >= 11)
                Severe.Add(node.StartLine);
            base.ExplicitVisit(node);
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
