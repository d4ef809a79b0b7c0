using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.ClrTool.Tests;

/// <summary>Parses generated T-SQL as SqlBuildTask does for a Sql140 model: batches split on GO, the 2017 grammar.</summary>
public static partial class SqlParsing
{
    public static IReadOnlyList<string> Batches(string script) =>
        GoLine().Split(script).Where(b => b.Trim().Length > 0).ToList();

    /// <summary>Parse errors of every batch, as "batch n (line,col): message".</summary>
    public static List<string> Errors(string script)
    {
        var errors = new List<string>();
        var batches = Batches(script);
        for (int i = 0; i < batches.Count; i++)
        {
            new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batches[i]), out IList<ParseError> batchErrors);
            errors.AddRange(batchErrors.Select(e => $"batch {i + 1} ({e.Line},{e.Column}): {e.Message}"));
        }
        return errors;
    }

    /// <summary>Every token of every batch.</summary>
    public static IEnumerable<TSqlParserToken> Tokens(string script) =>
        Batches(script).SelectMany(b =>
            new TSql140Parser(initialQuotedIdentifiers: true).Parse(new StringReader(b), out _).ScriptTokenStream);

    [GeneratedRegex(@"^[ \t]*GO[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
