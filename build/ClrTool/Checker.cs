using System.Reflection;

namespace CpOrders.ClrTool;

/// <summary>What <see cref="Checker.Check"/> found; <see cref="Assembly"/> is null only when the file could not be read.</summary>
public sealed record CheckResult(ClrAssemblyInfo? Assembly, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Problems.Count == 0;
    public int Functions => Assembly?.EntryPoints.Count(e => e.Kind is SqlObjectKind.ScalarFunction or SqlObjectKind.TableFunction) ?? 0;
    public int Procedures => Assembly?.EntryPoints.Count(e => e.Kind == SqlObjectKind.Procedure) ?? 0;
}

/// <summary>
/// The rules of design §3 that the build checks on the net48 assembly, each failing with the member's name: supported
/// framework references only, .NET Framework target, no static state, only framework APIs on the allow-list (host protection),
/// entry-point signatures in the type map, table functions that match their FillRow methods, no native code.
/// </summary>
public static class Checker
{
    /// <summary>SQL Server's supported .NET Framework libraries ("Supported .NET Framework Libraries", SQL Server CLR docs).</summary>
    public static readonly IReadOnlySet<string> SupportedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CustomMarshalers", "Microsoft.VisualBasic", "Microsoft.VisualC", "mscorlib", "System", "System.Configuration",
        "System.Core", "System.Data", "System.Data.OracleClient", "System.Data.SqlXml", "System.Deployment",
        "System.Security", "System.Transactions", "System.Web.Services", "System.Xml", "System.Xml.Linq",
    };

    /// <summary>Types a <c>static readonly</c> field may have: values nobody can change (besides enums, primitives, SqlTypes structs, readonly structs).</summary>
    public static readonly IReadOnlySet<string> ImmutableTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.String", "System.Decimal", "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.Guid",
        "System.Type", "System.DBNull", "System.Text.RegularExpressions.Regex",
    };

    public static CheckResult Check(string assemblyPath, string referenceDirectory, FrameworkAllowList? allowList = null)
    {
        using LoadedAssembly loaded = AssemblyReader.Open(assemblyPath, referenceDirectory);
        var problems = new List<Problem>();
        string assemblyName = loaded.Assembly.GetName().Name ?? Path.GetFileNameWithoutExtension(assemblyPath);
        var readErrors = new List<string>(loaded.LoadErrors);
        ClrAssemblyInfo info = AssemblyReader.Read(loaded, readErrors);
        problems.AddRange(readErrors.Distinct().Select(e =>
            new Problem(Rules.Unreadable, assemblyName, $"cannot read a type: {e} (a reference that does not resolve against the .NET Framework 4.8 reference assemblies)")));

        CheckReferences(loaded, assemblyName, problems);
        CheckTargetFramework(loaded, assemblyName, problems);
        CheckStaticFields(loaded, problems);
        problems.AddRange((allowList ?? FrameworkAllowList.Default()).Check(FrameworkReferences.Collect(loaded.Bytes)));
        CheckNativeCode(loaded, assemblyName, problems);
        CheckEntryPoints(info, problems);
        CheckTypeAttributes(loaded, problems);
        if (string.Equals(assemblyName, SqlSurface.Schema, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new Problem(Rules.Naming, assemblyName,
                $"the assembly's name equals schema [{SqlSurface.Schema}] (case-insensitively); DacFx cannot resolve a model where an assembly and a schema share a name: rename the assembly (e.g. CpOrders.WooClr)"));
        }
        return new CheckResult(info, problems);
    }

    private static void CheckReferences(LoadedAssembly loaded, string assemblyName, List<Problem> problems)
    {
        foreach (AssemblyName reference in loaded.Assembly.GetReferencedAssemblies().OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (reference.Name is { } name && !SupportedAssemblies.Contains(name))
            {
                problems.Add(new Problem(Rules.UnsupportedReference, assemblyName,
                    $"references {reference.FullName}, which is not on SQL Server's list of supported .NET Framework assemblies " +
                    $"({string.Join(", ", SupportedAssemblies.Order(StringComparer.OrdinalIgnoreCase))}); SQL Server would have to load it as a separate UNSAFE assembly"));
            }
        }
    }

    private static void CheckTargetFramework(LoadedAssembly loaded, string assemblyName, List<Problem> problems)
    {
        string? framework = loaded.Assembly.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute")
            ?.ConstructorArguments.FirstOrDefault().Value as string;
        if (framework is null || !framework.StartsWith(".NETFramework,", StringComparison.Ordinal))
        {
            problems.Add(new Problem(Rules.TargetFramework, assemblyName,
                framework is null
                    ? "has no TargetFrameworkAttribute; SQL Server loads .NET Framework assemblies only: check the net48 build"
                    : $"targets {framework}; SQL Server loads .NET Framework assemblies only: check the net48 build"));
        }
    }

    private static void CheckStaticFields(LoadedAssembly loaded, List<Problem> problems)
    {
        foreach (Type type in loaded.Types)
        {
            FieldInfo[] fields;
            try
            {
                fields = type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            }
            catch (Exception ex) when (ex is FileNotFoundException or TypeLoadException)
            {
                continue; // reported as CPOCLR00 by the reader
            }
            List<string> chain = TypeChain(type);
            foreach (FieldInfo field in fields)
            {
                // const fields are values, not storage; RVA fields are the compiler's data blobs for array initializers.
                if (field.IsLiteral || (field.Attributes & FieldAttributes.HasFieldRVA) != 0) continue;
                // <>c.<>9: the compiler's stateless lambda holder, readonly; its <>9__ caches are the problem, reported below.
                if (type.Name == "<>c" && field.Name == "<>9") continue;

                var (userType, member) = CompilerNames.UserMember(chain, field.Name);
                string what = $"field {field.Name}";
                var hint = new SourceHint(userType, member);
                if (field.Name.StartsWith("<>9__", StringComparison.Ordinal))
                {
                    string suffix = "b__" + field.Name["<>9__".Length..];
                    string? owner = type.GetMethods(AssemblyReader.AllDeclared)
                        .Where(m => m.Name.EndsWith(suffix, StringComparison.Ordinal))
                        .Select(m => CompilerNames.Inner(m.Name)).FirstOrDefault();
                    member = owner ?? $"{type.Name}.{field.Name}";
                    what = $"compiler-generated lambda cache {type.Name}.{field.Name} (a lambda in {owner ?? "this type"} that captures nothing)";
                    hint = new SourceHint(userType, owner, AtLambdaArrow: true);
                }
                else if (field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal))
                {
                    what = $"the compiler-generated backing field of static auto-property {member}";
                }

                if (!field.IsInitOnly)
                {
                    problems.Add(new Problem(Rules.StaticField, $"{userType}.{member}",
                        $"{what} is static and not readonly; SQL Server refuses such fields in SAFE and EXTERNAL_ACCESS assemblies (CREATE ASSEMBLY fails) " +
                        "and would share the value across sessions: keep state in instances or local variables" +
                        (hint.AtLambdaArrow ? " (replace the lambda or LINQ call with a loop or a named static method)" : ""), hint));
                }
                else if (!IsImmutable(field.FieldType))
                {
                    problems.Add(new Problem(Rules.MutableStaticReadonly, $"{userType}.{member}",
                        $"{what} is static readonly but of mutable type {AssemblyReader.Display(field.FieldType)}; its contents can still change and are shared by every session. " +
                        "Allowed: primitives, string, decimal, DateTime(Offset), TimeSpan, Guid, enums, System.Type, Regex, SqlTypes structs, readonly structs; otherwise build the value per call", hint));
                }
            }
        }
    }

    public static bool IsImmutable(Type type)
    {
        if (type.IsEnum || type.IsPrimitive || ImmutableTypes.Contains(type.FullName ?? "")) return true;
        if (AssemblyReader.NullableArgument(type) is { } argument) return IsImmutable(argument);
        if (!type.IsValueType || type.IsGenericType) return false;
        return type.Namespace == "System.Data.SqlTypes"
            || type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute");
    }

    private static void CheckNativeCode(LoadedAssembly loaded, string assemblyName, List<Problem> problems)
    {
        if (loaded.Assembly.ManifestModule.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Security.UnverifiableCodeAttribute"))
        {
            problems.Add(new Problem(Rules.NeedsUnsafe, assemblyName,
                "is compiled with unsafe code (AllowUnsafeBlocks); SQL Server loads unverifiable code only as UNSAFE, and CpOrders deploys EXTERNAL_ACCESS"));
        }
        foreach (Type type in loaded.Types)
        {
            foreach (MethodInfo method in SafeMethods(type).Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0))
            {
                var (userType, member) = CompilerNames.UserMember(TypeChain(type), method.Name);
                problems.Add(new Problem(Rules.NeedsUnsafe, $"{userType}.{member}",
                    "is a P/Invoke (DllImport) into native code; SQL Server runs native calls only in UNSAFE assemblies, and CpOrders deploys EXTERNAL_ACCESS: use a managed API",
                    new SourceHint(userType, member)));
            }
        }
    }

    private static void CheckTypeAttributes(LoadedAssembly loaded, List<Problem> problems)
    {
        foreach (Type type in loaded.Types)
        {
            var sqlTypeAttribute = type.GetCustomAttributesData().FirstOrDefault(a =>
                a.AttributeType.Namespace == AssemblyReader.SqlServerNamespace &&
                a.AttributeType.Name is "SqlUserDefinedAggregateAttribute" or "SqlUserDefinedTypeAttribute");
            if (sqlTypeAttribute is not null)
            {
                string name = string.Join(".", TypeChain(type));
                problems.Add(new Problem(Rules.Naming, name,
                    $"[{sqlTypeAttribute.AttributeType.Name[..^"Attribute".Length]}] is not generated by build/ClrTool (no contract stub, no wrapper): extend the tool first",
                    new SourceHint(name, null)));
            }
        }
    }

    private static void CheckEntryPoints(ClrAssemblyInfo info, List<Problem> problems)
    {
        var byName = new Dictionary<string, SqlEntryPoint>(StringComparer.OrdinalIgnoreCase);
        foreach (SqlEntryPoint entryPoint in info.EntryPoints)
        {
            string member = entryPoint.Member;
            var hint = new SourceHint(entryPoint.ClrTypeName.Replace('+', '.'), entryPoint.Method.Name);
            void Add(string code, string message) => problems.Add(new Problem(code, member, message, hint));
            ClrMethod method = entryPoint.Method;

            if (entryPoint.Kind == SqlObjectKind.Unsupported)
            {
                Add(Rules.Naming, $"[{entryPoint.AttributeName}] is not generated by build/ClrTool (no contract stub, no wrapper): extend the tool first");
                continue;
            }
            if (!IsRegularIdentifier(entryPoint.SqlName))
            {
                Add(Rules.Naming, $"SQL name '{entryPoint.SqlName}' must be a regular identifier (letters, digits, _; not starting with a digit): it names the wrapper and its contract file");
            }
            else if (byName.TryGetValue(entryPoint.SqlName, out SqlEntryPoint? other))
            {
                Add(Rules.Naming, $"SQL name {entryPoint.SqlName} is also used by {other.Member}: each CLR object in [{SqlSurface.Schema}] needs its own name");
            }
            else
            {
                byName[entryPoint.SqlName] = entryPoint;
            }

            if (!entryPoint.TypeIsPublic)
            {
                Add(Rules.EntryPointShape, $"[{entryPoint.AttributeName}] method in a type that is not public: SQL Server binds only public types (and public enclosing types)");
            }
            if (!method.IsPublic || !method.IsStatic)
            {
                Add(Rules.EntryPointShape, $"[{entryPoint.AttributeName}] method must be public static; it is {(method.IsPublic ? "public" : "not public")} and {(method.IsStatic ? "static" : "an instance method")}");
            }
            if (method.IsGeneric)
            {
                Add(Rules.EntryPointShape, $"[{entryPoint.AttributeName}] method cannot be generic");
            }

            foreach (ClrParameter parameter in method.Parameters)
            {
                if (parameter.IsByRef && entryPoint.Kind != SqlObjectKind.Procedure)
                {
                    Add(Rules.TypeMapping, $"parameter {parameter.Name} is out/ref; only procedures have OUTPUT parameters");
                }
                if (TypeMap.ToSql(parameter.Type, parameter.Facet, out string? error) is null)
                {
                    Add(Rules.TypeMapping, $"parameter {parameter.Name}: {error}");
                }
            }

            switch (entryPoint.Kind)
            {
                case SqlObjectKind.ScalarFunction:
                    if (method.ReturnType.Is("System.Void"))
                    {
                        Add(Rules.TypeMapping, "a scalar function must return a value (a SqlTypes type); a method returning void is a [SqlProcedure]");
                    }
                    else if (TypeMap.ToSql(method.ReturnType, method.ReturnFacet, out string? error) is null)
                    {
                        Add(Rules.TypeMapping, $"return value: {error}");
                    }
                    break;
                case SqlObjectKind.Procedure:
                    if (!method.ReturnType.Is("System.Void") && !method.ReturnType.Is("System.Data.SqlTypes.SqlInt32"))
                    {
                        Add(Rules.TypeMapping, $"a procedure returns void or SqlInt32 (its RETURN code), not {method.ReturnType.Display}");
                    }
                    break;
                case SqlObjectKind.TableFunction:
                    if (!method.ReturnType.Is("System.Collections.IEnumerable"))
                    {
                        Add(Rules.TypeMapping, $"a table function returns System.Collections.IEnumerable, not {method.ReturnType.Display}");
                    }
                    CheckTableFunction(entryPoint, problems, hint);
                    break;
            }
        }
    }

    private static void CheckTableFunction(SqlEntryPoint entryPoint, List<Problem> problems, SourceHint hint)
    {
        IReadOnlyList<SqlColumn>? columns = null;
        if (string.IsNullOrWhiteSpace(entryPoint.TableDefinition))
        {
            problems.Add(new Problem(Rules.TableDefinition, entryPoint.Member,
                "a table function needs TableDefinition: it is the column list of the wrapper and of the contract stub", hint));
        }
        else
        {
            try
            {
                columns = TableDefinition.Parse(entryPoint.TableDefinition);
            }
            catch (FormatException ex)
            {
                problems.Add(new Problem(Rules.TableDefinition, entryPoint.Member, $"TableDefinition \"{entryPoint.TableDefinition}\": {ex.Message}", hint));
            }
        }

        if (entryPoint.FillRowMethodName is not { } fillRowName)
        {
            problems.Add(new Problem(Rules.FillRow, entryPoint.Member, "a table function needs FillRowMethodName (SQL Server calls it once per row)", hint));
            return;
        }
        string typeName = entryPoint.ClrTypeName.Replace('+', '.');
        if (entryPoint.FillRowCandidates.Count != 1)
        {
            problems.Add(new Problem(Rules.FillRow, entryPoint.Member, entryPoint.FillRowCandidates.Count == 0
                ? $"FillRowMethodName {fillRowName}: {typeName} has no method of that name"
                : $"FillRowMethodName {fillRowName}: {typeName} has {entryPoint.FillRowCandidates.Count} overloads; SQL Server needs exactly one", hint));
            return;
        }

        ClrMethod fillRow = entryPoint.FillRowCandidates[0];
        string fillMember = $"{typeName}.{fillRow.Name}";
        var fillHint = new SourceHint(typeName, fillRow.Name);
        void Add(string message) => problems.Add(new Problem(Rules.FillRow, fillMember, message, fillHint));
        string forWhat = $"FillRow method of {entryPoint.Member}";

        if (!fillRow.IsPublic || !fillRow.IsStatic) Add($"{forWhat} must be public static");
        if (!fillRow.ReturnType.Is("System.Void")) Add($"{forWhat} must return void, not {fillRow.ReturnType.Display}");
        if (fillRow.Parameters.Count == 0 || !fillRow.Parameters[0].Type.Is("System.Object") || fillRow.Parameters[0].IsByRef)
        {
            Add($"{forWhat} must take the row as its first parameter, of type object: ({fillRow.Signature})");
            return;
        }
        var outs = fillRow.Parameters.Skip(1).ToList();
        foreach (ClrParameter parameter in outs.Where(p => !p.IsByRef))
        {
            Add($"{forWhat}: parameter {parameter.Name} must be an out parameter (one per column)");
        }
        if (columns is null) return;
        if (outs.Count != columns.Count)
        {
            Add($"{forWhat} has {outs.Count} out parameter(s) but its TableDefinition has {columns.Count} column(s) ({TableDefinition.Normalize(columns)}); they must match one to one, in order");
        }
        for (int i = 0; i < Math.Min(outs.Count, columns.Count); i++)
        {
            ClrParameter parameter = outs[i];
            SqlColumn column = columns[i];
            if (TypeMap.Find(parameter.Type) is null)
            {
                Add($"{forWhat}: out parameter {parameter.Name} has type {parameter.Type.Display}, which is not in SQL Server's CLR type map (column {SqlText.Bracket(column.Name)} {column.Type})");
            }
            else if (!TypeMap.Matches(parameter.Type, column.Type))
            {
                Add($"{forWhat}: out parameter {i + 1} ({parameter.Name}) is {parameter.Type.Display} but column {i + 1} of the TableDefinition is {SqlText.Bracket(column.Name)} {column.Type}, " +
                    $"which is filled from {string.Join(" or ", TypeMap.ClrTypesFor(column.Type.Base))}");
            }
        }
    }

    private static bool IsRegularIdentifier(string name) =>
        name.Length is > 0 and <= 128 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static IEnumerable<MethodInfo> SafeMethods(Type type)
    {
        try
        {
            return type.GetMethods(AssemblyReader.AllDeclared);
        }
        catch (Exception ex) when (ex is FileNotFoundException or TypeLoadException)
        {
            return [];
        }
    }

    /// <summary>Outermost first; the first name carries the namespace (the form <see cref="CompilerNames.UserMember"/> takes).</summary>
    public static List<string> TypeChain(Type type)
    {
        var chain = new List<string>();
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            chain.Insert(0, t.DeclaringType is null && !string.IsNullOrEmpty(t.Namespace) ? $"{t.Namespace}.{t.Name}" : t.Name);
        }
        return chain;
    }
}
