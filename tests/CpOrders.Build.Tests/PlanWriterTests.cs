using System.Text.RegularExpressions;
using CpOrders.WooClr.Documents.Planning;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Ties the T-SQL writers to the proven plan (issue 13, design 11): the columns every writer reads from a plan with
/// OPENJSON ... WITH, and the columns it inserts into Counterpoint, must be exactly the columns the planner emits
/// (its public catalogue, PlanColumnCatalog = wooclr.PlanColumns(), which the planner's own tests prove against the
/// reference schema and a native order). A column the planner adds, drops, renames or retypes fails here, on this
/// machine, instead of becoming NULL (or a failed INSERT) on a customer's server.
/// </summary>
[TestFixture]
public class PlanWriterTests
{
    private const string Processor = "woo.usp_ProcessStagedOrders";
    private const string Writer = "woo.usp_WriteOrderDocument";

    private static readonly IReadOnlyList<PlanColumn> Catalog = new PlanColumnCatalog().All;

    private static IEnumerable<string> PlanKeys() => Catalog.Select(c => c.PlanKey).Distinct(StringComparer.Ordinal);

    private static IReadOnlyList<PlanColumn> ColumnsOf(string planKey) =>
        Catalog.Where(c => c.PlanKey == planKey).OrderBy(c => c.Ordinal).ToList();

    private static IEnumerable<string> ModelFiles() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Scripts" + Path.DirectorySeparatorChar));

