using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// Design 3 and 4, checked statically on every T-SQL file under database/ (ScriptDom, 2017 grammar): an HTTP call never
/// runs inside a transaction nor inside a statement that writes a shared table. An HTTP object is a wooclr wrapper with
/// a @BaseUrl parameter (read from the build's generated PreDeploy.Clr.sql, so a new one is covered without editing
/// this test); a transport procedure is a module that calls one, or (closure over EXEC) that EXECs a transport
/// procedure. Rules:
///   1. only woo.usp_Woo* procedures call HTTP objects, and each refuses an open transaction (IF @@TRANCOUNT ... THROW
///      or RAISERROR, not merely a read of @@TRANCOUNT) before its first call;
///   2. no HTTP object call and no EXEC of a transport procedure lies between BEGIN TRAN and COMMIT/ROLLBACK in the same
///      module (statement by statement; a COMMIT or ROLLBACK inside an IF/ELSE branch, a WHILE body or a CATCH block
///      may not run, so it never lowers the depth for what follows the branch);
///   3. no such call sits inside a statement that writes a table other than a #temp table or a table variable
///      (INSERT/UPDATE/DELETE/MERGE, SELECT ... INTO, INSERT ... EXEC).
/// The checker is tested on crafted bad examples (it must find each) and a crafted good one.
/// </summary>
[TestFixture]
public class HttpOutsideTransactionTests
{
    private static IReadOnlyList<string> HttpObjects()
    {
        string path = Path.Combine(Repo.Root, "obj", "generated", "PreDeploy.Clr.sql");
        Assert.That(File.Exists(path), Is.True, $"{path} is missing: build the solution first (README)");
        var names = Regex.Matches(File.ReadAllText(path), @"CREATE (?:FUNCTION|PROCEDURE) \[wooclr\]\.\[(\w+)\][^']*?@BaseUrl\b")
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal).ToList();
        return names;
    }

    [Test]
    public void The_HTTP_objects_are_found_in_the_generated_CLR_script()
    {
        Assert.That(HttpObjects(), Is.SupersetOf(new[] { "AddOrderNote", "BatchUpdateOrders", "GetOrders", "ListOrderNotes", "UpdateOrder" }));
        Assert.That(HttpObjects(), Does.Not.Contain("OrderJsonCheck").And.Not.Contain("OrderNotes"), "pure parsers are no HTTP objects");
    }

    [Test]
    public void No_HTTP_call_runs_in_a_transaction_or_in_a_write_to_a_shared_table()
    {
        var checker = new HttpCallChecker(HttpObjects());
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "database"), "*.sql", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (string file in files)
            checker.AddSource(Path.GetRelativePath(Repo.Root, file), File.ReadAllText(file));
        IReadOnlyList<string> problems = checker.Check();
        Assert.Multiple(() =>
        {
            Assert.That(checker.TransportProcedures, Is.SupersetOf(new[] { "woo.usp_WooGetOrders", "woo.usp_WooUpdateOrder", "woo.usp_WooBatchUpdateOrders",
                                                                         "woo.usp_WooAddOrderNote", "woo.usp_WooListOrderNotes" }),
                "sanity: the transport procedures are found by what they call");
            Assert.That(checker.TransportCalls, Is.GreaterThanOrEqualTo(1), "sanity: woo.usp_PullOrders calls a transport procedure");
            Assert.That(problems, Is.Empty);
        });
    }

    // The test of the test: each crafted module breaks one rule, and the checker must say so.
    private const string Transport = @"
CREATE PROCEDURE woo.usp_WooGetOrders @StoreId varchar(10), @PulledJson nvarchar(max) OUTPUT
AS
BEGIN
    IF @@TRANCOUNT > 0 THROW 50000, N'no', 1;
    SET @PulledJson = (SELECT o.order_id FROM wooclr.GetOrders(N'u', N'k', N's', N'basic', NULL, NULL, 1, 1, 1, 1, NULL, 0, NULL, NULL) AS o FOR JSON PATH);
END;";

    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    DECLARE @J nvarchar(max);
    BEGIN TRANSACTION;
    EXEC woo.usp_WooGetOrders @StoreId = 'WEB', @PulledJson = @J OUTPUT;
    COMMIT TRANSACTION;
END;", "inside a transaction", TestName = "Checker finds a transport EXEC between BEGIN TRAN and COMMIT")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    BEGIN TRAN;
    UPDATE woo.Store SET IsEnabled = 'Y';
    IF 1 = 1
    BEGIN
        DECLARE @J nvarchar(max);
        EXEC woo.usp_WooGetOrders 'WEB', @J OUTPUT;
    END;
    ROLLBACK;
