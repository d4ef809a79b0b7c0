using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CpOrders.ClrTool;

/// <summary>A use of an API that SQL Server's host protection refuses at run time, found in a method body.</summary>
/// <param name="UserType">The type the developer wrote (compiler-generated nesting removed).</param>
/// <param name="UserMember">The method the developer wrote (a lambda or state machine is reported as its method).</param>
/// <param name="Target">What is called, e.g. <c>System.Threading.Monitor.Enter</c>.</param>
/// <param name="Reason">Why SQL Server refuses it.</param>
public sealed record ForbiddenUse(string UserType, string UserMember, string Target, string Reason);

/// <summary>
/// Scans every method body's IL with System.Reflection.Metadata (MetadataLoadContext cannot resolve IL tokens): walks the
/// opcodes, and resolves each method/field/type token to the type it belongs to; a use of a forbidden type is reported
/// with the calling method.
/// </summary>
public static class IlScanner
{
    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static IlScanner()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            ushort value = unchecked((ushort)op.Value);
            if (op.Size == 1) OneByte[value] = op;
            else TwoByte[value & 0xFF] = op;
        }
    }

    public static IReadOnlyList<ForbiddenUse> Scan(byte[] assemblyBytes)
    {
        using var pe = new PEReader(ImmutableArray.Create(assemblyBytes));
        MetadataReader md = pe.GetMetadataReader();
        var found = new List<ForbiddenUse>();
        var seen = new HashSet<(string, string, string)>();
        foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
        {
            MethodDefinition method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0) continue;
            BlobReader il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            foreach (int token in Tokens(il))
            {
                if (Resolve(md, token) is not var (type, member) || Forbidden(type, member) is not { } reason) continue;
                var (userType, userMember) = CompilerNames.UserMember(TypeChain(md, method.GetDeclaringType()), md.GetString(method.Name));
                if (!seen.Add((userType, userMember, type))) continue;
                found.Add(new ForbiddenUse(userType, userMember, member.Length == 0 ? type : $"{type}.{member}", reason));
            }
        }
        return found;
    }

    /// <summary>Why SQL Server refuses this type or member (host protection), or null when it is allowed.</summary>
    public static string? Forbidden(string type, string member)
    {
        const string Sync = "SQL Server's host protection refuses synchronization (Synchronization) in SAFE and EXTERNAL_ACCESS assemblies";
        const string Threads = "SQL Server's host protection refuses starting or managing threads (ExternalThreading) in SAFE and EXTERNAL_ACCESS assemblies";
        switch (type)
        {
            case "System.Threading.Monitor":
                return "the lock statement (System.Threading.Monitor): " + Sync;
            case "System.Threading.Thread" when member is ".ctor" or "Start" or "Abort" or "Join" or "Interrupt" or "Suspend" or "Resume" or "SetApartmentState":
                return "creating or controlling a thread: " + Threads;
            case "System.Threading.ThreadPool" or "System.Threading.RegisteredWaitHandle":
                return "the thread pool: " + Threads;
            case "System.Threading.Timer" or "System.Timers.Timer":
                return "a timer (it runs on another thread): " + Threads;
            case "System.Threading.WaitHandle" or "System.Threading.EventWaitHandle" or "System.Threading.ManualResetEvent"
                or "System.Threading.AutoResetEvent" or "System.Threading.Mutex" or "System.Threading.Semaphore"
                or "System.Threading.ManualResetEventSlim" or "System.Threading.SemaphoreSlim" or "System.Threading.CountdownEvent"
                or "System.Threading.Barrier" or "System.Threading.ReaderWriterLock" or "System.Threading.ReaderWriterLockSlim"
                or "System.Threading.SpinLock":
                return "a wait handle or lock primitive: " + Sync;
            case "System.Diagnostics.Process":
                return "System.Diagnostics.Process: SQL Server's host protection refuses process management (ExternalProcessMgmt, SelfAffectingProcessMgmt)";
            case "System.Environment" when member is "Exit" or "FailFast":
                return "ending the process: SQL Server's host protection refuses SelfAffectingProcessMgmt";
        }
        if (type.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal))
        {
            return "Task/Parallel: " + Threads;
        }
        if (type.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal))
        {
            string name = type["System.Runtime.CompilerServices.".Length..];
            if (name.StartsWith("Async", StringComparison.Ordinal) && name.Contains("MethodBuilder", StringComparison.Ordinal)
                || name.StartsWith("TaskAwaiter", StringComparison.Ordinal) || name.StartsWith("ConfiguredTaskAwaitable", StringComparison.Ordinal)
                || name.StartsWith("ValueTaskAwaiter", StringComparison.Ordinal) || name.StartsWith("YieldAwaitable", StringComparison.Ordinal))
            {
                return "async/await (Task-based): " + Threads;
            }
        }
        return null;
    }

    /// <summary>The metadata tokens (method, field, type, ldtoken operands) of one method body, in order.</summary>
    private static List<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            byte first = il.ReadByte();
            OpCode? op = first == 0xFE ? (il.RemainingBytes > 0 ? TwoByte[il.ReadByte()] : null) : OneByte[first];
            if (op is not { } opcode) break; // not IL we know: stop this body rather than misread it
            switch (opcode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = il.ReadInt32();
                    il.Offset += 4 * count;
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    il.Offset += 4;
                    break;
            }
        }
        return tokens;
    }

    /// <summary>The type and member a token names, when it is outside this assembly (member "" for a type token).</summary>
    private static (string Type, string Member)? Resolve(MetadataReader md, int token)
    {
        EntityHandle handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.MemberReference:
                MemberReference reference = md.GetMemberReference((MemberReferenceHandle)handle);
                return TypeName(md, reference.Parent) is { } parent ? (parent, md.GetString(reference.Name)) : null;
            case HandleKind.MethodSpecification:
                return Resolve(md, MetadataTokens.GetToken(md.GetMethodSpecification((MethodSpecificationHandle)handle).Method));
            case HandleKind.TypeReference:
            case HandleKind.TypeSpecification:
                return TypeName(md, handle) is { } type ? (type, "") : null;
            default:
                return null; // definitions in this assembly
        }
    }

    /// <summary>Full name of a referenced type (generic instantiations give their definition, e.g. System.Threading.Tasks.Task`1).</summary>
    private static string? TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                TypeReference reference = md.GetTypeReference((TypeReferenceHandle)handle);
                string name = md.GetString(reference.Name);
                if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    return TypeName(md, (EntityHandle)reference.ResolutionScope) + "+" + name;
                }
                string ns = md.GetString(reference.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            case HandleKind.TypeSpecification:
                BlobReader blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
                blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
                return TypeName(md, blob.ReadTypeHandle());
            default:
                return null;
        }
    }

    /// <summary>Outermost first; the first name carries the namespace.</summary>
    private static List<string> TypeChain(MetadataReader md, TypeDefinitionHandle handle)
    {
        var chain = new List<string>();
        while (!handle.IsNil)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            string name = md.GetString(type.Name);
            TypeDefinitionHandle outer = type.GetDeclaringType();
            if (outer.IsNil && !type.Namespace.IsNil && md.GetString(type.Namespace) is { Length: > 0 } ns) name = ns + "." + name;
            chain.Insert(0, name);
            handle = outer;
        }
        return chain;
    }
}
