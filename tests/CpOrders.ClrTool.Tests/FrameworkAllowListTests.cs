using System.Reflection;

namespace CpOrders.ClrTool.Tests;

/// <summary>
/// The framework allow-list (build/ClrTool/FrameworkAllowList.txt): what is listed passes, what is not fails naming the
/// member and the calling method, member-level entries, generic arguments, and the list file itself.
/// </summary>
public class FrameworkAllowListTests
{
    private static CheckResult Check(string source, FrameworkAllowList? list = null) =>
        Checker.Check(TestAssemblies.Compile("Test.Allow", Sources.GoodPlus(source)), TestAssemblies.ReferenceDirectory, list);

    private static string Describe(CheckResult result) => string.Join("\n", result.Problems.Select(p => $"{p.Code} {p.Member}: {p.Message}"));

    private static List<Problem> HostProtection(CheckResult result) => result.Problems.Where(p => p.Code == Rules.HostProtection).ToList();

    [Test]
    public void Listed_types_and_members_pass()
    {
        CheckResult result = Check("""
            public static class Fine
            {
                public static int Run(string s)
                {
                    var seen = new Dictionary<long, bool>();
                    seen[1] = true;
                    var names = new List<KeyValuePair<string, long>>();
                    names.Add(new KeyValuePair<string, long>(s, 1));
                    System.Threading.Thread.Sleep(0);
                    var sb = new System.Text.StringBuilder();
                    sb.Append(s.Trim().ToUpperInvariant());
                    return seen.Count + names.Count + sb.Length + Environment.TickCount % 2;
                }
            }
            """);

        Assert.That(result.Problems, Is.Empty, Describe(result));
    }

    /// <summary>Issue 11's cases: each must fail naming the member and the caller, with the reason when we know it.</summary>
    public static IEnumerable<TestCaseData> Refused()
    {
        TestCaseData Case(string name, string caller, string source, string member, string reason) =>
            new TestCaseData(caller, source, member, reason).SetName(name);

        yield return Case("HashSet<T>", "Test.Clr.Bad.Dedupe",
            "public static class Bad { public static bool Dedupe(long id) { var s = new HashSet<long>(); return s.Add(id); } }",
            "System.Collections.Generic.HashSet`1::Add", "MayLeakOnAbort");
        yield return Case("TimeZoneInfo", "Test.Clr.Bad.Local",
            "public static class Bad { public static DateTime Local(DateTime t) { return TimeZoneInfo.ConvertTimeFromUtc(t, TimeZoneInfo.Local); } }",
            "System.TimeZoneInfo::ConvertTimeFromUtc", "MayLeakOnAbort");
        yield return Case("Lazy<T>", "Test.Clr.Bad.Later",
            "public static class Bad { public static int Later(Lazy<int> x) { return x.Value; } }",
            "System.Lazy`1::get_Value", "Synchronization");
        yield return Case("ConcurrentDictionary", "Test.Clr.Bad.Cache",
            "public static class Bad { public static int Cache() { var d = new System.Collections.Concurrent.ConcurrentDictionary<int, int>(); d.TryAdd(1, 1); return d.Count; } }",
            "System.Collections.Concurrent.ConcurrentDictionary`2::TryAdd", "Synchronization");
        yield return Case("Thread.Start", "Test.Clr.Bad.Spawn",
            "public static class Bad { public static void Spawn(System.Threading.Thread t) { t.Start(); } }",
            "System.Threading.Thread::Start", "only some members of System.Threading.Thread are listed");
        yield return Case("Console", "Test.Clr.Bad.Print",
            "public static class Bad { public static void Print(string s) { Console.WriteLine(s); } }",
            "System.Console::WriteLine", "UI");
        yield return Case("Environment.Exit", "Test.Clr.Bad.Quit",
            "public static class Bad { public static void Quit() { Environment.Exit(1); } }",
            "System.Environment::Exit", "only some members of System.Environment are listed");
        yield return Case("an unlisted member in a lambda is reported for its method", "Test.Clr.Bad.Deferred",
            "public static class Bad { public static Func<int> Deferred(int k) { return () => Console.Read() + k; } }",
            "System.Console::Read", "UI");
        yield return Case("a field of a host-protected type", "Test.Clr.Bad.seen",
            "public sealed class Bad { private readonly HashSet<string> seen = new HashSet<string>(); public int N() { return 0; } }",
            "type System.Collections.Generic.HashSet`1", "MayLeakOnAbort");
        yield return Case("a catch clause", "Test.Clr.Bad.Guard",
            "public static class Bad { public static int Guard() { try { return 1; } catch (System.Threading.SynchronizationLockException) { return 0; } } }",
            "type System.Threading.SynchronizationLockException", "not on the framework allow-list");
    }

