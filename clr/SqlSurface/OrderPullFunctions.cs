using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.SqlTypes;
using System.Globalization;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// wooclr.GetOrders: streams every order modified at or after @ModifiedAfterUtc, then one final 'end' or 'error' row
    /// whose complete_up_to_utc is where the next call may start. Never throws for a shop's or a network's failure: the
    /// final row says what failed, and the rows before it stay valid. Call it with no transaction open (design 4).
    /// </summary>
    public static class OrderPullFunctions
    {
        [SqlFunction(Name = "GetOrders", FillRowMethodName = nameof(FillOrderRow), DataAccess = DataAccessKind.None,
            TableDefinition = "row_kind nvarchar(10), order_id bigint, status nvarchar(40), date_modified_gmt datetime2, " +
                              "order_json nvarchar(max), page_no int, http_status int, message nvarchar(4000), requests int, " +
                              "retries int, complete_up_to_utc datetime2")]
        public static IEnumerable GetOrders(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            DateTime? ModifiedAfterUtc,
            [SqlFacet(MaxSize = 400)] SqlString Statuses,
            SqlInt32 PageSize,
            SqlInt32 MaxPages,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlInt32 MaxResponseKilobytes,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent)
        {
            DateTime watermark = ModifiedAfterUtc ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            // Every parameter and connection setting is checked here, before the first row and the first request: a
            // problem is the only row (CPO-PARAM). Once rows stream nothing throws (the puller's final 'error' row),
            // so a SELECT ... INTO never loses the rows already streamed.
            WooHttpOptions options;
            string problem = HttpEntryChecks.CheckPaged(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, PageSize, MaxPages, TimeoutSeconds,
                TotalBudgetSeconds, MaxResponseKilobytes, AllowPlainHttp, ProxyUrl, UserAgent,
                ModifiedAfterUtc.HasValue ? null : "CPO-PARAM: @ModifiedAfterUtc is required (the watermark; use the first order date for a first pull).",
                out options);
            if (problem != null)
                return new[] { PulledRow.Failure(0, 0, problem, 0, 0, watermark) };

            var puller = new KeysetOrderPuller(new HttpOrderPageSource(options), watermark,
                Statuses.IsNull ? null : Statuses.Value, PageSize.Value, MaxPages.Value);
            return puller.Pull();
        }

        /// <summary>Largest @TimeoutSeconds / @TotalBudgetSeconds: a day (and far from int overflow in milliseconds).</summary>
        public const int MaxSeconds = 86400;

        public static void FillOrderRow(object row, out SqlString row_kind, out SqlInt64 order_id, out SqlString status,
            out DateTime? date_modified_gmt, out SqlChars order_json, out SqlInt32 page_no, out SqlInt32 http_status,
            out SqlString message, out SqlInt32 requests, out SqlInt32 retries, out DateTime? complete_up_to_utc)
        {
            var r = (PulledRow)row;
            row_kind = new SqlString(r.RowKind);
            order_id = r.Order == null ? SqlInt64.Null : new SqlInt64(r.Order.Id);
            status = r.Order == null || r.Order.Status == null ? SqlString.Null : new SqlString(Truncate(r.Order.Status, 40));
            date_modified_gmt = r.Order == null ? null : r.Order.DateModifiedGmt;
            order_json = r.Order == null ? SqlChars.Null : new SqlChars(r.Order.Json.ToCharArray());
            page_no = new SqlInt32(r.PageNo);
            http_status = new SqlInt32(r.HttpStatus);
            message = r.Message == null ? SqlString.Null : new SqlString(Truncate(r.Message, 4000));
            requests = new SqlInt32(r.Requests);
            retries = new SqlInt32(r.Retries);
            complete_up_to_utc = r.CompleteUpToUtc;
        }

        internal static WooHttpOptions OptionsFrom(SqlString baseUrl, SqlString consumerKey, SqlString consumerSecret,
            SqlString authMode, SqlInt32 timeoutSeconds, SqlInt32 totalBudgetSeconds, SqlInt32 maxResponseKilobytes,
            SqlBoolean allowPlainHttp, SqlString proxyUrl, SqlString userAgent)
        {
            var options = new WooHttpOptions
            {
                BaseUrl = baseUrl.IsNull ? null : baseUrl.Value,
                ConsumerKey = consumerKey.IsNull ? null : consumerKey.Value,
                ConsumerSecret = consumerSecret.IsNull ? null : consumerSecret.Value,
                AuthMode = ParseAuthMode(authMode),
                AllowPlainHttp = !allowPlainHttp.IsNull && allowPlainHttp.Value,
                ProxyUrl = proxyUrl.IsNull || proxyUrl.Value.Length == 0 ? null : proxyUrl.Value,
            };
            if (!userAgent.IsNull && userAgent.Value.Length > 0)
                options.UserAgent = userAgent.Value;
            if (!timeoutSeconds.IsNull)
                options.RequestTimeoutMs = Seconds(timeoutSeconds.Value, "@TimeoutSeconds", "one request's timeout");
            if (!totalBudgetSeconds.IsNull)
                options.TotalBudgetMs = Seconds(totalBudgetSeconds.Value, "@TotalBudgetSeconds", "the whole call's time");
            if (!maxResponseKilobytes.IsNull)
            {
                if (maxResponseKilobytes.Value < 1)
                    throw new WooHttpException(WooHttpErrors.Config, "CPO-PARAM: @MaxResponseKilobytes must be at least 1 (NULL = the default), not " +
                        maxResponseKilobytes.Value.ToString(CultureInfo.InvariantCulture) + ".");
                options.MaxResponseBytes = maxResponseKilobytes.Value * 1024L;
            }
            return options;
        }

        /// <summary>Seconds as milliseconds, 1 to <see cref="MaxSeconds"/> (no overflow possible).</summary>
        private static int Seconds(int value, string name, string what)
        {
            if (value < 1 || value > MaxSeconds)
                throw new WooHttpException(WooHttpErrors.Config, "CPO-PARAM: " + name + " (" + what + ") must be between 1 and " +
                    MaxSeconds.ToString(CultureInfo.InvariantCulture) + " seconds (NULL = the default), not " + value.ToString(CultureInfo.InvariantCulture) + ".");
            return value * 1000;
        }

        private static WooAuthMode ParseAuthMode(SqlString mode)
        {
            string m = mode.IsNull ? "basic" : mode.Value.Trim().ToLowerInvariant();
            switch (m)
            {
                case "basic": return WooAuthMode.Basic;
                case "query": return WooAuthMode.Query;
                case "oauth1": return WooAuthMode.OAuth1;
                default:
                    throw new WooHttpException(WooHttpErrors.Config, "CPO-PARAM: @AuthMode must be 'basic', 'query' or 'oauth1', not '" + m + "'.");
            }
        }

        private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max);
    }
}
