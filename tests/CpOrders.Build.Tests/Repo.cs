using System.Diagnostics;
using System.Text;

namespace CpOrders.Build.Tests;

/// <summary>Paths of the repository under test and a way to run the real build in a copy of it.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Artifacts => Path.Combine(Root, "artifacts");

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CpOrders.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CpOrders.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the source tree (no build outputs, no .git; of tests/ only the tSQLt project) to a new temporary folder.</summary>
    public static string CopySources(string name)
    {
        string target = Path.Combine(Path.GetTempPath(), "cporders-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(new DirectoryInfo(Root), target, isRoot: true);
        return target;
    }

    private static readonly string[] Skipped = { "bin", "obj", "artifacts", ".git", "TestResults", "BenchmarkDotNet.Artifacts" };

    private static void CopyDirectory(DirectoryInfo source, string target, bool isRoot)
    {
        Directory.CreateDirectory(target);
        foreach (FileInfo f in source.GetFiles())
            f.CopyTo(Path.Combine(target, f.Name));
        foreach (DirectoryInfo d in source.GetDirectories())
        {
            if (Skipped.Contains(d.Name, StringComparer.OrdinalIgnoreCase))
                continue;
            if (isRoot && d.Name == "tests")
                CopyDirectory(new DirectoryInfo(Path.Combine(d.FullName, "tSQLt")), Path.Combine(target, "tests", "tSQLt"), false);
            else
                CopyDirectory(d, Path.Combine(target, d.Name), false);
        }
    }

    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs a process to completion (bounded), capturing stdout and stderr together.</summary>
    public static Result Run(string workingDirectory, string fileName, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 10 minutes");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, output.ToString());
    }

    /// <summary>The build a user runs: the CpOrders database project (and everything it depends on).</summary>
    public static Result BuildDatabase(string root, string project = "CpOrders.sqlproj") =>
        Run(root, "dotnet", "build", project, "-c", Configuration, "-nologo", "-v:minimal", "-nodeReuse:false");
}
