using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>Which list wooclr.GetVariations reads.</summary>
    public enum VariationRoute
    {
        /// <summary>GET variations (WooCommerce 10.3+); on 404 rest_no_route fall back to <see cref="PerParent"/>.</summary>
        Auto,
        /// <summary>GET variations only (WooCommerce 10.3+: every variation of every parent, each with parent_id).</summary>
        All,
        /// <summary>GET products/{id}/variations for each variable product (any version).</summary>
        PerParent,
    }

    /// <summary>
    /// Streams WooCommerce products or variations with the keyset pull of wooclr.GetOrders (<see cref="KeysetOrderPuller"/>
    /// over <see cref="HttpOrderPageSource"/>: orderby=modified, modified_after/modified_before=U, exclude, page 1), so
    /// the contract is the same: item rows, then exactly one 'end' or 'error' row whose complete_up_to_utc is an
    /// inclusive restart point; nothing throws once rows stream. _fields keeps the pages small.
    ///
    /// Variations per parent (shops before 10.3): the variable products are listed first (a keyset pull of
    /// products?type=variable from the beginning, or the caller's ids), then each parent's list is pulled from the
    /// watermark. Each parent pull that ends normally has read every version before its own bound U_p; a parent created
    /// after the parent list was read has only variations saved after that list's bound U_0. So the restart point is
    /// max(watermark, min(U_0, every U_p)), or an earlier one where a pull stopped.
    /// </summary>
    public sealed class CatalogPull : IEnumerable<CatalogRow>
    {
        /// <summary>_fields of a product page: what a stock/price/name sync needs (date_modified_gmt for the keyset).</summary>
        public const string ProductFields = "id,parent_id,type,sku,name,status,manage_stock,stock_quantity,stock_status,backorders,regular_price,sale_price,date_modified_gmt";
        /// <summary>_fields of a variation page (the all-variations list and each parent's list).</summary>
        public const string VariationFields = ProductFields;
        /// <summary>_fields of the variable-product list in per-parent mode.</summary>
        public const string ParentFields = "id,status,date_modified_gmt";

        private static readonly DateTime Beginning = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly WooHttpOptions _options;
        private readonly DateTime? _watermark;
        private readonly int _pageSize;
        private readonly int _maxPages;
        private readonly bool _variations;
        private readonly VariationRoute _route;
        private readonly IList<long> _parentIds;
        private readonly IHttpClock _clock;
        private readonly INonceSource _nonces;
        private readonly ISleeper _sleeper;
        private readonly IJitterSource _jitter;

        private CatalogPull(WooHttpOptions options, DateTime? watermark, int pageSize, int maxPages, bool variations, VariationRoute route,
            IList<long> parentIds, IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
        {
            _options = options;
            _watermark = watermark;
            _pageSize = pageSize;
            _maxPages = maxPages;
            _variations = variations;
            _route = route;
            _parentIds = parentIds;
            _clock = clock;
            _nonces = nonces;
            _sleeper = sleeper;
            _jitter = jitter;
        }

        /// <summary>Products (every type, every status but trash) modified at or after <paramref name="watermark"/>; all when null.</summary>
        public static CatalogPull Products(WooHttpOptions options, DateTime? watermark, int pageSize, int maxPages)
        {
            return new CatalogPull(options, watermark, pageSize, maxPages, false, VariationRoute.All, null, null, null, null, null);
        }

        /// <summary>Variations modified at or after <paramref name="watermark"/> (all when null). <paramref name="parentIds"/>:
        /// in per-parent mode, the variable products to read (null: list them).</summary>
        public static CatalogPull Variations(WooHttpOptions options, DateTime? watermark, int pageSize, int maxPages, VariationRoute route,
            IList<long> parentIds)
        {
            return new CatalogPull(options, watermark, pageSize, maxPages, true, route, parentIds, null, null, null, null);
        }

        /// <summary>The same with a test clock, nonces, sleeper and jitter.</summary>
        public CatalogPull With(IHttpClock clock, INonceSource nonces, ISleeper sleeper, IJitterSource jitter)
        {
            return new CatalogPull(_options, _watermark, _pageSize, _maxPages, _variations, _route, _parentIds, clock, nonces, sleeper, jitter);
        }

        public IEnumerator<CatalogRow> GetEnumerator()
        {
            return new Run(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        private DateTime WatermarkOrBeginning
        {
            get { return _watermark ?? Beginning; }
        }

        private KeysetOrderPuller Puller(string resource, string fields, string extraName, string extraValue, DateTime watermark,
            int maxPages, long budgetMs, string noun)
        {
            WooHttpOptions options = _options.Clone();
            options.TotalBudgetMs = (int)Math.Max(1, Math.Min(int.MaxValue, budgetMs));
            var extra = new List<KeyValuePair<string, string>>();
            extra.Add(new KeyValuePair<string, string>("_fields", fields));
            if (extraName != null)
                extra.Add(new KeyValuePair<string, string>(extraName, extraValue));
            var source = new HttpOrderPageSource(options, resource, extra, _clock, _nonces, _sleeper, _jitter);
            return new KeysetOrderPuller(source, watermark, null, _pageSize, maxPages, noun);
        }

        private enum Phase
        {
            Start,
            Single,        // products, or the all-variations list
            Parents,       // listing the variable products
            PerParent,     // one parent's variations
            Done,
        }

        /// <summary>One call. MoveNext never throws for a non-fatal exception: it becomes the final 'error' row.</summary>
        private sealed class Run : IEnumerator<CatalogRow>
        {
            private readonly CatalogPull _p;
            private readonly Stopwatch _clock = Stopwatch.StartNew();
            private readonly List<long> _parents = new List<long>();
            private Phase _phase = Phase.Start;
            private IEnumerator<PulledRow> _inner;
            private CatalogRow _current;
            private bool _triedAll;
            private int _parentIndex;
            private long _currentParent;
            private int _pagesBefore, _requests, _retries, _items;
            private DateTime? _bound;          // min of U_0 and every finished U_p (per-parent mode)

            public Run(CatalogPull pull)
            {
                _p = pull;
            }

            public CatalogRow Current
            {
                get { return _current; }
            }

            object IEnumerator.Current
            {
                get { return _current; }
            }

            public void Reset()
            {
                throw new NotSupportedException();
            }

            public void Dispose()
            {
            }

            public bool MoveNext()
            {
                if (_phase == Phase.Done)
                    return false;
                try
                {
                    _current = Next();
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    _current = Final(CatalogRow.ErrorKind, 0, "CPO-INTERNAL: unexpected " + ex.GetType().Name + " while reading the catalog: " + ex.Message,
                        _p.WatermarkOrBeginning, false);
                }
                if (_current == null || _current.IsFinal)
                    _phase = Phase.Done;
                return _current != null;
            }

            private long BudgetLeft
            {
                get { return _p._options.TotalBudgetMs - _clock.ElapsedMilliseconds; }
            }

            private CatalogRow Next()
            {
                while (true)
                {
                    if (_pendingFinal != null)
                        return _pendingFinal;
                    if (_phase == Phase.Start)
                    {
                        if (!_p._variations)
                        {
                            _inner = _p.Puller("products", ProductFields, null, null, _p.WatermarkOrBeginning, _p._maxPages, BudgetLeft, "product").Pull().GetEnumerator();
                            _phase = Phase.Single;
                        }
                        else if (_p._route == VariationRoute.PerParent)
                        {
                            StartParents();
                        }
                        else
                        {
                            _triedAll = true;
                            _inner = _p.Puller("variations", VariationFields, null, null, _p.WatermarkOrBeginning, _p._maxPages, BudgetLeft, "variation").Pull().GetEnumerator();
                            _phase = Phase.Single;
                        }
                        continue;
                    }
                    if (!_inner.MoveNext())
                        return Final(CatalogRow.ErrorKind, 0, "CPO-INTERNAL: the pull ended without a final row.", _p.WatermarkOrBeginning, false);
                    PulledRow row = _inner.Current;
                    if (_phase == Phase.Single)
                    {
                        if (row.RowKind == PulledRow.OrderKind)
                        {
                            _items++;
                            return ItemRow(row, null);
                        }
                        if (row.RowKind == PulledRow.ErrorKind && _triedAll && _items == 0 && _p._route == VariationRoute.Auto
                            && row.HttpStatus == 404 && row.Message != null && row.Message.IndexOf("rest_no_route", StringComparison.Ordinal) >= 0)
                        {
                            // WooCommerce before 10.3 has no GET variations: read them parent by parent.
                            _requests += row.Requests;
                            _retries += row.Retries;
                            _pagesBefore += row.PageNo;
                            StartParents();
                            continue;
                        }
                        return Final(row.RowKind, row.HttpStatus, row.Message, row.CompleteUpToUtc, row.RowKind == PulledRow.EndKind && !row.StoppedAtMaxPages, row);
                    }
                    if (_phase == Phase.Parents)
                    {
                        if (row.RowKind == PulledRow.OrderKind)
                        {
                            _parents.Add(row.Order.Id);
                            continue;
                        }
                        _requests += row.Requests;
                        _retries += row.Retries;
                        _pagesBefore += row.PageNo;
                        if (row.RowKind == PulledRow.ErrorKind)
                            return Final(CatalogRow.ErrorKind, row.HttpStatus, "Listing the variable products failed: " + row.Message, _p.WatermarkOrBeginning, false);
                        if (row.StoppedAtMaxPages)
                            return Final(CatalogRow.EndKind, row.HttpStatus, "Stopped after @MaxPages while listing the variable products; no variation was read.", _p.WatermarkOrBeginning, false);
                        // Every variable product saved before U_0 is listed; one created later has only later variations.
                        _bound = row.UpperBoundUtc ?? _p.WatermarkOrBeginning;
                        if (!NextParent(row.HttpStatus, out CatalogRow done))
                            return done;
                        continue;
                    }
                    // Phase.PerParent
                    if (row.RowKind == PulledRow.OrderKind)
                    {
                        _items++;
                        return ItemRow(row, _currentParent);
                    }
                    _requests += row.Requests;
                    _retries += row.Retries;
                    _pagesBefore += row.PageNo;
                    string where = "variations of product " + _currentParent.ToString(CultureInfo.InvariantCulture) + ": ";
                    if (row.RowKind == PulledRow.ErrorKind)
                        return Final(CatalogRow.ErrorKind, row.HttpStatus, where + row.Message, Min(_bound, row.CompleteUpToUtc), false);
                    if (row.StoppedAtMaxPages)
                        return Final(CatalogRow.EndKind, row.HttpStatus, where + row.Message, Min(_bound, row.CompleteUpToUtc), false);
                    _bound = Min(_bound, row.UpperBoundUtc ?? _p.WatermarkOrBeginning);
                    CatalogRow end;
                    if (!NextParent(row.HttpStatus, out end))
                        return end;
                }
            }

            private void StartParents()
            {
                if (_p._parentIds != null)
                {
                    _parents.AddRange(_p._parentIds);
                    _bound = null;       // the caller's list: bounded by the caller's own products read
                    _phase = Phase.PerParent;
                    CatalogRow none;
                    if (!NextParent(0, out none))
                        _pendingFinal = none;
                    return;
                }
                _inner = _p.Puller("products", ParentFields, "type", "variable", Beginning, Math.Max(1, _p._maxPages - _pagesBefore), BudgetLeft,
                    "variable product").Pull().GetEnumerator();
                _phase = Phase.Parents;
            }

            private CatalogRow _pendingFinal;

            /// <summary>Starts the next parent's pull; false with the final row when none is left (or no page or time is).</summary>
            private bool NextParent(int lastStatus, out CatalogRow final)
            {
                final = null;
                if (_parentIndex >= _parents.Count)
                {
                    DateTime restart = Min(_bound, null) ?? _p.WatermarkOrBeginning;
                    if (restart < _p.WatermarkOrBeginning) restart = _p.WatermarkOrBeginning;
                    final = Final(CatalogRow.EndKind, lastStatus, string.Format(CultureInfo.InvariantCulture,
                        "{0} variation(s) of {1} variable product(s), read parent by parent, in {2} request(s). Complete up to {3:yyyy-MM-ddTHH:mm:ss}Z.",
                        _items, _parents.Count, _requests, restart), restart, true);
                    return false;
                }
                int pagesLeft = _p._maxPages - _pagesBefore;
                if (pagesLeft < 1)
                {
                    DateTime restart = _p.WatermarkOrBeginning;
                    final = Final(CatalogRow.EndKind, lastStatus, string.Format(CultureInfo.InvariantCulture,
                        "Stopped after @MaxPages = {0} pages with {1} of {2} variable product(s) read; more variations may be waiting. Complete up to {3:yyyy-MM-ddTHH:mm:ss}Z.",
                        _p._maxPages, _parentIndex, _parents.Count, restart), restart, false);
                    return false;
                }
                _currentParent = _parents[_parentIndex++];
                _inner = _p.Puller("products/" + _currentParent.ToString(CultureInfo.InvariantCulture) + "/variations", VariationFields, null, null,
                    _p.WatermarkOrBeginning, pagesLeft, BudgetLeft, "variation").Pull().GetEnumerator();
                _phase = Phase.PerParent;
                return true;
            }

            private static DateTime? Min(DateTime? a, DateTime? b)
            {
                if (!a.HasValue) return b;
                if (!b.HasValue) return a;
                return a.Value < b.Value ? a : b;
            }

            private CatalogRow ItemRow(PulledRow row, long? parentId)
            {
                CatalogItem item = CatalogItem.Read(row.Order.Json, parentId, _p._variations ? "variation" : null);
                string kind = _p._variations ? CatalogRow.VariationKind : CatalogRow.ProductKind;
                return new CatalogRow(kind, item, _pagesBefore + row.PageNo, row.HttpStatus, null, 0, 0, null, false);
            }

            private CatalogRow Final(string kind, int httpStatus, string message, DateTime? restart, bool readAll)
            {
                return Final(kind, httpStatus, message, restart, readAll, null);
            }

            private CatalogRow Final(string kind, int httpStatus, string message, DateTime? restart, bool readAll, PulledRow from)
            {
                int requests = _requests + (from == null ? 0 : from.Requests);
                int retries = _retries + (from == null ? 0 : from.Retries);
                int page = _pagesBefore + (from == null ? 0 : from.PageNo);
                DateTime r = restart ?? _p.WatermarkOrBeginning;
                if (r < _p.WatermarkOrBeginning) r = _p.WatermarkOrBeginning;
                return new CatalogRow(kind, null, page, httpStatus, message, requests, retries, r, readAll && kind == CatalogRow.EndKind);
            }
        }
    }
}