    private static TSqlFragment Parse(string path)
    {
        // SQLCMD variables are not T-SQL; a placeholder identifier keeps the text parseable (and recognisable).
        string sql = Regex.Replace(File.ReadAllText(path), @"\$\((\w+)\)", "SQLCMD_$1");
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        Assert.That(errors.Select(e => $"{path} ({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        return fragment;
    }

    /// <summary>The catalogue's type as a writer must declare it: text is read as varchar(max) (OPENJSON returns no text).</summary>
    private static string Expected(PlanColumn c) => c.SqlType switch
    {
        "varchar" => c.MaxLength == -1 ? "varchar(max)" : $"varchar({c.MaxLength})",
        "text" => "varchar(max)",
        "decimal" => $"decimal({c.Precision},{c.Scale})",
        _ => c.SqlType,
    };

    private static string Declared(DataTypeReference type)
    {
        if (type is not SqlDataTypeReference sql)
            return type.Name.BaseIdentifier.Value.ToLowerInvariant();
        string name = sql.SqlDataTypeOption.ToString().ToLowerInvariant();
        if (sql.Parameters.Count == 0)
            return name;
        return name + "(" + string.Join(",", sql.Parameters.Select(p => p is MaxLiteral ? "max" : p.Value)) + ")";
    }

    private sealed class OpenJsonFinder : TSqlFragmentVisitor
    {
        public List<OpenJsonTableReference> Found { get; } = new();
        public override void ExplicitVisit(OpenJsonTableReference node)
        {
            Found.Add(node);
            base.ExplicitVisit(node);
        }
    }

    private sealed class InsertFinder : TSqlFragmentVisitor
    {
        public List<InsertSpecification> Found { get; } = new();
        public override void ExplicitVisit(InsertSpecification node)
        {
            Found.Add(node);
            base.ExplicitVisit(node);
        }
    }

    private static string? PlanPath(OpenJsonTableReference o)
    {
        Match m = Regex.Match((o.RowPattern as StringLiteral)?.Value ?? "", @"^\$\.(\w+)$");
        return m.Success ? m.Groups[1].Value : null;
    }

    [Test]
    public void Sanity_the_catalogue_has_the_documents_tables()
    {
        Assert.That(PlanKeys(), Is.SupersetOf(new[] { "PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_HDR_TOT", "IM_INV", "AR_CUST" }));
    }

    [Test]
    public void Each_plan_key_has_a_reader_function_whose_OPENJSON_columns_equal_the_planners_columns()
    {
        Assert.Multiple(() =>
        {
            foreach (string key in PlanKeys())
            {
                string path = Path.Combine(Repo.Root, "database", "woo", "Functions", $"woo.fn_Plan_{key}.sql");
                Assert.That(File.Exists(path), Is.True, $"no reader for plan key {key}: {path}");
                if (!File.Exists(path))
                    continue;
                var finder = new OpenJsonFinder();
                Parse(path).Accept(finder);
                Assert.That(finder.Found.Count, Is.EqualTo(1), $"{path}: one OPENJSON");
                OpenJsonTableReference o = finder.Found[0];
                Assert.That(PlanPath(o), Is.EqualTo(key), $"{path}: reads $.{key}");
                string[] declared = o.SchemaDeclarationItems.Select(i => i.ColumnDefinition.ColumnIdentifier.Value + " " + Declared(i.ColumnDefinition.DataType)).ToArray();
                string[] expected = ColumnsOf(key).Select(c => c.Column + " " + Expected(c)).ToArray();
                Assert.That(declared, Is.EqualTo(expected), $"{path}: OPENJSON WITH (name type, in order) = the planner's columns of {key}");
            }
            foreach (string file in Directory.GetFiles(Path.Combine(Repo.Root, "database", "woo", "Functions"), "woo.fn_Plan_*.sql"))
            {
                string key = Path.GetFileNameWithoutExtension(file)["woo.fn_Plan_".Length..];
                Assert.That(PlanKeys(), Does.Contain(key), $"{file} reads plan key {key}, which the planner does not emit");
            }
        });
    }

    [Test]
    public void No_other_code_reads_a_plan_table_with_a_column_list_of_its_own()
    {
        var keys = new HashSet<string>(PlanKeys(), StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (string file in ModelFiles().Where(f => !Path.GetFileName(f).StartsWith("woo.fn_Plan_", StringComparison.Ordinal)))
            {
                var finder = new OpenJsonFinder();
                Parse(file).Accept(finder);
                foreach (OpenJsonTableReference o in finder.Found)
                    Assert.That(PlanPath(o) is string k && keys.Contains(k), Is.False,
                        $"{file} ({o.StartLine}): reads $.{PlanPath(o)} itself; use woo.fn_Plan_{PlanPath(o)} (one column list per plan table)");
            }
        });
    }

    [Test]
    public void The_writer_inserts_every_planned_table_with_exactly_the_planners_columns_from_its_reader()
    {
        string path = Path.Combine(Repo.Root, "database", "woo", "Procedures", Writer + ".sql");
        var finder = new InsertFinder();
        Parse(path).Accept(finder);
        var inserted = new Dictionary<string, InsertSpecification>(StringComparer.Ordinal);
        foreach (InsertSpecification ins in finder.Found)
            if (ins.Target is NamedTableReference t && t.SchemaObject.DatabaseIdentifier?.Value == "SQLCMD_CounterpointDb"
                && ins.InsertSource is SelectInsertSource { Select: QuerySpecification q }
                && q.FromClause?.TableReferences.SingleOrDefault() is SchemaObjectFunctionTableReference f
                && f.SchemaObject.BaseIdentifier.Value.StartsWith("fn_Plan_", StringComparison.Ordinal))
            {
                string table = t.SchemaObject.BaseIdentifier.Value;
                Assert.That(inserted.ContainsKey(table), Is.False, $"{Writer} inserts {table} from a plan twice");
                Assert.That(f.SchemaObject.BaseIdentifier.Value, Is.EqualTo("fn_Plan_" + table), $"{Writer}: {table} is inserted from its own reader");
                inserted[table] = ins;
            }

        // Tables the plan carries whole rows for (IM_INV and AR_CUST_ORD are deltas: added by UPDATE, see the processor).
        string[] rowTables = PlanKeys().Where(k => k != "IM_INV" && k != "AR_CUST_ORD").ToArray();
        Assert.That(inserted.Keys, Is.EquivalentTo(rowTables), $"{Writer} inserts exactly the plan's row tables from woo.fn_Plan_<TABLE>");
        Assert.Multiple(() =>
        {
            foreach (string key in rowTables.Where(inserted.ContainsKey))
            {
                InsertSpecification ins = inserted[key];
                var q = (QuerySpecification)((SelectInsertSource)ins.InsertSource).Select;
                string[] target = ins.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value).ToArray();
                string[] source = q.SelectElements.Select(e => e is SelectScalarExpression { Expression: ColumnReferenceExpression cr }
                    ? cr.MultiPartIdentifier.Identifiers[^1].Value
                    : e is SelectScalarExpression { Expression: FunctionCall fc } ? fc.FunctionName.Value.ToUpperInvariant() + "()" : "?").ToArray();
                string[] expected = ColumnsOf(key).Select(c => c.Column).ToArray();
                if (key == "PS_DOC_LIN")
                {
                    // LIN_GUID is not in the plan (contract 2): one NEWID() per line.
                    Assert.That(target[^1], Is.EqualTo("LIN_GUID"), "PS_DOC_LIN: LIN_GUID last");
                    Assert.That(source[^1], Is.EqualTo("NEWID()"), "PS_DOC_LIN: LIN_GUID = NEWID()");
                    target = target[..^1];
                    source = source[..^1];
                }
                Assert.That(target, Is.EqualTo(expected), $"{Writer}: INSERT INTO {key} (...) lists the planner's columns in order");
                Assert.That(source, Is.EqualTo(expected), $"{Writer}: INSERT INTO {key} selects the same columns in the same order");
            }
        });
    }

