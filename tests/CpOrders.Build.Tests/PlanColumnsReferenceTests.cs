using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

namespace CpOrders.Build.Tests;

/// <summary>
/// The order planner's column catalogue (clr/Documents/Planning/PlanColumnCatalogText.cs, what wooclr.PlanColumns() answers)
/// against the Counterpoint reference dacpac the build produces: every column it carries exists with the same type,
/// length, precision, scale, nullability and default; and for every table the plan INSERTs, every NOT NULL column without a
/// default is carried (PS_DOC_LIN.LIN_GUID excepted: PROCESS writes NEWID(), PlanContract.md). The planner's own tests
/// (tests/CpOrders.WooClr.Tests/Planning) prove every carried NOT NULL column has a value in a full plan.
/// </summary>
public class PlanColumnsReferenceTests
{
    private sealed record Col(string Key, string Table, string Column, string Type, int? MaxLength, int? Precision, int? Scale, bool Nullable, bool HasDefault);

    private sealed record RefCol(string Type, int? MaxLength, int? Precision, int? Scale, bool Nullable, bool HasDefault);

    /// <summary>Plan keys that INSERT rows (AR_CUST_ORD and IM_INV quantities are updates; IM_INV inserts only its key).</summary>
    private static readonly string[] InsertKeys =
    {
        "PS_DOC_HDR", "PS_DOC_CONTACT", "PS_DOC_HDR_TOT", "PS_DOC_LIN", "PS_DOC_LIN_PRICE", "PS_DOC_DISC", "PS_DOC_HDR_MISC_CHRG",
        "PS_DOC_TAX", "PS_DOC_NOTE", "PS_DOC_AUDIT_LOG", "PS_DOC_AUDIT_LOG_TOT", "PS_DOC_HDR_DOC_STAT", "AR_CUST", "IM_INV",
    };

    private static List<Col> Catalogue()
    {
        string source = File.ReadAllText(Path.Combine(Repo.Root, "clr", "Documents", "Planning", "PlanColumnCatalogText.cs"));
        var cols = new List<Col>();
        foreach (Match m in Regex.Matches(source, "\"([A-Z_]+)\\|([A-Z_]+)\\|([A-Z_0-9]+)\\|([a-z]+)\\|(-?\\d*)\\|(\\d*)\\|(\\d*)\\|([01])\\|([01])\\\\n\""))
        {
            cols.Add(new Col(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, Int(m.Groups[5].Value), Int(m.Groups[6].Value),
                Int(m.Groups[7].Value), m.Groups[8].Value == "1", m.Groups[9].Value == "1"));
        }
        Assert.That(cols, Has.Count.GreaterThan(300), "catalogue lines parsed");
        return cols;
    }

    private static int? Int(string s) => s.Length == 0 ? null : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, Dictionary<string, RefCol>> Reference()
    {
        string dacpac = Path.Combine(Repo.Artifacts, "Counterpoint.dacpac");
        Assert.That(File.Exists(dacpac), Is.True, dacpac + " (build CpOrders.sln first)");
        using var model = TSqlModel.LoadFromDacpac(dacpac, new ModelLoadOptions(DacSchemaModelStorageType.Memory, loadAsScriptBackedModel: false));
        var defaults = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (TSqlObject d in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.DefaultConstraint))
        {
            foreach (TSqlObject c in d.GetReferenced(DefaultConstraint.TargetColumn)) defaults.Add(c.Name.ToString());
        }
        var tables = new Dictionary<string, Dictionary<string, RefCol>>(StringComparer.Ordinal);
        foreach (TSqlObject t in model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table))
        {
            var cols = new Dictionary<string, RefCol>(StringComparer.Ordinal);
            foreach (TSqlObject c in t.GetReferenced(Table.Columns))
            {
                TSqlObject? type = c.GetReferenced(Column.DataType).FirstOrDefault();
                string typeName = type == null ? "(computed)" : type.Name.Parts[^1].ToLowerInvariant();
                bool isMax = c.GetProperty<bool>(Column.IsMax);
                int length = c.GetProperty<int>(Column.Length);
                int? maxLength = typeName is "varchar" or "nvarchar" or "char" ? (isMax ? -1 : length) : typeName == "text" ? -1 : null;
                int? precision = typeName == "decimal" ? c.GetProperty<int>(Column.Precision) : null;
                int? scale = typeName == "decimal" ? c.GetProperty<int>(Column.Scale) : null;
                cols.Add(c.Name.Parts[^1], new RefCol(typeName, maxLength, precision, scale, c.GetProperty<bool>(Column.Nullable), defaults.Contains(c.Name.ToString())));
            }
            tables.Add(t.Name.Parts[^1], cols);
        }
        return tables;
    }

    [Test]
    public void Every_planned_column_has_the_reference_type_length_nullability_and_default()
    {
        List<Col> catalogue = Catalogue();
        Dictionary<string, Dictionary<string, RefCol>> reference = Reference();
        Assert.Multiple(() =>
        {
            foreach (Col c in catalogue)
            {
                Assert.That(reference.ContainsKey(c.Table), Is.True, c.Table + " in the reference");
                if (!reference.TryGetValue(c.Table, out var cols)) continue;
                Assert.That(cols.TryGetValue(c.Column, out RefCol? r), Is.True, c.Table + "." + c.Column + " in the reference");
                if (r == null) continue;
                Assert.That(new RefCol(c.Type, c.MaxLength, c.Precision, c.Scale, c.Nullable, c.HasDefault), Is.EqualTo(r), c.Key + ": " + c.Table + "." + c.Column);
            }
        });
    }

    [Test]
    public void Every_table_the_plan_inserts_gets_every_NOT_NULL_column_without_a_default()
    {
        List<Col> catalogue = Catalogue();
        Dictionary<string, Dictionary<string, RefCol>> reference = Reference();
        Assert.Multiple(() =>
        {
            foreach (string key in InsertKeys)
            {
                string table = catalogue.First(c => c.Key == key).Table;
                var carried = catalogue.Where(c => c.Key == key).Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
                foreach (var (column, r) in reference[table])
                {
                    if (r.Nullable || r.HasDefault || r.Type == "(computed)" || r.Type == "timestamp") continue;
                    if (key == "PS_DOC_LIN" && column == "LIN_GUID") continue;   // NEWID() per line in T-SQL (PlanContract.md)
                    Assert.That(carried, Does.Contain(column), key + " must carry NOT NULL column " + table + "." + column + " (no default)");
                }
            }
        });
    }

    [Test]
    public void The_checks_above_can_fail()
    {
        // Negative control: a reference NOT NULL column the plan does not carry (IM_INV carries 4 of its columns) is seen.
        Dictionary<string, Dictionary<string, RefCol>> reference = Reference();
        Assert.That(reference["PS_DOC_LIN"]["LIN_GUID"], Is.EqualTo(new RefCol("uniqueidentifier", null, null, null, false, false)));
        Assert.That(reference["PS_DOC_HDR"]["HAS_ENTD_LINS"], Is.EqualTo(new RefCol("varchar", 1, null, null, false, true)));
        Assert.That(reference["PS_DOC_NOTE"]["NOTE"].MaxLength, Is.EqualTo(-1));
    }
}
