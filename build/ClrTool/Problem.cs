namespace CpOrders.ClrTool;

/// <summary>The checker's rules, one error code each (design §3).</summary>
public static class Rules
{
    public const string Unreadable = "CPOCLR00";
    public const string UnsupportedReference = "CPOCLR01";
    public const string TargetFramework = "CPOCLR02";
    public const string StaticField = "CPOCLR03";
    public const string MutableStaticReadonly = "CPOCLR04";
    public const string HostProtection = "CPOCLR05";
    public const string EntryPointShape = "CPOCLR06";
    public const string TypeMapping = "CPOCLR07";
    public const string FillRow = "CPOCLR08";
    public const string TableDefinition = "CPOCLR09";
    public const string NeedsUnsafe = "CPOCLR10";
    public const string Naming = "CPOCLR11";
}

/// <summary>Where to look for a problem in the C# sources: the type that declares it, and the member.</summary>
/// <param name="UserType">The type's full name with nested types joined by '.' (compiler-generated types removed).</param>
/// <param name="Member">The member's name; null for the type itself; <c>.ctor</c>/<c>.cctor</c> for constructors.</param>
/// <param name="AtLambdaArrow">Point at the first <c>=&gt;</c> at or after the member (a compiler-generated lambda cache).</param>
public sealed record SourceHint(string UserType, string? Member, bool AtLambdaArrow = false);

/// <summary>One rule broken by one member.</summary>
/// <param name="Member"><c>Type.Member</c> (or the assembly's name for assembly-wide rules).</param>
public sealed record Problem(string Code, string Member, string Message, SourceHint? Hint = null)
{
    /// <summary>
    /// MSBuild's canonical error format, so a build shows it as an error: <c>file(line,col): error CODE: Member: message</c>
    /// when the member is found under the sources, else <c>dll: error CODE: ...</c>.
    /// </summary>
    public string Format(string assemblyPath, SourceLocator? sources)
    {
        string origin = Hint is not null && sources?.Locate(Hint) is { } at
            ? $"{at.File}({at.Line},{at.Column})"
            : assemblyPath;
        return $"{origin}: error {Code}: {Member}: {Message}";
    }
}
