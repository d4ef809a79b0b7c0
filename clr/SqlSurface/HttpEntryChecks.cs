using System;
using System.Data.SqlTypes;
using CpOrders.WooClr.Http;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// The parameter check shared by the paged HTTP table functions (wooclr.GetOrders, wooclr.GetProducts,
    /// wooclr.GetVariations): every connection setting and the paging limits are checked before the first row and the
    /// first request, and a problem is returned as the CPO-PARAM text of the only row, never thrown.
    /// </summary>
    // The [SqlFacet] parameter lists of the entry points stay repeated on purpose: each one is the SQL signature of its
    // generated wrapper (obj/generated/PreDeploy.Clr.sql, bound by position), which must not change.
    internal static class HttpEntryChecks
    {
        /// <summary>The CPO-PARAM problem, or null with <paramref name="options"/> ready. <paramref name="ownProblem"/>
        /// (a caller's own required parameter that is missing, or null) is reported after the connection settings and
        /// before @PageSize, as wooclr.GetOrders always did for @ModifiedAfterUtc.</summary>
        internal static string CheckPaged(SqlString baseUrl, SqlString consumerKey, SqlString consumerSecret, SqlString authMode,
            SqlInt32 pageSize, SqlInt32 maxPages, SqlInt32 timeoutSeconds, SqlInt32 totalBudgetSeconds, SqlInt32 maxResponseKilobytes,
            SqlBoolean allowPlainHttp, SqlString proxyUrl, SqlString userAgent, string ownProblem, out WooHttpOptions options)
        {
            options = null;
            try
            {
                options = OrderPullFunctions.OptionsFrom(baseUrl, consumerKey, consumerSecret, authMode, timeoutSeconds, totalBudgetSeconds,
                    maxResponseKilobytes, allowPlainHttp, proxyUrl, userAgent);
                if (ownProblem != null)
                    return ownProblem;
                if (pageSize.IsNull || pageSize.Value < 1 || pageSize.Value > 100)
                    return "CPO-PARAM: @PageSize must be between 1 and 100 (WooCommerce's maximum).";
                if (maxPages.IsNull || maxPages.Value < 1)
                    return "CPO-PARAM: @MaxPages must be at least 1.";
                new WooHttpClient(options);      // validates the connection settings (URL, http + keys, proxy, limits)
                return null;
            }
            catch (WooHttpException ex)
            {
                return ex.Message.StartsWith("CPO-PARAM:", StringComparison.Ordinal) ? ex.Message : "CPO-PARAM: " + ex.Message;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Any other failure while checking (a URI or proxy class refusing a value, a bug): still the only row,
                // never an exception, so the "only row is CPO-PARAM" promise holds.
                return new Redactor(consumerKey.IsNull ? null : consumerKey.Value, consumerSecret.IsNull ? null : consumerSecret.Value).Text(
                    "CPO-PARAM: the connection settings could not be checked (" + ex.GetType().Name + ": " + ex.Message + ").");
            }
        }
    }
}
