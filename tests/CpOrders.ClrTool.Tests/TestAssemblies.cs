using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpOrders.ClrTool.Tests;

/// <summary>
/// Compiles small net48 assemblies in-test with Roslyn against the .NET Framework 4.8 reference assemblies the tool uses,
/// so every rule has a good and a bad assembly of its own, without a build step.
/// </summary>
public static class TestAssemblies
{
    public const string TargetFrameworkAttribute = "[assembly: System.Runtime.Versioning.TargetFramework(\".NETFramework,Version=v4.8\")]\n";

    public static string ReferenceDirectory { get; } = ReferenceAssemblies.Locate();

    private static readonly ImmutableArray<MetadataReference> References =
        new[] { "mscorlib", "System", "System.Core", "System.Data", "System.Xml", "System.Net.Http" }
            .Select(n => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(ReferenceDirectory, n + ".dll")))
            .ToImmutableArray();

    /// <summary>Root of the repository (the folder holding clr/CpOrders.WooClr.csproj), found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Compiles the sources into <c>&lt;temp&gt;/&lt;name&gt;.dll</c> (each call in its own folder) and returns the path.</summary>
    public static string Compile(string assemblyName, params string[] sources) => Compile(assemblyName, sources, allowUnsafe: false);

    public static string Compile(string assemblyName, IEnumerable<string> sources, bool allowUnsafe)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp7_3, preprocessorSymbols: ["NETFRAMEWORK", "NET48", "NET48_OR_GREATER"]);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                deterministic: true, allowUnsafe: allowUnsafe));
        string directory = NewDirectory();
        string path = Path.Combine(directory, assemblyName + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success) Assert.Fail("test assembly does not compile:\n" + string.Join("\n", errors));
        }
        return path;
    }

    /// <summary>This run's scratch folder; <see cref="ScratchCleanup"/> deletes it after the run.</summary>
    public static string ScratchRoot { get; } = Path.Combine(Path.GetTempPath(), "cporders-clrtool-tests", Guid.NewGuid().ToString("N"));

    public static string NewDirectory()
    {
        string directory = Path.Combine(ScratchRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "clr", "CpOrders.WooClr.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (clr/CpOrders.WooClr.csproj) not found above " + TestContext.CurrentContext.TestDirectory);
    }
}

/// <summary>Deletes the run's compiled test assemblies and generated files.</summary>
[SetUpFixture]
public sealed class ScratchCleanup
{
    [OneTimeTearDown]
    public void DeleteScratch()
    {
        if (Directory.Exists(TestAssemblies.ScratchRoot)) Directory.Delete(TestAssemblies.ScratchRoot, recursive: true);
    }
}
