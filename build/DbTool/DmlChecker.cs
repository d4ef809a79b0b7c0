using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.DbTool;

/// <summary>One problem, printed in MSBuild's canonical form so the build shows it as an error with file and line.</summary>
public sealed record Finding(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): error {Code}: {Message}";
}

/// <summary>
/// The checks DacFx does not make because it only resolves names (toolchain-design-proofs 1c, 1d, 2a):
/// DML0001 INSERT without a column list; DML0515 INSERT that omits a required column; DML0271 a write to a computed
/// column; DML0544 an INSERT or UPDATE of an identity column; DML0313 a function called with the wrong number of
/// arguments, or a procedure with too many or too few. Into CpOrders' own tables and Counterpoint's alike.
/// </summary>
public sealed class DmlChecker
{
    private readonly ModelFacts _facts;

    public DmlChecker(ModelFacts facts) => _facts = facts;

    public IReadOnlyList<Finding> Check(SqlSource source)
    {
        var findings = new List<Finding>();
        foreach (ParseError e in source.Errors)
            findings.Add(new Finding(source.Path, e.Line, e.Column, "DML0000", "T-SQL 2017 syntax: " + e.Message));
        if (source.Errors.Count == 0)
            source.Fragment.Accept(new Visitor(_facts, source.Path, findings));
        return findings;
    }

    private sealed class Visitor : TSqlFragmentVisitor
    {
        private readonly ModelFacts _facts;
        private readonly string _file;
        private readonly List<Finding> _findings;

        public Visitor(ModelFacts facts, string file, List<Finding> findings)
        {
            _facts = facts;
            _file = file;
            _findings = findings;
        }