END;", "inside a transaction", TestName = "Checker finds a nested transport EXEC before ROLLBACK")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_WooBad AS
BEGIN
    IF @@TRANCOUNT > 0 THROW 50000, N'no', 1;
    INSERT INTO woo.RunLog (Step) SELECT o.row_kind FROM wooclr.GetOrders(N'u', N'k', N's', N'basic', NULL, NULL, 1, 1, 1, 1, NULL, 0, NULL, NULL) AS o;
END;", "writes woo.RunLog", TestName = "Checker finds an HTTP call inside an INSERT into a shared table")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    CREATE TABLE #r (x int);
    INSERT INTO dbo.T (x) EXEC woo.usp_WooGetOrders 'WEB';
END;", "writes dbo.T", TestName = "Checker finds INSERT EXEC of a transport procedure into a shared table")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Helper AS
BEGIN
    DECLARE @A bit, @S nvarchar(40), @R nvarchar(max), @H int, @E nvarchar(100), @M nvarchar(4000), @Q int;
    EXEC wooclr.UpdateOrder N'u', N'k', N's', N'basic', 1, 1, 0, NULL, NULL, 1, N'completed', NULL, NULL, @A OUTPUT, @S OUTPUT, @R OUTPUT, @H OUTPUT, @E OUTPUT, @M OUTPUT, @Q OUTPUT;
END;", "only woo.usp_Woo", TestName = "Checker finds an HTTP object called outside a transport procedure")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_WooNoCheck AS
BEGIN
    DECLARE @J nvarchar(max) = (SELECT o.order_id FROM wooclr.GetOrders(N'u', N'k', N's', N'basic', NULL, NULL, 1, 1, 1, 1, NULL, 0, NULL, NULL) AS o FOR JSON PATH);
END;", "@@TRANCOUNT", TestName = "Checker finds a transport procedure without the @@TRANCOUNT guard")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_WooReadsOnly AS
BEGIN
    DECLARE @T int = @@TRANCOUNT;
    DECLARE @J nvarchar(max) = (SELECT o.order_id FROM wooclr.GetOrders(N'u', N'k', N's', N'basic', NULL, NULL, 1, 1, 1, 1, NULL, 0, NULL, NULL) AS o FOR JSON PATH);
END;", "@@TRANCOUNT", TestName = "Checker finds a transport procedure that reads @@TRANCOUNT without refusing")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Caller AS
BEGIN
    DECLARE @J nvarchar(max);
    EXEC woo.usp_WooGetOrders @StoreId = 'WEB', @PulledJson = @J OUTPUT;
END;
GO
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    BEGIN TRANSACTION;
    EXEC woo.usp_Caller;
    COMMIT TRANSACTION;
END;", "inside a transaction", TestName = "Checker finds a transitive caller of a transport procedure inside a transaction")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    DECLARE @J nvarchar(max);
    BEGIN TRANSACTION;
    BEGIN TRY
        UPDATE woo.Store SET IsEnabled = 'Y';
    END TRY
    BEGIN CATCH
        ROLLBACK TRANSACTION;
    END CATCH;
    EXEC woo.usp_WooGetOrders @StoreId = 'WEB', @PulledJson = @J OUTPUT;
    COMMIT TRANSACTION;
END;", "inside a transaction", TestName = "Checker finds a transport EXEC after a ROLLBACK that only a CATCH runs")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad @X bit AS
BEGIN
    DECLARE @J nvarchar(max);
    BEGIN TRANSACTION;
    IF @X = 1 COMMIT TRANSACTION;
    EXEC woo.usp_WooGetOrders @StoreId = 'WEB', @PulledJson = @J OUTPUT;
