using System.Text;
using System.Text.RegularExpressions;
using CpOrders.WooClr.Woo.Writes;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 15, outbox: what can be proven without a SQL Server (the behaviour itself is tSQLt test_PushUpdates, run only
/// where CPORDERS_TEST_SQLSERVER is set). The CREATED messages are queued inside the document's transaction of
/// woo.usp_ProcessStagedOrders, after the queue row is marked APPLIED and before that transaction commits; the enqueue
/// refuses to run outside a transaction; and every marker the T-SQL builds is one wooclr.AddOrderNote accepts (a marker
/// it refuses would make every note DEAD with CPO-PARAM).
/// </summary>
[TestFixture]
public class OutboxTests
{
    private static string Source(params string[] parts) => File.ReadAllText(Path.Combine(new[] { Repo.Root }.Concat(parts).ToArray()));

    private static TSqlFragment Parse(string text)
    {
        string sql = string.Join("\nGO\n", SqlTokens.Batches(Regex.Replace(text, @"\$\((\w+)\)", "SQLCMD_$1")));
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors, Is.Empty, errors.Count > 0 ? $"T-SQL 2017 syntax: {errors[0].Message} at line {errors[0].Line}" : "");
        return fragment;
    }

    private static string Text(TSqlFragment f)
    {
        var sb = new StringBuilder();
        for (int i = f.FirstTokenIndex; i <= f.LastTokenIndex; i++)
            sb.Append(f.ScriptTokenStream[i].Text);
        return sb.ToString();
    }

    /// <summary>Every statement of a script, in source order (nested ones included).</summary>
    private sealed class StatementCollector : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Statements { get; } = new();
        public override void Visit(TSqlStatement node) => Statements.Add(node);
    }

    private static bool IsExecOf(TSqlStatement s, string schema, string name) =>
        s is ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableProcedureReference p }
        && p.ProcedureReference?.ProcedureReference?.Name is SchemaObjectName n
        && string.Equals(n.SchemaIdentifier?.Value, schema, StringComparison.OrdinalIgnoreCase)
        && string.Equals(n.BaseIdentifier.Value, name, StringComparison.OrdinalIgnoreCase);

    [Test]
    public void The_created_messages_are_queued_inside_the_document_transaction_after_the_APPLIED_mark()
    {
        var collector = new StatementCollector();
        Parse(Source("database", "woo", "Procedures", "woo.usp_ProcessStagedOrders.sql")).Accept(collector);
        List<TSqlStatement> all = collector.Statements.OrderBy(s => s.StartOffset).ToList();
        List<TSqlStatement> enqueues = all.Where(s => IsExecOf(s, "woo", "usp_EnqueueAfterCreate")).ToList();
        Assert.That(enqueues, Has.Count.EqualTo(1), "woo.usp_ProcessStagedOrders calls woo.usp_EnqueueAfterCreate exactly once");
        TSqlStatement enqueue = enqueues[0];

        TSqlStatement? begin = all.LastOrDefault(s => s is BeginTransactionStatement && s.StartOffset < enqueue.StartOffset);
        Assert.That(begin, Is.Not.Null, "a BEGIN TRANSACTION precedes the enqueue");
        List<TSqlStatement> between = all.Where(s => s.StartOffset > begin!.StartOffset && s.StartOffset < enqueue.StartOffset).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(between.OfType<CommitTransactionStatement>(), Is.Empty, "no COMMIT between the document's BEGIN TRANSACTION and the enqueue");
            Assert.That(between.OfType<RollbackTransactionStatement>(), Is.Empty, "no ROLLBACK between the document's BEGIN TRANSACTION and the enqueue");
            Assert.That(between.Any(s => IsExecOf(s, "woo", "usp_WriteOrderDocument")), Is.True, "the document is written in that transaction, before the enqueue");
            Assert.That(between.OfType<UpdateStatement>().Any(u => Regex.IsMatch(Text(u), @"\[State\]\s*=\s*'APPLIED'")), Is.True,
                "the queue row is marked APPLIED in that transaction, before the enqueue");
        });
        TSqlStatement? next = all.FirstOrDefault(s => s.StartOffset > enqueue.StartOffset
                                                      && s is BeginTransactionStatement or CommitTransactionStatement or RollbackTransactionStatement);
        Assert.That(next, Is.InstanceOf<CommitTransactionStatement>(), "the next transaction statement after the enqueue is the document's COMMIT");
    }

    [Test]
    public void The_enqueue_refuses_to_run_outside_a_transaction_before_it_writes()
    {
        string text = Source("database", "woo", "Procedures", "woo.usp_EnqueueAfterCreate.sql");
        Match guard = Regex.Match(text, @"IF\s+@@TRANCOUNT\s*=\s*0\s+THROW\b");
        int insert = text.IndexOf("INSERT INTO woo.Outbox", StringComparison.Ordinal);
        Assert.That(guard.Success, Is.True, "IF @@TRANCOUNT = 0 THROW ...");
        Assert.That(insert, Is.GreaterThan(guard.Index), "the guard comes before the INSERT into woo.Outbox");
    }

    [Test]
    public void Every_marker_the_TSQL_builds_is_one_AddOrderNote_accepts()
    {
        // The marker prefixes written by CpOrders' T-SQL, found in the sources (so a new one is covered), each completed
        // with the longest value it is ever given.
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "database", "woo", "Procedures"), "*.sql"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"'(cpo:[a-z]+:)'"))
                prefixes.Add(m.Groups[1].Value);
        Assert.That(prefixes, Is.SupersetOf(new[] { "cpo:created:", "cpo:repush:" }), "sanity: the prefixes are found");
        Assert.Multiple(() =>
        {
            foreach (string prefix in prefixes)
            {
                string longest = prefix + long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":customer";
                string guid = prefix + Guid.NewGuid().ToString().ToLowerInvariant();
                Assert.DoesNotThrow(() => OrderNoteWriter.CheckMarker(longest), longest);
                Assert.DoesNotThrow(() => OrderNoteWriter.CheckMarker(guid), guid);
                Assert.That(longest.Length, Is.LessThanOrEqualTo(100), "woo.Outbox.Marker is varchar(100)");
            }
            // The test of the test: a marker with a character WordPress might rewrite is refused.
            Assert.Throws<WooWriteParameterException>(() => OrderNoteWriter.CheckMarker("cpo:created:1 2"));
        });
    }
}
