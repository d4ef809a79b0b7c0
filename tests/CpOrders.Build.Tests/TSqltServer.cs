using System.Xml.Linq;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.Dac;

namespace CpOrders.Build.Tests;

/// <summary>
/// Runs the tSQLt tests on a real SQL Server (Windows, 2017+, clr enabled, a sysadmin connection). Nothing here runs
/// on our machines, which have no SQL Server; README says how to point it at one:
///   CPORDERS_TEST_SQLSERVER  connection string to the server (Initial Catalog is ignored), as sysadmin;
///   CPORDERS_TSQLT_DIR       folder of the tSQLt release (tSQLt.class.sql, and PrepareServer.sql if present);
///   CPORDERS_TEST_KEEP=Y     keep the scratch databases afterwards, for inspection.
/// </summary>
public static class TSqltServer
{
    public sealed record Settings(string ConnectionString, string TSqltFolder, bool Keep)
    {
        public static Settings? FromEnvironment(out string? skipReason)
        {
            string? cs = Environment.GetEnvironmentVariable("CPORDERS_TEST_SQLSERVER");
            string? dir = Environment.GetEnvironmentVariable("CPORDERS_TSQLT_DIR");
            if (string.IsNullOrWhiteSpace(cs))
            {
                skipReason = "No SQL Server configured (CPORDERS_TEST_SQLSERVER is not set): tSQLt tests compile in the build but did not run.";
                return null;
            }
            if (string.IsNullOrWhiteSpace(dir) || !File.Exists(Path.Combine(dir, "tSQLt.class.sql")))
            {
                skipReason = "CPORDERS_TSQLT_DIR must name the folder of a tSQLt release (with tSQLt.class.sql): tSQLt tests did not run.";
                return null;
            }
            skipReason = null;
            return new Settings(cs, dir, string.Equals(Environment.GetEnvironmentVariable("CPORDERS_TEST_KEEP"), "Y", StringComparison.OrdinalIgnoreCase));
        }
    }

    public sealed record TestOutcome(string Result, string Message);

    public sealed record RunResult(
        IReadOnlyDictionary<(string Class, string Name), TestOutcome> Results,
        IReadOnlyList<string> SecondPublishScriptChanges,
        IReadOnlyList<string> SecondPublishMessages);