    [TestCaseSource(nameof(Refused))]
    public void An_unlisted_member_fails_naming_member_and_caller(string caller, string source, string member, string reason)
    {
        CheckResult result = Check(source);
        TestContext.Out.WriteLine(Describe(result));

        Assert.That(HostProtection(result).Any(p => p.Member == caller && p.Message.Contains(member, StringComparison.Ordinal) && p.Message.Contains(reason, StringComparison.Ordinal)),
            Is.True, $"expected CPOCLR05 for {caller} naming {member} ({reason}); got:\n{Describe(result)}");
        Assert.That(result.Problems.Where(p => p.Member.StartsWith("Test.Clr.Good", StringComparison.Ordinal) || p.Member.StartsWith("Test.Clr.Point", StringComparison.Ordinal)),
            Is.Empty, "the good part raised problems:\n" + Describe(result));
    }

    [Test]
    public void A_member_level_entry_allows_that_member_only()
    {
        const string Source = """
            public static class Mixed
            {
                public static int Nap() { System.Threading.Thread.Sleep(1); return 0; }
                public static int Id() { return System.Threading.Thread.CurrentThread.ManagedThreadId; }
            }
            """;
        List<Problem> problems = HostProtection(Check(Source));

        Assert.That(problems.Select(p => p.Member), Is.EqualTo(new[] { "Test.Clr.Mixed.Id" }), string.Join("\n", problems.Select(p => p.Message)));
        Assert.That(problems[0].Message, Does.Contain("System.Threading.Thread::get_CurrentThread, System.Threading.Thread::get_ManagedThreadId")
            .And.Contain("only some members of System.Threading.Thread are listed").And.Not.Contain("Sleep"));
    }

    [Test]
    public void Generic_arguments_are_checked_in_type_and_method_instantiations()
    {
        CheckResult result = Check("""
            public static class Nested
            {
                public static int Outer() { var lists = new List<HashSet<int>>(); return lists.Count; }
                public static int Method() { return Count<System.Collections.Concurrent.ConcurrentBag<int>>(null); }
                private static int Count<T>(T value) { return value == null ? 0 : 1; }
            }
            """);
        List<Problem> problems = HostProtection(result);

        Assert.That(problems.Any(p => p.Member == "Test.Clr.Nested.Outer" && p.Message.Contains("type System.Collections.Generic.HashSet`1", StringComparison.Ordinal)), Is.True, Describe(result));
        Assert.That(problems.Any(p => p.Member == "Test.Clr.Nested.Method" && p.Message.Contains("System.Collections.Concurrent.ConcurrentBag`1", StringComparison.Ordinal)), Is.True, Describe(result));
        Assert.That(problems.Any(p => p.Message.Contains("List`1", StringComparison.Ordinal)), Is.False, "List<T> is listed:\n" + Describe(result));
    }