    /// <summary>
    /// Review of issue 13, MAJOR 3: columns of existing Counterpoint tables are bound when a procedure compiles, so the
    /// processor itself must not name the written columns (a dropped column would stop it before its drift check). It
    /// writes no Counterpoint table itself and calls the writer between BEGIN TRANSACTION and COMMIT, inside a TRY.
    /// </summary>
    [Test]
    public void The_processor_writes_Counterpoint_only_through_the_writer_inside_the_orders_transaction()
    {
        string path = Path.Combine(Repo.Root, "database", "woo", "Procedures", Processor + ".sql");
        TSqlFragment tree = Parse(path);
        var writes = new DataModificationFinder();
        tree.Accept(writes);
        Assert.That(writes.Found.Where(t => t.SchemaObject.DatabaseIdentifier?.Value == "SQLCMD_CounterpointDb")
                                .Select(t => $"{t.SchemaObject.BaseIdentifier.Value} ({t.StartLine})"),
            Is.Empty, $"{Processor} writes Counterpoint tables itself; the writes belong in {Writer}");
        var calls = new CallFinder();
        tree.Accept(calls);
        Assert.That(calls.Found.Select(c => c.Name), Has.Exactly(1).EqualTo(Writer), $"{Processor} calls {Writer} once");
        ExecuteStatement call = calls.Found.Single(c => c.Name == Writer).Statement;
        Assert.That(calls.Tries.Any(t => t.TryStatements.StartOffset <= call.StartOffset && call.StartOffset < t.TryStatements.StartOffset + t.TryStatements.FragmentLength),
            Is.True, $"{Writer} is called inside a TRY (its compile error is caught by the caller's CATCH)");
        string text = File.ReadAllText(path);
        int at = text.IndexOf("EXEC woo.usp_WriteOrderDocument", StringComparison.Ordinal);
        int begin = text.LastIndexOf("BEGIN TRANSACTION", at, StringComparison.Ordinal);
        int commit = text.IndexOf("COMMIT TRANSACTION", at, StringComparison.Ordinal);
        Assert.That(begin >= 0 && commit > at && text.IndexOf("COMMIT TRANSACTION", begin, StringComparison.Ordinal) == commit, Is.True,
            $"{Writer} is called inside the order's transaction (between BEGIN TRANSACTION and its COMMIT)");
    }

    private sealed class DataModificationFinder : TSqlFragmentVisitor
    {
        public List<NamedTableReference> Found { get; } = new();
        public override void ExplicitVisit(InsertSpecification node) { Add(node.Target); base.ExplicitVisit(node); }
        public override void ExplicitVisit(UpdateSpecification node) { Add(node.Target, node.FromClause); base.ExplicitVisit(node); }
        public override void ExplicitVisit(DeleteSpecification node) { Add(node.Target, node.FromClause); base.ExplicitVisit(node); }
        public override void ExplicitVisit(MergeSpecification node) { Add(node.Target); base.ExplicitVisit(node); }

        private void Add(TableReference target, FromClause? from = null)
        {
            if (target is NamedTableReference t)
            {
                // UPDATE alias ... FROM table AS alias: the real target is the FROM table with that alias.
                if (t.SchemaObject.SchemaIdentifier is null && from is not null)
                    foreach (NamedTableReference n in Named(from))
                        if (string.Equals(n.Alias?.Value, t.SchemaObject.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase))
                            t = n;
                Found.Add(t);
            }
        }

        private static IEnumerable<NamedTableReference> Named(FromClause from)
        {
            var all = new NamedFinder();
            from.Accept(all);
            return all.Found;
        }
    }

    private sealed class NamedFinder : TSqlFragmentVisitor
    {
        public List<NamedTableReference> Found { get; } = new();
        public override void ExplicitVisit(NamedTableReference node) { Found.Add(node); base.ExplicitVisit(node); }
    }

