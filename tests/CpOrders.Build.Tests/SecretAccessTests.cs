using System.Text.RegularExpressions;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 12 point 3, the store secrets: exactly the modules that use the secret key are signed by a local certificate
/// whose private key is removed, its user holds exactly the key permissions, and the roles hold none of their own.
/// Checked on the sources here; the decryption as the job login runs in tSQLt (test_StoreSecrets), skipped here.
/// </summary>
[TestFixture]
public class SecretAccessTests
{
    private static readonly Regex UsesSecretKey = new(@"CpOrdersSecretKey|CpOrdersSecretProtector|\bENCRYPTBYKEY\b|\bDECRYPTBYKEY(AUTOCERT)?\b", RegexOptions.IgnoreCase);

    private static string Step => File.ReadAllText(Path.Combine(Repo.Root, "database", "Scripts", "PostDeploy", "35.SecretAccess.sql"));

    /// <summary>The model's modules (database/woo, database/dbo) whose code uses the secret key, comments aside.</summary>
    private static SortedSet<string> ModulesUsingTheKey()
    {
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string dir in new[] { "woo", "dbo" })
        {
            string root = Path.Combine(Repo.Root, "database", dir);
            if (!Directory.Exists(root))
                continue;
            foreach (string file in Directory.GetFiles(root, "*.sql", SearchOption.AllDirectories))
            {
                string code = Regex.Replace(File.ReadAllText(file), @"--[^\n]*|/\*.*?\*/", "", RegexOptions.Singleline);
                Match create = Regex.Match(code, @"CREATE\s+(PROCEDURE|PROC|FUNCTION|TRIGGER|VIEW)\s+\[?(\w+)\]?\.\[?(\w+)\]?", RegexOptions.IgnoreCase);
                if (create.Success && UsesSecretKey.IsMatch(code))
                    found.Add($"{create.Groups[2].Value}.{create.Groups[3].Value}");
            }
        }
        return found;
    }

    private static SortedSet<string> SignedList()
    {
        string step = Step;
        int start = step.IndexOf("INSERT INTO @SecretModules", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "35.SecretAccess.sql declares its module list in @SecretModules");
        string values = step[start..step.IndexOf(';', start)];
        var list = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(values, @"\(N'(\w+)',\s*N'(\w+)'\)"))
            list.Add($"{m.Groups[1].Value}.{m.Groups[2].Value}");
        return list;
    }

    [Test]
    public void The_signed_list_is_exactly_the_modules_that_use_the_secret_key()
    {
        SortedSet<string> expected = ModulesUsingTheKey();
        Assert.That(expected, Does.Contain("woo.usp_SetStoreSecret").And.Contain("woo.usp_CheckStoreSecrets"), "sanity: the scan finds the known modules");
        Assert.That(SignedList(), Is.EqualTo(expected),
            "PostDeploy/35.SecretAccess.sql must sign exactly the modules that use CpOrdersSecretKey (add or remove them in @SecretModules)");
    }

    [Test]
    public void The_secret_signer_is_password_protected_while_it_signs_and_loses_its_private_key()
    {
        string step = Regex.Replace(Step, @"--[^\n]*", "");
        Assert.Multiple(() =>
        {
            Assert.That(step, Does.Match(@"CREATE CERTIFICATE '\s*\+\s*QUOTENAME\(@New\)\s*\+\s*N' ENCRYPTION BY PASSWORD = '\s*\+\s*QUOTENAME\(@Password"),
                "the new certificate's private key is protected by a random password held only in the batch, never by the master key");
            Assert.That(step, Does.Match(@"CRYPT_GEN_RANDOM\(\d+\)"), "the password is random");
            Assert.That(step, Does.Match(@"ADD SIGNATURE TO '[^;]*WITH PASSWORD = '"), "signing uses that password");
            Assert.That(step, Does.Match(@"REMOVE PRIVATE KEY"), "the private key is removed after signing");
            Assert.That(step.IndexOf("REMOVE PRIVATE KEY", StringComparison.Ordinal), Is.GreaterThan(step.IndexOf("ADD SIGNATURE", StringComparison.Ordinal)));
            Assert.That(step, Does.Not.Match(@"(PRINT|RAISERROR)[^;]*@Password"), "the password is never printed");
            Assert.That(step, Does.Contain("CpOrders post-deploy: secret access: no changes."), "the step's no-changes line");
            Assert.That(step, Does.Match(@"GRANT VIEW DEFINITION ON SYMMETRIC KEY::\[CpOrdersSecretKey\]"));
            Assert.That(step, Does.Match(@"GRANT CONTROL ON CERTIFICATE::\[CpOrdersSecretProtector\]"));
        });
    }

    [Test]
    public void The_roles_hold_no_key_or_certificate_permission_of_their_own()
    {
        var offenders = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"GRANT\s+[^;]*ON\s+(SYMMETRIC\s+KEY|CERTIFICATE)::[^;]*TO\s+\[?(CpOrdersJob|CpOrdersOperator|public)\]?", RegexOptions.IgnoreCase))
                offenders.Add($"{Path.GetFileName(file)}: {m.Value}");
        // Post-deploy 20 grants the roles VIEW DEFINITION (metadata only) on the Counterpoint signer, by a dynamic name.
        Assert.That(offenders, Is.Empty, "decryption is reached only through the signed procedures");
    }
}
