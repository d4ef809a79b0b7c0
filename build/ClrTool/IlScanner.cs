using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CpOrders.ClrTool;

/// <summary>
/// IL helpers for the checker: the metadata tokens of a method body (<see cref="Tokens"/>), and the known reasons why SQL
/// Server refuses some framework APIs (<see cref="Forbidden"/>), added to allow-list errors to explain them.
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

    /// <summary>
    /// Why SQL Server refuses this type or member, for the ones we know (checked in the .NET Framework reference source);
    /// null does not mean allowed: the allow-list (<see cref="FrameworkAllowList"/>) decides.
    /// </summary>
    public static string? Forbidden(string type, string member)
    {
        const string Leak = "[HostProtection(MayLeakOnAbort = true)] in the .NET Framework; SQL Server refuses MayLeakOnAbort in SAFE and EXTERNAL_ACCESS assemblies";
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
                return "ending the process: it demands SecurityPermission(UnmanagedCode), which SAFE and EXTERNAL_ACCESS assemblies do not have";
            case "System.Collections.Generic.HashSet`1" or "System.Collections.Generic.HashSet`1+Enumerator":
                return "HashSet<T> carries " + Leak + " (use Dictionary<TKey, TValue>)";
            case "System.TimeZoneInfo" or "System.TimeZoneInfo+AdjustmentRule" or "System.TimeZoneInfo+TransitionTime":
                return "TimeZoneInfo carries " + Leak;
            case "System.Lazy`1":
                return "Lazy<T> carries [HostProtection(Synchronization = true, ExternalThreading = true)]: " + Sync;
            case "System.Collections.Concurrent.ConcurrentDictionary`2" or "System.Collections.Concurrent.ConcurrentQueue`1"
                or "System.Collections.Concurrent.ConcurrentStack`1" or "System.Collections.Concurrent.ConcurrentBag`1"
                or "System.Collections.Concurrent.BlockingCollection`1":
                return "concurrent collections carry [HostProtection(Synchronization = true, ExternalThreading = true)]: " + Sync;
            case "System.Console":
                return "Console's members (Write, WriteLine, ReadLine, Out, In, ...) carry [HostProtection(UI = true)]; SQL Server refuses UI";
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
    internal static List<int> Tokens(BlobReader il)
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
}