END;", "inside a transaction", TestName = "Checker finds a transport EXEC after a COMMIT that only an IF runs")]
    [TestCase(@"
CREATE PROCEDURE woo.usp_Bad AS
BEGIN
    SELECT o.order_id INTO woo.Copy FROM wooclr.GetOrders(N'u', N'k', N's', N'basic', NULL, NULL, 1, 1, 1, 1, NULL, 0, NULL, NULL) AS o;
END;", "writes woo.Copy", TestName = "Checker finds SELECT INTO a permanent table from an HTTP object")]
    public void Checker_finds_the_crafted_bad_example(string bad, string expected)
    {
        var checker = new HttpCallChecker(new[] { "GetOrders", "UpdateOrder" });
        checker.AddSource("transport.sql", Transport);
        checker.AddSource("bad.sql", bad);
        IReadOnlyList<string> problems = checker.Check();
        Assert.That(problems, Has.Some.Contains(expected), string.Join("\n", problems));
        Assert.That(problems, Has.All.StartsWith("bad.sql"), "the good transport procedure is not blamed");
    }

    [Test]
    public void Checker_accepts_the_crafted_good_example()
    {
        var checker = new HttpCallChecker(new[] { "GetOrders", "UpdateOrder" });
        checker.AddSource("transport.sql", Transport);
        checker.AddSource("good.sql", @"
CREATE PROCEDURE woo.usp_Good AS
BEGIN
    DECLARE @J nvarchar(max);
    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE woo.Store SET IsEnabled = 'Y';
        COMMIT TRANSACTION;
        EXEC woo.usp_WooGetOrders @StoreId = 'WEB', @PulledJson = @J OUTPUT;
        CREATE TABLE #pulled (order_id bigint);
        INSERT INTO #pulled (order_id) SELECT j.order_id FROM OPENJSON(@J) WITH (order_id bigint) AS j;
        BEGIN TRANSACTION;
        UPDATE woo.Store SET IsEnabled = 'N';
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        THROW;
    END CATCH;
END;");
        Assert.That(checker.Check(), Is.Empty);
        Assert.That(checker.TransportCalls, Is.EqualTo(1));
    }
}

/// <summary>The static rules of <see cref="HttpOutsideTransactionTests"/> over a set of T-SQL sources.</summary>
public sealed class HttpCallChecker
{
    private readonly HashSet<string> _http;
    private readonly List<(string File, TSqlFragment Fragment)> _sources = new();

    public HttpCallChecker(IEnumerable<string> httpObjects) => _http = new HashSet<string>(httpObjects, StringComparer.OrdinalIgnoreCase);

    public SortedSet<string> TransportProcedures { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int TransportCalls { get; private set; }

    public void AddSource(string file, string text)
    {
        // SQLCMD variables are not T-SQL; a placeholder keeps the text parseable.
        string sql = string.Join("\nGO\n", SqlTokens.Batches(Regex.Replace(text, @"\$\((\w+)\)", "SQLCMD_$1")));
        TSqlFragment fragment = new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out IList<ParseError> errors);
        if (errors.Count > 0)
            throw new InvalidOperationException($"{file}: T-SQL 2017 syntax: {errors[0].Message} at line {errors[0].Line}");
        _sources.Add((file, fragment));
    }

    public IReadOnlyList<string> Check()
    {
        // Pass 1: the modules that call an HTTP object are the transport procedures.
        var modules = new List<(string File, string Name, TSqlFragment Body)>();
        foreach ((string file, TSqlFragment fragment) in _sources)
        {
            var finder = new ModuleFinder();
            fragment.Accept(finder);
            modules.AddRange(finder.Modules.Select(m => (file, m.Name, m.Body)));
            if (finder.Modules.Count == 0)
                modules.Add((file, "(script)", fragment));
        }
        TransportProcedures.Clear();
        foreach ((_, string name, TSqlFragment body) in modules)
            if (Leaves(body).Any(s => HttpCalls(s is IfStatement i ? i.Predicate : s is WhileStatement w ? w.Predicate : s).Count > 0))
                TransportProcedures.Add(name);
        // Closure: a module that EXECs a transport procedure makes HTTP calls too (BEGIN TRAN; EXEC woo.usp_PullOrders).
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach ((_, string name, TSqlFragment body) in modules)
                if (!TransportProcedures.Contains(name)
                    && Leaves(body).Any(s => TransportExecs(s is IfStatement i ? i.Predicate : s is WhileStatement w ? w.Predicate : s).Count > 0))
                {
                    TransportProcedures.Add(name);
                    grew = true;
                }
        }

        // Pass 2: every leaf statement in source order, with the lexical transaction depth.
        var problems = new List<string>();
        TransportCalls = 0;
        foreach ((string file, string name, TSqlFragment body) in modules)
        {
            Dictionary<TSqlStatement, int> depths = Depths(body);
            bool guarded = false;
            foreach (TSqlStatement statement in Leaves(body))
            {
                // A condition is judged by itself (its body's statements come next as leaves of their own).
                TSqlFragment judged = statement switch { IfStatement i => i.Predicate, WhileStatement w => w.Predicate, _ => statement };
                if (statement is BeginTransactionStatement or CommitTransactionStatement or RollbackTransactionStatement)
                    continue;
                int depth = depths.TryGetValue(statement, out int d) ? d : 0;
                if (statement is IfStatement guard && ReadsTranCount(guard.Predicate) && Throws(guard.ThenStatement))
                    guarded = true;
                List<string> http = HttpCalls(judged);
                List<string> transport = TransportExecs(judged);
                TransportCalls += transport.Count;
                foreach (string call in http.Concat(transport))
                {
                    string where = $"{file}({statement.StartLine}) {name}: {call}";
                    if (http.Contains(call) && !(name.StartsWith("woo.usp_Woo", StringComparison.OrdinalIgnoreCase)))
                        problems.Add($"{where}: HTTP objects are called only by transport procedures (only woo.usp_Woo* procedures)");
                    if (http.Contains(call) && !guarded)
                        problems.Add($"{where}: the transport procedure must refuse an open transaction (IF @@TRANCOUNT > 0 ... THROW) before its first HTTP call");
                    if (depth > 0)
                        problems.Add($"{where}: inside a transaction (between BEGIN TRAN and COMMIT/ROLLBACK)");
                    string? target = SharedWriteTarget(statement);
                    if (target != null)
                        problems.Add($"{where}: inside a statement that writes {target} (only #temp tables and table variables may be written around HTTP)");
                }
            }
        }
        return problems;
    }

    private List<string> HttpCalls(TSqlFragment fragment)
    {
        var finder = new CallFinder(n => n.schema.Equals("wooclr", StringComparison.OrdinalIgnoreCase) && _http.Contains(n.name));
        fragment.Accept(finder);
        return finder.Found;
    }

    private List<string> TransportExecs(TSqlFragment fragment)
    {
        var finder = new CallFinder(n => TransportProcedures.Contains($"{n.schema}.{n.name}"), executesOnly: true);
        fragment.Accept(finder);
        return finder.Found;
    }

    /// <summary>
    /// The transaction depth before each statement of a module, walking its structure: a branch (IF/ELSE, WHILE body,
    /// CATCH block) may raise the depth after it, never lower it (its COMMIT or ROLLBACK may not run).
    /// </summary>
    private static Dictionary<TSqlStatement, int> Depths(TSqlFragment body)
    {
        var map = new Dictionary<TSqlStatement, int>(ReferenceEqualityComparer.Instance);
        IEnumerable<TSqlStatement> top = body switch
        {
            ProcedureStatementBodyBase p when p.StatementList != null => p.StatementList.Statements,
            TSqlScript script => script.Batches.SelectMany(b => b.Statements),
            _ => Enumerable.Empty<TSqlStatement>(),
        };
        int depth = 0;
        foreach (TSqlStatement statement in top)
            Walk(statement, ref depth, map);
        return map;
    }

    private static void Walk(TSqlStatement statement, ref int depth, Dictionary<TSqlStatement, int> map)
    {
        map[statement] = depth;
        switch (statement)
        {
            case BeginEndBlockStatement b:
                foreach (TSqlStatement s in b.StatementList.Statements)
                    Walk(s, ref depth, map);
                break;
            case TryCatchStatement t:
            {
                foreach (TSqlStatement s in t.TryStatements.Statements)
                    Walk(s, ref depth, map);
                int saved = depth;
                foreach (TSqlStatement s in t.CatchStatements.Statements)
                    Walk(s, ref depth, map);
                depth = Math.Max(saved, depth);
                break;
            }
            case IfStatement i:
            {
                int saved = depth;
                Walk(i.ThenStatement, ref depth, map);
                int afterThen = Math.Max(saved, depth);
                depth = saved;
                if (i.ElseStatement != null)
                    Walk(i.ElseStatement, ref depth, map);
                depth = Math.Max(afterThen, Math.Max(saved, depth));
                break;
            }
            case WhileStatement w:
            {
                int saved = depth;
                Walk(w.Statement, ref depth, map);
                depth = Math.Max(saved, depth);
                break;
            }
            case BeginTransactionStatement:
                depth++;
                break;
            case CommitTransactionStatement:
                depth = Math.Max(0, depth - 1);
                break;
            case RollbackTransactionStatement r when r.Name == null:
                depth = 0;
                break;
        }
    }

    private static bool Throws(TSqlFragment fragment)
    {
        var finder = new ThrowFinder();
        fragment.Accept(finder);
        return finder.Found;
    }

    private sealed class ThrowFinder : TSqlFragmentVisitor
    {
        public bool Found { get; private set; }
        public override void Visit(ThrowStatement node) => Found = true;
        public override void Visit(RaiseErrorStatement node) => Found = true;
    }

    private static bool ReadsTranCount(TSqlFragment fragment)
    {
        var finder = new TranCountFinder();
        fragment.Accept(finder);
        return finder.Found;
    }

    /// <summary>The table a data-modification statement writes, when it is neither a #temp table nor a table variable.</summary>
    private static string? SharedWriteTarget(TSqlStatement statement)
    {
        TableReference? target = statement switch
        {
            InsertStatement i => i.InsertSpecification.Target,
            UpdateStatement u => u.UpdateSpecification.Target,
            DeleteStatement d => d.DeleteSpecification.Target,
            MergeStatement m => m.MergeSpecification.Target,
            _ => null,
        };
        if (statement is SelectStatement { Into: SchemaObjectName into })
            return into.BaseIdentifier.Value.StartsWith('#') ? null : Display(into);
        return target switch
        {
            null => null,
            VariableTableReference => null,
            NamedTableReference n when n.SchemaObject.BaseIdentifier.Value.StartsWith('#') => null,
            NamedTableReference n => Display(n.SchemaObject),
            _ => "a table",
        };
    }

    private static string Display(SchemaObjectName n) => $"{n.SchemaIdentifier?.Value ?? "dbo"}.{n.BaseIdentifier.Value}";

    /// <summary>Statements that are not containers, in source order (the lexical order a reader follows).</summary>
    private static IEnumerable<TSqlStatement> Leaves(TSqlFragment fragment)
    {
        var finder = new LeafFinder();
        fragment.Accept(finder);
        return finder.Leaves.OrderBy(s => s.StartOffset);
    }

    private sealed class ModuleFinder : TSqlFragmentVisitor
    {
        public List<(string Name, TSqlFragment Body)> Modules { get; } = new();

        public override void ExplicitVisit(CreateProcedureStatement node) => Modules.Add((Name(node.ProcedureReference.Name), node));
        public override void ExplicitVisit(CreateOrAlterProcedureStatement node) => Modules.Add((Name(node.ProcedureReference.Name), node));
        public override void ExplicitVisit(CreateFunctionStatement node) => Modules.Add((Name(node.Name), node));
        public override void ExplicitVisit(CreateViewStatement node) => Modules.Add((Name(node.SchemaObjectName), node));
        public override void ExplicitVisit(CreateTriggerStatement node) => Modules.Add((Name(node.Name), node));

        private static string Name(SchemaObjectName n) => $"{n.SchemaIdentifier?.Value ?? "dbo"}.{n.BaseIdentifier.Value}";
    }

    private sealed class LeafFinder : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Leaves { get; } = new();

        public override void Visit(TSqlStatement node)
        {
            if (node is not (BeginEndBlockStatement or TryCatchStatement or CreateProcedureStatement
                             or CreateOrAlterProcedureStatement or CreateFunctionStatement or CreateTriggerStatement or CreateViewStatement))
                Leaves.Add(node);
            base.Visit(node);
        }

        // A view or an inline function is one statement: its SELECT is the leaf.
        public override void ExplicitVisit(CreateViewStatement node)
        {
            Leaves.Add(node.SelectStatement);
        }
    }

    private sealed class CallFinder : TSqlFragmentVisitor
    {
        private readonly Func<(string schema, string name), bool> _match;
        private readonly bool _executesOnly;
        public List<string> Found { get; } = new();

        public CallFinder(Func<(string schema, string name), bool> match, bool executesOnly = false)
        {
            _match = match;
            _executesOnly = executesOnly;
        }

        public override void ExplicitVisit(SchemaObjectFunctionTableReference node)
        {
            if (!_executesOnly)
                Check(node.SchemaObject.SchemaIdentifier?.Value, node.SchemaObject.BaseIdentifier.Value);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(FunctionCall node)
        {
            if (!_executesOnly && node.CallTarget is MultiPartIdentifierCallTarget t && t.MultiPartIdentifier.Identifiers.Count > 0)
                Check(t.MultiPartIdentifier.Identifiers[^1].Value, node.FunctionName.Value);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            if (node.ProcedureReference?.ProcedureReference?.Name is SchemaObjectName n)
                Check(n.SchemaIdentifier?.Value, n.BaseIdentifier.Value);
            base.ExplicitVisit(node);
        }

        private void Check(string? schema, string name)
        {
            if (_match((schema ?? "dbo", name)))
                Found.Add($"{schema ?? "dbo"}.{name}");
        }
    }

    private sealed class TranCountFinder : TSqlFragmentVisitor
    {
        public bool Found { get; private set; }

        public override void ExplicitVisit(GlobalVariableExpression node)
        {
            if (node.Name.Equals("@@TRANCOUNT", StringComparison.OrdinalIgnoreCase))
                Found = true;
            base.ExplicitVisit(node);
        }
    }
}
