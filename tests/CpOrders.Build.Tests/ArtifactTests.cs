using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// What ships in artifacts/ is safe to run against a live Counterpoint server (design 1-3). These tests read the
/// artifacts of the solution build that `dotnet test CpOrders.sln` makes first.
/// </summary>
[TestFixture]
public class ArtifactTests
{
    private static string Artifact(string name)
    {
        string path = Path.Combine(Repo.Artifacts, name);
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: build the solution first (README)");
        return path;
    }

    private static string DeployScript => File.ReadAllText(Artifact("CpOrders.deploy.sql"));

    private static IEnumerable<string> CounterpointTables() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "references", "Counterpoint", "dbo", "Tables"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension)!;

    [Test]
    public void Every_deployable_artifact_is_built()
    {
        foreach (string name in new[] { "CpOrders.dacpac", "Counterpoint.dacpac", "msdb.dacpac", "master.dacpac", "ClrContract.dacpac",
                                        "CpOrders.publish.xml", "CpOrders.deploy.sql", "CpOrders.WooClr.dll", "CpOrders.CounterpointAccess.txt" })
            Assert.That(new FileInfo(Artifact(name)).Length, Is.GreaterThan(0), name);
    }

    [Test]
    public void Deploy_script_trusts_exactly_the_shipped_assembly()
    {
        byte[] dll = File.ReadAllBytes(Artifact("CpOrders.WooClr.dll"));
        string hash = "0x" + Convert.ToHexString(SHA512.HashData(dll));
        string script = DeployScript;
        Assert.That(script, Does.Contain("sp_add_trusted_assembly"));
        Assert.That(script, Does.Contain(hash).IgnoreCase, "the trusted-assembly hash must be the SHA2_512 of the shipped DLL");
        Assert.That(script, Does.Contain("0x" + Convert.ToHexString(dll)).IgnoreCase, "the script must carry the shipped DLL's bytes");
    }

    [Test]
    public void Deploy_script_creates_no_Counterpoint_table()
    {
        List<TSqlParserToken> tokens = SqlTokens.CodeTokens(DeployScript, out _);
        var created = new List<string>();
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].TokenType == TSqlTokenType.Create && tokens[i + 1].TokenType == TSqlTokenType.Table)
            {
                // CREATE TABLE [schema].[name] -> the identifier before the opening parenthesis
                int j = i + 2;
                string last = "";
                while (j < tokens.Count && tokens[j].TokenType != TSqlTokenType.LeftParenthesis)
                {
                    if (tokens[j].TokenType is TSqlTokenType.Identifier or TSqlTokenType.QuotedIdentifier)
                        last = SqlTokens.Text(tokens[j]);
                    j++;
                }
                created.Add(last);
            }
        }
        Assert.That(created, Is.Not.Empty, "the script should create CpOrders' own tables (sanity check of the scan)");
        Assert.That(created.Intersect(CounterpointTables(), StringComparer.OrdinalIgnoreCase), Is.Empty);
    }

    [Test]
    public void Deploy_script_never_creates_alters_or_drops_a_database_other_than_a_guarded_first_install()
    {
        string script = DeployScript;
        Assert.That(Regex.IsMatch(script, @"(CREATE|ALTER|DROP)\s+DATABASE\s+\[?\$\(CounterpointDb\)", RegexOptions.IgnoreCase), Is.False);
        Assert.That(Regex.IsMatch(script, @"ALTER\s+DATABASE[^;]*\bSET\b", RegexOptions.IgnoreCase), Is.False, "no database option may be set");
        Assert.That(Regex.IsMatch(script, @"DROP\s+DATABASE", RegexOptions.IgnoreCase), Is.False, "the script must never drop a database");
        Assert.That(script, Does.Contain("CPO-DEPLOY-EXISTS"), "an existing database stops the first-install script");
    }

    [Test]
    public void Deploy_script_never_turns_on_trustworthy_or_changes_server_settings()
    {
        List<TSqlParserToken> tokens = SqlTokens.CodeTokens(DeployScript, out List<string> errors);
        Assert.That(errors, Is.Empty, "the deploy script must parse with the SQL Server 2017 grammar");
        var words = tokens.Select(SqlTokens.Text).ToList();
        Assert.That(words, Has.None.EqualTo("TRUSTWORTHY").IgnoreCase);
        Assert.That(words, Has.None.EqualTo("sp_configure").IgnoreCase);
        Assert.That(words, Has.None.EqualTo("RECONFIGURE").IgnoreCase);
    }

    [Test]
    public void Deploy_script_rejects_the_CounterpointDb_placeholder_before_anything_else()
    {
        string script = DeployScript;
        Assert.That(script, Does.Contain(":setvar CounterpointDb \"__SET_CounterpointDb__\""));
        int guard = script.IndexOf("CPO-DEPLOY-COUNTERPOINTDB", StringComparison.Ordinal);
        int firstUse = script.IndexOf("USE [", StringComparison.Ordinal);
        int create = script.IndexOf("CREATE DATABASE", StringComparison.Ordinal);
        Assert.That(guard, Is.GreaterThan(0));
        Assert.That(guard, Is.LessThan(firstUse), "the placeholder check must come before the first USE");
        Assert.That(guard, Is.LessThan(create));
        Assert.That(script.IndexOf(":on error exit", StringComparison.OrdinalIgnoreCase), Is.LessThan(guard), "errors must stop the script");
    }

    [Test]
    public void Deploy_script_carries_no_secret_and_no_certificate_password()
    {
        string script = DeployScript;
        // A literal password is the token PASSWORD, '=', then a string literal. (Post-deploy builds the master key's
        // statement from a random value at run time, so the words appear only inside a string there.)
        var parser = new TSql140Parser(true);
        foreach (string batch in SqlTokens.Batches(script))
        {
            var tokens = parser.GetTokenStream(new StringReader(batch), out _)
                .Where(t => t.TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment)).ToList();
            for (int i = 0; i + 2 < tokens.Count; i++)
                if (tokens[i].Text.Equals("PASSWORD", StringComparison.OrdinalIgnoreCase) && tokens[i + 1].TokenType == TSqlTokenType.EqualsSign)
                    Assert.That(tokens[i + 2].TokenType, Is.Not.AnyOf(TSqlTokenType.AsciiStringLiteral, TSqlTokenType.UnicodeStringLiteral),
                        "no literal password in the deploy script: " + batch.Trim()[..Math.Min(200, batch.Trim().Length)]);
        }
        // A signing certificate's private key is protected, only while it signs, by a random password built at run time
        // (never by the master key, which any db_owner can use); every other certificate by the master key.
        foreach (Match m in Regex.Matches(script, @"CREATE\s+CERTIFICATE[^;]*PASSWORD[^;]*", RegexOptions.IgnoreCase))
            Assert.That(m.Value, Does.Match(@"PASSWORD = '\s*\+\s*QUOTENAME\(@\w*Password\w*"), "a certificate password is a run-time random value: " + m.Value);
        Assert.That(Regex.Matches(script, @"^:setvar\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value),
            Is.EquivalentTo(new[] { "CounterpointDb", "DatabaseName", "DefaultFilePrefix", "DefaultDataPath", "DefaultLogPath", "__IsSqlCmdEnabled" }),
            "no SQLCMD variable may carry a secret (e.g. a certificate password)");
    }

    [Test]
    public void Publish_profile_sets_every_safety_option_explicitly()
    {
        XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
        XDocument doc = XDocument.Load(Artifact("CpOrders.publish.xml"));
        string? Get(string name) => doc.Descendants(ns + name).SingleOrDefault()?.Value;
        Assert.Multiple(() =>
        {
            Assert.That(Get("ScriptDatabaseOptions"), Is.EqualTo("False"));
            Assert.That(Get("BlockOnPossibleDataLoss"), Is.EqualTo("True"));
            Assert.That(Get("DropObjectsNotInSource"), Is.EqualTo("False"));
            Assert.That(Get("DropPermissionsNotInSource"), Is.EqualTo("False"));
            Assert.That(Get("DropRoleMembersNotInSource"), Is.EqualTo("False"));
            Assert.That(Get("GenerateSmartDefaults"), Is.EqualTo("False"));
            Assert.That(Get("IncludeCompositeObjects"), Is.EqualTo("False"));
            Assert.That(Get("CreateNewDatabase"), Is.EqualTo("False"));
            Assert.That(doc.Descendants(ns + "SqlCmdVariable").Single(e => (string?)e.Attribute("Include") == "CounterpointDb").Value.Trim(),
                Is.EqualTo("__SET_CounterpointDb__"), "the profile carries no real Counterpoint database name");
        });
    }

    [Test]
    public void Every_module_that_uses_Counterpoint_is_signed_and_only_those()
    {
        // Independent oracle: a module file that mentions [$(CounterpointDb)] must be in the signing list, and only those.
        var expected = Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("database", "Scripts")))
            .Where(f => File.ReadAllText(f).Contains("[$(CounterpointDb)]"))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .OrderBy(x => x).ToList();
        string data = File.ReadAllText(Path.Combine(Repo.Root, "obj", "generated", "PostDeploy.CounterpointAccess.Data.sql"));
        var signed = Regex.Matches(data, @"INSERT INTO @CpoSignedModules \(SchemaName, ObjectName\) VALUES \(N'([^']+)', N'([^']+)'\)")
            .Select(m => m.Groups[1].Value + "." + m.Groups[2].Value).OrderBy(x => x).ToList();
        Assert.That(expected, Is.Not.Empty, "sanity: at least one module reads Counterpoint");
        Assert.That(signed, Is.EqualTo(expected));
    }

    [Test]
    public void Grants_derived_from_the_code_are_what_the_code_does()
    {
        string report = File.ReadAllText(Artifact("CpOrders.CounterpointAccess.txt"));
        // woo.usp_CheckInstall reads PS_DOC_HDR. Issue 13's processing writes exactly: the document tables, a new customer
        // and a missing IM_INV row (INSERT); the next-number columns, the customer's open-order counters and the two
        // IM_INV quantities a native order changes (UPDATE, column grants). Nothing is ever deleted; no other column is
        // updated (never IM_INV.QTY_ON_HND, QTY_ON_SO or the computed QTY_AVAIL, the predecessor's mistakes).
        string grants = report[..report.IndexOf("Signed CpOrders modules", StringComparison.Ordinal)];
        string[] writes = grants.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("INSERT ") || l.StartsWith("UPDATE ") || l.StartsWith("DELETE "))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\s+", " ")).ToArray();
        string[] expected =
        {
            "INSERT dbo.AR_CUST", "UPDATE dbo.AR_CUST (NO_OF_ORDS)", "UPDATE dbo.AR_CUST (ORD_BAL)", "UPDATE dbo.EC_CTL (NXT_CUST_NO)",
            "INSERT dbo.IM_INV", "UPDATE dbo.IM_INV (QTY_COMMIT)", "UPDATE dbo.IM_INV (QTY_ON_ORD)",
            "INSERT dbo.PS_DOC_AUDIT_LOG", "INSERT dbo.PS_DOC_AUDIT_LOG_TOT", "INSERT dbo.PS_DOC_CONTACT", "INSERT dbo.PS_DOC_DISC",
            "INSERT dbo.PS_DOC_HDR", "INSERT dbo.PS_DOC_HDR_DOC_STAT", "INSERT dbo.PS_DOC_HDR_MISC_CHRG", "INSERT dbo.PS_DOC_HDR_TOT",
            "INSERT dbo.PS_DOC_LIN", "INSERT dbo.PS_DOC_LIN_PRICE", "INSERT dbo.PS_DOC_NOTE", "INSERT dbo.PS_DOC_TAX",
            "UPDATE dbo.PS_STA_CFG_PS (NXT_ORD_NO)", "UPDATE dbo.PS_STR_CFG_PS (NXT_ORD_NO)",
            // Payments (issue 15): the payment rows, how they apply, the deposit ticket's link, the ticket counters.
            "INSERT dbo.PS_DOC_PMT", "INSERT dbo.PS_DOC_PMT_APPLY", "INSERT dbo.PS_DOC_HDR_ORIG_DOC",
            "UPDATE dbo.PS_STA_CFG_PS (NXT_TKT_NO)", "UPDATE dbo.PS_STR_CFG_PS (NXT_TKT_NO)",
        };
        Assert.That(report, Does.Contain("SELECT   dbo.PS_DOC_HDR"));
        Assert.That(writes, Is.EquivalentTo(expected), "the write grants derived from the code");
    }
}
