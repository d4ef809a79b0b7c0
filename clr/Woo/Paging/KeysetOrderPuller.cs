using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>
    /// Reads every order version modified at or after a watermark and before an upper bound U, exactly once per call,
    /// while the set changes underneath; judged by (id, modification time), not by id.
    ///
    /// Page numbers over a changing set skip orders, so the set is walked by key: always page 1, ordered by modification
    /// time ascending, with modified_after moved to the last time read and the ids already read at that time excluded.
    /// WooCommerce's modified_after is strict and its times have whole seconds, so "at or after T" is asked as
    /// "after T - 1 s". Every returned time is checked against the cursor and the ascending order: a shop that ignores
    /// modified_after or orderby=modified (old WooCommerce) is an error, not a flood.
    ///
    /// The upper bound U (issue 11): exclude works by id, so an order on the exclude list that is saved while the call
    /// pages would be excluded at its new time too, and lost once the next page passes that time. So the call reads a
    /// window that cannot change while it pages: U = the first answer's Date header (the shop's clock) minus the time
    /// that answer took (the shop read its list at most that long before stamping Date) minus
    /// <see cref="UpperBoundMarginSeconds"/>; every later page sends modified_before=U, and rows at or after U (on the
    /// first page, or an order saved between the shop's list query and its reading of that order) are not taken. A save
    /// that becomes visible after the first answer is stamped at or after U, so it lies at or after the restart point
    /// and the next call returns it; every version before U was visible before the call's first list query and stays put
    /// until it is replaced by such a newer one.
    ///
    /// Streams rows (SQL Server pulls them one by one): the orders, then exactly one 'end' or 'error' row whose
    /// CompleteUpToUtc (min(cursor, U), never before the watermark) is where the next call may start. Never throws once
    /// it streams: a failure, including an unexpected exception, becomes the final 'error' row and keeps what was
    /// returned.
    /// </summary>
    public sealed class KeysetOrderPuller
    {
        /// <summary>
        /// Seconds taken off the shop's Date before it bounds the call. It covers (1) a Date header stamped by a clock
        /// other than PHP's (a reverse proxy or CDN in front of the shop; NTP keeps those within about a second),
        /// (2) a save whose modification time is taken before its write becomes visible to other requests (a slow
        /// database, a plugin or a transaction finishing the save), typically well under a second, and (3) both times
        /// being cut to whole seconds. 5 s covers each with room; a larger value only leaves more recent orders to the
        /// next call. The time the first answer took is subtracted as well, measured, not assumed.
        /// </summary>
        public const int UpperBoundMarginSeconds = 5;

        /// <summary>Without a usable Date header (a proxy stripped it), U comes from this server's clock when the first
        /// request was sent, minus this wider margin for the skew between this server's clock and the shop's (both are
        /// normally NTP-synchronised; OAuth 1.0a already needs them within 15 minutes).</summary>
        public const int NoDateMarginSeconds = 60;

        /// <summary>When the shop's Date header and this server's clock disagree by more than this (beyond the time the
        /// answer took), the final row says so; when the Date is that far behind and the bound is not after the watermark
        /// (a cache or proxy serving a stale Date would stop every call there, silently), the call ends with an error.</summary>
        public const int ClockSkewWarningSeconds = 30;

        /// <summary>
        /// At most this many ids in the exclude list (the ids read at the cursor's second): IIS' default maximum query
        /// string is 2,048 characters, and some hosts and firewalls are as strict. Each id costs its digits plus 3 for
        /// the separator (',' is sent as %2C), so for ids of 3 digits or more <see cref="MaxExcludeQueryChars"/> binds
        /// first (about 180 ids of 5 digits, 145 of 7).
        /// </summary>
        public const int MaxExcludedIds = 250;

        /// <summary>The exclude parameter as sent (digits, and "%2C" between ids) stays within this many characters:
        /// 2,048 minus room for the rest of the query (dates, paging, status list, and the query or OAuth 1.0a keys and
        /// signature, about 550 characters). With 7-digit ids this binds before <see cref="MaxExcludedIds"/>.</summary>
        public const int MaxExcludeQueryChars = 1450;

        private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

        private readonly IOrderPageSource _source;
        private readonly DateTime _watermarkUtc;
        private readonly string _statuses;
        private readonly int _pageSize;
        private readonly int _maxPages;
        private readonly string _noun;

        public KeysetOrderPuller(IOrderPageSource source, DateTime watermarkUtc, string statuses, int pageSize, int maxPages)
            : this(source, watermarkUtc, statuses, pageSize, maxPages, "order")
        {
        }

        /// <summary>The same keyset pull over another post-based list (products, variations): <paramref name="noun"/>
        /// ("product", "variation") replaces "order" in the final row's message.</summary>
        public KeysetOrderPuller(IOrderPageSource source, DateTime watermarkUtc, string statuses, int pageSize, int maxPages, string noun)
        {
            _noun = string.IsNullOrEmpty(noun) ? "order" : noun;
            if (source == null)
                throw new ArgumentNullException("source");
            if (pageSize < 1 || pageSize > 100)
                throw new ArgumentOutOfRangeException("pageSize", pageSize, "@PageSize must be between 1 and 100 (WooCommerce's maximum).");
            if (maxPages < 1)
                throw new ArgumentOutOfRangeException("maxPages", maxPages, "@MaxPages must be at least 1.");
            _source = source;
            _watermarkUtc = Truncate(watermarkUtc);
            _statuses = statuses;
            _pageSize = pageSize;
            _maxPages = maxPages;
        }

        /// <summary>The rows of one call; each enumeration is a new call.</summary>
        public IEnumerable<PulledRow> Pull()
        {
            return new PullSequence(this);
        }

        /// <summary>Characters the exclude parameter takes in the URL: the ids' digits and "%2C" between them.</summary>
        public static int ExcludeQueryChars(IList<long> ids)
        {
            int chars = 0;
            for (int i = 0; i < ids.Count; i++)
            {
                chars += ids[i].ToString(CultureInfo.InvariantCulture).Length + (i > 0 ? 3 : 0);
            }
            return chars;
        }

        private sealed class PullSequence : IEnumerable<PulledRow>
        {
            private readonly KeysetOrderPuller _puller;

            public PullSequence(KeysetOrderPuller puller)
            {
                _puller = puller;
            }

            public IEnumerator<PulledRow> GetEnumerator()
            {
                return new PullRun(_puller);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return GetEnumerator();
            }
        }

        /// <summary>One call: fetches a page when the rows of the last one are streamed; MoveNext never throws for a
        /// non-fatal exception.</summary>
        private sealed class PullRun : IEnumerator<PulledRow>
        {
            private readonly KeysetOrderPuller _p;
            private readonly List<PulledRow> _pending = new List<PulledRow>();
            private readonly List<long> _atCursor = new List<long>();     // ids already returned whose time is exactly _cursor
            private readonly Dictionary<string, bool> _returned = new Dictionary<string, bool>(StringComparer.Ordinal);
            private int _next;
            private bool _finished;
            private PulledRow _current;
            private DateTime _cursor;                                      // every version before it (and after the watermark) is returned
            private DateTime? _upper;                                      // U, from the first answer
            private string _upperNote;
            private string _clockWarning;                                  // the Date header and this server's clock disagree
            private long _dateBehindSeconds;                               // > 0: the Date header is that far behind this server's clock
            private int _requests, _retries, _pageNo, _lastStatus;

            public PullRun(KeysetOrderPuller puller)
            {
                _p = puller;
                _cursor = puller._watermarkUtc;
            }

            public PulledRow Current
            {
                get { return _current; }
            }

            object IEnumerator.Current
            {
                get { return _current; }
            }

            public bool MoveNext()
            {
                // A page may add no row (all read already, or at/after U) and not end the call: fetch the next one.
                while (_next >= _pending.Count)
                {
                    if (_finished)
                        return false;
                    _pending.Clear();
                    _next = 0;
                    DateTime cursorBefore = _cursor;
                    try
                    {
                        NextPage();
                    }
                    catch (Exception ex) when (!(ex is OutOfMemoryException))
                    {
                        // A bug or an unforeseen failure: the rows of this page are not streamed, so the restart point
                        // is where the page began.
                        _pending.Clear();
                        _cursor = cursorBefore;
                        Finish(PulledRow.Failure(_pageNo, _lastStatus, string.Format(CultureInfo.InvariantCulture,
                            "CPO-INTERNAL: unexpected {0} while reading page {1}: {2} The orders returned before this row are complete up to {3:yyyy-MM-ddTHH:mm:ss}Z.",
                            ex.GetType().Name, _pageNo, ex.Message, RestartPoint()), _requests, _retries, RestartPoint()));
                    }
                }
                _current = _pending[_next++];
                return true;
            }

            public void Reset()
            {
                throw new NotSupportedException();
            }

            public void Dispose()
            {
            }

            /// <summary>min(cursor, U), never before the watermark. The cursor never passes U (rows at or after U are not
            /// taken), so this is the cursor. (After a short page U itself would do, but only if the shop honours
            /// per_page: a plugin capping it would make a full page look short, so the cursor is kept.)</summary>
            private DateTime RestartPoint()
            {
                DateTime restart = _cursor;
                if (_upper.HasValue && _upper.Value < restart)
                    restart = _upper.Value;
                return restart < _p._watermarkUtc ? _p._watermarkUtc : restart;
            }

            private void Finish(PulledRow row)
            {
                row.UpperBoundUtc = _upper;
                _pending.Add(row);
                _finished = true;
            }

            private void End(string message)
            {
                Finish(PulledRow.End(_pageNo, _lastStatus, WithWarning(message), _requests, _retries, RestartPoint()));
            }

            private void Fail(string message)
            {
                Finish(PulledRow.Failure(_pageNo, _lastStatus, WithWarning(message), _requests, _retries, RestartPoint()));
            }

            private string WithWarning(string message)
            {
                return Localise(_clockWarning == null ? message : message + " " + _clockWarning);
            }

            /// <summary>The messages name orders; a pull of products or variations names those instead.</summary>
            private string Localise(string message)
            {
                string noun = _p._noun;
                if (noun == "order")
                    return message;
                string upper = char.ToUpperInvariant(noun[0]) + noun.Substring(1);
                return message.Replace("modification order", "modification sequence").Replace("order(s)", noun + "(s)").Replace("orders ", noun + "s ").Replace("orders.", noun + "s.")
                    .Replace("orders;", noun + "s;").Replace(" order ", " " + noun + " ").Replace("Order ", upper + " ");
            }

            private string Complete()
            {
                return string.Format(CultureInfo.InvariantCulture, "Complete up to {0:yyyy-MM-ddTHH:mm:ss}Z", RestartPoint());
            }

            private void NextPage()
            {
                if (_pageNo >= _p._maxPages)
                {
                    End(string.Format(CultureInfo.InvariantCulture, "Stopped after @MaxPages = {0} pages; more orders may be waiting. {1}.",
                        _p._maxPages, Complete()));
                    _pending[_pending.Count - 1].StoppedAtMaxPages = true;
                    return;
                }
                if (_atCursor.Count > MaxExcludedIds || ExcludeQueryChars(_atCursor) > MaxExcludeQueryChars)
                {
                    Fail(string.Format(CultureInfo.InvariantCulture,
                        "CPO-WOO-EXCLUDE-LIMIT: {0} orders share the modification time {1:yyyy-MM-ddTHH:mm:ss}Z: a bulk edit, import or script " +
                        "saved more orders in one second than can be paged (WooCommerce can only skip the ones already read by listing their ids " +
                        "in the URL, at most {2} ids or {3} characters, which hosts accept). The orders before that second were returned; {4}. " +
                        "Calling again stops here again. To go on: have the shop re-save those orders in smaller batches (their times then " +
                        "spread over later seconds and the next call reads them there), or, if CpOrders needs none of those orders, narrow " +
                        "@Statuses so they no longer match or move the watermark one second past that time (their versions at that second " +
                        "are then not pulled).",
                        _atCursor.Count, _cursor, MaxExcludedIds, MaxExcludeQueryChars, Complete()));
                    return;
                }

                _pageNo++;
                bool bounded = _upper.HasValue;
                OrderPage page = _p._source.Fetch(new OrderPageQuery(_cursor - OneSecond, _upper, _atCursor.ToArray(), _p._pageSize, _p._statuses));
                _requests += page.Requests;
                _retries += page.Retries;
                _lastStatus = page.HttpStatus;
                if (page.Error != null)
                {
                    Fail(page.Error);
                    return;
                }

                if (!bounded)
                {
                    SetUpperBound(page);
                    if (_upper.Value <= _p._watermarkUtc && _dateBehindSeconds > 0)
                    {
                        _clockWarning = null;      // the error says it
                        Fail(string.Format(CultureInfo.InvariantCulture,
                            "CPO-WOO-CLOCK: the shop's Date header is {0} s behind this server's clock, so the upper bound {1:yyyy-MM-ddTHH:mm:ss}Z ({2}) is not after the watermark and nothing can be pulled. A cache or proxy serving a stale Date header, or a wrong clock on the shop or on this server, would stop every call here. Check both clocks (NTP) and that the shop's answers are not cached. {3}.",
                            _dateBehindSeconds, _upper.Value, _upperNote, Complete()));
                        return;
                    }
                    if (_upper.Value <= _p._watermarkUtc)
                    {
                        End(string.Format(CultureInfo.InvariantCulture,
                            "0 order(s) in {0} page(s): the upper bound {1:yyyy-MM-ddTHH:mm:ss}Z ({2}) is not after the watermark; nothing newer is complete yet. {3}.",
                            _pageNo, _upper.Value, _upperNote, Complete()));
                        return;
                    }
                }
                DateTime upper = _upper.Value;

                // Only versions before U are taken; the rest (and an order saved between the shop's list query and its
                // reading of that order) lie at or after U and the restart point: the next call reads them.
                var taken = new List<OrderSummary>(page.Orders.Count);
                foreach (OrderSummary order in page.Orders)
                {
                    if (!order.DateModifiedGmt.HasValue)
                    {
                        Fail(string.Format(CultureInfo.InvariantCulture, "Order {0} has no date_modified_gmt; cannot page safely. {1}.", order.Id, Complete()));
                        return;
                    }
                    if (Truncate(order.DateModifiedGmt.Value) < upper)
                        taken.Add(order);
                }
                // A short page holds every version before U not read yet, whatever its order: sorted here, nothing can be
                // missed. A full page must come in modification order (GMT), or later pages could skip versions.
                bool full = page.Orders.Count >= _p._pageSize;
                if (!full)
                    SortByModified(taken);
                string problem = Check(taken, _cursor);
                if (problem != null)
                {
                    Fail(problem);
                    return;
                }

                int newRows = 0;
                DateTime cursorBefore = _cursor;
                foreach (OrderSummary order in taken)
                {
                    DateTime modified = Truncate(order.DateModifiedGmt.Value);
                    if (modified > _cursor)
                    {
                        _cursor = modified;
                        _atCursor.Clear();
                    }
                    if (!_atCursor.Contains(order.Id))
                        _atCursor.Add(order.Id);
                    // The same id and time twice in one call would be a shop that ignores exclude: never return it again.
                    string key = order.Id.ToString(CultureInfo.InvariantCulture) + "@" + modified.Ticks.ToString(CultureInfo.InvariantCulture);
                    if (!_returned.ContainsKey(key))
                    {
                        _returned.Add(key, true);
                        newRows++;
                        _pending.Add(PulledRow.ForOrder(order, _pageNo, page.HttpStatus));
                    }
                }

                if (full && taken.Count == 0)
                {
                    // Every row of a full page lies at or after U (saved while the page was served, or a shop that ignores
                    // modified_before): the rows come ascending, so this call is done; the next one goes on from the cursor.
                    End(string.Format(CultureInfo.InvariantCulture,
                        "{0} order(s) in {1} page(s); page {1} held only orders modified at or after the upper bound {2:yyyy-MM-ddTHH:mm:ss}Z ({3}), left to the next call. {4}.",
                        _returned.Count, _pageNo, upper, _upperNote, Complete()));
                    return;
                }
                if (full && newRows == 0 && _cursor == cursorBefore && bounded)
                {
                    Fail("The shop returned a full page of orders already read at the same time: it ignores exclude (WooCommerce older than the version README names?). " + Complete() + ".");
                    return;
                }

                if (!full)
                {
                    End(string.Format(CultureInfo.InvariantCulture,
                        "{0} order(s) in {1} page(s). {2} (orders modified at or after {3:yyyy-MM-ddTHH:mm:ss}Z, {4}, are left to the next call).",
                        _returned.Count, _pageNo, Complete(), upper, _upperNote));
                }
            }

            /// <summary>U from the first answer: the earlier of (the shop's Date minus the time the answer took) and (this
            /// server's clock when the request was sent), minus the margin. Both bound the time the shop's stamping clock
            /// showed at its list query if that clock agrees with either; the min guards against either one running fast
            /// (a proxy or CDN clock stamping Date, or a fast SQL Server clock), at the cost of latency when one is slow.
            /// Without a usable Date, this server's clock minus the wider margin (assumes it is at most about 55 s fast).</summary>
            private void SetUpperBound(OrderPage page)
            {
                if (page.ShopDateUtc.HasValue)
                {
                    long tookSeconds = (Math.Max(0, page.ElapsedMs) + 999) / 1000;
                    DateTime date = Truncate(page.ShopDateUtc.Value);
                    _upper = date.AddSeconds(-tookSeconds - UpperBoundMarginSeconds);
                    _upperNote = string.Format(CultureInfo.InvariantCulture, "the shop's Date header minus {0} s", tookSeconds + UpperBoundMarginSeconds);
                    if (page.LocalSentUtc.HasValue)
                    {
                        DateTime sent = Truncate(page.LocalSentUtc.Value);
                        DateTime local = sent.AddSeconds(-UpperBoundMarginSeconds);
                        if (local < _upper.Value)
                        {
                            _upper = local;
                            _upperNote = string.Format(CultureInfo.InvariantCulture,
                                "this server's clock when the first request was sent minus {0} s, earlier than the shop's Date header minus {1} s",
                                UpperBoundMarginSeconds, tookSeconds + UpperBoundMarginSeconds);
                        }
                        // Date is stamped between sending and receiving: outside that (plus a second of truncation) one
                        // of the clocks is off.
                        long behind = (long)(sent - date).TotalSeconds - 1;
                        long ahead = (long)(date - sent).TotalSeconds - tookSeconds - 1;
                        if (behind > ClockSkewWarningSeconds)
                            _dateBehindSeconds = behind;
                        if (behind > ClockSkewWarningSeconds || ahead > ClockSkewWarningSeconds)
                            _clockWarning = string.Format(CultureInfo.InvariantCulture,
                                "Clock warning: the shop's Date header is {0} s {1} this server's clock (more than {2} s: a wrong clock on the shop, a proxy or CDN, or this server, or a cache serving a stale Date); the bound uses the earlier of the two, so nothing is lost, but fix the clock.",
                                behind > 0 ? behind : ahead, behind > 0 ? "behind" : "ahead of", ClockSkewWarningSeconds);
                    }
                }
                else if (page.LocalSentUtc.HasValue)
                {
                    _upper = Truncate(page.LocalSentUtc.Value).AddSeconds(-NoDateMarginSeconds);
                    _upperNote = string.Format(CultureInfo.InvariantCulture,
                        "no usable Date header from the shop: this server's clock minus {0} s, which assumes this server's clock is at most {1} s ahead of the shop's",
                        NoDateMarginSeconds, NoDateMarginSeconds - UpperBoundMarginSeconds);
                }
                else
                {
                    // No clock at all (a page source that reports none): nothing can be bounded, so nothing is taken.
                    _upper = _p._watermarkUtc;
                    _upperNote = "no Date header and no local time reported by the page source";
                }
            }
        }

        /// <summary>Every order has a time at or after the cursor, in ascending order; else the shop ignores our query.</summary>
        private static string Check(IList<OrderSummary> orders, DateTime cursor)
        {
            DateTime previous = cursor;
            foreach (OrderSummary order in orders)
            {
                DateTime modified = Truncate(order.DateModifiedGmt.Value);
                if (modified < cursor)
                    return string.Format(CultureInfo.InvariantCulture,
                        "The shop returned order {0} modified at {1:yyyy-MM-ddTHH:mm:ss}Z although we asked for orders modified after {2:yyyy-MM-ddTHH:mm:ss}Z: it ignores modified_after (WooCommerce older than the version README names?). Nothing after the watermark was trusted.",
                        order.Id, modified, cursor);
                if (modified < previous)
                    return string.Format(CultureInfo.InvariantCulture,
                        "The shop did not return a full page in modification order (order {0} at {1:yyyy-MM-ddTHH:mm:ss}Z after {2:yyyy-MM-ddTHH:mm:ss}Z): " +
                        "either it ignores orderby=modified (WooCommerce older than the version README names?), or it keeps orders in the posts table " +
                        "(not HPOS), where orderby=modified sorts by the site's local time, and these orders lie in the hour a daylight-saving clock " +
                        "change repeats (README: 'Daylight saving'). Nothing after {3:yyyy-MM-ddTHH:mm:ss}Z was trusted; calling again stops here again " +
                        "unless every order from that time on fits in one page (a larger @PageSize, up to 100).",
                        order.Id, modified, previous, cursor);
                previous = modified;
            }
            return null;
        }

        /// <summary>By modification time (whole seconds), then id: an insertion sort (a page has at most 100 rows).</summary>
        private static void SortByModified(List<OrderSummary> orders)
        {
            for (int i = 1; i < orders.Count; i++)
            {
                OrderSummary item = orders[i];
                DateTime key = Truncate(item.DateModifiedGmt.Value);
                int j = i - 1;
                while (j >= 0 && (Truncate(orders[j].DateModifiedGmt.Value) > key ||
                                  (Truncate(orders[j].DateModifiedGmt.Value) == key && orders[j].Id > item.Id)))
                {
                    orders[j + 1] = orders[j];
                    j--;
                }
                orders[j + 1] = item;
            }
        }

        private static DateTime Truncate(DateTime value)
        {
            return new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }
    }
}