    [Test]
    public void A_custom_list_decides_type_and_member_entries()
    {
        FrameworkAllowList defaults = FrameworkAllowList.Default();
        string text = string.Join("\n", defaults.Entries
            .Where(e => e.Type != "System.Text.StringBuilder")
            .GroupBy(e => e.Assembly)
            .SelectMany(g => g.Select(e => e.Member == "*" ? $"{e.Type} | test" : $"{e.Type}::{e.Member} | test").Prepend($"[{g.Key}]")))
            + "\n[mscorlib]\nSystem.Text.StringBuilder::.ctor | test\nSystem.Text.StringBuilder::get_Length | test\n";
        const string Source = "public static class Build { public static int Run() { var sb = new System.Text.StringBuilder(); sb.Append('x'); return sb.Length; } }";

        List<Problem> problems = HostProtection(Check(Source, FrameworkAllowList.Parse(text)));

        Assert.That(problems.Select(p => (p.Member, p.Message.Contains("System.Text.StringBuilder::Append", StringComparison.Ordinal))),
            Is.EqualTo(new[] { ("Test.Clr.Build.Run", true) }), string.Join("\n", problems.Select(p => p.Message)));
        Assert.That(problems[0].Message, Does.Not.Contain("::.ctor").And.Not.Contain("get_Length"));
        Assert.That(HostProtection(Check(Source)), Is.Empty, "StringBuilder is a whole-type entry in the real list");
    }

    [TestCase("System.String", "no section")]
    [TestCase("[mscorlib]\nSystem.String", "has no note")]
    [TestCase("[mscorlib]\nSystem.String |   ", "has no note")]
    [TestCase("[mscorlib]\nSystem.String | a\nSystem.String | b", "listed twice")]
    [TestCase("[System.Net.Http]\nSystem.Net.Http.HttpClient | x", "not one of SQL Server's supported")]
    [TestCase("[mscorlib]\nSystem.Collections.Generic.List<T> | x", "metadata form")]
    public void A_malformed_list_is_refused_with_its_line(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => FrameworkAllowList.Parse(text, "list.txt"));
        Assert.That(ex!.Message, Does.StartWith("list.txt(").And.Contain(message.Replace("no section", "before the first [assembly] section")));
    }

    /// <summary>Catches typos: every entry names a public type of that .NET Framework 4.8 assembly and a member it declares.</summary>
    [Test]
    public void Every_entry_names_a_real_type_and_member_of_the_reference_assemblies()
    {
        FrameworkAllowList list = FrameworkAllowList.Default();
        Assume.That(list.Count, Is.GreaterThan(100));
        var resolver = new PathAssemblyResolver(ReferenceAssemblies.Files(TestAssemblies.ReferenceDirectory));
        using var context = new MetadataLoadContext(resolver, "mscorlib");
        var missing = new List<string>();
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var (assembly, typeName, member) in list.Entries)
        {
            Type? type = context.LoadFromAssemblyPath(Path.Combine(TestAssemblies.ReferenceDirectory, assembly + ".dll")).GetType(typeName);
            if (type is null)
            {
                missing.Add($"[{assembly}] {typeName}: no such type");
                continue;
            }
            if (member == "*") continue;
            bool found = type.GetMembers(All).Any(m => m.Name == member)
                || (type.IsSubclassOf(context.CoreAssembly!.GetType("System.MulticastDelegate")!) && member is ".ctor" or "Invoke");
            if (!found) missing.Add($"[{assembly}] {typeName}::{member}: no such member");
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void The_real_net48_build_uses_only_listed_framework_members_when_it_exists()
    {
        string dll = Path.Combine(TestAssemblies.RepositoryRoot, "clr", "bin", "Release", "net48", "CpOrders.WooClr.dll");
        if (!File.Exists(dll)) Assert.Ignore("clr/bin/Release/net48/CpOrders.WooClr.dll is not built");
        FrameworkAllowList list = FrameworkAllowList.Default();

        IReadOnlyList<FrameworkUse> uses = FrameworkReferences.Collect(File.ReadAllBytes(dll));

        Assert.That(uses.Count, Is.GreaterThan(100), "the collector found too little to be believed");
        Assert.That(uses.Where(u => !list.Allows(u)).Select(u => $"{u.Target} <- {u.Caller}"), Is.Empty);
        Assert.That(uses.Any(u => u.Type == "System.Collections.Generic.HashSet`1"), Is.False, "HashSet<T> is host-protected (MayLeakOnAbort)");
    }
}
