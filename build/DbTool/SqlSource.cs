using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.DbTool;

/// <summary>
/// A T-SQL source file parsed with the SQL Server 2017 grammar (design 3b). SQLCMD variables that name databases are
/// replaced by same-length identifiers before parsing, so line and column numbers stay those of the file.
/// </summary>
public sealed class SqlSource
{
    public const string CounterpointVariable = "$(CounterpointDb)";
    public const string CounterpointMarker = "__CounterpointDb_"; // same length as the variable: columns stay exact

    private SqlSource(string path, TSqlFragment fragment, IReadOnlyList<ParseError> errors)
    {
        Path = path;
        Fragment = fragment;
        Errors = errors;
    }

    public string Path { get; }
    public TSqlFragment Fragment { get; }
    public IReadOnlyList<ParseError> Errors { get; }

    public static SqlSource Load(string path)
    {
        string text = File.ReadAllText(path).Replace(CounterpointVariable, CounterpointMarker, StringComparison.OrdinalIgnoreCase);
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        TSqlFragment fragment = parser.Parse(reader, out IList<ParseError> errors);
        return new SqlSource(path, fragment, errors.ToList());
    }

    public static bool IsCounterpoint(Identifier? database) =>
        database != null && string.Equals(database.Value, CounterpointMarker, StringComparison.OrdinalIgnoreCase);

    public static string DisplayName(SchemaObjectName name)
    {
        var parts = new List<string>();
        if (name.DatabaseIdentifier != null)
            parts.Add(IsCounterpoint(name.DatabaseIdentifier) ? CounterpointVariable : name.DatabaseIdentifier.Value);
        parts.Add(name.SchemaIdentifier?.Value ?? "dbo");
        parts.Add(name.BaseIdentifier.Value);
        return string.Join(".", parts);
    }
}
