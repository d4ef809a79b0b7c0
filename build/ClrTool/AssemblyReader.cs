using System.Reflection;
using System.Reflection.PortableExecutable;

namespace CpOrders.ClrTool;

/// <summary>
/// The CLR assembly opened in a <see cref="MetadataLoadContext"/> against the .NET Framework 4.8 reference assemblies:
/// nothing is executed, and a net48 assembly reads the same on Linux as on Windows.
/// </summary>
public sealed class LoadedAssembly : IDisposable
{
    private readonly MetadataLoadContext _context;

    internal LoadedAssembly(string path, byte[] bytes, MetadataLoadContext context, Assembly assembly, IReadOnlyList<Type> types, IReadOnlyList<string> loadErrors)
    {
        Path = path;
        Bytes = bytes;
        _context = context;
        Assembly = assembly;
        Types = types;
        LoadErrors = loadErrors;
    }

    public string Path { get; }
    public byte[] Bytes { get; }
    public Assembly Assembly { get; }

    /// <summary>Every type the assembly defines (nested and compiler-generated ones included).</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>Types that could not be read (a reference that does not resolve); the checker reports them.</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    public void Dispose() => _context.Dispose();
}

/// <summary>Reads the assembly's identity and its SQL entry points ([SqlFunction], [SqlProcedure], [SqlTrigger]).</summary>
public static class AssemblyReader
{
    public const string SqlServerNamespace = "Microsoft.SqlServer.Server";
    public const BindingFlags AllDeclared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static LoadedAssembly Open(string dllPath, string referenceDirectory)
    {
        string fullPath = System.IO.Path.GetFullPath(dllPath);
        if (!File.Exists(fullPath)) throw new ToolUsageException($"{dllPath}: file not found");
        byte[] bytes = File.ReadAllBytes(fullPath);

        // Framework first: a framework name found next to the dll must not shadow what SQL Server's .NET Framework loads.
        string dllDirectory = System.IO.Path.GetDirectoryName(fullPath)!;
        var paths = ReferenceAssemblies.Files(referenceDirectory)
            .Concat(Directory.EnumerateFiles(dllDirectory, "*.dll").Where(p => !string.Equals(p, fullPath, StringComparison.Ordinal)))
            .GroupBy(System.IO.Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToList();
        var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
        try
        {
            Assembly assembly = context.LoadFromByteArray(bytes);
            var errors = new List<string>();
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.OfType<Type>().ToArray();
                errors.AddRange(ex.LoaderExceptions.OfType<Exception>().Select(e => e.Message).Distinct());
            }
            return new LoadedAssembly(fullPath, bytes, context, assembly, types, errors);
        }
        catch (BadImageFormatException ex)
        {
            context.Dispose();
            throw new ToolUsageException($"{dllPath}: not a .NET assembly ({ex.Message})");
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Reads identity and entry points. Members whose types cannot be resolved are skipped and added to <paramref name="errors"/>.</summary>
    public static ClrAssemblyInfo Read(LoadedAssembly loaded, List<string>? errors = null)
    {
        AssemblyName name = loaded.Assembly.GetName();
        string fullName = loaded.Assembly.FullName ?? name.Name ?? "?";
        var entryPoints = new List<SqlEntryPoint>();
        foreach (Type type in loaded.Types)
        {
            try
            {
                foreach (MethodInfo method in type.GetMethods(AllDeclared))
                {
                    if (ReadEntryPoint(type, method) is { } entryPoint) entryPoints.Add(entryPoint);
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or TypeLoadException)
            {
                errors?.Add($"{type.FullName}: {ex.Message}");
            }
        }
        entryPoints.Sort((a, b) => string.CompareOrdinal(a.SqlName, b.SqlName));
        string clrName = $"{fullName}, processorarchitecture={ProcessorArchitecture(loaded.Bytes)}".ToLowerInvariant();
        return new ClrAssemblyInfo(loaded.Path, loaded.Bytes, fullName, name.Name ?? fullName, clrName, entryPoints);
    }

    /// <summary>The SQL attribute on a method, if any: SqlFunction, SqlProcedure or SqlTrigger.</summary>
    public static CustomAttributeData? SqlAttribute(MethodInfo method) =>
        method.GetCustomAttributesData().FirstOrDefault(a =>
            a.AttributeType.Namespace == SqlServerNamespace &&
            a.AttributeType.Name is "SqlFunctionAttribute" or "SqlProcedureAttribute" or "SqlTriggerAttribute");

    private static SqlEntryPoint? ReadEntryPoint(Type type, MethodInfo method)
    {
        if (SqlAttribute(method) is not { } attribute) return null;
        string? Named(string member) =>
            attribute.NamedArguments.FirstOrDefault(n => n.MemberName == member).TypedValue.Value as string;

        ClrMethod described = Describe(method);
        string? fillRow = Named("FillRowMethodName");
        string? tableDefinition = Named("TableDefinition");
        SqlObjectKind kind = attribute.AttributeType.Name switch
        {
            "SqlProcedureAttribute" => SqlObjectKind.Procedure,
            "SqlFunctionAttribute" when fillRow is not null || tableDefinition is not null
                || described.ReturnType.Key is "System.Collections.IEnumerable" or "System.Collections.IEnumerator" => SqlObjectKind.TableFunction,
            "SqlFunctionAttribute" => SqlObjectKind.ScalarFunction,
            _ => SqlObjectKind.Unsupported,
        };
        var candidates = fillRow is null
            ? []
            : type.GetMethods(AllDeclared).Where(m => m.Name == fillRow).Select(Describe).ToList();
        return new SqlEntryPoint(
            kind,
            string.IsNullOrWhiteSpace(Named("Name")) ? method.Name : Named("Name")!,
            type.FullName ?? type.Name,
            type.IsVisible,
            attribute.AttributeType.Name[..^"Attribute".Length],
            described,
            fillRow,
            tableDefinition,
            candidates);
    }

    public static ClrMethod Describe(MethodInfo method) => new(
        method.Name,
        method.IsPublic,
        method.IsStatic,
        method.ContainsGenericParameters,
        TypeRef(method.ReturnType),
        Facet(method.ReturnParameter.GetCustomAttributesData()),
        method.GetParameters()
            .Select(p => new ClrParameter(p.Name ?? $"p{p.Position}", TypeRef(p.ParameterType), p.ParameterType.IsByRef, p.IsOut, Facet(p.GetCustomAttributesData())))
            .ToList());

    public static ClrTypeRef TypeRef(Type type)
    {
        if (type.IsByRef) type = type.GetElementType()!;
        if (NullableArgument(type) is { } argument)
        {
            string key = (argument.FullName ?? argument.Name) + "?";
            return new ClrTypeRef(key, ClrTypeRef.ShortName(key));
        }
        string full = type.FullName ?? type.Name;
        return new ClrTypeRef(full, ClrTypeRef.ShortName(Display(type)));
    }

    /// <summary>T for Nullable&lt;T&gt;, else null.</summary>
    public static Type? NullableArgument(Type type) =>
        type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericTypeDefinition().FullName == "System.Nullable`1"
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>A readable name: <c>System.Collections.Generic.List&lt;System.String&gt;</c>, <c>System.Int32[]</c>.</summary>
    public static string Display(Type type)
    {
        if (type.IsArray) return Display(type.GetElementType()!) + "[]";
        if (!type.IsGenericType || type.IsGenericTypeDefinition) return (type.FullName ?? type.Name).Replace('+', '.');
        Type definition = type.GetGenericTypeDefinition();
        string name = (definition.FullName ?? definition.Name).Replace('+', '.');
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>";
    }

    private static SqlFacet? Facet(IList<CustomAttributeData> attributes)
    {
        CustomAttributeData? facet = attributes.FirstOrDefault(a =>
            a.AttributeType.Namespace == SqlServerNamespace && a.AttributeType.Name == "SqlFacetAttribute");
        if (facet is null) return null;
        object? Value(string member) => facet.NamedArguments.FirstOrDefault(n => n.MemberName == member).TypedValue.Value;
        return new SqlFacet(Value("MaxSize") as int?, Value("Precision") as int?, Value("Scale") as int?, Value("IsFixedLength") as bool?);
    }

    /// <summary>As sys.assemblies.clr_name writes it: msil for AnyCPU, else x86 / amd64 / arm64.</summary>
    private static string ProcessorArchitecture(byte[] bytes)
    {
        using var pe = new PEReader(new MemoryStream(bytes));
        PEHeaders headers = pe.PEHeaders;
        var flags = headers.CorHeader?.Flags ?? 0;
        return headers.CoffHeader.Machine switch
        {
            Machine.I386 when (flags & CorFlags.ILOnly) != 0 && (flags & CorFlags.Requires32Bit) == 0 => "msil",
            Machine.I386 => "x86",
            Machine.Amd64 => "amd64",
            Machine.Arm64 => "arm64",
            _ => "msil",
        };
    }
}
