using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.Tests;

/// <summary>
/// What pre- and post-deploy print, read from their script texts, and the "second publish changes nothing" rule:
/// every line they print starts with "CpOrders pre-deploy: " or "CpOrders post-deploy: "; a step that does nothing prints
/// exactly one line "CpOrders (pre|post)-deploy: &lt;step&gt;[ (details)]: no changes."; anything else is a change (or a
/// problem). DacFx's own messages carry no such prefix and are ignored.
/// </summary>
public static class DeployOutput
{
    public static readonly Regex Prefixed = new(@"CpOrders (pre|post)-deploy: ", RegexOptions.CultureInvariant);

    /// <summary>The whole line (from the prefix) of a step that changed nothing.</summary>
    public static readonly Regex NoChanges = new(@"^CpOrders (pre|post)-deploy: (?<step>[^\r\n]+?): no changes\.$", RegexOptions.CultureInvariant);

    /// <summary>A warning for the DBA (e.g. CPO-MASTERKEY-NOPASSWORD on every deploy until a password is added): not an action.</summary>
    public static readonly Regex Warning = new(@"^CpOrders (pre|post)-deploy: WARNING: ", RegexOptions.CultureInvariant);

    /// <summary>The step's key: the text before its details in parentheses, e.g. "CpOrders pre-deploy: CLR".</summary>
    private static readonly Regex StepKey = new(@"^(?<key>CpOrders (pre|post)-deploy: [^(:%]+?)\s*(\(|: )", RegexOptions.CultureInvariant);

    public static string? KeyOf(string line)
    {
        Match m = StepKey.Match(line);
        return m.Success ? m.Groups["key"].Value : null;
    }

    /// <summary>The step files in the order a deploy runs them (hand-written and generated), relative to the repository root.</summary>
    public static IReadOnlyList<string> StepFiles()
    {
        string scripts = Path.Combine("database", "Scripts");
        IEnumerable<string> Dir(string d) => Directory.GetFiles(Path.Combine(Repo.Root, scripts, d), "*.sql")
            .Select(f => Path.GetRelativePath(Repo.Root, f)).OrderBy(f => f, StringComparer.Ordinal);
        var pre = Dir("PreDeploy").ToList();
        pre.Insert(pre.FindIndex(f => Path.GetFileName(f).StartsWith("30.", StringComparison.Ordinal)), Path.Combine("obj", "generated", "PreDeploy.Clr.sql"));
        return pre.Concat(Dir("PostDeploy")).ToList();
    }

    /// <summary>
    /// Every PRINT / RAISERROR message of a script: the literal, or "(expression)" when it is not one literal; Severity is
    /// null for PRINT, and int.MaxValue for a RAISERROR whose severity is not a literal (treated as an error).
    /// </summary>
    public static List<(string Text, int? Severity)> Messages(string script)
    {
        var found = new List<(string, int?)>();
        var parser = new TSql140Parser(initialQuotedIdentifiers: true);
        foreach (string batch in SqlTokens.Batches(script))
        {
            TSqlFragment fragment = parser.Parse(new StringReader(batch), out IList<ParseError> errors);
            if (errors.Count > 0)
                throw new InvalidOperationException("does not parse: " + string.Join("; ", errors.Select(e => $"({e.Line},{e.Column}) {e.Message}")));
            var visitor = new MessageVisitor();
            fragment.Accept(visitor);
            found.AddRange(visitor.Found);
        }
        return found;
    }

    /// <summary>The message with RAISERROR's %s/%d replaced by sample text, as a server would print it.</summary>
    public static string Formatted(string message) =>
        Regex.Replace(message, @"%[-+ #0]*\d*(\.\d+)?(ls|s|d|i|u|x|X|o)", "x1").Replace("%%", "%", StringComparison.Ordinal);

    /// <summary>
    /// Lines of a second publish that break the rule: any prefixed line that is not a "no changes." line, and every step
    /// (by key, from <paramref name="expectedKeys"/>) that printed no "no changes." line.
    /// </summary>
    public static List<string> SecondPublishProblems(IEnumerable<string> messages, IEnumerable<string> expectedKeys)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string message in messages)
            foreach (string raw in message.Split('\n'))
            {
                Match prefix = Prefixed.Match(raw);
                if (!prefix.Success)
                    continue;
                string line = raw[prefix.Index..].TrimEnd('\r', ' ');
                if (NoChanges.IsMatch(line) && KeyOf(line) is { } key)
                    seen.Add(key);
                else if (!Warning.IsMatch(line))
                    problems.Add("not a 'no changes.' line: " + line);
            }
        foreach (string key in expectedKeys)
            if (!seen.Contains(key))
                problems.Add("step printed no 'no changes.' line: " + key);
        return problems;
    }

    /// <summary>The step keys the scripts define: the key of each step file's "no changes." line.</summary>
    public static List<string> ExpectedKeys() =>
        StepFiles().SelectMany(f => Messages(File.ReadAllText(Path.Combine(Repo.Root, f))))
            .Select(m => Formatted(m.Text)).Where(t => NoChanges.IsMatch(t)).Select(KeyOf).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();

    private sealed class MessageVisitor : TSqlFragmentVisitor
    {
        public List<(string, int?)> Found { get; } = new();

        public override void ExplicitVisit(PrintStatement node) =>
            Found.Add((node.Expression is StringLiteral s ? s.Value : "(expression)", null));

        public override void ExplicitVisit(RaiseErrorStatement node) =>
            Found.Add((node.FirstParameter is StringLiteral s ? s.Value : "(expression)",
                       node.SecondParameter is IntegerLiteral i && int.TryParse(i.Value, out int v) ? v : int.MaxValue));
    }
}
