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
        "PS_DOC_PMT", "PS_DOC_PMT_APPLY", "PS_DOC_HDR_ORIG_DOC",
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

    /// <summary>Every catalogue column missing from the reference or differing from it (type, length, precision, scale, nullability, default).</summary>
    private static List<string> TypeMismatches(List<Col> catalogue, Dictionary<string, Dictionary<string, RefCol>> reference)
    {
        var found = new List<string>();
        foreach (Col c in catalogue)
        {
            if (!reference.TryGetValue(c.Table, out var cols)) { found.Add(c.Table + " not in the reference"); continue; }
            if (!cols.TryGetValue(c.Column, out RefCol? r)) { found.Add(c.Table + "." + c.Column + " not in the reference"); continue; }
            var mine = new RefCol(c.Type, c.MaxLength, c.Precision, c.Scale, c.Nullable, c.HasDefault);
            if (mine != r) found.Add(c.Key + ": " + c.Table + "." + c.Column + " is " + mine + " in the catalogue, " + r + " in the reference");
        }
        return found;
    }

    /// <summary>Every NOT NULL column without a default of an INSERTed table that the catalogue does not carry.</summary>
    private static List<string> MissingNotNullColumns(List<Col> catalogue, Dictionary<string, Dictionary<string, RefCol>> reference)
    {
        var found = new List<string>();
        foreach (string key in InsertKeys)
        {
            string table = catalogue.First(c => c.Key == key).Table;
            var carried = catalogue.Where(c => c.Key == key).Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
            foreach (var (column, r) in reference[table])
            {
                if (r.Nullable || r.HasDefault || r.Type == "(computed)" || r.Type == "timestamp") continue;
                if (key == "PS_DOC_LIN" && column == "LIN_GUID") continue;   // NEWID() per line in T-SQL (PlanContract.md)
                if (!carried.Contains(column)) found.Add(key + " must carry NOT NULL column " + table + "." + column + " (no default)");
            }
        }
        return found;
    }

    [Test]
    public void Every_planned_column_has_the_reference_type_length_nullability_and_default()
    {
        Assert.That(TypeMismatches(Catalogue(), Reference()), Is.Empty);
    }

    [Test]
    public void Every_table_the_plan_inserts_gets_every_NOT_NULL_column_without_a_default()
    {
        Assert.That(MissingNotNullColumns(Catalogue(), Reference()), Is.Empty);
    }

    [Test]
    public void The_checks_above_can_fail()
    {
        // Negative controls: the same checks on a mutated catalogue must find the mutation.
        List<Col> catalogue = Catalogue();
        Dictionary<string, Dictionary<string, RefCol>> reference = Reference();

        // 1. A column whose length drifted (PS_DOC_HDR.TKT_NO one character longer) and a column that does not exist.
        Col tktNo = catalogue.First(c => c.Key == "PS_DOC_HDR" && c.Column == "TKT_NO");
        var drifted = catalogue.Select(c => c == tktNo ? c with { MaxLength = c.MaxLength + 1 } : c).ToList();
        drifted.Add(tktNo with { Column = "NO_SUCH_COLUMN" });
        List<string> mismatches = TypeMismatches(drifted, reference);
        Assert.That(mismatches, Has.Count.EqualTo(2));
        Assert.That(mismatches, Has.Some.Contains("PS_DOC_HDR.TKT_NO is"));
        Assert.That(mismatches, Has.Some.Contains("PS_DOC_HDR.NO_SUCH_COLUMN not in the reference"));

        // 2. A carried NOT NULL column without a default dropped from the catalogue (the first such column of PS_DOC_HDR).
        Col required = catalogue.First(c => c.Key == "PS_DOC_HDR" && !reference["PS_DOC_HDR"][c.Column].Nullable && !reference["PS_DOC_HDR"][c.Column].HasDefault);
        List<string> missing = MissingNotNullColumns(catalogue.Where(c => c != required).ToList(), reference);
        Assert.That(missing, Is.EqualTo(new[] { "PS_DOC_HDR must carry NOT NULL column PS_DOC_HDR." + required.Column + " (no default)" }));
    }
}
