using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac;

namespace CpOrders.Build.DbTool;

/// <summary>
/// The offline SQLCMD install script for SSMS (design 2): generated from the dacpac with the shipped publish profile's
/// options, for a FIRST install. DacFx's create script drops an existing database of the same name; that block is
/// replaced by a guard that stops, so the script never drops a database. Its first statement rejects the
/// CounterpointDb placeholder, so the operator must name the Counterpoint database. The server-level checks of pre-deploy
/// (the Counterpoint database, and the CLR environment: clr enabled, version, platform, trust) run in master BEFORE
/// CREATE DATABASE, so an instance that fails them is not left with an empty CpOrders database that the "already exists"
/// guard would then refuse on the rerun (a fresh instance has clr enabled = 0).
/// </summary>
public static class DeployScript
{
    public const string Placeholder = "__SET_CounterpointDb__";

    /// <summary>The markers around pre-deploy's server-level checks (database/Scripts/PreDeploy.sql, build/ClrTool PreDeployWriter).</summary>
    public const string ServerChecksBegin = "-- CpOrders server checks: begin";
    public const string ServerChecksEnd = "-- CpOrders server checks: end";

    /// <summary>The comment that opens the copy of the checks placed before CREATE DATABASE.</summary>
    public const string EarlyChecksHeader = "-- CpOrders: pre-deploy's server checks, run in master BEFORE CREATE DATABASE";

    public static string Generate(string dacpacPath, string profilePath, string databaseName)
    {
        DacProfile profile = DacProfile.Load(profilePath);
        DacDeployOptions options = profile.DeployOptions;
        RequireDesignOptions(options);
        options.CreateNewDatabase = true;
        options.SqlCommandVariableValues["CounterpointDb"] = Placeholder;
        using DacPackage package = DacPackage.Load(dacpacPath);
        string script = DacServices.GenerateCreateScript(package, databaseName, options);
        return Harden(script);
    }

    /// <summary>The publish options design 2 requires; a profile that drifts from them fails the build.</summary>
    public static void RequireDesignOptions(DacDeployOptions o)
    {
        var wrong = new List<string>();
        if (o.ScriptDatabaseOptions) wrong.Add("ScriptDatabaseOptions must be False");
        if (!o.BlockOnPossibleDataLoss) wrong.Add("BlockOnPossibleDataLoss must be True");
        if (o.DropObjectsNotInSource) wrong.Add("DropObjectsNotInSource must be False");
        if (o.DropPermissionsNotInSource) wrong.Add("DropPermissionsNotInSource must be False");
        if (o.DropRoleMembersNotInSource) wrong.Add("DropRoleMembersNotInSource must be False");
        if (o.GenerateSmartDefaults) wrong.Add("GenerateSmartDefaults must be False");
        if (o.IncludeCompositeObjects) wrong.Add("IncludeCompositeObjects must be False (True would deploy the reference schemas)");
        if (wrong.Count > 0)
            throw new InvalidOperationException("publish profile violates design 2: " + string.Join("; ", wrong));
    }

    public static string Harden(string script)
    {
        // 1. Never drop an existing database: replace DacFx's drop block by a guard.
        var dropBlock = new Regex(@"IF \(DB_ID\(N'\$\(DatabaseName\)'\) IS NOT NULL\)\s*BEGIN\s*ALTER DATABASE \[\$\(DatabaseName\)\]\s*SET SINGLE_USER WITH ROLLBACK IMMEDIATE;\s*DROP DATABASE \[\$\(DatabaseName\)\];\s*END",
            RegexOptions.CultureInvariant);
        if (!dropBlock.IsMatch(script))
            throw new InvalidOperationException("deploy script: DacFx's DROP DATABASE block was not found; the generator must be updated before shipping");
        script = dropBlock.Replace(script,
            ExistsGuard,
            1);
        if (script.Contains("DROP DATABASE", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("deploy script still contains DROP DATABASE");

        // 1b. Run pre-deploy's server checks before the guard and CREATE DATABASE (in master, after USE [master]).
        string checks = ServerChecks(script);
        int guardAt = script.IndexOf(ExistsGuard, StringComparison.Ordinal);
        int createAt = script.IndexOf("CREATE DATABASE [$(DatabaseName)]", StringComparison.Ordinal);
        int masterAt = script.IndexOf("USE [master];", StringComparison.Ordinal);
        if (masterAt < 0 || createAt < 0 || !(masterAt < guardAt && guardAt < createAt))
            throw new InvalidOperationException("deploy script: expected USE [master], the exists guard, then CREATE DATABASE; the generator must be updated");
        script = script.Insert(guardAt,
            EarlyChecksHeader + ": the Counterpoint database and the CLR environment.\r\n" +
            "-- Pre-deploy runs them again after CREATE DATABASE; they change nothing. A failure here leaves the instance as it was.\r\n" +
            checks + "\r\n");

        // 2. Reject the CounterpointDb placeholder before anything else runs.
        const string onError = ":on error exit";
        int at = script.IndexOf(onError, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            throw new InvalidOperationException("deploy script: ':on error exit' not found");
        int lineEnd = script.IndexOf('\n', at);
        string guard =
            "\r\nGO\r\n" +
            "IF N'$(CounterpointDb)' = N'" + Placeholder + "' OR DB_ID(N'$(CounterpointDb)') IS NULL\r\n" +
            "    THROW 50100, N'CPO-DEPLOY-COUNTERPOINTDB: set the SQLCMD variable CounterpointDb (the :setvar line at the top of this script) to the name of the Counterpoint company database on this instance. Now: $(CounterpointDb).', 1;\r\n" +
            "GO\r\n";
        return script.Insert(lineEnd + 1, guard);
    }

    private const string ExistsGuard =
        "IF DB_ID(N'$(DatabaseName)') IS NOT NULL\r\n" +
        "    THROW 50104, N'CPO-DEPLOY-EXISTS: database $(DatabaseName) already exists. This script is for a first install only and never drops a database. Upgrade with sqlpackage /a:Publish and CpOrders.publish.xml, or a script generated against the live database (sqlpackage /a:Script). If this script failed after creating it, finish with sqlpackage /a:Publish against it, or drop the new empty database and run this script again (README, Recovery).', 1;";

    /// <summary>
    /// Every region of the pre-deploy text between the server-check markers, in order. Each must end a batch (GO) so the
    /// copies are whole batches. Fails when there are none: the script would then create the database before checking.
    /// </summary>
    public static string ServerChecks(string script)
    {
        var regions = new List<string>();
        int from = 0;
        while (true)
        {
            int begin = script.IndexOf(ServerChecksBegin, from, StringComparison.Ordinal);
            if (begin < 0)
                break;
            int end = script.IndexOf(ServerChecksEnd, begin, StringComparison.Ordinal);
            if (end < 0)
                throw new InvalidOperationException("deploy script: '" + ServerChecksBegin + "' without its end marker");
            string region = script[begin..end].TrimEnd();
            if (!Regex.IsMatch(region, @"(^|\n)GO$", RegexOptions.CultureInvariant))
                throw new InvalidOperationException("deploy script: a server-check region must end with GO (whole batches only)");
            regions.Add(region.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
            from = end + ServerChecksEnd.Length;
        }
        if (regions.Count < 2)
            throw new InvalidOperationException($"deploy script: expected the server-check regions of pre-deploy (Counterpoint database, CLR environment), found {regions.Count}");
        return string.Join("\r\n", regions);
    }
}
