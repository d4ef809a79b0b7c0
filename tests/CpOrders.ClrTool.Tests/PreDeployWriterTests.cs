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
    public void Sections_come_in_order_trust_before_assembly_before_wrappers()
    {
        string[] markers =
        [
            "a. environment checks", "b. schema [wooclr]", "c. trusted-assembly entry", "d. assembly [CpOrders.WooClr]",
            "e. CLR wrappers in [wooclr]", "f. trust entries of older builds", "-- g. Summary",
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
            "AS EXTERNAL NAME [CpOrders.WooClr].[Test.Clr.Good].[Lines] /* CLR: System.Collections.IEnumerable Lines(SqlString) */"));
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
}
