using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 15 point 6, "a health check that lies to a non-sysadmin": the health views are read with one SELECT by the least
/// privileged logins (an operator, a monitor holding only CpOrdersOperator). A view cannot catch an error, so it must not
/// touch a server-level catalog such a caller cannot see (sys.trusted_assemblies, assembly bytes, server DMVs, msdb):
/// there it would either fail for the caller or read an empty set as "missing" or "fine". Those facts reach the views
/// only through woo.InstallCheckRecord (recorded by a sysadmin) or woo.usp_PipelineHealth's live, caught checks. What the
/// views return for such a caller runs in tSQLt (test_PipelineHealth, reported as skipped here).
/// </summary>
[TestFixture]
public class HealthViewTests
{
    private static readonly string[] ServerLevel =
    {
        "sys.trusted_assemblies", "sys.assembly_files", "sys.assemblies", "sys.server_principals", "sys.server_permissions",
        "sys.key_encryptions", "sys.symmetric_keys", "sys.certificates", "sys.dm_", "msdb.",
    };

    private static IReadOnlyList<string> HealthViewFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database", "woo", "Views"), "woo.Health*.sql").OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> ReferencedObjects(string sql, string what)
    {
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        TSqlFragment fragment = parser.Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"{what} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        var visitor = new NameVisitor();
        fragment.Accept(visitor);
        return visitor.Names;
    }

    [Test]
    public void Health_views_read_no_server_level_catalog_a_least_privileged_reader_cannot_see()
    {
        IReadOnlyList<string> files = HealthViewFiles();
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[] { "woo.HealthSummary.sql", "woo.HealthCheck.sql", "woo.HealthServer.sql" }),
            "sanity: the health views exist");
        Assert.Multiple(() =>
        {
            foreach (string file in files)
                foreach (string name in ReferencedObjects(File.ReadAllText(file), Path.GetFileName(file)))
                    Assert.That(ServerLevel.Any(s => name.StartsWith(s, StringComparison.OrdinalIgnoreCase)), Is.False,
                        $"{Path.GetFileName(file)} reads {name}, which a login holding only CpOrdersOperator cannot see: record it (woo.InstallCheckRecord) or check it live in woo.usp_PipelineHealth");
        });
    }

    [Test]
    public void The_checker_finds_a_view_that_reads_the_trust_entry()
    {
        IReadOnlyList<string> names = ReferencedObjects(
            "CREATE VIEW woo.HealthBad AS SELECT COUNT(*) AS n FROM sys.trusted_assemblies AS t JOIN msdb.dbo.sysjobs AS j ON 1 = 1;", "crafted");
        Assert.That(names, Does.Contain("sys.trusted_assemblies").And.Contain("msdb.dbo.sysjobs"));
    }

    [Test]
    public void Every_health_view_is_readable_by_operators()
    {
        string permissions = File.ReadAllText(Path.Combine(Repo.Root, "database", "Security", "Permissions.sql"));
        Assert.Multiple(() =>
        {
            foreach (string file in HealthViewFiles())
            {
                string view = Path.GetFileNameWithoutExtension(file).Substring("woo.".Length);
                Assert.That(Regex.IsMatch(permissions, $@"GRANT\s+SELECT\s+ON\s+OBJECT::\[woo\]\.\[{view}\]\s+TO\s+\[CpOrdersOperator\]", RegexOptions.IgnoreCase), Is.True,
                    $"woo.{view} is not granted SELECT to CpOrdersOperator in Permissions.sql");
            }
            Assert.That(Regex.IsMatch(permissions, @"GRANT\s+EXECUTE\s+ON\s+OBJECT::\[woo\]\.\[usp_PipelineHealth\]\s+TO\s+\[CpOrdersJob\]", RegexOptions.IgnoreCase), Is.True,
                "the job role runs woo.usp_PipelineHealth");
        });
    }

    private sealed class NameVisitor : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = new();

        public override void ExplicitVisit(NamedTableReference node)
        {
            Names.Add(string.Join(".", node.SchemaObject.Identifiers.Select(i => i.Value)));
            base.ExplicitVisit(node);
        }
    }
}
