using Microsoft.SqlServer.Dac.Model;

namespace CpOrders.Build.DbTool;

/// <summary>What one column demands of a writer.</summary>
public sealed record ColumnFacts(string Name, bool Required, bool Computed, bool Identity);

/// <summary>Columns of one table, in declaration order.</summary>
public sealed class TableFacts
{
    public TableFacts(string name, IReadOnlyList<ColumnFacts> columns)
    {
        Name = name;
        Columns = columns;
        ByName = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }
    public IReadOnlyList<ColumnFacts> Columns { get; }
    public IReadOnlyDictionary<string, ColumnFacts> ByName { get; }
}

/// <summary>Parameters of a function or procedure: how many, and how many must be supplied.</summary>
public sealed record RoutineFacts(string Name, int ParameterCount, int RequiredCount, bool IsFunction);

/// <summary>
/// The facts DacFx does not check, read from built dacpacs: which columns are computed, identity or required
/// (NOT NULL, no default, not identity, not computed, not rowversion), and how many parameters each routine has.
/// A model is either the local database (CpOrders, ClrContract) or the Counterpoint database.
/// </summary>
public sealed class ModelFacts
{
    private readonly Dictionary<string, TableFacts> _localTables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TableFacts> _counterpointTables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RoutineFacts> _localRoutines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RoutineFacts> _counterpointRoutines = new(StringComparer.OrdinalIgnoreCase);

    public void Load(string dacpacPath, bool isCounterpoint)
    {
        var tables = isCounterpoint ? _counterpointTables : _localTables;
        var routines = isCounterpoint ? _counterpointRoutines : _localRoutines;
        using var model = TSqlModel.LoadFromDacpac(dacpacPath, new ModelLoadOptions { LoadAsScriptBackedModel = false });

        var defaulted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (TSqlObject dc in model.GetObjects(DacQueryScopes.UserDefined, DefaultConstraint.TypeClass))
            foreach (TSqlObject col in dc.GetReferenced(DefaultConstraint.TargetColumn))
                defaulted.Add(Key(col.Name));

        foreach (TSqlObject table in model.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass))
        {
            var columns = new List<ColumnFacts>();
            foreach (TSqlObject col in table.GetReferenced(Table.Columns))
            {
                bool computed = col.GetMetadata<ColumnType>(Column.ColumnType) == ColumnType.ComputedColumn;
                bool identity = col.GetProperty<bool>(Column.IsIdentity);
                bool nullable = col.GetProperty<bool>(Column.Nullable);
                string typeName = col.GetReferenced(Column.DataType).Select(t => t.Name.Parts.Last()).FirstOrDefault() ?? "";
                bool automatic = typeName.Equals("timestamp", StringComparison.OrdinalIgnoreCase)
                              || typeName.Equals("rowversion", StringComparison.OrdinalIgnoreCase);
                bool required = !nullable && !identity && !computed && !automatic && !defaulted.Contains(Key(col.Name));
                columns.Add(new ColumnFacts(col.Name.Parts.Last(), required, computed, identity));
            }
            tables[TwoPart(table.Name)] = new TableFacts(TwoPart(table.Name), columns);
        }

        AddRoutines(model, TableValuedFunction.TypeClass, TableValuedFunction.Parameters, true, routines);
        AddRoutines(model, ScalarFunction.TypeClass, ScalarFunction.Parameters, true, routines);
        AddRoutines(model, Procedure.TypeClass, Procedure.Parameters, false, routines);
    }

    private static void AddRoutines(TSqlModel model, ModelTypeClass type, ModelRelationshipClass parameters, bool isFunction,
        Dictionary<string, RoutineFacts> into)
    {
        foreach (TSqlObject routine in model.GetObjects(DacQueryScopes.UserDefined, type))
        {
            var ps = routine.GetReferenced(parameters).ToList();
            int required = ps.Count(p => p.GetProperty<object>(Parameter.DefaultExpression) == null);
            into[TwoPart(routine.Name)] = new RoutineFacts(TwoPart(routine.Name), ps.Count, required, isFunction);
        }
    }

    public TableFacts? FindTable(bool counterpoint, string schema, string name) =>
        (counterpoint ? _counterpointTables : _localTables).GetValueOrDefault(schema + "." + name);

    public RoutineFacts? FindRoutine(bool counterpoint, string schema, string name) =>
        (counterpoint ? _counterpointRoutines : _localRoutines).GetValueOrDefault(schema + "." + name);

    private static string TwoPart(ObjectIdentifier id) =>
        id.Parts.Count >= 2 ? id.Parts[^2] + "." + id.Parts[^1] : "dbo." + id.Parts[^1];

    private static string Key(ObjectIdentifier id) => string.Join(".", id.Parts);
}
