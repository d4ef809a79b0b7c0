using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CpOrders.ClrTool.Tests;

public class ProgramTests
{
    private const string Bad = """
        public static class Bad
        {
            private static int callCount;

            public static int Touch() { return ++callCount; }

            public static int CountBig(List<int> xs)
            {
                int limit = 1;
                return System.Linq.Enumerable.Count(xs, x => x > 1) + limit;
            }

            public static void Locked(object gate)
            {
                lock (gate) { }
            }
        }
        """;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Check_prints_OK_with_the_counts()
    {
        string dll = TestAssemblies.Compile("Test.Good", Sources.GoodPlus(""));

        var (code, output, _) = Run("check", dll);

        Assert.That((code, output.Trim()), Is.EqualTo((0, "ClrTool check: OK (2 functions, 2 procedures)")));
    }

    [Test]
    public void Check_prints_MSBuild_errors_located_in_the_sources()
    {
        string[] sources = Sources.GoodPlus(Bad);
        string dll = TestAssemblies.Compile("Test.Bad", sources);
        string src = TestAssemblies.NewDirectory();
        File.WriteAllText(Path.Combine(src, "Good.cs"), sources[0]);
        string badFile = Path.Combine(src, "Sub", "Bad.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(badFile)!);
        File.WriteAllText(badFile, sources[1]);
        string[] lines = File.ReadAllLines(badFile);
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        int ColumnOf(string text, string part) => lines[LineOf(text) - 1].IndexOf(part, StringComparison.Ordinal) + 1;

        var (code, output, _) = Run("check", dll, "--src", src);

        Assert.That(code, Is.EqualTo(1));
        string Expect(string code, string member, int line, int column) =>
            $"{Regex.Escape(badFile)}\\({line},{column}\\): error {code}: {Regex.Escape(member)}: ";
        Assert.That(output, Does.Match(Expect(Rules.StaticField, "Test.Clr.Bad.callCount", LineOf("private static int callCount;"), ColumnOf("private static int callCount;", "callCount"))));
        Assert.That(output, Does.Match(Expect(Rules.StaticField, "Test.Clr.Bad.CountBig", LineOf("x => x > 1"), ColumnOf("x => x > 1", "=>"))));
        Assert.That(output, Does.Match(Expect(Rules.HostProtection, "Test.Clr.Bad.Locked", LineOf("public static void Locked"), ColumnOf("public static void Locked", "Locked"))));
        Assert.That(output, Does.Match(Expect(Rules.HostProtection, "Test.Clr.Bad.CountBig", LineOf("public static int CountBig"), ColumnOf("public static int CountBig", "CountBig"))
            + ".*System\\.Linq\\.Enumerable::Count"));
        Assert.That(output, Does.Contain("ClrTool check: 4 problem(s)"));
    }

    [Test]
    public void Without_sources_errors_point_at_the_dll()
    {
        string dll = TestAssemblies.Compile("Test.Bad", Sources.GoodPlus(Bad));

        var (code, output, _) = Run("check", dll);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"{dll}: error {Rules.StaticField}: Test.Clr.Bad.callCount: "));
    }

    [Test]
    public void Contract_and_predeploy_write_nothing_when_the_check_fails()
    {
        string dll = TestAssemblies.Compile("Test.Bad", Sources.GoodPlus(Bad));
        string outDir = Path.Combine(TestAssemblies.NewDirectory(), "contract");
        string script = Path.Combine(TestAssemblies.NewDirectory(), "pre.sql");

        Assert.That(Run("contract", dll, outDir).Code, Is.EqualTo(1));
        Assert.That(Run("predeploy", dll, script).Code, Is.EqualTo(1));
        Assert.That(Directory.Exists(outDir) || File.Exists(script), Is.False);
    }

    [Test]
    public void Contract_and_predeploy_write_their_files()
    {
        string dll = TestAssemblies.Compile("CpOrders.WooClr", Sources.GoodPlus(""));
        string outDir = Path.Combine(TestAssemblies.NewDirectory(), "generated");
        string script = Path.Combine(TestAssemblies.NewDirectory(), "predeploy.clr.sql");

        Assert.That(Run("contract", dll, outDir).Out, Does.Contain("5 file(s)").And.Contain("5 written"));
        Assert.That(Run("contract", dll, outDir).Out, Does.Contain("0 written, 5 unchanged"));
        Assert.That(Run("predeploy", dll, script).Out, Does.Contain("written"));
        Assert.That(Run("predeploy", dll, script).Out, Does.Contain("unchanged"));
        Assert.That(File.ReadAllText(script), Does.Contain("CREATE ASSEMBLY [CpOrders.WooClr]"));
    }

    [Test]
    public void Hash_prints_the_SHA2_512()
    {
        string dll = TestAssemblies.Compile("Test.Good", Sources.GoodPlus(""));

        var (code, output, _) = Run("hash", dll);

        Assert.That((code, output.Trim()), Is.EqualTo((0, "0x" + Convert.ToHexString(SHA512.HashData(File.ReadAllBytes(dll))))));
    }

    [TestCase]
    [TestCase("frobnicate", "x.dll")]
    [TestCase("check")]
    [TestCase("check", "/no/such/file.dll")]
    [TestCase("contract", "x.dll")]
    [TestCase("check", "x.dll", "--bogus", "1")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (code, _, err) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(err, Does.StartWith("ClrTool: "));
    }

    [Test]
    public void The_reference_assemblies_folder_is_known_from_the_build()
    {
        Assert.That(ReferenceAssemblies.BuildTimeDirectory, Is.Not.Null.And.Not.Empty);
        Assert.That(File.Exists(Path.Combine(ReferenceAssemblies.BuildTimeDirectory!, "mscorlib.dll")), Is.True);
        Assert.That(File.Exists(Path.Combine(ReferenceAssemblies.BuildTimeDirectory!, "Facades", "netstandard.dll")), Is.True);
    }
}