    public static RunResult PublishAndRunAll(Settings s)
    {
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string cpDb = "CpOrdersTest_Counterpoint_" + suffix;
        string db = "CpOrdersTest_" + suffix;
        var server = new SqlConnectionStringBuilder(s.ConnectionString) { InitialCatalog = "master" }.ConnectionString;
        var services = new DacServices(server);
        // The shipped assembly's trust entry: pre-deploy adds it when missing; the runner removes it afterwards only then.
        byte[] trustHash = System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(Path.Combine(Repo.Artifacts, "CpOrders.WooClr.dll")));
        bool trustedBefore = IsTrusted(server, trustHash);
        try
        {
            // 1. Counterpoint's reference schema in a scratch database: its real NOT NULLs, defaults and keys in force.
            using (DacPackage cp = DacPackage.Load(Path.Combine(Repo.Artifacts, "Counterpoint.dacpac")))
                services.Deploy(cp, cpDb, upgradeExisting: true, new DacDeployOptions { CreateNewDatabase = true, ScriptDatabaseOptions = false });

            // 2. CpOrders with the shipped profile's options, twice; the second must change nothing.
            DacDeployOptions options = ProfileOptions(Path.Combine(Repo.Artifacts, "CpOrders.publish.xml"));
            options.SqlCommandVariableValues["CounterpointDb"] = cpDb;
            using DacPackage main = DacPackage.Load(Path.Combine(Repo.Artifacts, "CpOrders.dacpac"));
            Deploy(services, main, db, options, create: true);
            IReadOnlyList<string> changes = Operations(services.GenerateDeployReport(main, db, options));
            IReadOnlyList<string> secondMessages = Deploy(services, main, db, options, create: false);

            // 3. tSQLt, then the tests (validated against CpOrders at build time).
            InstallTSqlt(server, db, s.TSqltFolder);
            DacDeployOptions testOptions = new() { IncludeCompositeObjects = false, DropObjectsNotInSource = false, ScriptDatabaseOptions = false, BlockOnPossibleDataLoss = true };
            testOptions.SqlCommandVariableValues["CounterpointDb"] = cpDb;
            string testDacpac = Path.Combine(Repo.Root, "tests", "tSQLt", "bin", Repo.Configuration, "netstandard2.1", "CpOrders.Tests.dacpac");
            using (DacPackage tests = DacPackage.Load(testDacpac))
                services.Deploy(tests, db, upgradeExisting: true, testOptions);

            // 4. The non-sysadmin job and operator logins that test_AsJobLogin and test_AsOperatorLogin impersonate
            //    (EXECUTE AS LOGIN).
            PrepareJobLogin(server, db, cpDb);
            return new RunResult(RunAll(server, db), changes, secondMessages);
        }
        finally
        {
            if (!s.Keep)
            {
                DropDatabases(server, db, cpDb);
                DropJobLogin(server);
                if (!trustedBefore && IsTrusted(server, trustHash))
                    DropTrust(server, trustHash);
            }
        }
    }

    /// <summary>
    /// The shipped profile's options as sqlpackage is told to use them. DacProfile.Load does not read CommandTimeout and
    /// LongRunningCommandTimeout from a profile (DacFx 170.5; README passes them to sqlpackage with /p: as well), so they
    /// are applied here from the profile's XML.
    /// </summary>
    public static DacDeployOptions ProfileOptions(string profilePath)
    {
        DacDeployOptions options = DacProfile.Load(profilePath).DeployOptions;
        XDocument doc = XDocument.Load(profilePath);
        int? Get(string name) => doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name) is { } e ? int.Parse(e.Value.Trim()) : null;
        options.CommandTimeout = Get("CommandTimeout") ?? options.CommandTimeout;
        options.LongRunningCommandTimeout = Get("LongRunningCommandTimeout") ?? options.LongRunningCommandTimeout;
        return options;
    }

    private static bool IsTrusted(string server, byte[] hash)
    {
        using var conn = Open(server, "master");
        using var cmd = new SqlCommand("SELECT COUNT(*) FROM sys.trusted_assemblies WHERE [hash] = @h;", conn);
        cmd.Parameters.Add("@h", System.Data.SqlDbType.VarBinary, 64).Value = hash;
        return (int)cmd.ExecuteScalar()! > 0;
    }

    /// <summary>Removes the trust entry this run added (its scratch databases are gone, so nothing loads that assembly).</summary>
    private static void DropTrust(string server, byte[] hash)
    {
        using var conn = Open(server, "master");
        using var cmd = new SqlCommand("EXEC sys.sp_drop_trusted_assembly @hash = @h;", conn);
        cmd.Parameters.Add("@h", System.Data.SqlDbType.VarBinary, 64).Value = hash;
        cmd.ExecuteNonQuery();
    }

    private static List<string> Deploy(DacServices services, DacPackage package, string db, DacDeployOptions options, bool create)
    {
        var messages = new List<string>();
        void OnMessage(object? sender, DacMessageEventArgs e) => messages.Add(e.Message.Message);
        services.Message += OnMessage;
        try
        {
            options.CreateNewDatabase = create;
            services.Deploy(package, db, upgradeExisting: true, options);
        }
        finally
        {
            services.Message -= OnMessage;
            options.CreateNewDatabase = false;
        }
        return messages;
    }

    /// <summary>The operations of a deploy report (empty = the schema diff is empty).</summary>
    private static IReadOnlyList<string> Operations(string reportXml)
    {
        XDocument doc = XDocument.Parse(reportXml);
        return doc.Descendants().Where(e => e.Name.LocalName == "Operation")
            .SelectMany(op => op.Elements().Where(i => i.Name.LocalName == "Item")
                .Select(i => $"{(string?)op.Attribute("Name")} {(string?)i.Attribute("Value")}"))
            .ToList();
    }

    private static void InstallTSqlt(string server, string db, string folder)
    {
        string prepare = Path.Combine(folder, "PrepareServer.sql");
        if (File.Exists(prepare))
            ExecuteScript(server, "master", File.ReadAllText(prepare));
        ExecuteScript(server, db, File.ReadAllText(Path.Combine(folder, "tSQLt.class.sql")));
    }

    private static Dictionary<(string, string), TestOutcome> RunAll(string server, string db)
    {
        using var conn = Open(server, db);
        try
        {
            using var run = new SqlCommand("EXEC tSQLt.RunAll;", conn) { CommandTimeout = 1800 };
            run.ExecuteNonQuery();
        }
        catch (SqlException)
        {
            // tSQLt.RunAll raises when any test failed; the per-test results are in tSQLt.TestResult.
        }
        var results = new Dictionary<(string, string), TestOutcome>();
        using var read = new SqlCommand("SELECT Class, TestCase, Result, ISNULL(Msg, N'') FROM tSQLt.TestResult;", conn);
        using SqlDataReader r = read.ExecuteReader();
        while (r.Read())
            results[(r.GetString(0), r.GetString(1))] = new TestOutcome(r.IsDBNull(2) ? "" : r.GetString(2), r.GetString(3));
        return results;
    }

    private static void ExecuteScript(string server, string db, string script)
    {
        using var conn = Open(server, db);
        foreach (string batch in SqlTokens.Batches(script))
        {
            if (string.IsNullOrWhiteSpace(batch))
                continue;
            using var cmd = new SqlCommand(batch, conn) { CommandTimeout = 600 };
            cmd.ExecuteNonQuery();
        }
    }

    private static void DropDatabases(string server, params string[] names)
    {
        using var conn = Open(server, "master");
        foreach (string name in names)
        {
            using var cmd = new SqlCommand(
                "IF DB_ID(@n) IS NOT NULL BEGIN DECLARE @s nvarchar(600) = N'ALTER DATABASE ' + QUOTENAME(@n) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@n) + N';'; EXEC (@s); END", conn);
            cmd.Parameters.AddWithValue("@n", name);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The login test_AsJobLogin impersonates: not sysadmin, holding only the CpOrdersJob role.</summary>
    public const string JobLogin = "CpOrdersTest_JobLogin";

    /// <summary>The login test_AsOperatorLogin impersonates: not sysadmin, holding only the CpOrdersOperator role.</summary>
    public const string OperatorLogin = "CpOrdersTest_OperatorLogin";

    /// <summary>
    /// Creates the job login as README (Permissions) tells a DBA to: a SQL login with a random password nobody keeps,
    /// a user in CpOrders that is a member of CpOrdersJob only, and a user without any permission in the Counterpoint
    /// database (the signed modules' certificate user holds the grants; the login only needs to be able to enter).
    /// </summary>
    private static void PrepareJobLogin(string server, string db, string cpDb)
    {
        DropJobLogin(server);
        PrepareLogin(server, db, cpDb, JobLogin, "CpOrdersJob");
        PrepareLogin(server, db, cpDb, OperatorLogin, "CpOrdersOperator");
    }

    /// <summary>One test login as README (Permissions) tells a DBA to make it, a member of <paramref name="roleName"/> only.</summary>
    private static void PrepareLogin(string server, string db, string cpDb, string login, string roleName)
    {
        string password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) + "a1!";
        using (var conn = Open(server, "master"))
        using (var cmd = new SqlCommand(
            "DECLARE @s nvarchar(max) = N'CREATE LOGIN ' + QUOTENAME(@l) + N' WITH PASSWORD = ' + QUOTENAME(@p, N'''') + N', CHECK_POLICY = OFF;'; EXEC (@s);", conn))
        {
            cmd.Parameters.AddWithValue("@l", login);
            cmd.Parameters.AddWithValue("@p", password);
            cmd.ExecuteNonQuery();
        }
        foreach ((string database, string? role) in new[] { (db, (string?)roleName), (cpDb, null) })
        {
            using var conn = Open(server, database);
            using var cmd = new SqlCommand(
                "DECLARE @s nvarchar(max) = N'CREATE USER ' + QUOTENAME(@l) + N' FOR LOGIN ' + QUOTENAME(@l) + N';'"
                + " + CASE WHEN @r IS NULL THEN N'' ELSE N' ALTER ROLE ' + QUOTENAME(@r) + N' ADD MEMBER ' + QUOTENAME(@l) + N';' END; EXEC (@s);", conn);
            cmd.Parameters.AddWithValue("@l", login);
            cmd.Parameters.AddWithValue("@r", (object?)role ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Drops the job and operator logins (their database users go with the scratch databases).</summary>
    private static void DropJobLogin(string server)
    {
        foreach (string login in new[] { JobLogin, OperatorLogin })
        {
            using var conn = Open(server, "master");
            using var cmd = new SqlCommand(
                "IF SUSER_ID(@l) IS NOT NULL BEGIN DECLARE @s nvarchar(max) = N'DROP LOGIN ' + QUOTENAME(@l) + N';'; EXEC (@s); END", conn);
            cmd.Parameters.AddWithValue("@l", login);
            cmd.ExecuteNonQuery();
        }
    }

    private static SqlConnection Open(string server, string db)
    {
        var conn = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = db }.ConnectionString);
        conn.Open();
        return conn;
    }
}