        public override void ExplicitVisit(InsertSpecification node)
        {
            if (Resolve(node.Target, null, out TableFacts? table, out string display) && table != null)
                CheckInsertColumns(node, node.Columns, table, display);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateSpecification node)
        {
            if (Resolve(node.Target, node.FromClause, out TableFacts? table, out string display) && table != null)
                CheckSetClauses(node.SetClauses, table, display);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(MergeSpecification node)
        {
            if (Resolve(node.Target, null, out TableFacts? table, out string display) && table != null)
            {
                foreach (MergeActionClause clause in node.ActionClauses)
                {
                    if (clause.Action is InsertMergeAction insert)
                        CheckInsertColumns(insert, insert.Columns, table, display);
                    else if (clause.Action is UpdateMergeAction update)
                        CheckSetClauses(update.SetClauses, table, display);
                }
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(SchemaObjectFunctionTableReference node)
        {
            CheckFunctionArguments(node.SchemaObject, node.Parameters.Count, node);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(FunctionCall node)
        {
            if (node.CallTarget is MultiPartIdentifierCallTarget target && target.MultiPartIdentifier.Identifiers.Count > 0)
            {
                IList<Identifier> ids = target.MultiPartIdentifier.Identifiers;
                bool counterpoint = ids.Count >= 2 && SqlSource.IsCounterpoint(ids[^2]);
                bool otherDatabase = ids.Count >= 2 && !counterpoint;
                if (!otherDatabase)
                {
                    RoutineFacts? routine = _facts.FindRoutine(counterpoint, ids[^1].Value, node.FunctionName.Value);
                    if (routine != null && routine.ParameterCount != node.Parameters.Count)
                        Add(node, "DML0313", $"{ids[^1].Value}.{node.FunctionName.Value} takes {routine.ParameterCount} argument(s), called with {node.Parameters.Count}");
                }
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(ExecuteSpecification node)
        {
            if (node.ExecutableEntity is ExecutableProcedureReference proc && proc.ProcedureReference?.ProcedureReference?.Name is SchemaObjectName name
                && IsLocalOrCounterpoint(name, out bool counterpoint))
            {
                RoutineFacts? routine = _facts.FindRoutine(counterpoint, name.SchemaIdentifier?.Value ?? "dbo", name.BaseIdentifier.Value);
                if (routine != null && !routine.IsFunction)
                {
                    int supplied = proc.Parameters.Count;
                    int positional = proc.Parameters.Count(p => p.Variable == null);
                    if (positional > routine.ParameterCount)
                        Add(node, "DML0313", $"procedure {routine.Name} takes {routine.ParameterCount} parameter(s), called with {positional} positional argument(s)");
                    else if (supplied < routine.RequiredCount)
                        Add(node, "DML0313", $"procedure {routine.Name} needs {routine.RequiredCount} parameter(s) without default, called with {supplied}");
                }
            }
            base.ExplicitVisit(node);
        }

        private void CheckFunctionArguments(SchemaObjectName name, int count, TSqlFragment at)
        {
            if (!IsLocalOrCounterpoint(name, out bool counterpoint))
                return;
            RoutineFacts? routine = _facts.FindRoutine(counterpoint, name.SchemaIdentifier?.Value ?? "dbo", name.BaseIdentifier.Value);
            if (routine != null && routine.IsFunction && routine.ParameterCount != count)
                Add(at, "DML0313", $"{SqlSource.DisplayName(name)} takes {routine.ParameterCount} argument(s), called with {count}");
        }

        private void CheckInsertColumns(TSqlFragment at, IList<ColumnReferenceExpression> columns, TableFacts table, string display)
        {
            if (columns.Count == 0)
            {
                Add(at, "DML0001", $"INSERT into {display} has no column list: list the columns, so a new column in the table cannot shift values");
                return;
            }
            var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ColumnReferenceExpression c in columns)
            {
                string col = c.MultiPartIdentifier.Identifiers[^1].Value;
                listed.Add(col);
                if (table.ByName.TryGetValue(col, out ColumnFacts? facts))
                {
                    if (facts.Computed)
                        Add(c, "DML0271", $"INSERT writes computed column {display}.{facts.Name}");
                    else if (facts.Identity)
                        Add(c, "DML0544", $"INSERT writes identity column {display}.{facts.Name}");
                }
            }
            foreach (ColumnFacts col in table.Columns)
                if (col.Required && !listed.Contains(col.Name))
                    Add(at, "DML0515", $"INSERT into {display} omits NOT NULL column {col.Name} (no default, not identity)");
        }

        private void CheckSetClauses(IList<SetClause> setClauses, TableFacts table, string display)
        {
            foreach (SetClause clause in setClauses)
            {
                if (clause is AssignmentSetClause assign && assign.Column != null)
                {
                    string col = assign.Column.MultiPartIdentifier.Identifiers[^1].Value;
                    if (table.ByName.TryGetValue(col, out ColumnFacts? facts))
                    {
                        if (facts.Computed)
                            Add(assign, "DML0271", $"UPDATE writes computed column {display}.{facts.Name}");
                        else if (facts.Identity)
                            Add(assign, "DML0544", $"UPDATE writes identity column {display}.{facts.Name}");
                    }
                }
            }
        }

        /// <summary>Finds the table a DML target names, through an alias of the FROM clause where needed.</summary>
        private bool Resolve(TableReference target, FromClause? from, out TableFacts? table, out string display)
        {
            table = null;
            display = "";
            if (target is not NamedTableReference named)
                return false;
            SchemaObjectName name = named.SchemaObject;
            if (name.SchemaIdentifier == null && from != null)
            {
                NamedTableReference? aliased = FindAlias(from.TableReferences, name.BaseIdentifier.Value);
                if (aliased != null)
                    name = aliased.SchemaObject;
            }
            if (name.BaseIdentifier.Value.StartsWith('#') || !IsLocalOrCounterpoint(name, out bool counterpoint))
                return false;
            display = SqlSource.DisplayName(name);
            table = _facts.FindTable(counterpoint, name.SchemaIdentifier?.Value ?? "dbo", name.BaseIdentifier.Value);
            return true;
        }

        private static NamedTableReference? FindAlias(IEnumerable<TableReference> refs, string alias)
        {
            foreach (TableReference r in refs)
            {
                switch (r)
                {
                    case NamedTableReference n when n.Alias != null && n.Alias.Value.Equals(alias, StringComparison.OrdinalIgnoreCase):
                        return n;
                    case JoinTableReference j:
                        NamedTableReference? found = FindAlias(new[] { j.FirstTableReference, j.SecondTableReference }, alias);
                        if (found != null)
                            return found;
                        break;
                    case JoinParenthesisTableReference p:
                        NamedTableReference? inner = FindAlias(new[] { p.Join }, alias);
                        if (inner != null)
                            return inner;
                        break;
                }
            }
            return null;
        }

        private static bool IsLocalOrCounterpoint(SchemaObjectName name, out bool counterpoint)
        {
            counterpoint = SqlSource.IsCounterpoint(name.DatabaseIdentifier);
            return name.DatabaseIdentifier == null || counterpoint;
        }

        private void Add(TSqlFragment at, string code, string message) =>
            _findings.Add(new Finding(_file, at.StartLine, at.StartColumn, code, message));
    }
}
