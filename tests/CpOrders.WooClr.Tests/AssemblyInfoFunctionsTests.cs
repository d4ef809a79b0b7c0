using System.Collections;
using System.Data.SqlTypes;
using System.Xml.Linq;
using CpOrders.WooClr.SqlSurface;

namespace CpOrders.WooClr.Tests;

/// <summary>wooclr.ClrVersion() and wooclr.AssemblyProperties(), called as SQL Server calls them.</summary>
public class AssemblyInfoFunctionsTests
{
    private static string ProjectVersion()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CpOrders.sln")))
            dir = dir.Parent;
        XDocument csproj = XDocument.Load(Path.Combine(dir!.FullName, "clr", "CpOrders.WooClr.csproj"));
        return csproj.Descendants("Version").Single().Value;
    }

    [Test]
    public void ClrVersion_is_the_version_the_project_declares_without_a_commit_suffix()
    {
        SqlString v = AssemblyInfoFunctions.ClrVersion();
        Assert.That(v.IsNull, Is.False);
        Assert.That(v.Value, Is.EqualTo(ProjectVersion()));
    }

    [Test]
    public void AssemblyProperties_streams_one_row_per_property_through_FillRow()
    {
        var rows = new Dictionary<string, string?>();
        foreach (object row in (IEnumerable)AssemblyInfoFunctions.AssemblyProperties())
        {
            AssemblyInfoFunctions.FillPropertyRow(row, out SqlString name, out SqlString value);
            Assert.That(name.IsNull, Is.False);
            rows.Add(name.Value, value.IsNull ? null : value.Value);
        }
        Assert.That(rows.Keys, Is.EqualTo(new[] { "assembly_name", "version", "assembly_version", "public_key_token", "runtime_version" }));
        Assert.That(rows["assembly_name"], Is.EqualTo("CpOrders.WooClr"));
        Assert.That(rows["version"], Is.EqualTo(ProjectVersion()));
        Assert.That(rows["public_key_token"], Does.Match("^[0-9a-f]{16}$"), "the assembly must be strong-name signed");
    }
}
