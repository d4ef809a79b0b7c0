using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Review r15 of the outbox (issue 15 point 1), checked statically with ScriptDom (2017 grammar) because T-SQL does not
/// run here (the behaviour itself: tSQLt class test_PushUpdates, run only where a SQL Server is configured):
/// - a status is never sent through the precondition-less orders/batch: woo.usp_PushUpdates calls the checked update
///   (woo.usp_WooUpdateOrder, which reads the shop's current status right before its PUT) and never
///   woo.usp_WooBatchUpdateOrders (finding 1, BLOCKER);
/// - no branch that makes a message DEAD looks at the bare HTTP status (a 400/404 page from a firewall or a reset
///   permalink setting is no reason to give up; finding 3);
/// - the tracking-number marker is built from a hash of the number, never from the free-text number itself (finding 5).
/// Each check is tried on crafted bad text first, so it can fail.
/// </summary>
[TestFixture]
public class OutboxRuleTests
{
    private static string ProcedureText(string name) =>
        File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", name + ".sql"));

    private static TSqlFragment Parse(string sql)
    {
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors, Is.Empty, "parses: " + string.Join("; ", errors.Select(e => e.Message)));
        return fragment;
    }

    /// <summary>The procedures EXECuted by name, as schema.name.</summary>
    private static List<string> ExecutedProcedures(string sql)
    {
        var visitor = new ExecVisitor();
        Parse(sql).Accept(visitor);
        return visitor.Names;
    }

    /// <summary>The WHEN conditions of every CASE branch whose result is the literal 'DEAD', as script text.</summary>
    private static List<string> DeadConditions(string sql)
    {
        var visitor = new DeadCaseVisitor();
        Parse(sql).Accept(visitor);
        return visitor.Conditions;
    }

    [Test]
    public void The_push_sends_statuses_only_through_the_checked_update_never_the_batch()
    {
        List<string> bad = ExecutedProcedures("CREATE PROCEDURE woo.bad AS BEGIN EXEC woo.usp_WooBatchUpdateOrders @StoreId = 'X'; END;");
        Assert.That(bad, Does.Contain("woo.usp_WooBatchUpdateOrders"), "sanity: the checker sees a batch call");

        List<string> calls = ExecutedProcedures(ProcedureText("woo.usp_PushUpdates"));
        Assert.Multiple(() =>
        {
            Assert.That(calls, Does.Contain("woo.usp_WooUpdateOrder"), "statuses go through the checked update");
            Assert.That(calls, Does.Contain("woo.usp_WooAddOrderNote"), "sanity: the note call is seen");
            Assert.That(calls, Does.Not.Contain("woo.usp_WooBatchUpdateOrders"),
                "orders/batch has no precondition: a status sent through it can undo a cancel made in the shop since the pull");
        });
    }

    [Test]
    public void No_message_goes_dead_for_a_bare_HTTP_status()
    {
        List<string> bad = DeadConditions("""
            CREATE PROCEDURE woo.bad @HttpStatus int AS
            BEGIN
                SELECT CASE WHEN @HttpStatus IN (400, 404, 410) THEN 'DEAD' ELSE 'RETRY' END;
            END;
            """);
        Assert.That(bad.Any(c => c.Contains("@HttpStatus", StringComparison.OrdinalIgnoreCase)), Is.True, "sanity: the checker sees the bad branch");

        List<string> conditions = DeadConditions(ProcedureText("woo.usp_PushUpdates"));
        Assert.Multiple(() =>
        {
            Assert.That(conditions, Is.Not.Empty, "sanity: the DEAD branches were found");
            Assert.That(conditions.Any(c => c.Contains("woocommerce_rest_shop_order_invalid_id", StringComparison.OrdinalIgnoreCase)), Is.True,
                "sanity: WooCommerce's own code for a gone order makes a message DEAD");
            foreach (string condition in conditions)
                Assert.That(condition, Does.Not.Contain("@HttpStatus").IgnoreCase, "a DEAD branch must rest on WooCommerce's own error code, not a bare HTTP status");
        });
    }

    [Test]
    public void The_tracking_marker_is_a_hash_of_the_number_not_the_number()
    {
        string sql = ProcedureText("woo.usp_SyncFulfillment");
        var visitor = new MarkerVisitor("cpo:tracking:");
        Parse(sql).Accept(visitor);
        Assert.That(visitor.Expressions, Has.Count.EqualTo(1), "sanity: the tracking marker expression was found");
        string expression = visitor.Expressions[0];
        Assert.Multiple(() =>
        {
            Assert.That(expression, Does.Contain("HASHBYTES").IgnoreCase, "the number enters the marker only hashed");
            Assert.That(expression, Does.Match(@"CONVERT\s*\(\s*varchar\s*\(\s*16\s*\)\s*,\s*HASHBYTES\s*\([^)]*\)\s*,\s*2\s*\)").IgnoreCase,
                "as hex (style 2: 0-9, A-F), which wooclr's marker rule accepts");
        });

        var bad = new MarkerVisitor("cpo:tracking:");
        Parse("CREATE PROCEDURE woo.bad @D bigint, @T varchar (25) AS SELECT 'cpo:tracking:' + CONVERT(varchar (20), @D) + ':' + @T;").Accept(bad);
        Assert.That(bad.Expressions.Single(), Does.Not.Contain("HASHBYTES").IgnoreCase, "sanity: a raw number is told apart");
    }

    private sealed class ExecVisitor : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = new();

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            SchemaObjectName? name = node.ProcedureReference?.ProcedureReference?.Name;
            if (name != null)
                Names.Add((name.SchemaIdentifier?.Value ?? "dbo") + "." + name.BaseIdentifier.Value);
            base.ExplicitVisit(node);
        }
    }

    private sealed class DeadCaseVisitor : TSqlFragmentVisitor
    {
        public List<string> Conditions { get; } = new();

        public override void ExplicitVisit(SearchedCaseExpression node)
        {
            foreach (SearchedWhenClause when in node.WhenClauses)
                if (when.ThenExpression is StringLiteral { Value: "DEAD" })
                    Conditions.Add(Text(when.WhenExpression));
            base.ExplicitVisit(node);
        }
    }

    /// <summary>The outermost concatenations that start with a given literal marker prefix.</summary>
    private sealed class MarkerVisitor : TSqlFragmentVisitor
    {
        private readonly string _prefix;
        private readonly List<TSqlFragment> _seen = new();

        public MarkerVisitor(string prefix) => _prefix = prefix;

        public List<string> Expressions { get; } = new();

        public override void ExplicitVisit(BinaryExpression node)
        {
            if (!_seen.Any(s => s.StartOffset <= node.StartOffset && node.StartOffset + node.FragmentLength <= s.StartOffset + s.FragmentLength)
                && Text(node).TrimStart().StartsWith("'" + _prefix, StringComparison.Ordinal))
            {
                _seen.Add(node);
                Expressions.Add(Text(node));
            }
            base.ExplicitVisit(node);
        }
    }

    private static string Text(TSqlFragment fragment)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = fragment.FirstTokenIndex; i <= fragment.LastTokenIndex; i++)
            sb.Append(fragment.ScriptTokenStream[i].Text);
        return sb.ToString();
    }
}
