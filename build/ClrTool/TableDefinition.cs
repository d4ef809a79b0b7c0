using System.Text;

namespace CpOrders.ClrTool;

/// <summary>A T-SQL column type as written in a TableDefinition: base name (lower case) and size arguments.</summary>
public sealed record SqlColumnType(string Base, string? Arguments)
{
    public override string ToString() => Arguments is null ? Base : $"{Base}({Arguments})";
}

/// <summary>One column of a TableDefinition; <see cref="Collation"/> is an optional <c>COLLATE name</c>.</summary>
public sealed record SqlColumn(string Name, SqlColumnType Type, string? Collation)
{
    public string ToSql() => $"{SqlText.Bracket(Name)} {Type}{(Collation is null ? "" : " COLLATE " + Collation)}";
}

/// <summary>
/// Parses <c>[SqlFunction(TableDefinition = "...")]</c>: comma-separated <c>name type</c> pairs, where a name may be bracketed
/// and a type may carry arguments with commas (<c>decimal(19,4)</c>). Throws <see cref="FormatException"/> with a message
/// that says what is wrong.
/// </summary>
public static class TableDefinition
{
    /// <summary>How many size arguments each T-SQL type takes (min, max); types not listed take none.</summary>
    private static readonly Dictionary<string, (int Min, int Max)> Arguments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nvarchar"] = (0, 1), ["nchar"] = (0, 1), ["varbinary"] = (0, 1), ["binary"] = (0, 1),
        ["decimal"] = (0, 2), ["numeric"] = (0, 2), ["datetime2"] = (0, 1),
    };

    public static IReadOnlyList<SqlColumn> Parse(string text)
    {
        var columns = new List<SqlColumn>();
        foreach (string part in SplitTopLevel(text))
        {
            SqlColumn column = ParseColumn(part.Trim());
            if (columns.Any(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"column {SqlText.Bracket(column.Name)} appears twice");
            }
            columns.Add(column);
        }
        return columns;
    }

    /// <summary>The column list as the generators write it: <c>[a] nvarchar(100), [b] decimal(19,4)</c>.</summary>
    public static string Normalize(IEnumerable<SqlColumn> columns) => string.Join(", ", columns.Select(c => c.ToSql()));

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                current.Append(c);
                if (c == quote)
                {
                    if (i + 1 < text.Length && text[i + 1] == quote)
                    {
                        current.Append(text[++i]);
                    }
                    else
                    {
                        quote = '\0';
                    }
                }
                continue;
            }
            switch (c)
            {
                case '[': quote = ']'; break;
                case '"': quote = '"'; break;
                case '(': depth++; break;
                case ')':
                    if (--depth < 0) throw new FormatException("a ')' has no matching '('");
                    break;
                case ',' when depth == 0:
                    parts.Add(current.ToString());
                    current.Clear();
                    continue;
            }
            current.Append(c);
        }
        if (quote != '\0') throw new FormatException($"a name is not closed (missing '{quote}')");
        if (depth != 0) throw new FormatException("a '(' is not closed");
        parts.Add(current.ToString());
        return parts;
    }

    private static SqlColumn ParseColumn(string part)
    {
        if (part.Length == 0) throw new FormatException("an empty column (two commas, or a comma at the end)");
        int pos = 0;
        string name = ReadName(part, ref pos);
        int afterName = pos;
        SkipSpace(part, ref pos);
        if (pos == afterName || pos >= part.Length) throw new FormatException($"column {SqlText.Bracket(name)} has no type");

        int typeStart = pos;
        while (pos < part.Length && (char.IsLetterOrDigit(part[pos]) || part[pos] == '_')) pos++;
        if (pos == typeStart) throw new FormatException($"column {SqlText.Bracket(name)}: a type name is expected at '{part[typeStart..]}'");
        string baseType = part[typeStart..pos].ToLowerInvariant();
        SkipSpace(part, ref pos);

        string? args = null;
        if (pos < part.Length && part[pos] == '(')
        {
            int close = part.IndexOf(')', pos);
            args = NormalizeArguments(name, baseType, part[(pos + 1)..close]);
            pos = close + 1;
            SkipSpace(part, ref pos);
        }
        if (!TypeMap.SqlBaseTypes.Contains(baseType))
        {
            throw new FormatException(
                $"column {SqlText.Bracket(name)}: type {baseType} has no SQL CLR counterpart in the type map (known: {string.Join(", ", TypeMap.SqlBaseTypes.Order(StringComparer.Ordinal))})");
        }
        int count = args is null ? 0 : args.Split(',').Length;
        var (min, max) = Arguments.GetValueOrDefault(baseType, (0, 0));
        if (count < min || count > max)
        {
            throw new FormatException($"column {SqlText.Bracket(name)}: {baseType} takes {(max == 0 ? "no size" : $"at most {max} size argument(s)")}, found ({args})");
        }

        string? collation = null;
        string rest = part[pos..].Trim();
        if (rest.Length > 0)
        {
            string[] words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !words[0].Equals("COLLATE", StringComparison.OrdinalIgnoreCase) || !words[1].All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
            {
                throw new FormatException($"column {SqlText.Bracket(name)}: unexpected text '{rest}' after the type (only COLLATE name may follow)");
            }
            collation = words[1];
        }
        return new SqlColumn(name, new SqlColumnType(baseType, args), collation);
    }

    private static string NormalizeArguments(string column, string baseType, string inside)
    {
        var args = inside.Split(',').Select(a => a.Trim()).ToArray();
        foreach (string a in args)
        {
            bool isMax = a.Equals("max", StringComparison.OrdinalIgnoreCase);
            if (!isMax && (a.Length == 0 || !a.All(char.IsAsciiDigit)))
            {
                throw new FormatException($"column {SqlText.Bracket(column)}: {baseType}({inside}) has an argument that is not a number or max");
            }
        }
        return string.Join(",", args.Select(a => a.Equals("max", StringComparison.OrdinalIgnoreCase) ? "max" : a.TrimStart('0') is { Length: > 0 } n ? n : "0"));
    }

    private static string ReadName(string part, ref int pos)
    {
        char open = part[pos];
        if (open is '[' or '"')
        {
            char close = open == '[' ? ']' : '"';
            var name = new StringBuilder();
            pos++;
            while (pos < part.Length)
            {
                if (part[pos] == close)
                {
                    if (pos + 1 < part.Length && part[pos + 1] == close)
                    {
                        name.Append(close);
                        pos += 2;
                        continue;
                    }
                    pos++;
                    if (name.Length == 0) throw new FormatException("a column has an empty name");
                    return name.ToString();
                }
                name.Append(part[pos++]);
            }
            throw new FormatException($"a name is not closed (missing '{close}')");
        }
        int start = pos;
        while (pos < part.Length && (char.IsLetterOrDigit(part[pos]) || part[pos] is '_' or '@' or '#' or '$')) pos++;
        if (pos == start || char.IsAsciiDigit(part[start]))
        {
            throw new FormatException($"a column name is expected at '{part}'");
        }
        return part[start..pos];
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
    }
}
