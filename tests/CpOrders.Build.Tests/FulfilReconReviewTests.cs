using System.Text.RegularExpressions;

namespace CpOrders.Build.Tests;

/// <summary>
/// Review r15 (fulfillment and reconciliation), the parts that can be checked on the texts here (no SQL Server): order
/// history optional at deploy like the predecessor's USER_* tables (finding 5), reconciliation reading Counterpoint
/// politely and by our documents' identity (findings 8 and 13) and not reporting OK while the pull is behind (finding
/// 6). The behaviour itself is in tSQLt tests (test_SyncFulfillment, test_Reconcile), which run only on a SQL Server.
/// </summary>
[TestFixture]
public class FulfilReconReviewTests
{
    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine(new[] { Repo.Root }.Concat(parts).ToArray()));

    private static string Procedure(string name) => Read("database", "woo", "Procedures", name + ".sql");

    private static readonly string[] History = { "PS_ORD_HIST", "PS_ORD_HIST_LIN" };

    // Pre-deploy skips them in its "required objects" check and post-deploy in its grants, each with a WARNING line;
    // exactly these two of NCR's tables (any other NCR table stays required).
    [TestCase("PreDeploy", "10.CounterpointDb.sql")]
    [TestCase("PostDeploy", "20.CounterpointAccess.sql")]
    public void Order_history_and_only_order_history_of_NCRs_tables_is_optional_at_deploy(string folder, string file)
    {
        string text = Read("database", "Scripts", folder, file);
        var named = Regex.Matches(text, @"N'(PS_\w+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var exemptions = Regex.Matches(text, @"IN \((N'PS_\w+'(?:, N'PS_\w+')*)\)")
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, @"N'(PS_\w+)'").Select(x => x.Groups[1].Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(named, Is.EquivalentTo(History), "the NCR tables named as optional");
            Assert.That(exemptions, Is.Not.Empty.And.All.AnyOf(History), "the optional rule's lists");
            Assert.That(text, Does.Contain("USER[_]%"), "the predecessor's tables stay optional");
            Assert.That(Regex.IsMatch(text, @"RAISERROR \(N'CpOrders (pre|post)-deploy: WARNING:[^\n]*(order history|PS_ORD_HIST)"),
                        Is.True, "a WARNING line when they are missing");
        });
    }

    [Test]
    public void Reconciliation_reads_Counterpoint_with_a_lock_timeout_and_low_deadlock_priority()
    {
        string text = Procedure("woo.usp_Reconcile");
        int gather = text.IndexOf("EXEC woo.usp_GatherReconcileDocs", StringComparison.Ordinal);
        int timeout = text.IndexOf("SET LOCK_TIMEOUT 5000;", StringComparison.Ordinal);
        int priority = text.IndexOf("SET DEADLOCK_PRIORITY LOW;", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(gather, Is.GreaterThan(0), "sanity: the gather call");
            Assert.That(timeout, Is.GreaterThan(0).And.LessThan(gather), "LOCK_TIMEOUT before the read");
            Assert.That(priority, Is.GreaterThan(0).And.LessThan(gather), "DEADLOCK_PRIORITY LOW before the read");
            Assert.That(Regex.IsMatch(text, @"ERROR_NUMBER\(\) NOT IN \(1205, 1222\)"), Is.True, "a lock timeout or deadlock there is INCOMPLETE, not a failure");
        });
    }

    [Test]
    public void Reconciliation_compares_only_our_own_document_under_a_DOC_ID()
    {
        string gather = Procedure("woo.usp_GatherReconcileDocs"), reconcile = Procedure("woo.usp_Reconcile");
        string join = Regex.Match(gather, @"JOIN \[\$\(CounterpointDb\)\]\.dbo\.PS_DOC_HDR AS h(.*?)LEFT JOIN", RegexOptions.Singleline).Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(join, Does.Contain("h.DOC_ID = d.DocId"), "sanity: the seek");
            Assert.That(join, Does.Contain("h.DOC_GUID = d.DocGuid"), "the document's identity, not only its reusable DOC_ID");
            Assert.That(join, Does.Contain("h.DOC_TYP = 'O'"), "a migrated row without DOC_GUID: an order document with our ticket number");
            Assert.That(reconcile, Does.Contain("o.DocGuid AS DocGuid"), "the queue's DOC_GUID is passed");
            Assert.That(reconcile, Does.Contain("CPO-RECON-DOC-TYPE"), "a document that is not an order is reported, not compared");
        });
    }

    [Test]
    public void Reconciliation_is_incomplete_while_the_pull_watermark_is_behind_the_range()
    {
        string text = Procedure("woo.usp_Reconcile");
        Assert.Multiple(() =>
        {
            Assert.That(Regex.IsMatch(text, @"IF @Watermark < @ToUtc\s+BEGIN.*?SET @ReadNote", RegexOptions.Singleline), Is.True,
                        "a watermark behind the end of the range sets the note that makes the run WARNING CPO-RECON-INCOMPLETE");
            Assert.That(text, Does.Contain("'CPO-RECON-NOT-YET-PULLED'"), "the unjudged sales are listed");
        });
    }
}
