namespace CpOrders.ClrTool;

/// <summary>
/// <c>dotnet exec ClrTool.dll &lt;command&gt; ...</c>; exit code 0 = ok, 1 = problems (printed as MSBuild errors), 2 = usage.
/// </summary>
public static class Program
{
    public const string Usage = """
        Usage: ClrTool <command> [options]
          check <dll> [--src <dir>]          check the net48 SQL CLR assembly against the rules of design §3;
                                             problems print as MSBuild errors, located in the C# under --src
          contract <dll> <outdir>            write the ClrContract stub sources (wooclr.sql, wooclr.<Name>.sql);
                                             only changed files are written, stale wooclr.*.sql files deleted
          predeploy <dll> <out.sql>          write the dacpac's pre-deploy script (idempotent SQLCMD script)
          hash <dll>                         print 0x + SHA2_512 of the file (the trusted-assembly hash)
          references <dll>                   list every framework type/member the assembly uses, its first caller,
                                             and whether FrameworkAllowList.txt allows it (to extend the list)
        Options:
          --refs <dir>                       .NETFramework/v4.8 reference assemblies (default: the NuGet package
                                             Microsoft.NETFramework.ReferenceAssemblies.net48 restored with the tool)
        contract and predeploy run the checks first and write nothing when there are problems.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? dll = null;
        try
        {
            var (positional, options) = ParseArguments(args);
            if (positional.Count == 0) throw new ToolUsageException("no command");
            if (positional[0] is "help" or "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            string command = positional[0];
            int expected = command switch { "check" or "hash" or "references" => 2, "contract" or "predeploy" => 3, _ => -1 };
            if (expected < 0) throw new ToolUsageException($"unknown command '{command}'");
            if (positional.Count != expected) throw new ToolUsageException($"{command}: expected {expected - 1} argument(s), got {positional.Count - 1}");
            string[] allowed = command is "hash" or "references" ? [] : ["--src", "--refs"];
            if (options.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
            {
                throw new ToolUsageException($"{command}: unknown option {unknown}");
            }
            dll = positional[1];

            if (command == "hash")
            {
                if (!File.Exists(dll)) throw new ToolUsageException($"{dll}: file not found");
                stdout.WriteLine(SqlText.Hex(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(dll))));
                return 0;
            }

            if (command == "references")
            {
                if (!File.Exists(dll)) throw new ToolUsageException($"{dll}: file not found");
                FrameworkAllowList list = FrameworkAllowList.Default();
                foreach (var group in FrameworkReferences.Collect(File.ReadAllBytes(dll))
                    .GroupBy(u => (u.Assembly, u.Target)).OrderBy(g => g.Key.Assembly, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal))
                {
                    FrameworkUse first = group.First();
                    stdout.WriteLine($"{(list.Allows(first) ? "ok " : "NO ")} [{group.Key.Assembly}] {group.Key.Target}  <- {first.Caller}{(group.Count() > 1 ? $" (+{group.Count() - 1})" : "")}");
                }
                return 0;
            }

            CheckResult result = Checker.Check(dll, ReferenceAssemblies.Locate(options.GetValueOrDefault("--refs")));
            if (!result.Ok)
            {
                var sources = options.TryGetValue("--src", out string? src) ? new SourceLocator(src) : null;
                foreach (Problem problem in result.Problems)
                {
                    stdout.WriteLine(problem.Format(dll, sources));
                }
                stdout.WriteLine($"ClrTool {command}: {result.Problems.Count} problem(s) in {dll}{(command == "check" ? "" : "; nothing written")}");
                return 1;
            }
            ClrAssemblyInfo assembly = result.Assembly!;
            switch (command)
            {
                case "check":
                    stdout.WriteLine($"ClrTool check: OK ({result.Functions} functions, {result.Procedures} procedures)");
                    break;
                case "contract":
                    ContractWriteResult written = ContractWriter.Write(assembly, positional[2]);
                    stdout.WriteLine($"ClrTool contract: {written.Files} file(s) in {positional[2]}: {written.Written.Count} written, " +
                        $"{written.Files - written.Written.Count} unchanged, {written.Deleted.Count} stale deleted{(written.Deleted.Count > 0 ? " (" + string.Join(", ", written.Deleted) + ")" : "")}");
                    break;
                case "predeploy":
                    bool changed = PreDeployWriter.Write(assembly, positional[2]);
                    stdout.WriteLine($"ClrTool predeploy: {positional[2]} {(changed ? "written" : "unchanged")} ({assembly.EntryPoints.Count} CLR object(s), assembly {assembly.Bytes.Length} bytes, SHA2_512 {assembly.Sha512Hex[..18]}...)");
                    break;
            }
            return 0;
        }
        catch (ToolUsageException ex)
        {
            stderr.WriteLine($"ClrTool: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (Exception ex) when (dll is not null && ex is IOException or UnauthorizedAccessException or InvalidOperationException or BadImageFormatException)
        {
            stdout.WriteLine($"{dll}: error {Rules.Unreadable}: {ex.Message}");
            return 1;
        }
    }

    private static (List<string> Positional, Dictionary<string, string> Options) ParseArguments(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i] != "--help")
            {
                if (i + 1 >= args.Length) throw new ToolUsageException($"{args[i]} needs a value");
                if (!options.TryAdd(args[i], args[++i])) throw new ToolUsageException($"{args[i - 1]} given twice");
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        return (positional, options);
    }
}
