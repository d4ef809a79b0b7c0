namespace CpOrders.Build.Tests;

/// <summary>
/// SQL Server trusts the assembly by the SHA2_512 of its bytes, so every machine must build the same bytes:
/// two builds in different folders give identical DLLs, identical to the shipped one.
/// </summary>
[TestFixture, NonParallelizable]
public class ReproducibleBuildTests
{
    [Test]
    public void Two_builds_in_different_folders_give_identical_dll_bytes()
    {
        byte[] first = BuildClrInFreshFolder("repro-a");
        byte[] second = BuildClrInFreshFolder("repro-b");
        Assert.That(second, Is.EqualTo(first), "the DLL must not depend on the folder it was built in");
        string shipped = Path.Combine(Repo.Artifacts, "CpOrders.WooClr.dll");
        Assert.That(File.ReadAllBytes(shipped), Is.EqualTo(first), "the shipped DLL must be the reproducible one");
    }

    private static byte[] BuildClrInFreshFolder(string name)
    {
        string root = Path.Combine(Path.GetTempPath(), "cporders-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            CopyTree(Path.Combine(Repo.Root, "clr"), Path.Combine(root, "clr"));
            Repo.Result r = Repo.Run(root, "dotnet", "build", "clr/CpOrders.WooClr.csproj", "-c", Repo.Configuration, "-f", "net48", "-nologo", "-v:minimal", "-nodeReuse:false");
            Assert.That(r.ExitCode, Is.EqualTo(0), r.Output);
            return File.ReadAllBytes(Path.Combine(root, "clr", "bin", Repo.Configuration, "net48", "CpOrders.WooClr.dll"));
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(from))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (string d in Directory.GetDirectories(from))
            if (Path.GetFileName(d) is not ("bin" or "obj"))
                CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
