using System.Collections;
using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Diagnostics;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// What the loaded assembly is: the health view compares it with what the deployment expects
    /// (a restore to another server, or a replica, can carry a different or untrusted assembly).
    /// </summary>
    public static class AssemblyInfoFunctions
    {
        /// <summary>wooclr.ClrVersion(): the assembly's informational version, e.g. '0.1.0'.</summary>
        [SqlFunction(Name = "ClrVersion", IsDeterministic = true, IsPrecise = true, DataAccess = DataAccessKind.None)]
        [return: SqlFacet(MaxSize = 100)]
        public static SqlString ClrVersion()
        {
            return new SqlString(BuildIdentity.Current().Version);
        }

        /// <summary>wooclr.AssemblyProperties(): one row per property of the loaded assembly.</summary>
        [SqlFunction(Name = "AssemblyProperties", FillRowMethodName = nameof(FillPropertyRow),
            TableDefinition = "property_name nvarchar(100), property_value nvarchar(400)", DataAccess = DataAccessKind.None)]
        public static IEnumerable AssemblyProperties()
        {
            return BuildIdentity.Current().Properties();
        }

        public static void FillPropertyRow(object row, out SqlString property_name, out SqlString property_value)
        {
            var p = (AssemblyProperty)row;
            property_name = new SqlString(p.Name);
            property_value = p.Value == null ? SqlString.Null : new SqlString(p.Value);
        }
    }
}
