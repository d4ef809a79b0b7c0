using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CpOrders.Build.DbTool;

/// <summary>One permission one of our modules needs in the Counterpoint database.</summary>
public sealed record CounterpointGrant(string Permission, string Schema, string Object, string? Column)
{
    public string Securable => Column == null ? $"{Schema}.{Object}" : $"{Schema}.{Object} ({Column})";
}

/// <summary>A CpOrders module that references [$(CounterpointDb)], with what it does there.</summary>
public sealed record CounterpointModule(string Schema, string Name, string File, IReadOnlyList<CounterpointGrant> Needs);

/// <summary>
/// Derives, from the T-SQL sources, which CpOrders modules reference the Counterpoint database and exactly which
/// permissions they need there (design 1): INSERT on a table a module inserts into, UPDATE on the columns it sets,
/// DELETE where it deletes, SELECT on every table it reads (an UPDATE or DELETE reads its target too), EXECUTE on the
/// procedures and scalar functions it calls. These modules are signed, and the certificate's user holds these grants.
/// </summary>
public static class CounterpointAccess
{
    public static IReadOnlyList<CounterpointModule> Derive(IEnumerable<SqlSource> sources)
    {
        var modules = new List<CounterpointModule>();
        foreach (SqlSource source in sources)
        {
            if (source.Errors.Count > 0)
                continue;
            var finder = new ModuleFinder();
            source.Fragment.Accept(finder);
            foreach ((SchemaObjectName name, TSqlFragment body) in finder.Modules)
            {
                var visitor = new AccessVisitor();
                body.Accept(visitor);
                IReadOnlyList<CounterpointGrant> needs = visitor.Result();
                if (visitor.ReferencesCounterpoint)
                    modules.Add(new CounterpointModule(name.SchemaIdentifier?.Value ?? "dbo", name.BaseIdentifier.Value, source.Path, needs));
            }
        }
        return modules.OrderBy(m => m.Schema, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static IReadOnlyList<CounterpointGrant> Union(IEnumerable<CounterpointModule> modules) =>
        modules.SelectMany(m => m.Needs).Distinct()
            .OrderBy(g => g.Schema, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Object, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Permission, StringComparer.Ordinal).ThenBy(g => g.Column ?? "", StringComparer.OrdinalIgnoreCase)
            .ToList();

    private sealed class ModuleFinder : TSqlFragmentVisitor
    {
        public List<(SchemaObjectName, TSqlFragment)> Modules { get; } = new();

        public override void ExplicitVisit(CreateProcedureStatement node) => Modules.Add((node.ProcedureReference.Name, node));
        public override void ExplicitVisit(CreateFunctionStatement node) => Modules.Add((node.Name, node));
        public override void ExplicitVisit(CreateViewStatement node) => Modules.Add((node.SchemaObjectName, node));
        public override void ExplicitVisit(CreateTriggerStatement node) => Modules.Add((node.Name, node));
    }

    private sealed class AccessVisitor : TSqlFragmentVisitor
    {
        private readonly HashSet<CounterpointGrant> _grants = new();
        private readonly HashSet<TSqlFragment> _writeTargets = new();

        public bool ReferencesCounterpoint { get; private set; }

        public IReadOnlyList<CounterpointGrant> Result() => _grants.ToList();

        public override void ExplicitVisit(InsertSpecification node)
        {
            if (node.Target is NamedTableReference t && IsCounterpoint(t.SchemaObject))
            {
                Add("INSERT", t.SchemaObject, null);
                _writeTargets.Add(t);
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateSpecification node)
        {
            SchemaObjectName? target = ResolveTarget(node.Target, node.FromClause);
            if (target != null)
            {
                foreach (SetClause clause in node.SetClauses)
                    if (clause is AssignmentSetClause a && a.Column != null)
                        Add("UPDATE", target, a.Column.MultiPartIdentifier.Identifiers[^1].Value);
                Add("SELECT", target, null);
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(DeleteSpecification node)
        {
            SchemaObjectName? target = ResolveTarget(node.Target, node.FromClause);
            if (target != null)
            {
                Add("DELETE", target, null);
                Add("SELECT", target, null);
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(MergeSpecification node)
        {
            if (node.Target is NamedTableReference t && IsCounterpoint(t.SchemaObject))
            {
                Add("SELECT", t.SchemaObject, null);
                foreach (MergeActionClause clause in node.ActionClauses)
                {
                    switch (clause.Action)
                    {
                        case InsertMergeAction:
                            Add("INSERT", t.SchemaObject, null);
                            break;
                        case UpdateMergeAction u:
                            foreach (SetClause s in u.SetClauses)
                                if (s is AssignmentSetClause a && a.Column != null)
                                    Add("UPDATE", t.SchemaObject, a.Column.MultiPartIdentifier.Identifiers[^1].Value);
                            break;
                        case DeleteMergeAction:
                            Add("DELETE", t.SchemaObject, null);
                            break;
                    }
                }
                _writeTargets.Add(t);
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(NamedTableReference node)
        {
            if (IsCounterpoint(node.SchemaObject) && !_writeTargets.Contains(node))
                Add("SELECT", node.SchemaObject, null);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(SchemaObjectFunctionTableReference node)
        {
            if (IsCounterpoint(node.SchemaObject))
                Add("SELECT", node.SchemaObject, null);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(FunctionCall node)
        {
            if (node.CallTarget is MultiPartIdentifierCallTarget target)
            {
                IList<Identifier> ids = target.MultiPartIdentifier.Identifiers;
                if (ids.Count >= 2 && SqlSource.IsCounterpoint(ids[^2]))
                {
                    ReferencesCounterpoint = true;
                    _grants.Add(new CounterpointGrant("EXECUTE", ids[^1].Value, node.FunctionName.Value, null));
                }
            }
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            if (node.ProcedureReference?.ProcedureReference?.Name is SchemaObjectName name && IsCounterpoint(name))
                Add("EXECUTE", name, null);
            base.ExplicitVisit(node);
        }

        private SchemaObjectName? ResolveTarget(TableReference target, FromClause? from)
        {
            if (target is not NamedTableReference named)
                return null;
            if (IsCounterpoint(named.SchemaObject))
            {
                _writeTargets.Add(named);
                return named.SchemaObject;
            }
            if (named.SchemaObject.SchemaIdentifier == null && from != null)
                foreach (NamedTableReference r in Flatten(from.TableReferences))
                    if (r.Alias != null && r.Alias.Value.Equals(named.SchemaObject.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase)
                        && IsCounterpoint(r.SchemaObject))
                        return r.SchemaObject;
            return null;
        }

        private static IEnumerable<NamedTableReference> Flatten(IEnumerable<TableReference> refs)
        {
            foreach (TableReference r in refs)
            {
                if (r is NamedTableReference n)
                    yield return n;
                else if (r is JoinTableReference j)
                    foreach (NamedTableReference x in Flatten(new[] { j.FirstTableReference, j.SecondTableReference }))
                        yield return x;
                else if (r is JoinParenthesisTableReference p)
                    foreach (NamedTableReference x in Flatten(new[] { p.Join }))
                        yield return x;
            }
        }

        private void Add(string permission, SchemaObjectName name, string? column)
        {
            ReferencesCounterpoint = true;
            _grants.Add(new CounterpointGrant(permission, name.SchemaIdentifier?.Value ?? "dbo", name.BaseIdentifier.Value, column));
        }

        private static bool IsCounterpoint(SchemaObjectName name) => SqlSource.IsCounterpoint(name.DatabaseIdentifier);
    }
}
