using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac;

namespace CpOrders.Build.DbTool;

/// <summary>
/// The offline SQLCMD install script for SSMS (design 2): generated from the dacpac with the shipped publish profile's
/// options, for a FIRST install. DacFx's create script drops an existing database of the same name; that block is
/// replaced by a guard that stops, so the script never drops a database. Its first statement rejects the
/// CounterpointDb placeholder, so the operator must name the Counterpoint database.
/// </summary>
public static class DeployScript
{
    public const string Placeholder = "__SET_CounterpointDb__";

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
            "IF DB_ID(N'$(DatabaseName)') IS NOT NULL\r\n" +
            "    RAISERROR (N'CPO-DEPLOY-EXISTS: database $(DatabaseName) already exists. This script is for a first install only and never drops a database. Upgrade with sqlpackage /a:Publish and CpOrders.publish.xml, or a script generated against the live database (sqlpackage /a:Script).', 16, 1);",
            1);
        if (script.Contains("DROP DATABASE", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("deploy script still contains DROP DATABASE");

        // 2. Reject the CounterpointDb placeholder before anything else runs.
        const string onError = ":on error exit";
        int at = script.IndexOf(onError, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            throw new InvalidOperationException("deploy script: ':on error exit' not found");
        int lineEnd = script.IndexOf('\n', at);
        string guard =
            "\r\nGO\r\n" +
            "IF N'$(CounterpointDb)' = N'" + Placeholder + "' OR DB_ID(N'$(CounterpointDb)') IS NULL\r\n" +
            "    RAISERROR (N'CPO-DEPLOY-COUNTERPOINTDB: set the SQLCMD variable CounterpointDb (the :setvar line at the top of this script) to the name of the Counterpoint company database on this instance. Now: $(CounterpointDb).', 16, 1);\r\n" +
            "GO\r\n";
        return script.Insert(lineEnd + 1, guard);
    }
}
