using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.SqlTypes;
using System.Globalization;
using System.IO;
using System.Xml;
using Microsoft.SqlServer.Server;
using CpOrders.WooClr.Documents.Skus;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Woo.Catalog;
using CpOrders.WooClr.Woo.Paging;
using CpOrders.WooClr.Woo.Writes;

namespace CpOrders.WooClr.SqlSurface
{
    /// <summary>
    /// The catalog side (issue 14): wooclr.GetProducts and wooclr.GetVariations (HTTP table functions with
    /// wooclr.GetOrders' contract), wooclr.BatchUpdateProducts and wooclr.BatchUpdateVariations (write procedures with
    /// the common outputs), and the pure functions the stock sync's T-SQL calls: wooclr.MapSkus, wooclr.AvailableToSell,
    /// wooclr.ToStockingUnits, wooclr.StockUpdate (no HTTP, fine inside a transaction).
    /// </summary>
    public static class CatalogFunctions
    {
        private const string CatalogColumns =
            "row_kind nvarchar(10), id bigint, parent_id bigint, type nvarchar(40), sku nvarchar(400), name nvarchar(400), status nvarchar(40), " +
            "manage_stock nvarchar(10), stock_quantity decimal(19,4), stock_status nvarchar(40), backorders nvarchar(10), " +
            "regular_price nvarchar(40), sale_price nvarchar(40), date_modified_gmt datetime2, page_no int, http_status int, " +
            "message nvarchar(4000), requests int, retries int, complete_up_to_utc datetime2, read_all bit";

        // ---------------------------------------------------------------- GetProducts / GetVariations

        /// <summary>wooclr.GetProducts: every product (all types, every status but trash) modified at or after
        /// @ModifiedAfterUtc, or all of them when it is NULL (a full read for reconciliation); then one final row.</summary>
        [SqlFunction(Name = "GetProducts", FillRowMethodName = nameof(FillCatalogRow), DataAccess = DataAccessKind.None,
            TableDefinition = CatalogColumns)]
        public static IEnumerable GetProducts(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            DateTime? ModifiedAfterUtc,
            SqlInt32 PageSize,
            SqlInt32 MaxPages,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlInt32 MaxResponseKilobytes,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent)
        {
            WooHttpOptions options;
            string problem = HttpEntryChecks.CheckPaged(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, PageSize, MaxPages, TimeoutSeconds,
                TotalBudgetSeconds, MaxResponseKilobytes, AllowPlainHttp, ProxyUrl, UserAgent, null, out options);
            if (problem != null)
                return ParamRow(problem, ModifiedAfterUtc);
            return CatalogPull.Products(options, ModifiedAfterUtc, PageSize.Value, MaxPages.Value);
        }

        /// <summary>wooclr.GetVariations: every variation modified at or after @ModifiedAfterUtc (all when NULL).
        /// @Route: 'auto' (NULL: GET variations, WooCommerce 10.3+, and on 404 rest_no_route parent by parent), 'all'
        /// (GET variations only), 'parent' (GET products/{id}/variations for each variable product). @ParentIds
        /// (comma list, 'parent' mode or the fallback): the variable products to read; NULL lists them first.</summary>
        [SqlFunction(Name = "GetVariations", FillRowMethodName = nameof(FillCatalogRow), DataAccess = DataAccessKind.None,
            TableDefinition = CatalogColumns)]
        public static IEnumerable GetVariations(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            DateTime? ModifiedAfterUtc,
            [SqlFacet(MaxSize = 10)] SqlString Route,
            [SqlFacet(MaxSize = -1)] SqlString ParentIds,
            SqlInt32 PageSize,
            SqlInt32 MaxPages,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlInt32 MaxResponseKilobytes,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent)
        {
            WooHttpOptions options;
            string problem = HttpEntryChecks.CheckPaged(BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, PageSize, MaxPages, TimeoutSeconds,
                TotalBudgetSeconds, MaxResponseKilobytes, AllowPlainHttp, ProxyUrl, UserAgent, null, out options);
            VariationRoute route = VariationRoute.Auto;
            string r = Route.IsNull ? "auto" : Route.Value.Trim().ToLowerInvariant();
            if (problem == null)
            {
                if (r == "all") route = VariationRoute.All;
                else if (r == "parent") route = VariationRoute.PerParent;
                else if (r != "auto") problem = "CPO-PARAM: @Route must be 'auto' (or NULL), 'all' or 'parent', not '" + r + "'.";
            }
            List<long> parents = null;
            if (problem == null && !ParentIds.IsNull)
            {
                parents = new List<long>();
                var seen = new KeySet<long>();
                foreach (string part in ParentIds.Value.Split(','))
                {
                    string t = part.Trim();
                    if (t.Length == 0) continue;
                    long id;
                    if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
                    {
                        problem = "CPO-PARAM: @ParentIds must be a comma list of positive product ids, not '" + (t.Length > 40 ? t.Substring(0, 40) : t) + "'.";
                        break;
                    }
                    if (seen.Add(id)) parents.Add(id);
                }
                if (problem == null && route == VariationRoute.All)
                    problem = "CPO-PARAM: @ParentIds is for @Route 'parent' or 'auto' (its fallback); 'all' reads every variation.";
            }
            if (problem != null)
                return ParamRow(problem, ModifiedAfterUtc);
            return CatalogPull.Variations(options, ModifiedAfterUtc, PageSize.Value, MaxPages.Value, route, parents);
        }

