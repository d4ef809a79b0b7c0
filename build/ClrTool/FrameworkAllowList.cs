using System.Reflection;

namespace CpOrders.ClrTool;

/// <summary>
/// The framework types and members the CLR assembly may use (build/ClrTool/FrameworkAllowList.txt, compiled into the tool).
/// The .NET Framework reference assemblies carry no [HostProtection] attributes, so the checker cannot see which APIs SQL
/// Server refuses; instead every framework type and member the assembly references must be listed, each entry checked
/// once by hand (see the file's header and README "CLR checker").
/// <para>Format: a section line <c>[assembly]</c>, then one entry per line, <c>Type | note</c> (every member of the type)
/// or <c>Type::Member | note</c> (that member, all overloads). Names are metadata names: <c>System.Collections.Generic.List`1</c>,
/// nested types after '+', members <c>.ctor</c>, <c>get_Count</c>, <c>op_Equality</c>. The note (where it was checked) is required.
/// A type that has member entries may be named (signature, local, cast, typeof); only its listed members may be used.</para>
/// </summary>
public sealed class FrameworkAllowList
{
    public const string ResourceName = "CpOrders.ClrTool.FrameworkAllowList.txt";
    public const string RepositoryPath = "build/ClrTool/FrameworkAllowList.txt";
    private const string WholeType = "*";

    /// <summary>(assembly, type) -> members allowed, <see cref="WholeType"/> for all.</summary>
    private readonly Dictionary<(string Assembly, string Type), HashSet<string>> _entries;

    private FrameworkAllowList(Dictionary<(string, string), HashSet<string>> entries) => _entries = entries;

    public int Count => _entries.Values.Sum(m => m.Count);

    /// <summary>Every entry; Member is "*" for a whole type.</summary>
    public IEnumerable<(string Assembly, string Type, string Member)> Entries =>
        _entries.SelectMany(e => e.Value.Select(m => (e.Key.Assembly, e.Key.Type, m)));

    /// <summary>The list compiled into the tool.</summary>
    public static FrameworkAllowList Default()
    {
        using Stream stream = typeof(FrameworkAllowList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in ClrTool.dll");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), RepositoryPath);
    }

    /// <exception cref="FormatException">A line that is not a section, an entry with a note, a comment or blank.</exception>
    public static FrameworkAllowList Parse(string text, string source = "allow-list")
    {
        var entries = new Dictionary<(string, string), HashSet<string>>();
        string? assembly = null;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            string At() => $"{source}({i + 1}): ";
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                assembly = line[1..^1].Trim();
                if (!Checker.SupportedAssemblies.Contains(assembly))
                    throw new FormatException($"{At()}[{assembly}] is not one of SQL Server's supported framework assemblies");
                continue;
            }
            if (assembly is null) throw new FormatException($"{At()}an entry before the first [assembly] section");
            int bar = line.IndexOf('|');
            if (bar < 0 || line[(bar + 1)..].Trim().Length == 0)
                throw new FormatException($"{At()}'{line}' has no note: write 'Type[::Member] | where it was checked'");
            string name = line[..bar].Trim();
            int colons = name.IndexOf("::", StringComparison.Ordinal);
            string type = colons < 0 ? name : name[..colons].Trim();
            string member = colons < 0 ? WholeType : name[(colons + 2)..].Trim();
            if (type.Length == 0 || member.Length == 0 || type.Contains(' ') || member.Contains(' ') || type.Contains('<'))
                throw new FormatException($"{At()}'{name}' is not Type or Type::Member in metadata form (e.g. System.Collections.Generic.List`1::Add)");
            if (!entries.TryGetValue((assembly, type), out HashSet<string>? members)) entries[(assembly, type)] = members = new HashSet<string>(StringComparer.Ordinal);
            if (!members.Add(member)) throw new FormatException($"{At()}'{name}' is listed twice in [{assembly}]");
        }
        return new FrameworkAllowList(entries);
    }

    /// <summary>Whether the type may be named (it has an entry of its own or for one of its members).</summary>
    public bool AllowsType(string assembly, string type) => _entries.ContainsKey((assembly, type));

    /// <summary>Whether a use is allowed: a type use needs any entry of the type, a member use the whole type or that member.</summary>
    public bool Allows(FrameworkUse use) =>
        _entries.TryGetValue((use.Assembly, use.Type), out HashSet<string>? members)
        && (use.Member.Length == 0 || members.Contains(WholeType) || members.Contains(use.Member));

    /// <summary>
    /// A CPOCLR05 problem for each caller and framework type it uses outside the list, naming the type's members it uses
    /// and the calling method (the source locator finds the method's line).
    /// </summary>
    public IEnumerable<Problem> Check(IEnumerable<FrameworkUse> uses)
    {
        var refused = uses.Where(u => !Allows(u))
            .GroupBy(u => (u.UserType, u.UserMember, u.Assembly, u.Type))
            .OrderBy(g => g.Key.UserType, StringComparer.Ordinal).ThenBy(g => g.Key.UserMember, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Type, StringComparer.Ordinal);
        foreach (var group in refused)
        {
            var (userType, userMember, assembly, type) = group.Key;
            var members = group.Select(u => u.Member).Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            string what = members.Count == 0 ? $"type {type}" : string.Join(", ", members.Select(m => $"{type}::{m}"));
            string partly = members.Count > 0 && AllowsType(assembly, type) ? $" (only some members of {type} are listed)" : "";
            string? known = members.Prepend("").Select(m => IlScanner.Forbidden(type, m)).FirstOrDefault(r => r is not null);
            string reason = known is null
                ? "SQL Server refuses host-protected framework APIs (HostProtectionException at the first call), which the reference assemblies do not show"
                : $"SQL Server refuses it: {known}";
            yield return new Problem(Rules.HostProtection, userMember is null ? userType : $"{userType}.{userMember}",
                $"uses {what} [{assembly}], not on the framework allow-list {RepositoryPath}{partly}. {reason}. " +
                "Use a listed type, or check the member against Microsoft's \"Disallowed Types and Members\" pages and the .NET Framework reference source and add it with a note (README, CLR checker)",
                new SourceHint(userType, userMember));
        }
    }
}