    private sealed class CallFinder : TSqlFragmentVisitor
    {
        public List<(string Name, ExecuteStatement Statement)> Found { get; } = new();
        public List<TryCatchStatement> Tries { get; } = new();
        public override void ExplicitVisit(TryCatchStatement node) { Tries.Add(node); base.ExplicitVisit(node); }
        public override void ExplicitVisit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableProcedureReference { ProcedureReference.ProcedureReference.Name: { } n })
                Found.Add(($"{n.SchemaIdentifier?.Value}.{n.BaseIdentifier.Value}", node));
            base.ExplicitVisit(node);
        }
    }

    [Test]
    public void The_dry_run_shows_every_planned_table_with_exactly_the_columns_the_real_run_inserts()
    {
        string path = Path.Combine(Repo.Root, "database", "woo", "Procedures", Processor + ".sql");
        var finder = new QueryFinder();
        Parse(path).Accept(finder);
        var shown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (QuerySpecification q in finder.Found)
            if (q.SelectElements.FirstOrDefault() is SelectScalarExpression { Expression: StringLiteral label }
                && q.FromClause?.TableReferences.SingleOrDefault() is SchemaObjectFunctionTableReference f
                && f.SchemaObject.BaseIdentifier.Value == "fn_Plan_" + label.Value)
                shown[label.Value] = q.SelectElements.Skip(1)
                    .Select(e => e is SelectScalarExpression { Expression: ColumnReferenceExpression cr } ? cr.MultiPartIdentifier.Identifiers[^1].Value : "?")
                    .ToArray();
        string[] rowTables = PlanKeys().Where(k => k != "IM_INV" && k != "AR_CUST_ORD").ToArray();
        Assert.That(shown.Keys, Is.EquivalentTo(rowTables), "the dry run shows each planned row table once, labelled with its name");
        Assert.Multiple(() =>
        {
            foreach (string key in rowTables.Where(shown.ContainsKey))
                Assert.That(shown[key], Is.EqualTo(ColumnsOf(key).Select(c => c.Column).ToArray()), $"dry run of {key}: the planner's columns in order");
        });
    }

    private sealed class QueryFinder : TSqlFragmentVisitor
    {
        public List<QuerySpecification> Found { get; } = new();
        public override void ExplicitVisit(QuerySpecification node)
        {
            Found.Add(node);
            base.ExplicitVisit(node);
        }
    }

    [Test]
    public void The_delta_readers_carry_only_counterpoint_columns_the_writer_adds()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", Writer + ".sql"));
        Assert.Multiple(() =>
        {
            foreach (PlanColumn c in ColumnsOf("IM_INV").Where(c => c.Column is not ("ITEM_NO" or "LOC_ID")))
                Assert.That(Regex.IsMatch(text, $@"v\.{c.Column}\s*=\s*v\.{c.Column}\s*\+\s*i\.{c.Column}"), Is.True, $"IM_INV.{c.Column} is added");
            foreach (PlanColumn c in ColumnsOf("AR_CUST_ORD").Where(c => c.Column != "CUST_NO"))
                Assert.That(Regex.IsMatch(text, $@"c\.{c.Column}\s*=\s*c\.{c.Column}\s*\+\s*p\.{c.Column}"), Is.True, $"AR_CUST.{c.Column} is added");
        });
    }

    /// <summary>
    /// The drift check's catalog read runs as a literal batch in the Counterpoint database, which no build validates and
    /// whose compatibility level may be as old as SQL Server 2008's: it must parse with that grammar.
    /// </summary>
    [Test]
    public void The_drift_checks_Counterpoint_batch_parses_with_the_2008_grammar()
    {
        string path = Path.Combine(Repo.Root, "database", "woo", "Procedures", "woo.usp_CheckCounterpointSchema.sql");
        var finder = new CpExecFinder();
        Parse(path).Accept(finder);
        Assert.That(finder.Batches, Has.Count.EqualTo(1), "one batch run in Counterpoint");
        foreach (string batch in finder.Batches)
        {
            new TSql100Parser(true).Parse(new StringReader(batch), out IList<ParseError> errors);
            Assert.That(errors.Select(e => $"({e.Line},{e.Column}) {e.Message}"), Is.Empty);
        }
    }

    [Test]
    public void The_drift_check_expects_as_many_readers_as_there_are_fn_Plan_files()
    {
        string text = File.ReadAllText(Path.Combine(Repo.Root, "database", "woo", "Procedures", "woo.usp_CheckCounterpointSchema.sql"));
        Match m = Regex.Match(text, @"@Readers int = (\d+)");
        Assert.That(m.Success, Is.True, "woo.usp_CheckCounterpointSchema declares @Readers int = <count>");
        int files = Directory.GetFiles(Path.Combine(Repo.Root, "database", "woo", "Functions"), "woo.fn_Plan_*.sql").Length;
        Assert.That(int.Parse(m.Groups[1].Value), Is.EqualTo(files), "@Readers = the number of woo.fn_Plan_*.sql readers");
    }

    private sealed class CpExecFinder : TSqlFragmentVisitor
    {
        public List<string> Batches { get; } = new();
        public override void ExplicitVisit(ExecuteSpecification node)
        {
            if (node.ExecutableEntity is ExecutableProcedureReference p
                && p.ProcedureReference?.ProcedureVariable?.Name.Equals("@CpExec", StringComparison.OrdinalIgnoreCase) == true
                && p.Parameters.FirstOrDefault()?.ParameterValue is StringLiteral literal)
                Batches.Add(literal.Value);
            base.ExplicitVisit(node);
        }
    }
}
