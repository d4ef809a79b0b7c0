using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Payments (issue 15, review r15): what the T-SQL of a deposit order must do and can be read here, on the procedures'
/// parsed text. The behaviour itself is covered by tSQLt tests (test_Payments), which run only on a SQL Server.
/// </summary>
[TestFixture]
public class PaymentProcessingTests
{
    private static string ProcPath(string name) => Path.Combine(Repo.Root, "database", "woo", "Procedures", name + ".sql");

    private static TSqlFragment Parse(string path)
    {
        string sql = Regex.Replace(File.ReadAllText(path), @"\$\((\w+)\)", "SQLCMD_$1");
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"{path} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        return fragment;
    }

    private sealed class Finder<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = new();
        public override void Visit(TSqlFragment node)
        {
            if (node is T t)
                Found.Add(t);
            base.Visit(node);
        }
    }

    private static List<T> All<T>(TSqlFragment f) where T : TSqlFragment
    {
        var v = new Finder<T>();
        f.Accept(v);
        return v.Found;
    }

    private static string Text(TSqlFragment f) =>
        string.Concat(Enumerable.Range(f.FirstTokenIndex, f.LastTokenIndex - f.FirstTokenIndex + 1).Select(i => f.ScriptTokenStream[i].Text));

    private static List<TableHintKind> Hints(NamedTableReference t) => t.TableHints.Select(h => h.HintKind).ToList();

    /// <summary>
    /// r15 MAJOR 1: the session check that runs inside the order's transaction must hold the one session row until commit
    /// (UPDLOCK, ROWLOCK), so Counterpoint cannot close the drawer between the check and the commit; and it must never
    /// take a range or table lock on that POS table (design 5: no HOLDLOCK/SERIALIZABLE/TABLOCK/PAGLOCK/XLOCK).
    /// </summary>
    [Test]
    public void The_drawer_session_is_read_under_a_row_update_lock_and_never_a_range_or_table_lock()
    {
        TSqlFragment proc = Parse(ProcPath("woo.usp_TakeDocumentNumbers"));
        List<NamedTableReference> reads = All<NamedTableReference>(proc)
            .Where(t => t.SchemaObject.BaseIdentifier.Value.Equals("PS_DRW_SESSION", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(reads, Is.Not.Empty, "usp_TakeDocumentNumbers checks the drawer session");
        Assert.That(reads.Where(r => Hints(r).Contains(TableHintKind.UpdLock) && Hints(r).Contains(TableHintKind.Rowlock)).ToList(), Is.Not.Empty,
            "one read of PS_DRW_SESSION holds the session row: WITH (UPDLOCK, ROWLOCK)");
        var forbidden = new[] { TableHintKind.HoldLock, TableHintKind.Serializable, TableHintKind.TabLock, TableHintKind.TabLockX,
                                TableHintKind.PagLock, TableHintKind.XLock, TableHintKind.NoLock, TableHintKind.ReadUncommitted };
        Assert.That(reads.SelectMany(Hints).Where(forbidden.Contains), Is.Empty, "no range, table, exclusive or dirty read on PS_DRW_SESSION (design 5)");

        // The locked read is the one made when numbers are taken (@Peek = 'N', inside the transaction): its IF branch.
        IfStatement branch = All<IfStatement>(proc).Single(i => All<NamedTableReference>(i.ElseStatement ?? i.ThenStatement)
            .Any(t => t.SchemaObject.BaseIdentifier.Value.Equals("PS_DRW_SESSION", StringComparison.OrdinalIgnoreCase) && Hints(t).Contains(TableHintKind.UpdLock))
            && Text(i.Predicate).Replace(" ", "").Contains("@Peek='Y'"));
        Assert.That(All<NamedTableReference>(branch.ThenStatement).SelectMany(Hints), Is.Empty, "the peek (outside the transaction) takes no lock");
    }

    private static IfStatement ThrowIf(TSqlFragment proc, int number) =>
        All<IfStatement>(proc).Single(i => i.ThenStatement is ThrowStatement t && t.ErrorNumber is IntegerLiteral n && n.Value == number.ToString());

    /// <summary>
    /// r15 MINOR 3: an order waits (50490) only when the planner named the closed drawer and nothing else. An empty or
    /// missing problem list (NOT EXISTS of other codes alone is true for it) must park (50461), not wait for ever.
    /// </summary>
    [Test]
    public void A_plan_waits_for_the_drawer_only_when_it_names_the_closed_drawer_and_nothing_else()
    {
        TSqlFragment proc = Parse(ProcPath("woo.usp_ProcessStagedOrders"));
        IfStatement wait = ThrowIf(proc, 50490);
        List<ExistsPredicate> exists = All<ExistsPredicate>(wait.Predicate);
        List<ExistsPredicate> negated = All<BooleanNotExpression>(wait.Predicate).SelectMany(n => All<ExistsPredicate>(n)).ToList();
        List<ExistsPredicate> positive = exists.Except(negated).ToList();
        Assert.That(positive.Where(e => All<BooleanComparisonExpression>(e).Any(c => c.ComparisonType == BooleanComparisonType.Equals
                                                                                    && Text(c).Contains("'CPO-DRAWER-CLOSED'"))).ToList(),
            Is.Not.Empty, "EXISTS (a problem with code = 'CPO-DRAWER-CLOSED') guards the wait");
        Assert.That(negated, Is.Not.Empty, "and NOT EXISTS (any other code) too");
        Assert.That(wait.Predicate, Is.InstanceOf<BooleanBinaryExpression>().With.Property("BinaryExpressionType").EqualTo(BooleanBinaryExpressionType.And));
    }

    /// <summary>
    /// r15 MAJOR 2: an order waiting for a closed drawer counts no attempt and moves its next try, so neither DEAD nor
    /// CPO-QUEUE-STALE can show it: the processor raises CPO-DRAWER-CLOSED through woo.usp_RaiseAlert, per store (no
    /// @QueueId), after a limit the store sets, and README no longer claims the stale-queue alert covers it.
    /// </summary>
    [Test]
    public void A_wait_for_the_drawer_is_alerted_once_per_store_after_a_configurable_time()
    {
        TSqlFragment proc = Parse(ProcPath("woo.usp_ProcessStagedOrders"));
        List<ExecutableProcedureReference> raises = All<ExecutableProcedureReference>(proc)
            .Where(p => p.ProcedureReference?.ProcedureReference?.Name.BaseIdentifier.Value == "usp_RaiseAlert"
                        && p.Parameters.Any(a => a.Variable?.Name == "@Code" && a.ParameterValue is StringLiteral s && s.Value == "CPO-DRAWER-CLOSED"))
            .ToList();
        Assert.That(raises, Has.Count.EqualTo(1), "one EXEC woo.usp_RaiseAlert @Code = 'CPO-DRAWER-CLOSED'");
        ExecutableProcedureReference raise = raises[0];
        Assert.That(raise.Parameters.Any(a => a.Variable?.Name == "@StoreId"), Is.True, "per store");
        Assert.That(raise.Parameters.Any(a => a.Variable?.Name == "@QueueId"), Is.False, "not per order: one open alert per store");
        string text = File.ReadAllText(ProcPath("woo.usp_ProcessStagedOrders"));
        Assert.That(text, Does.Contain("DrawerWaitAlertMinutes"), "the limit is the store's setting");
        string table = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Tables", "woo.StorePaymentRule.sql"));
        Assert.That(table, Does.Contain("[DrawerWaitAlertMinutes]"));
        Assert.That(File.ReadAllText(ProcPath("woo.usp_SetPaymentRule")), Does.Contain("@DrawerWaitAlertMinutes"), "set with the payment rule");
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        Assert.That(readme, Does.Not.Contain("shows as a stale queue"), "README must not promise the stale-queue alert for a closed drawer");
        Assert.That(text, Does.Not.Contain("shows as a stale queue"));
    }

    /// <summary>
    /// r15 MINOR 5: a session found closed by numbering after a good plan (closed, perhaps reopened with a new session, since
    /// the gather) is tried again after the store's RetryBaseSeconds, not after the 15 minutes of a planner-found closed drawer.
    /// </summary>
    [Test]
    public void A_session_closed_after_a_good_plan_is_retried_after_the_retry_base()
    {
        TSqlFragment proc = Parse(ProcPath("woo.usp_ProcessStagedOrders"));
        IfStatement wait = All<IfStatement>(proc).Single(i => Text(i.Predicate).Replace(" ", "") == "@Kind='WAIT'");
        string then = Text(wait.ThenStatement).Replace(" ", "");
        Assert.That(then, Does.Contain("JSON_VALUE(@Plan,N'$.ok')"), "the planner's verdict decides");
        Assert.That(then, Does.Contain("DATEADD(SECOND,ISNULL(@RetryBase,60)"), "a good plan: the retry base");
        Assert.That(then, Does.Contain("DATEADD(MINUTE,15"), "the planner found it closed: 15 minutes");
    }

    /// <summary>r15 MINOR 7: the setter refuses a FINAL rule (or DEPOSIT's uncaptured FINAL) with a pay code that is not credit-type.</summary>
    [Test]
    public void The_setter_checks_the_pay_type_of_final_payment_codes()
    {
        TSqlFragment proc = Parse(ProcPath("woo.usp_SetPaymentRule"));
        Assert.That(All<BooleanComparisonExpression>(proc).Any(c => Text(c).Replace(" ", "").EndsWith("PAY_TYP,'')<>'E'") || Text(c).Replace(" ", "").EndsWith("PAY_TYP<>'E'")),
            Is.True, "SY_PAY_COD.PAY_TYP <> 'E' is an error for a final payment");
    }
}
