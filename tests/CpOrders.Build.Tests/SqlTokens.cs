using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>Reads a SQLCMD script as T-SQL tokens, so checks look at code and not at message texts or comments.</summary>
public static class SqlTokens
{
    /// <summary>The script without SQLCMD directives, split into batches at GO lines.</summary>
    public static IEnumerable<string> Batches(string script)
    {
        var batch = new System.Text.StringBuilder();
        foreach (string raw in script.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith(':'))
                continue;
            if (trimmed.Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                yield return batch.ToString();
                batch.Clear();
                continue;
            }
            batch.AppendLine(line);
        }
        if (batch.Length > 0)
            yield return batch.ToString();
    }

    /// <summary>Every code token (keywords, identifiers, operators): no string literals, no comments, no white space.</summary>
    public static List<TSqlParserToken> CodeTokens(string script, out List<string> parseErrors)
    {
        var tokens = new List<TSqlParserToken>();
        parseErrors = new List<string>();
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        foreach (string batch in Batches(script))
        {
            using var reader = new StringReader(batch);
            IList<TSqlParserToken> stream = parser.GetTokenStream(reader, out IList<ParseError> errors);
            parseErrors.AddRange(errors.Select(e => $"({e.Line},{e.Column}) {e.Message}"));
            tokens.AddRange(stream.Where(t => t.TokenType is not (TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment
                or TSqlTokenType.MultilineComment or TSqlTokenType.AsciiStringLiteral or TSqlTokenType.UnicodeStringLiteral
                or TSqlTokenType.EndOfFile)));
        }
        return tokens;
    }

    public static string Text(TSqlParserToken t) => t.Text.Trim('[', ']');
}