        public static void FillCatalogRow(object row, out SqlString row_kind, out SqlInt64 id, out SqlInt64 parent_id, out SqlString type,
            out SqlString sku, out SqlString name, out SqlString status, out SqlString manage_stock, out SqlDecimal stock_quantity, out SqlString stock_status,
            out SqlString backorders, out SqlString regular_price, out SqlString sale_price, out DateTime? date_modified_gmt,
            out SqlInt32 page_no, out SqlInt32 http_status, out SqlString message, out SqlInt32 requests, out SqlInt32 retries,
            out DateTime? complete_up_to_utc, out SqlBoolean read_all)
        {
            var r = (CatalogRow)row;
            CatalogItem i = r.Item;
            row_kind = new SqlString(r.RowKind);
            id = i == null ? SqlInt64.Null : new SqlInt64(i.Id);
            parent_id = i == null || !i.ParentId.HasValue ? SqlInt64.Null : new SqlInt64(i.ParentId.Value);
            type = Str(i == null ? null : i.Type, 40);
            sku = Str(i == null ? null : i.Sku, 400);
            name = Str(i == null ? null : i.Name, 400);
            status = Str(i == null ? null : i.Status, 40);
            manage_stock = Str(i == null ? null : i.ManageStock, 10);
            stock_quantity = i == null || !i.StockQuantity.HasValue ? SqlDecimal.Null : Quantity(i.StockQuantity.Value);
            stock_status = Str(i == null ? null : i.StockStatus, 40);
            backorders = Str(i == null ? null : i.Backorders, 10);
            regular_price = Str(i == null ? null : i.RegularPrice, 40);
            sale_price = Str(i == null ? null : i.SalePrice, 40);
            date_modified_gmt = i == null ? null : i.DateModifiedGmt;
            page_no = new SqlInt32(r.PageNo);
            http_status = new SqlInt32(r.HttpStatus);
            message = Str(r.Message, 4000);
            requests = new SqlInt32(r.Requests);
            retries = new SqlInt32(r.Retries);
            complete_up_to_utc = r.CompleteUpToUtc;
            read_all = r.IsFinal ? new SqlBoolean(r.ReadAll) : SqlBoolean.Null;
        }

        /// <summary>decimal(19,4): a quantity outside it (a plugin's nonsense) is NULL rather than an overflow in FillRow.</summary>
        private static SqlDecimal Quantity(decimal q)
        {
            decimal rounded = Math.Round(q, 4, MidpointRounding.AwayFromZero);
            if (Math.Abs(rounded) >= 1000000000000000m) return SqlDecimal.Null;
            return SqlDecimal.ConvertToPrecScale(new SqlDecimal(rounded), 19, 4);
        }

        private static IEnumerable ParamRow(string problem, DateTime? watermark)
        {
            DateTime restart = watermark ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            return new[] { new CatalogRow(CatalogRow.ErrorKind, null, 0, 0, problem, 0, 0, restart, false) };
        }

        // ---------------------------------------------------------------- BatchUpdateProducts / BatchUpdateVariations

