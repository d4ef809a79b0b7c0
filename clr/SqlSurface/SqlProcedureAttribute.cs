#if !NETFRAMEWORK
using System;

namespace Microsoft.SqlServer.Server
{
    /// <summary>
    /// For the net10.0 (test) build only: the Microsoft.SqlServer.Server package carries SqlFunction and SqlFacet but not
    /// SqlProcedure, which on .NET Framework lives in System.Data (what SQL Server loads and build/ClrTool reads). Same
    /// name, namespace and members as System.Data's, so the source is one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class SqlProcedureAttribute : Attribute
    {
        public string Name { get; set; }
    }
}
#endif
