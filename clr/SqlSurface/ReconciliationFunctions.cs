using System.Collections;
using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Documents.Reconciliation;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// Reconciliation (issue 15 point 4, design 11): the comparison arithmetic of woo.usp_Reconcile. Pure and
    /// deterministic: no data access, no HTTP.
    /// </summary>
    public static class ReconciliationFunctions
    {
        /// <summary>
        /// wooclr.ReconcileOrder(@OrderJson, @Tot, @TaxAmt, @TotMisc, @SubTot, @TotLinDisc, @TotHdrDisc, @Payments): the
        /// differences between the shop's order (its JSON as the shop shows it now) and the document's PS_DOC_HDR_TOT row 'O' and
        /// Σ PS_DOC_PMT.AMT of the document (@Payments) (OrderReconciler): one row per difference (code, field, shop_value, counterpoint_value, difference, message); no
        /// rows when they agree. NULL @OrderJson or @Tot gives no rows (nothing to compare; the caller reports why). A NULL
        /// document amount counts as 0. Never raises for bad input: it is the row CPO-RECON-SHOP-JSON.
        /// </summary>
        [SqlFunction(Name = "ReconcileOrder", FillRowMethodName = nameof(FillReconcileRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "code nvarchar(40), field nvarchar(100), shop_value decimal(19,4), counterpoint_value decimal(19,4), " +
                              "difference decimal(19,4), message nvarchar(1000)")]
        public static IEnumerable ReconcileOrder(
            [SqlFacet(MaxSize = -1)] SqlString OrderJson,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal Tot,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal TaxAmt,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal TotMisc,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal SubTot,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal TotLinDisc,
            [SqlFacet(Precision = 15, Scale = 2)] SqlDecimal TotHdrDisc,
            [SqlFacet(Precision = 19, Scale = 2)] SqlDecimal Payments)
        {
            if (OrderJson.IsNull || Tot.IsNull)
                return new object[0];
            var doc = new DocumentTotals
            {
                Tot = Tot.Value,
                TaxAmt = Dec(TaxAmt),
                TotMisc = Dec(TotMisc),
                SubTot = Dec(SubTot),
                TotLinDisc = Dec(TotLinDisc),
                TotHdrDisc = Dec(TotHdrDisc),
                Payments = Dec(Payments),
            };
            return new OrderReconciler().Compare(OrderJson.Value, doc);
        }

        public static void FillReconcileRow(object row, out SqlString code, out SqlString field, out SqlDecimal shop_value,
            out SqlDecimal counterpoint_value, out SqlDecimal difference, out SqlString message)
        {
            var d = (ReconcileDifference)row;
            code = Str(d.Code, 40);
            field = Str(d.Field, 100);
            shop_value = Amount(d.ShopValue);
            counterpoint_value = Amount(d.CounterpointValue);
            difference = Amount(d.Difference);
            message = Str(d.Message, 1000);
        }

        private static decimal Dec(SqlDecimal d)
        {
            return d.IsNull ? 0m : d.Value;
        }

        /// <summary>decimal(19,4) as the table definition declares it (SQL Server refuses a value of another scale).</summary>
        private static SqlDecimal Amount(decimal? d)
        {
            if (!d.HasValue || d.Value >= 1000000000000000m || d.Value <= -1000000000000000m) return SqlDecimal.Null;
            return SqlDecimal.ConvertToPrecScale(new SqlDecimal(d.Value), 19, 4);
        }

        private static SqlString Str(string s, int max)
        {
            if (s == null) return SqlString.Null;
            return new SqlString(s.Length <= max ? s : s.Substring(0, max));
        }
    }
}
