using System.Reflection;

namespace CpOrders.ClrTool;

/// <summary>
/// Where the .NET Framework 4.8 reference assemblies are (package Microsoft.NETFramework.ReferenceAssemblies.net48):
/// the checker resolves the CLR assembly's framework references against them, as SQL Server's .NET Framework would.
/// </summary>
public static class ReferenceAssemblies
{
    public const string MetadataKey = "CpOrders.Net48ReferenceAssemblies";
    private const string PackageTail = "microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8";

    /// <summary>The folder the build compiled in (ClrTool.csproj, GeneratePathProperty), or null.</summary>
    public static string? BuildTimeDirectory =>
        typeof(ReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;

    /// <summary>
    /// The folder to use: <paramref name="explicitDirectory"/> (<c>--refs</c>) if given, else the build-time folder, else the
    /// package in $NUGET_PACKAGES or ~/.nuget/packages. Throws <see cref="ToolUsageException"/> when none holds mscorlib.dll.
    /// </summary>
    public static string Locate(string? explicitDirectory = null)
    {
        if (explicitDirectory is not null)
        {
            return IsValid(explicitDirectory)
                ? explicitDirectory
                : throw new ToolUsageException($"--refs {explicitDirectory}: no mscorlib.dll there (expected the .NETFramework/v4.8 reference assemblies folder)");
        }
        var candidates = new List<string?> { BuildTimeDirectory };
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } nugetPackages)
        {
            candidates.Add(Path.Combine(nugetPackages, PackageTail));
        }
        candidates.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", PackageTail));
        return candidates.FirstOrDefault(c => c is not null && IsValid(c))
            ?? throw new ToolUsageException(
                "the .NET Framework 4.8 reference assemblies were not found (package Microsoft.NETFramework.ReferenceAssemblies.net48 1.0.3); " +
                "restore build/ClrTool/ClrTool.csproj or pass --refs <dir>");
    }

    /// <summary>Every reference assembly in the folder and its Facades subfolder.</summary>
    public static IEnumerable<string> Files(string directory)
    {
        IEnumerable<string> files = Directory.EnumerateFiles(directory, "*.dll");
        string facades = Path.Combine(directory, "Facades");
        return Directory.Exists(facades) ? files.Concat(Directory.EnumerateFiles(facades, "*.dll")) : files;
    }

    private static bool IsValid(string directory) => File.Exists(Path.Combine(directory, "mscorlib.dll"));
}

/// <summary>A problem with how the tool was called or set up (exit code 2), as opposed to a problem in the assembly.</summary>
public sealed class ToolUsageException(string message) : Exception(message);