        /// <summary>wooclr.BatchUpdateProducts: one POST products/batch {"update": @UpdatesJson} (at most 100 objects).</summary>
        [SqlProcedure(Name = "BatchUpdateProducts")]
        public static void BatchUpdateProducts(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            [SqlFacet(MaxSize = -1)] SqlString UpdatesJson,
            out SqlXml Results,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            Batch("products/batch", BaseUrl, ConsumerKey, ConsumerSecret, AuthMode, TimeoutSeconds, TotalBudgetSeconds, AllowPlainHttp, ProxyUrl,
                UserAgent, UpdatesJson, out Results, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        /// <summary>wooclr.BatchUpdateVariations: one POST products/{@ParentId}/variations/batch {"update": @UpdatesJson}
        /// (at most 100 variations of that parent; the parent comes from the map, never guessed: a wrong one re-parents).</summary>
        [SqlProcedure(Name = "BatchUpdateVariations")]
        public static void BatchUpdateVariations(
            [SqlFacet(MaxSize = 400)] SqlString BaseUrl,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerKey,
            [SqlFacet(MaxSize = 200)] SqlString ConsumerSecret,
            [SqlFacet(MaxSize = 10)] SqlString AuthMode,
            SqlInt32 TimeoutSeconds,
            SqlInt32 TotalBudgetSeconds,
            SqlBoolean AllowPlainHttp,
            [SqlFacet(MaxSize = 400)] SqlString ProxyUrl,
            [SqlFacet(MaxSize = 200)] SqlString UserAgent,
            SqlInt64 ParentId,
            [SqlFacet(MaxSize = -1)] SqlString UpdatesJson,
            out SqlXml Results,
            out SqlInt32 HttpStatus,
            [SqlFacet(MaxSize = 100)] out SqlString ErrorCode,
            [SqlFacet(MaxSize = 4000)] out SqlString ErrorMessage,
            out SqlInt32 Requests)
        {
            if (ParentId.IsNull || ParentId.Value <= 0) throw new WooWriteParameterException("@ParentId must be the variations' parent product id (a positive number).");
            Batch("products/" + ParentId.Value.ToString(CultureInfo.InvariantCulture) + "/variations/batch", BaseUrl, ConsumerKey, ConsumerSecret,
                AuthMode, TimeoutSeconds, TotalBudgetSeconds, AllowPlainHttp, ProxyUrl, UserAgent, UpdatesJson,
                out Results, out HttpStatus, out ErrorCode, out ErrorMessage, out Requests);
        }

        // Alike OrderWriteProcedures.BatchUpdateOrders' body but kept: each runs its own updater into its own outcome type,
        // and one shared body would need a delegate or an interface per updater for a few lines (no lambdas in clr/).
        private static void Batch(string endpoint, SqlString baseUrl, SqlString consumerKey, SqlString consumerSecret, SqlString authMode,
            SqlInt32 timeoutSeconds, SqlInt32 totalBudgetSeconds, SqlBoolean allowPlainHttp, SqlString proxyUrl, SqlString userAgent,
            SqlString updatesJson, out SqlXml results, out SqlInt32 httpStatus, out SqlString errorCode, out SqlString errorMessage, out SqlInt32 requests)
        {
            IList<CatalogUpdate> updates = CatalogBatchUpdater.Parse(updatesJson.IsNull ? null : updatesJson.Value);
            var outcome = new CatalogBatchOutcome();
            WooWriteSession session = OrderWriteProcedures.Session(baseUrl, consumerKey, consumerSecret, authMode, timeoutSeconds, totalBudgetSeconds,
                allowPlainHttp, proxyUrl, userAgent, outcome);
            if (session != null)
            {
                try { outcome = new CatalogBatchUpdater(session).Run(endpoint, updates); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { outcome = OrderWriteProcedures.Unexpected(new CatalogBatchOutcome(), session, ex); }
            }
            if (session == null || outcome.Items.Count == 0)
            {
                foreach (CatalogUpdate u in updates)
                    outcome.Items.Add(new CatalogItemResult { Id = u.Id, ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage });
            }
            results = new SqlXml(XmlReader.Create(new StringReader(outcome.ResultsXml())));
            OrderWriteProcedures.Common(outcome, out httpStatus, out errorCode, out errorMessage, out requests);
        }

        // ---------------------------------------------------------------- pure functions

        /// <summary>wooclr.MapSkus(@ItemsJson, @SkuMapJson, @UnitSuffixesJson, @ItemNosJson): the SKU map of a catalog. @ItemsJson is
        /// [{"id","parent_id","sku","parent_sku"}] (FOR JSON PATH over the pulled products and variations); @ItemNosJson the
        /// Counterpoint item numbers ([{"ITEM_NO"}] over IM_ITEM; NULL = not known: an exact item cannot win over a unit
        /// suffix, unlike the order planner, which knows the order's items); one row per
        /// object: the trimmed sku, item_no and sell_unit, source (map, suffix, sku), or problem_code/problem (blank,
        /// a variation showing its parent's SKU, a selling unit outside 0-5, several objects on one item and unit).
        /// Pure and deterministic; malformed JSON raises CPO-PARAM.</summary>
        [SqlFunction(Name = "MapSkus", FillRowMethodName = nameof(FillSkuRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "id bigint, parent_id bigint, sku nvarchar(400), item_no nvarchar(400), sell_unit nvarchar(1), source nvarchar(10), " +
                              "problem_code nvarchar(40), problem nvarchar(1000)")]
        public static IEnumerable MapSkus([SqlFacet(MaxSize = -1)] SqlString ItemsJson, [SqlFacet(MaxSize = -1)] SqlString SkuMapJson,
            [SqlFacet(MaxSize = -1)] SqlString UnitSuffixesJson, [SqlFacet(MaxSize = -1)] SqlString ItemNosJson)
        {
            if (ItemsJson.IsNull) return new object[0];
            var rule = new SkuRule(SkuMapBuilder.ReadMap(SkuMapJson.IsNull ? null : SkuMapJson.Value),
                SkuMapBuilder.ReadSuffixes(UnitSuffixesJson.IsNull ? null : UnitSuffixesJson.Value),
                SkuMapBuilder.ReadItemNumbers(ItemNosJson.IsNull ? null : ItemNosJson.Value));
            return (IEnumerable)SkuMapBuilder.Build(SkuMapBuilder.ReadInputs(ItemsJson.Value), rule);
        }

        public static void FillSkuRow(object row, out SqlInt64 id, out SqlInt64 parent_id, out SqlString sku, out SqlString item_no,
            out SqlString sell_unit, out SqlString source, out SqlString problem_code, out SqlString problem)
        {
            var r = (SkuMapRow)row;
            SkuResolution s = r.Resolution;
            id = new SqlInt64(r.Id);
            parent_id = r.ParentId.HasValue ? new SqlInt64(r.ParentId.Value) : SqlInt64.Null;
            sku = Str(s.Sku, 400);
            item_no = Str(s.ItemNo, 400);
            sell_unit = Str(s.SellUnit, 1);
            source = Str(s.Source, 10);
            problem_code = Str(s.ProblemCode, 40);
            problem = Str(s.Problem, 1000);
        }

        /// <summary>wooclr.AvailableToSell: the whole quantity WooCommerce may sell (StockAvailability.ToSell). The
        /// quantities are sums over the store's chosen locations in the stocking unit; @UnitNumer/@UnitDenom the SKU's
        /// selling unit (NULL = 1, the stocking unit). NULL @QtyOnHand gives NULL (no inventory row: leave the stock);
        /// NULL @QtyCommit, @SafetyStock, @StagedQty count as 0. A unit factor that is not positive gives NULL (leave the
        /// stock alone; woo.usp_PushStock reports the item as CPO-UNIT): it is one row's data inside a set-based statement,
        /// and a throw would fail the whole store's push (review r14 finding 4). Raises CPO-PARAM only for a negative
        /// safety stock or staged quantity (the caller's arguments, never one item's data).</summary>
        [SqlFunction(Name = "AvailableToSell", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        public static SqlInt32 AvailableToSell(
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal QtyOnHand,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal QtyCommit,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal SafetyStock,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal StagedQty,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal UnitNumer,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal UnitDenom)
        {
            if (QtyOnHand.IsNull) return SqlInt32.Null;
            if (!StockAvailability.IsUnitFactorUsable(Dec(UnitNumer, 1m), Dec(UnitDenom, 1m))) return SqlInt32.Null;
            return new SqlInt32(StockAvailability.ToSell(QtyOnHand.Value, Dec(QtyCommit, 0m), Dec(SafetyStock, 0m), Dec(StagedQty, 0m),
                Dec(UnitNumer, 1m), Dec(UnitDenom, 1m)));
        }

        /// <summary>wooclr.ToStockingUnits(@Qty, @UnitNumer, @UnitDenom): a selling-unit quantity in the stocking unit
        /// (qty x NUMER / DENOM, 4 decimals), for the staged web order quantities. NULL @Qty gives NULL; NULL factors are 1;
        /// a factor that is not positive gives NULL (never a throw inside the caller's set-based statement).</summary>
        [SqlFunction(Name = "ToStockingUnits", IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None)]
        [return: SqlFacet(Precision = 19, Scale = 4)]
        public static SqlDecimal ToStockingUnits(
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal Qty,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal UnitNumer,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal UnitDenom)
        {
            if (Qty.IsNull) return SqlDecimal.Null;
            if (!StockAvailability.IsUnitFactorUsable(Dec(UnitNumer, 1m), Dec(UnitDenom, 1m))) return SqlDecimal.Null;
            decimal q = StockAvailability.ToStockingUnits(Qty.Value, Dec(UnitNumer, 1m), Dec(UnitDenom, 1m));
            return Quantity(q);
        }

        /// <summary>wooclr.StockUpdate: the delta decision for one mapped object (StockDelta.Decide): one row with send,
        /// endpoint ("products/batch" or "products/{parent}/variations/batch"), batch_key (0, or the parent id: one
        /// variations batch per parent), update_json (the object for @UpdatesJson, NULL when nothing is sent) and reason.
        /// @WantedName/@BaselineName: the product name (NULL wanted = left to WooCommerce; ProductNameText's policy).
        /// Pure and deterministic.</summary>
        [SqlFunction(Name = "StockUpdate", FillRowMethodName = nameof(FillStockUpdateRow), IsDeterministic = true, IsPrecise = true,
            DataAccess = DataAccessKind.None, SystemDataAccess = SystemDataAccessKind.None,
            TableDefinition = "send bit, endpoint nvarchar(100), batch_key bigint, update_json nvarchar(4000), reason nvarchar(1000)")]
        public static IEnumerable StockUpdate(
            SqlInt64 Id,
            SqlInt64 ParentId,
            [SqlFacet(MaxSize = 40)] SqlString Type,
            [SqlFacet(MaxSize = 10)] SqlString WooManageStock,
            [SqlFacet(Precision = 19, Scale = 4)] SqlDecimal BaselineQty,
            [SqlFacet(MaxSize = 40)] SqlString BaselineStockStatus,
            SqlInt32 WantedQty,
            SqlBoolean ManageUnmanaged,
            SqlBoolean StatusWhenUnmanaged,
            [SqlFacet(MaxSize = 40)] SqlString WantedRegularPrice,
            [SqlFacet(MaxSize = 40)] SqlString BaselineRegularPrice,
            [SqlFacet(MaxSize = 40)] SqlString WantedSalePrice,
            [SqlFacet(MaxSize = 40)] SqlString BaselineSalePrice,
            [SqlFacet(MaxSize = 40)] SqlString WantedStatus,
            [SqlFacet(MaxSize = 40)] SqlString BaselineStatus,
            [SqlFacet(MaxSize = 400)] SqlString WantedName,
            [SqlFacet(MaxSize = 400)] SqlString BaselineName)
        {
            if (Id.IsNull) return new object[0];
            var input = new StockDeltaInput
            {
                Id = Id.Value,
                ParentId = ParentId.IsNull ? (long?)null : ParentId.Value,
                Type = Text(Type),
                WooManageStock = Text(WooManageStock),
                BaselineQty = BaselineQty.IsNull ? (decimal?)null : BaselineQty.Value,
                BaselineStockStatus = Text(BaselineStockStatus),
                WantedQty = WantedQty.IsNull ? (int?)null : WantedQty.Value,
                ManageUnmanaged = !ManageUnmanaged.IsNull && ManageUnmanaged.Value,
                StatusWhenUnmanaged = !StatusWhenUnmanaged.IsNull && StatusWhenUnmanaged.Value,
                WantedRegularPrice = Text(WantedRegularPrice),
                BaselineRegularPrice = Text(BaselineRegularPrice),
                WantedSalePrice = Text(WantedSalePrice),
                BaselineSalePrice = Text(BaselineSalePrice),
                WantedStatus = Text(WantedStatus),
                BaselineStatus = Text(BaselineStatus),
                WantedName = Text(WantedName),
                BaselineName = Text(BaselineName),
            };
            return new[] { StockDelta.Decide(input) };
        }

        public static void FillStockUpdateRow(object row, out SqlBoolean send, out SqlString endpoint, out SqlInt64 batch_key,
            out SqlString update_json, out SqlString reason)
        {
            var d = (StockDeltaDecision)row;
            send = new SqlBoolean(d.Send);
            endpoint = Str(d.Endpoint, 100);
            batch_key = new SqlInt64(d.BatchKey);
            update_json = d.UpdateJson == null ? SqlString.Null : new SqlString(d.UpdateJson);
            reason = Str(d.Reason, 1000);
        }

        private static decimal Dec(SqlDecimal d, decimal fallback)
        {
            return d.IsNull ? fallback : d.Value;
        }

        private static string Text(SqlString s)
        {
            return s.IsNull ? null : s.Value;
        }

        private static SqlString Str(string s, int max)
        {
            if (s == null) return SqlString.Null;
            return new SqlString(s.Length <= max ? s : s.Substring(0, max));
        }
    }
}
