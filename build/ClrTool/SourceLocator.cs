using System.Text.RegularExpressions;

namespace CpOrders.ClrTool;

/// <summary>
/// Finds a member in the C# sources by text, good enough for an error line an IDE can jump to: the .cs file that declares
/// the type (<c>class Name</c>, <c>struct Name</c>), then the first line after the declaration that declares the member
/// (or mentions it), or for a lambda cache the first <c>=&gt;</c> from there. Falls back to the type's line, then to nothing.
/// </summary>
public sealed class SourceLocator
{
    private readonly List<string> _files;
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public SourceLocator(string root)
    {
        _files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    public (string File, int Line, int Column)? Locate(SourceHint hint)
    {
        string typeName = SimpleName(hint.UserType);
        var declaration = new Regex($@"\b(class|struct|interface|enum)\s+{Regex.Escape(typeName)}\b");
        foreach (string file in _files.OrderBy(f => Path.GetFileNameWithoutExtension(f) == typeName ? 0 : 1))
        {
            string[] lines = Lines(file);
            int typeLine = Array.FindIndex(lines, l => !IsComment(l) && declaration.IsMatch(l));
            if (typeLine < 0) continue;

            int line = typeLine;
            int column = declaration.Match(lines[typeLine]).Index;
            if (hint.Member is { } member && FindMember(lines, typeLine, typeName, member) is var (memberLine, memberColumn))
            {
                (line, column) = (memberLine, memberColumn);
            }
            if (hint.AtLambdaArrow)
            {
                for (int i = line; i < lines.Length; i++)
                {
                    int arrow = lines[i].IndexOf("=>", i == line ? column : 0, StringComparison.Ordinal);
                    if (arrow >= 0 && !IsComment(lines[i]))
                    {
                        (line, column) = (i, arrow);
                        break;
                    }
                }
            }
            return (file, line + 1, column + 1);
        }
        return null;
    }

    private static (int Line, int Column)? FindMember(string[] lines, int typeLine, string typeName, string member)
    {
        string name = member switch
        {
            ".ctor" or ".cctor" => typeName,
            _ => member,
        };
        var declares = new Regex($@"(?<![\w.])@?{Regex.Escape(name)}\s*(\(|=|;|\{{|<|$)");
        var mentions = new Regex($@"(?<![\w])@?{Regex.Escape(name)}\b");
        foreach (Regex pattern in new[] { declares, mentions })
        {
            for (int i = typeLine + 1; i < lines.Length; i++)
            {
                if (IsComment(lines[i])) continue;
                Match m = pattern.Match(lines[i]);
                if (m.Success) return (i, m.Index + (lines[i][m.Index] == '@' ? 1 : 0));
            }
        }
        return null;
    }

    private string[] Lines(string file)
    {
        if (!_lines.TryGetValue(file, out string[]? lines))
        {
            lines = File.ReadAllLines(file);
            _lines[file] = lines;
        }
        return lines;
    }

    /// <summary><c>Ns.Outer.Inner`1</c> -> <c>Inner</c>.</summary>
    private static string SimpleName(string fullName)
    {
        string name = fullName[(fullName.LastIndexOf('.') + 1)..];
        int tick = name.IndexOf('`');
        return tick >= 0 ? name[..tick] : name;
    }

    private static bool IsComment(string line)
    {
        string t = line.TrimStart();
        return t.StartsWith("//", StringComparison.Ordinal) || t.StartsWith('*') || t.StartsWith("/*", StringComparison.Ordinal);
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj");
}
