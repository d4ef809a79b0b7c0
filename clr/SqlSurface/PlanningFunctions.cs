using System;
using System.Collections;
using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Documents.Planning;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// The order-document planner (design 11; clr/Documents/Planning/PlanContract.md): deterministic, no data access, no
    /// HTTP, fine inside the order's transaction.
    /// </summary>
    public static class PlanningFunctions
    {
        /// <summary>
        /// wooclr.PlanOrderDocument(@Input): the plan of one Counterpoint order document as JSON text - every problem
        /// (ok false) or every row with Counterpoint's column names (ok true). Never raises for bad input; a planner bug is
        /// answered as the problem CPO-INTERNAL.
        /// </summary>
        [SqlFunction(Name = "PlanOrderDocument", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        [return: SqlFacet(MaxSize = -1)]
        public static SqlString PlanOrderDocument([SqlFacet(MaxSize = -1)] SqlString Input)
        {
            try
            {
                return new SqlString(new OrderPlanner().PlanToJson(Input.IsNull ? null : Input.Value));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return new SqlString(PlanJson.Problem(PlanCodes.Internal,
                    "internal error in the order planner (" + ex.GetType().Name + "): " + ex.Message + "; the order is parked, report it with the input."));
            }
        }

        /// <summary>
        /// wooclr.PlanColumns(): one row per column the plan carries, per plan key (output array) and Counterpoint table,
        /// with its type as the reference schema declares it; the run-time drift check (design 7) compares it with sys.columns.
        /// </summary>
        [SqlFunction(Name = "PlanColumns", FillRowMethodName = nameof(FillPlanColumnRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "plan_key nvarchar(128), table_name nvarchar(128), column_name nvarchar(128), sql_type nvarchar(128), " +
                "max_length int, precision int, scale int, is_nullable_in_reference bit, has_default_in_reference bit, ordinal int")]
        public static IEnumerable PlanColumns()
        {
            return new PlanColumnCatalog().All;
        }

        public static void FillPlanColumnRow(object row, out SqlString plan_key, out SqlString table_name, out SqlString column_name,
            out SqlString sql_type, out SqlInt32 max_length, out SqlInt32 precision, out SqlInt32 scale,
            out SqlBoolean is_nullable_in_reference, out SqlBoolean has_default_in_reference, out SqlInt32 ordinal)
        {
            var c = (PlanColumn)row;
            plan_key = new SqlString(c.PlanKey);
            table_name = new SqlString(c.Table);
            column_name = new SqlString(c.Column);
            sql_type = new SqlString(c.SqlType);
            max_length = c.MaxLength.HasValue ? new SqlInt32(c.MaxLength.Value) : SqlInt32.Null;
            precision = c.Precision.HasValue ? new SqlInt32(c.Precision.Value) : SqlInt32.Null;
            scale = c.Scale.HasValue ? new SqlInt32(c.Scale.Value) : SqlInt32.Null;
            is_nullable_in_reference = new SqlBoolean(c.IsNullableInReference);
            has_default_in_reference = new SqlBoolean(c.HasDefaultInReference);
            ordinal = new SqlInt32(c.Ordinal);
        }
    }
}
