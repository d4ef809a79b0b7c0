using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 15 (alerts), what the sources can prove here: every alert goes through woo.usp_RaiseAlert (one open row per
/// problem), Database Mail is called in one spyable place, the alert steps hold the pipeline lock and housekeeping
/// deletes in batches. Behaviour runs as tSQLt (test_Alerts), reported as skipped here.
/// </summary>
[TestFixture]
public class AlertTests
{
    private static string Procedure(string name) =>
        File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", name + ".sql"));

    private static IEnumerable<string> ModelFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Scripts" + Path.DirectorySeparatorChar));

    private static TSqlFragment Parse(string text, string what)
    {
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        string sql = string.Join("\nGO\n", SqlTokens.Batches(text.Replace("$(", "_sqlcmd_(")));
        sql = Regex.Replace(sql, @"_sqlcmd_\((\w+)\)", "SQLCMD_$1");
        TSqlFragment fragment = parser.Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"{what} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        return fragment;
    }

    /// <summary>
    /// The only direct writers of woo.Alert: woo.usp_RaiseAlert, and woo.usp_MigrateLegacyStaging's two set-based
    /// INSERTs, which are per order and one-time (a re-run finds the alert, acknowledged or not, and adds none).
    /// </summary>
    private static readonly string[] AlertWriters = { "woo.usp_RaiseAlert.sql", "woo.usp_MigrateLegacyStaging.sql" };

    [Test]
    public void Every_alert_is_raised_through_usp_RaiseAlert()
    {
        var offenders = new List<string>();
        int inserts = 0;
        foreach (string file in ModelFiles())
        {
            var finder = new InsertTargetFinder("woo", "Alert");
            Parse(File.ReadAllText(file), file).Accept(finder);
            inserts += finder.Lines.Count;
            if (!AlertWriters.Contains(Path.GetFileName(file)))
                offenders.AddRange(finder.Lines.Select(line => $"{Path.GetFileName(file)}:{line}"));
        }
        Assert.Multiple(() =>
        {
            Assert.That(inserts, Is.GreaterThan(0), "sanity: woo.usp_RaiseAlert inserts into woo.Alert");
            Assert.That(offenders, Is.Empty, "INSERT INTO woo.Alert outside woo.usp_RaiseAlert: a repeat would add a row per run instead of an occurrence (EXEC woo.usp_RaiseAlert)");
        });
    }

    [Test]
    public void Database_Mail_is_called_only_from_the_spyable_wrapper()
    {
        var callers = new List<string?>();
        foreach (string file in ModelFiles())
        {
            var finder = new ExecFinder("sp_send_dbmail");
            Parse(File.ReadAllText(file), file).Accept(finder);
            if (finder.Found)
                callers.Add(Path.GetFileName(file));
        }
        Assert.Multiple(() =>
        {
            Assert.That(callers, Is.EquivalentTo(new[] { "woo.usp_SendAlertMail.sql" }),
                "msdb.dbo.sp_send_dbmail cannot be spied on from CpOrders: call woo.usp_SendAlertMail");
            Assert.That(Procedure("woo.usp_SendAlertDigest"), Does.Contain("EXEC woo.usp_SendAlertMail"));
        });
    }

    [TestCase("woo.usp_SendAlertDigest", "ALERT_DIGEST", "CpOrders.AlertDigest")]
    [TestCase("woo.usp_CheckAlerts", "ALERT_CHECK", "CpOrders.AlertCheck")]
    [TestCase("woo.usp_Housekeeping", "HOUSEKEEPING", "CpOrders.Housekeeping")]
    public void An_alert_step_logs_its_run_and_holds_the_pipeline_lock_shared_and_its_own_exclusive(string procedure, string step, string ownLock)
    {
        string text = Procedure(procedure);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"INSERT INTO woo.RunLog (Step, StoreId, StartedAtUtc, Outcome, IsDryRun) VALUES ('{step}'"));
            Assert.That(Regex.IsMatch(text, @"sp_getapplock @Resource = N'CpOrders\.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',\s+@LockTimeout = 0"), Is.True,
                "the pipeline lock, Shared, Session-owned, never waited for");
            Assert.That(Regex.IsMatch(text, $@"sp_getapplock @Resource = N'{Regex.Escape(ownLock)}', @LockMode = N'Exclusive', @LockOwner = N'Session',\s+@LockTimeout = 0"), Is.True,
                "its own exclusive lock (two runs at once would do the work twice)");
        });
    }

    /// <summary>r15 finding 5: the digest finds its due classes under its own lock, not before it (two digests at once
    /// would otherwise both mail a class the first one marks).</summary>
    [Test]
    public void The_digest_finds_its_classes_after_taking_its_own_lock()
    {
        string text = Procedure("woo.usp_SendAlertDigest");
        int lockAt = text.IndexOf("@Resource = N'CpOrders.AlertDigest', @LockMode = N'Exclusive'", StringComparison.Ordinal);
        int fillAt = text.IndexOf("INSERT INTO @Classes", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(lockAt, Is.GreaterThan(0));
            Assert.That(fillAt, Is.GreaterThan(lockAt), "INSERT INTO @Classes must follow the digest's own sp_getapplock");
            Assert.That(text.IndexOf("INSERT INTO @Classes", fillAt + 1, StringComparison.Ordinal), Is.EqualTo(-1), "one place fills @Classes");
        });
    }

    /// <summary>r15 finding 2: the UPDATE that marks a class as mailed runs only when its mail was sent or deliberately
    /// not mailed; a failed or untried send leaves it due.</summary>
    [Test]
    public void The_digest_marks_a_class_only_when_sent_or_not_to_be_mailed()
    {
        string text = Procedure("woo.usp_SendAlertDigest");
        Assert.That(Regex.IsMatch(text, @"IF @MailIt = 0 OR @Sent = 1\s+BEGIN\s+UPDATE a SET MailedAtUtc = @Now"), Is.True,
            "MailedAtUtc is set only for a class sent (@Sent = 1) or not to be mailed (@MailIt = 0)");
    }

    /// <summary>r15 finding 3: the AlertDigest job's command is one call of the digest, which runs the check inside a TRY
    /// of its own (a THROW from the check ends no batch and stops no digest), forced (finding 13: the job is the
    /// scheduler); woo.HealthStep watches ALERT_CHECK and treats ALERT_DIGEST as frequent.</summary>
    [Test]
    public void A_failing_check_cannot_stop_the_digest_and_shows_in_HealthStep()
    {
        string jobs = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Functions", "woo.fn_JobDefinitions.sql"));
        string command = Regex.Match(jobs, @"\('ALERT_DIGEST'.*?N'woo\.usp_SendAlertDigest', N'(?<c>(?:[^']|'')*)'", RegexOptions.Singleline).Groups["c"].Value;
        var finder = new TryExecFinder("usp_CheckAlerts");
        Parse(Procedure("woo.usp_SendAlertDigest"), "woo.usp_SendAlertDigest").Accept(finder);
        string healthStep = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Views", "woo.HealthStep.sql"));
        Assert.Multiple(() =>
        {
            Assert.That(command, Is.EqualTo("EXEC woo.usp_SendAlertDigest @Check = ''Y'';"), "the job runs the digest, which runs the check");
            Assert.That(finder.Outside, Is.Empty, "woo.usp_CheckAlerts called outside a TRY (lines)");
            Assert.That(finder.Inside, Has.Count.EqualTo(1), "the digest calls woo.usp_CheckAlerts once, inside a TRY");
            Assert.That(Procedure("woo.usp_SendAlertDigest"), Does.Contain("EXEC woo.usp_CheckAlerts @Force = 'Y'"), "forced: the job is the scheduler");
            Assert.That(healthStep, Does.Contain("('ALERT_CHECK', 'frequent', 60, 1440)"));
            Assert.That(healthStep, Does.Contain("('ALERT_DIGEST', 'frequent', 60, 1440)"));
        });
    }

    private sealed class TryExecFinder : TSqlFragmentVisitor
    {
        private readonly string _name;
        private int _tryDepth;
        public List<int> Inside { get; } = new();
        public List<int> Outside { get; } = new();
        public TryExecFinder(string name) => _name = name;

        public override void ExplicitVisit(TryCatchStatement node)
        {
            _tryDepth++;
            node.TryStatements?.Accept(this);
            _tryDepth--;
            node.CatchStatements?.Accept(this);
        }

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            if (string.Equals(node.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value, _name, StringComparison.OrdinalIgnoreCase))
                (_tryDepth > 0 ? Inside : Outside).Add(node.StartLine);
            base.ExplicitVisit(node);
        }
    }

    /// <summary>r15 finding 8: RaiseAlert's locked lookup seeks (Code, StoreId, QueueId) with a NULL-equal INTERSECT, not
    /// an OR that stops the seek at Code and range-locks every open alert of the class.</summary>
    [Test]
    public void RaiseAlert_looks_up_its_problem_with_a_seekable_predicate()
    {
        string text = Procedure("woo.usp_RaiseAlert");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("EXISTS (SELECT a.StoreId, a.QueueId INTERSECT SELECT @StoreId, @QueueId)"));
            Assert.That(text, Does.Not.Contain("a.StoreId IS NULL AND @StoreId IS NULL"));
        });
    }

    /// <summary>r15 findings 9, 10: housekeeping keeps the Outbox rows (their Markers) of orders still followed, and the
    /// events of orders changed after apply.</summary>
    [Test]
    public void Housekeeping_keeps_the_markers_of_followed_orders_and_the_events_of_changed_ones()
    {
        string text = Procedure("woo.usp_Housekeeping");
        string outboxDelete = Regex.Match(text, @"DELETE TOP \(@BatchSize\) o FROM woo\.Outbox.*?;", RegexOptions.Singleline).Value;
        string eventDelete = Regex.Match(text, @"DELETE TOP \(@BatchSize\) e.*?;", RegexOptions.Singleline).Value;
        Assert.Multiple(() =>
        {
            Assert.That(outboxDelete, Does.Contain("f.Closed = 'Y'"), "only messages of a closed order (or one skipped without a document) go");
            Assert.That(eventDelete, Does.Contain("q.ChangedAfterApply = 'N'"), "events of an order changed after apply stay");
        });
    }

    [Test]
    public void Housekeeping_deletes_only_in_batches_and_opens_no_long_transaction()
    {
        var finder = new DeleteFinder();
        Parse(Procedure("woo.usp_Housekeeping"), "woo.usp_Housekeeping").Accept(finder);
        Assert.Multiple(() =>
        {
            Assert.That(finder.Deletes, Is.EqualTo(4), "RunLog, OrderEvent, Outbox, Alert");
            Assert.That(finder.WithoutTop, Is.Empty, "every DELETE is a batch (DELETE TOP (@BatchSize))");
            Assert.That(finder.BeginTransactions, Is.EqualTo(0), "each batch is its own short autocommit transaction");
        });
    }

    private sealed class InsertTargetFinder : TSqlFragmentVisitor
    {
        private readonly string _schema, _table;
        public List<int> Lines { get; } = new();
        public InsertTargetFinder(string schema, string table) { _schema = schema; _table = table; }

        public override void ExplicitVisit(InsertSpecification node)
        {
            if (node.Target is NamedTableReference t
                && string.Equals(t.SchemaObject.SchemaIdentifier?.Value, _schema, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.SchemaObject.BaseIdentifier.Value, _table, StringComparison.OrdinalIgnoreCase))
                Lines.Add(node.StartLine);
            base.ExplicitVisit(node);
        }
    }

    private sealed class ExecFinder : TSqlFragmentVisitor
    {
        private readonly string _name;
        public bool Found { get; private set; }
        public ExecFinder(string name) => _name = name;

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            if (string.Equals(node.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value, _name, StringComparison.OrdinalIgnoreCase))
                Found = true;
            base.ExplicitVisit(node);
        }
    }

    private sealed class DeleteFinder : TSqlFragmentVisitor
    {
        public int Deletes { get; private set; }
        public List<int> WithoutTop { get; } = new();
        public int BeginTransactions { get; private set; }

        public override void ExplicitVisit(DeleteSpecification node)
        {
            Deletes++;
            if (node.TopRowFilter == null)
                WithoutTop.Add(node.StartLine);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(BeginTransactionStatement node)
        {
            BeginTransactions++;
            base.ExplicitVisit(node);
        }
    }
}
