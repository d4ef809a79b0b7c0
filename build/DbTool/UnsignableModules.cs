using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.DbTool;

/// <summary>
/// CpOrders reaches the Counterpoint database only through signed modules (design 1). ADD SIGNATURE accepts stored
/// procedures, scalar and multi-statement table-valued functions, DML triggers and assemblies; a view, an inline
/// table-valued function or a DDL trigger cannot carry a signature, so one that references [$(CounterpointDb)] would run
/// without the certificate user's grants (and work only for a sysadmin). The build refuses them: DBT0101.
/// </summary>
public static class UnsignableModules
{
    public const string Code = "DBT0101";

    public static IReadOnlyList<Finding> Find(IEnumerable<SqlSource> sources)
    {
        var findings = new List<Finding>();
        foreach (SqlSource source in sources)
        {
            if (source.Errors.Count > 0)
                continue;
            var finder = new Finder();
            source.Fragment.Accept(finder);
            foreach ((TSqlFragment statement, SchemaObjectName name, string kind) in finder.Unsignable)
            {
                if (!ReferencesCounterpoint(statement))
                    continue;
                string display = $"[{name.SchemaIdentifier?.Value ?? "dbo"}].[{name.BaseIdentifier.Value}]";
                findings.Add(new Finding(source.Path, statement.StartLine, statement.StartColumn, Code,
                    $"{kind} {display} references {SqlSource.CounterpointVariable}, but a {kind} cannot carry a signature (ADD SIGNATURE takes " +
                    "procedures, scalar and multi-statement functions, DML triggers), so it would run without the certificate user's grants. " +
                    "Move the Counterpoint access into a signed procedure or a multi-statement table-valued function."));
            }
        }
        return findings;
    }

    /// <summary>Whether the statement names [$(CounterpointDb)] anywhere (a table, a function, a procedure).</summary>
    private static bool ReferencesCounterpoint(TSqlFragment statement)
    {
        var visitor = new CounterpointReference();
        statement.Accept(visitor);
        return visitor.Found;
    }

    private sealed class Finder : TSqlFragmentVisitor
    {
        public List<(TSqlFragment, SchemaObjectName, string)> Unsignable { get; } = new();

        public override void ExplicitVisit(CreateViewStatement node) => Unsignable.Add((node, node.SchemaObjectName, "view"));
        public override void ExplicitVisit(CreateOrAlterViewStatement node) => Unsignable.Add((node, node.SchemaObjectName, "view"));

        public override void ExplicitVisit(CreateFunctionStatement node)
        {
            if (node.ReturnType is SelectFunctionReturnType)
                Unsignable.Add((node, node.Name, "inline table-valued function"));
        }

        public override void ExplicitVisit(CreateOrAlterFunctionStatement node)
        {
            if (node.ReturnType is SelectFunctionReturnType)
                Unsignable.Add((node, node.Name, "inline table-valued function"));
        }

        public override void ExplicitVisit(CreateTriggerStatement node)
        {
            if (node.TriggerObject.TriggerScope != TriggerScope.Normal)
                Unsignable.Add((node, node.Name, "DDL trigger"));
        }
    }

    private sealed class CounterpointReference : TSqlFragmentVisitor
    {
        public bool Found { get; private set; }

        public override void ExplicitVisit(SchemaObjectName node)
        {
            if (SqlSource.IsCounterpoint(node.DatabaseIdentifier))
                Found = true;
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(MultiPartIdentifier node)
        {
            // A function call such as [$(CounterpointDb)].dbo.fn(...) names the database in a multi-part call target.
            if (node.Identifiers.Any(SqlSource.IsCounterpoint))
                Found = true;
            base.ExplicitVisit(node);
        }
    }
}
