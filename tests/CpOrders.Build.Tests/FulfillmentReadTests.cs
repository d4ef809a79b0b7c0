using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Issue 15 point 2, checked statically (ScriptDom, 2017 grammar): fulfillment SEEKS only our own documents. In
/// woo.usp_ReadFulfillment and woo.usp_SyncFulfillment every query over a keyed Counterpoint document table
/// (PS_DOC_HDR, PS_DOC_LIN, PS_DOC_AUDIT_LOG: PK leads with DOC_ID) or history table (PS_ORD_HIST, PS_ORD_HIST_LIN: key
/// (BUS_DAT, DOC_ID, ...) inferred) has an equality on that table's DOC_ID in its WHERE or JOIN ON, and a history query
/// also a predicate on BUS_DAT (the key's first column); no table hint (NOLOCK, TABLOCK, ...) on any Counterpoint table
/// (design 5). The checker is tested on crafted bad and good examples.
/// </summary>
[TestFixture]
public class FulfillmentReadTests
{
    private static readonly string[] Keyed = { "PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_AUDIT_LOG", "PS_ORD_HIST", "PS_ORD_HIST_LIN" };

    private static string ProcedureText(string name) =>
        File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", name + ".sql"));

    [Test]
    public void Fulfillment_reads_seek_every_Counterpoint_document_and_history_table_by_DOC_ID()
    {
        var checker = new SeekChecker();
        foreach (string name in new[] { "woo.usp_ReadFulfillment", "woo.usp_ReadFulfillmentHistory", "woo.usp_SyncFulfillment" })
            checker.Check(name, ProcedureText(name));
        Assert.Multiple(() =>
        {
            Assert.That(checker.Problems, Is.Empty);
            // Not vacuous: the reader's queries were seen (reader: HDR x2, LIN x2, AUDIT_LOG, ORD_HIST, ORD_HIST_LIN; the step's probe).
            Assert.That(checker.Checked, Is.GreaterThanOrEqualTo(8), "sanity: the fulfillment queries over keyed tables were found");
            Assert.That(checker.HistoryChecked, Is.GreaterThanOrEqualTo(2), "sanity: the history queries were found");
        });
    }

    [Test]
    public void The_seek_checker_finds_a_scan_a_history_read_without_BUS_DAT_and_a_hint()
    {
        var checker = new SeekChecker();
        checker.Check("bad", """
            CREATE PROCEDURE woo.bad AS
            BEGIN
                SELECT h.TKT_NO FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.TKT_NO = 'X';
                SELECT l.ITEM_NO FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = 1 WHERE l.LINK_LIN_GUID = NEWID();
                SELECT o.TKT_NO FROM [$(CounterpointDb)].dbo.PS_ORD_HIST AS o WHERE o.DOC_ID = 1;
                SELECT h.TKT_NO FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WITH (NOLOCK) WHERE h.DOC_ID = 1;
            END;
            """);
        Assert.That(checker.Problems, Has.Count.EqualTo(4), string.Join(Environment.NewLine, checker.Problems));

        var good = new SeekChecker();
        good.Check("good", """
            CREATE PROCEDURE woo.good @D bigint AS
            BEGIN
                SELECT h.TKT_NO FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @D;
                UPDATE r SET r.X = 1 FROM @R AS r JOIN [$(CounterpointDb)].dbo.PS_DOC_HDR AS h ON h.DOC_ID = r.DocId;
                SELECT o.TKT_NO FROM [$(CounterpointDb)].dbo.PS_ORD_HIST AS o WHERE o.BUS_DAT >= '20260101' AND o.DOC_ID = @D;
            END;
            """);
        Assert.That(good.Problems, Is.Empty);
        Assert.That(good.Checked, Is.EqualTo(3));
    }

