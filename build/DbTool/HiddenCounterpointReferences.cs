using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.DbTool;

/// <summary>
/// The Counterpoint checks (signing, derived grants, pre-deploy's object check, DmlChecker) see a Counterpoint reference
/// only as a three-part name [$(CounterpointDb)].schema.object in the module's code. Two ways hide it, and the build
/// refuses both in CpOrders' model modules (database/**, not the pre/post-deploy scripts in database/Scripts, which
/// legitimately build dynamic SQL against Counterpoint):
/// DBT0102 a synonym (CREATE SYNONYM woo.Doc FOR [$(CounterpointDb)].dbo.PS_DOC_HDR: modules then name woo.Doc);
/// DBT0103 a string literal that holds $(CounterpointDb) together with other text (dynamic SQL such as
/// N'SELECT ... FROM [$(CounterpointDb)].dbo.PS_DOC_HDR'). A literal that is exactly the database's name
/// (N'$(CounterpointDb)', e.g. for DB_ID or HAS_PERMS_BY_NAME) is a value, not a reference, and stays allowed.
/// </summary>
public static class HiddenCounterpointReferences
{
    public const string SynonymCode = "DBT0102";
    public const string LiteralCode = "DBT0103";

    public static IReadOnlyList<Finding> Find(IEnumerable<SqlSource> sources)
    {
        var findings = new List<Finding>();
        foreach (SqlSource source in sources)
        {
            if (source.Errors.Count > 0)
                continue;
            var visitor = new Visitor();
            source.Fragment.Accept(visitor);
            foreach (CreateSynonymStatement synonym in visitor.Synonyms)
                findings.Add(new Finding(source.Path, synonym.StartLine, synonym.StartColumn, SynonymCode,
                    $"synonym {Bracketed(synonym.Name)} (for {SqlSource.DisplayName(synonym.ForName)}): synonyms hide the Counterpoint reference from the checks " +
                    "(signing, derived grants, pre-deploy's object check, DML checks); write the three-part name [$(CounterpointDb)].schema.object in a signed module."));
            foreach (StringLiteral literal in visitor.Literals)
                findings.Add(new Finding(source.Path, literal.StartLine, literal.StartColumn, LiteralCode,
                    $"a string literal names {SqlSource.CounterpointVariable} with other text (dynamic SQL?): a reference inside a string escapes the checks " +
                    "(signing, derived grants, pre-deploy's object check, DML checks). Write the Counterpoint access as static T-SQL with the three-part name " +
                    $"[$(CounterpointDb)].schema.object; a literal may hold only the database's name itself (N'{SqlSource.CounterpointVariable}')."));
        }
        return findings;
    }

    private static string Bracketed(SchemaObjectName name) => $"[{name.SchemaIdentifier?.Value ?? "dbo"}].[{name.BaseIdentifier.Value}]";

    private sealed class Visitor : TSqlFragmentVisitor
    {
        public List<CreateSynonymStatement> Synonyms { get; } = new();
        public List<StringLiteral> Literals { get; } = new();

        public override void ExplicitVisit(CreateSynonymStatement node)
        {
            Synonyms.Add(node);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(StringLiteral node)
        {
            if (node.Value.Contains(SqlSource.CounterpointMarker, StringComparison.OrdinalIgnoreCase)
                && !node.Value.Trim().Equals(SqlSource.CounterpointMarker, StringComparison.OrdinalIgnoreCase))
                Literals.Add(node);
            base.ExplicitVisit(node);
        }
    }
}
