using System.Text.RegularExpressions;

namespace CpOrders.ClrTool;

/// <summary>
/// Maps the C# compiler's generated names back to what a developer wrote: <c>&lt;Fetch&gt;b__6_0</c> (lambda) and
/// <c>&lt;Fetch&gt;d__3</c> (iterator/async state machine) belong to Fetch, <c>&lt;Url&gt;k__BackingField</c> to property Url.
/// </summary>
public static partial class CompilerNames
{
    public static bool IsGenerated(string name) => name.StartsWith('<');

    /// <summary>The name inside the leading angle brackets (<c>&lt;Fetch&gt;b__6_0</c> -> Fetch), or null (<c>&lt;&gt;c</c>).</summary>
    public static string? Inner(string name)
    {
        Match m = InnerName().Match(name);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// The user type and member for a member of a (possibly compiler-generated, nested) type.
    /// <paramref name="typeChain"/> is outermost first; the first element carries the namespace (<c>Ns.Outer</c>).
    /// Returns the user type's full name (nested types joined with '.') and the member name to report.
    /// </summary>
    public static (string UserType, string Member) UserMember(IReadOnlyList<string> typeChain, string memberName)
    {
        int user = -1;
        for (int i = 0; i < typeChain.Count; i++)
        {
            string simple = i == 0 ? typeChain[0][(typeChain[0].LastIndexOf('.') + 1)..] : typeChain[i];
            if (IsGenerated(simple)) break;
            user = i;
        }
        string userType = user < 0 ? string.Join(".", typeChain) : string.Join(".", typeChain.Take(user + 1));
        var generatedTypes = typeChain.Skip(user + 1).ToList();

        if (IsGenerated(memberName) && Inner(memberName) is { } inner) return (userType, inner);
        if (generatedTypes.Count == 0) return (userType, memberName);
        for (int i = generatedTypes.Count - 1; i >= 0; i--)
        {
            if (Inner(generatedTypes[i]) is { } owner) return (userType, owner);
        }
        return (userType, string.Join(".", generatedTypes) + "." + memberName);
    }

    [GeneratedRegex(@"^<([^>]+)>")]
    private static partial Regex InnerName();
}