    // The run-time check (woo.usp_SyncFulfillment's @Need list) must cover every Counterpoint column the reader reads, or
    // an NCR change to one of them fails each order (error 207) instead of stopping the run with CPO-FULFIL-SCHEMA first.
    [Test]
    public void The_run_time_schema_check_covers_every_Counterpoint_column_the_reader_reads()
    {
        var need = Regex.Matches(ProcedureText("woo.usp_SyncFulfillment"), @"\(N'(PS_\w+)', N'(\w+)'\)")
            .Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}".ToUpperInvariant()).ToHashSet();
        SortedSet<string> read = CounterpointColumns(ProcedureText("woo.usp_ReadFulfillment"));
        read.UnionWith(CounterpointColumns(ProcedureText("woo.usp_ReadFulfillmentHistory")));
        Assert.Multiple(() =>
        {
            Assert.That(read, Has.Count.GreaterThanOrEqualTo(20), "sanity: the reader's Counterpoint columns were found");
            Assert.That(read.Where(c => !need.Contains(c)), Is.Empty, "read by woo.usp_ReadFulfillment but not checked by woo.usp_SyncFulfillment's @Need");
        });
    }

    // r15 finding 9 (design 10): PS_DOC_AUDIT_LOG.LOG_ENTRY is free text a clerk or connector wrote (it may name the
    // customer); the void mark handed to alerts and @Outcomes carries LOG_SEQ_NO, DOC_TYP and ACTIV only.
    [Test]
    public void No_free_text_of_Counterpoints_audit_log_is_read_into_alerts()
    {
        SortedSet<string> read = CounterpointColumns(ProcedureText("woo.usp_ReadFulfillment"));
        Assert.Multiple(() =>
        {
            Assert.That(read, Does.Contain("PS_DOC_AUDIT_LOG.ACTIV"), "sanity: the audit log is read");
            Assert.That(read, Does.Not.Contain("PS_DOC_AUDIT_LOG.LOG_ENTRY"));
        });
    }

    // r15 finding 5: order history is optional. Only woo.usp_ReadFulfillmentHistory names PS_ORD_HIST*, so a history
    // schema that differs fails that procedure alone (caught by woo.usp_SyncFulfillment, which keeps following open
    // orders), and the run-time check keeps the history columns apart from the required ones.
    [Test]
    public void Order_history_is_read_only_by_its_own_procedure_and_checked_apart()
    {
        string reader = ProcedureText("woo.usp_ReadFulfillment"), history = ProcedureText("woo.usp_ReadFulfillmentHistory"),
               sync = ProcedureText("woo.usp_SyncFulfillment");
        string required = Regex.Match(sync, @"INSERT INTO @Need \(TableName, ColumnName\)(.*?);", RegexOptions.Singleline).Groups[1].Value;
        string optional = Regex.Match(sync, @"INSERT INTO @NeedHistory \(TableName, ColumnName\)(.*?);", RegexOptions.Singleline).Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(CounterpointColumns(reader).Where(c => c.StartsWith("PS_ORD_HIST", StringComparison.Ordinal)), Is.Empty);
            Assert.That(CounterpointColumns(history).Where(c => c.StartsWith("PS_ORD_HIST", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(required, Does.Contain("PS_DOC_HDR").And.Not.Contain("PS_ORD_HIST"), "the required columns");
            Assert.That(optional, Does.Contain("PS_ORD_HIST_LIN"), "the history columns, checked apart");
            Assert.That(sync, Does.Contain("CPO-FULFIL-HISTORY"), "one alert when history is unusable");
        });
    }

    [Test]
    public void The_column_finder_sees_columns_of_Counterpoint_aliases_only()
    {
        SortedSet<string> read = CounterpointColumns("""
            CREATE PROCEDURE woo.x AS
            BEGIN
                SELECT h.TKT_NO, r.Foo FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h JOIN @R AS r ON r.DocId = h.DOC_ID
                WHERE h.DOC_GUID IN (SELECT o.Guid FROM @O AS o);
            END;
            """);
        Assert.That(read, Is.EqualTo(new SortedSet<string> { "PS_DOC_HDR.DOC_GUID", "PS_DOC_HDR.DOC_ID", "PS_DOC_HDR.TKT_NO" }));
    }

    /// <summary>TABLE.COLUMN of every column a query reads through the alias of a [$(CounterpointDb)] table in its own FROM.</summary>
    private static SortedSet<string> CounterpointColumns(string text)
    {
        string sql = Regex.Replace(text, @"\$\((\w+)\)", "SQLCMD_$1");
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        var queries = new QueryFinder();
        fragment.Accept(queries);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((TSqlFragment query, FromClause? from, WhereClause? _) in queries.Queries)
        {
            if (from == null)
                continue;
            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (NamedTableReference t in SeekChecker.Tables(from.TableReferences))
                if (t.SchemaObject.DatabaseIdentifier?.Value.StartsWith("SQLCMD_CounterpointDb", StringComparison.OrdinalIgnoreCase) == true)
                    aliases[t.Alias?.Value ?? t.SchemaObject.BaseIdentifier.Value] = t.SchemaObject.BaseIdentifier.Value.ToUpperInvariant();
            var columns = new ColumnFinder();
            query.Accept(columns);
            foreach ((string alias, string column) in columns.Columns)
                if (aliases.TryGetValue(alias, out string? table))
                    result.Add($"{table}.{column.ToUpperInvariant()}");
        }
        return result;
    }

    private sealed class ColumnFinder : TSqlFragmentVisitor
    {
        public List<(string, string)> Columns { get; } = new();

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier?.Identifiers.Count >= 2)
                Columns.Add((node.MultiPartIdentifier.Identifiers[^2].Value, node.MultiPartIdentifier.Identifiers[^1].Value));
            base.ExplicitVisit(node);
        }
    }

    private sealed class SeekChecker
    {
        public List<string> Problems { get; } = new();
        public int Checked { get; private set; }
        public int HistoryChecked { get; private set; }

        public void Check(string what, string text)
        {
            string sql = Regex.Replace(text, @"\$\((\w+)\)", "SQLCMD_$1");
            TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
            Assert.That(errors.Select(e => $"{what} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
            var queries = new QueryFinder();
            fragment.Accept(queries);
            foreach ((TSqlFragment _, FromClause? from, WhereClause? where) in queries.Queries)
            {
                if (from == null)
                    continue;
                var equalities = new ComparisonFinder();
                from.Accept(equalities);
                where?.Accept(equalities);
                foreach (NamedTableReference table in Tables(from.TableReferences))
                {
                    if (table.SchemaObject.DatabaseIdentifier?.Value.StartsWith("SQLCMD_CounterpointDb", StringComparison.OrdinalIgnoreCase) != true)
                        continue;
                    string name = table.SchemaObject.BaseIdentifier.Value;
                    string alias = table.Alias?.Value ?? name;
                    if (table.TableHints.Count > 0)
                        Problems.Add($"{what} line {table.StartLine}: {name} carries a table hint (design 5: none on Counterpoint tables)");
                    if (!Keyed.Contains(name, StringComparer.OrdinalIgnoreCase))
                        continue;
                    Checked++;
                    if (!equalities.Equal.Contains((alias.ToUpperInvariant(), "DOC_ID")))
                        Problems.Add($"{what} line {table.StartLine}: {name} AS {alias} is read without {alias}.DOC_ID = ... (a scan, not a seek of our document)");
                    if (name.StartsWith("PS_ORD_HIST", StringComparison.OrdinalIgnoreCase))
                    {
                        HistoryChecked++;
                        if (!equalities.Any.Contains((alias.ToUpperInvariant(), "BUS_DAT")))
                            Problems.Add($"{what} line {table.StartLine}: {name} AS {alias} is read without a predicate on {alias}.BUS_DAT (the history key's first column)");
                    }
                }
            }
        }

        public static IEnumerable<NamedTableReference> Tables(IEnumerable<TableReference> refs)
        {
            foreach (TableReference r in refs)
            {
                if (r is NamedTableReference n)
                    yield return n;
                else if (r is JoinTableReference j)
                    foreach (NamedTableReference x in Tables(new[] { j.FirstTableReference, j.SecondTableReference }))
                        yield return x;
                else if (r is JoinParenthesisTableReference p)
                    foreach (NamedTableReference x in Tables(new[] { p.Join }))
                        yield return x;
            }
        }
    }

    /// <summary>Every SELECT, UPDATE and DELETE with its own FROM and WHERE (subqueries are visited as queries of their own).</summary>
    private sealed class QueryFinder : TSqlFragmentVisitor
    {
        public List<(TSqlFragment, FromClause?, WhereClause?)> Queries { get; } = new();

        public override void ExplicitVisit(QuerySpecification node)
        {
            Queries.Add((node, node.FromClause, node.WhereClause));
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateSpecification node)
        {
            Queries.Add((node, node.FromClause, node.WhereClause));
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(DeleteSpecification node)
        {
            Queries.Add((node, node.FromClause, node.WhereClause));
            base.ExplicitVisit(node);
        }
    }

    /// <summary>Columns (alias, column) compared with '=' (Equal) and with any comparison (Any).</summary>
    private sealed class ComparisonFinder : TSqlFragmentVisitor
    {
        public HashSet<(string, string)> Equal { get; } = new();
        public HashSet<(string, string)> Any { get; } = new();

        public override void ExplicitVisit(BooleanComparisonExpression node)
        {
            foreach (ScalarExpression side in new[] { node.FirstExpression, node.SecondExpression })
                if (side is ColumnReferenceExpression c && c.MultiPartIdentifier?.Identifiers.Count >= 2)
                {
                    IList<Identifier> ids = c.MultiPartIdentifier.Identifiers;
                    var key = (ids[^2].Value.ToUpperInvariant(), ids[^1].Value.ToUpperInvariant());
                    Any.Add(key);
                    if (node.ComparisonType == BooleanComparisonType.Equals)
                        Equal.Add(key);
                }
            base.ExplicitVisit(node);
        }
    }
}
