using System;
using System.Collections.Generic;
using System.Globalization;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>
    /// Reads every order modified at or after a watermark, exactly once per call, while the set changes underneath.
    ///
    /// Page numbers over a changing set skip orders: an order modified after we passed it moves the rest up one place.
    /// So the set is walked by key: always page 1, ordered by modification time ascending, with modified_after moved to
    /// the last time read and the ids already read at that time excluded. An order modified meanwhile reappears later
    /// with its new time (a newer version, which is correct); nothing shifts past the cursor.
    ///
    /// WooCommerce's modified_after is strict and its times have whole seconds, so "at or after T" is asked as
    /// "after T - 1 s". Every returned time is checked against the cursor and the ascending order: a shop that ignores
    /// modified_after or orderby=modified (old WooCommerce) is an error, not a flood.
    ///
    /// Streams rows (SQL Server pulls them one by one): the orders, then exactly one 'end' or 'error' row whose
    /// CompleteUpToUtc is where the next call may start. A failure after some pages keeps what was returned.
    /// </summary>
    public sealed class KeysetOrderPuller
    {
        private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
        public const int MaxExcludedIds = 1000;

        private readonly IOrderPageSource _source;
        private readonly DateTime _watermarkUtc;
        private readonly string _statuses;
        private readonly int _pageSize;
        private readonly int _maxPages;

        public KeysetOrderPuller(IOrderPageSource source, DateTime watermarkUtc, string statuses, int pageSize, int maxPages)
        {
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

        public IEnumerable<PulledRow> Pull()
        {
            DateTime cursor = _watermarkUtc;          // everything before cursor is done
            var atCursor = new List<long>();          // ids already returned whose time is exactly cursor
            var returned = new KeySet<string>(StringComparer.Ordinal);
            int requests = 0, retries = 0, pageNo = 0, lastStatus = 0;

            while (true)
            {
                if (pageNo >= _maxPages)
                {
                    yield return PulledRow.End(pageNo, lastStatus, string.Format(CultureInfo.InvariantCulture,
                        "Stopped after @MaxPages = {0} pages; more orders may be waiting. Complete up to {1:yyyy-MM-ddTHH:mm:ss}Z.",
                        _maxPages, cursor), requests, retries, cursor);
                    yield break;
                }
                if (atCursor.Count > MaxExcludedIds)
                {
                    yield return PulledRow.Failure(pageNo, lastStatus, string.Format(CultureInfo.InvariantCulture,
                        "More than {0} orders share the modification time {1:yyyy-MM-ddTHH:mm:ss}Z (a bulk edit?); the exclude list would exceed what hosts accept in a URL. Complete up to that time.",
                        MaxExcludedIds, cursor), requests, retries, cursor);
                    yield break;
                }

                pageNo++;
                OrderPage page = _source.Fetch(new OrderPageQuery(cursor - OneSecond, atCursor.ToArray(), _pageSize, _statuses));
                requests += page.Requests;
                retries += page.Retries;
                lastStatus = page.HttpStatus;
                if (page.Error != null)
                {
                    yield return PulledRow.Failure(pageNo, page.HttpStatus, page.Error, requests, retries, cursor);
                    yield break;
                }

                string problem = Check(page.Orders, cursor);
                if (problem != null)
                {
                    yield return PulledRow.Failure(pageNo, page.HttpStatus, problem, requests, retries, cursor);
                    yield break;
                }

                int newRows = 0;
                DateTime cursorBefore = cursor;
                foreach (OrderSummary order in page.Orders)
                {
                    DateTime modified = Truncate(order.DateModifiedGmt.Value);
                    if (modified > cursor)
                    {
                        cursor = modified;
                        atCursor.Clear();
                    }
                    atCursor.Add(order.Id);
                    // The same id and time twice in one call would be a shop that ignores exclude: never return it again.
                    if (returned.Add(order.Id.ToString(CultureInfo.InvariantCulture) + "@" + modified.Ticks.ToString(CultureInfo.InvariantCulture)))
                    {
                        newRows++;
                        yield return PulledRow.ForOrder(order, pageNo, page.HttpStatus);
                    }
                }

                if (page.Orders.Count >= _pageSize && newRows == 0 && cursor == cursorBefore)
                {
                    yield return PulledRow.Failure(pageNo, page.HttpStatus,
                        "The shop returned a full page of orders already read at the same time: it ignores exclude (WooCommerce older than the version README names?).",
                        requests, retries, cursor);
                    yield break;
                }

                if (page.Orders.Count < _pageSize)
                {
                    yield return PulledRow.End(pageNo, page.HttpStatus, string.Format(CultureInfo.InvariantCulture,
                        "{0} order(s) in {1} page(s). Complete up to {2:yyyy-MM-ddTHH:mm:ss}Z.", returned.Count, pageNo, cursor),
                        requests, retries, cursor);
                    yield break;
                }
            }
        }

        /// <summary>Every order has a time at or after the cursor, in ascending order; else the shop ignores our query.</summary>
        private static string Check(IList<OrderSummary> orders, DateTime cursor)
        {
            DateTime previous = cursor;
            foreach (OrderSummary order in orders)
            {
                if (!order.DateModifiedGmt.HasValue)
                    return string.Format(CultureInfo.InvariantCulture, "Order {0} has no date_modified_gmt; cannot page safely.", order.Id);
                DateTime modified = Truncate(order.DateModifiedGmt.Value);
                if (modified < cursor)
                    return string.Format(CultureInfo.InvariantCulture,
                        "The shop returned order {0} modified at {1:yyyy-MM-ddTHH:mm:ss}Z although we asked for orders modified after {2:yyyy-MM-ddTHH:mm:ss}Z: it ignores modified_after (WooCommerce older than the version README names?). Nothing after the watermark was trusted.",
                        order.Id, modified, cursor);
                if (modified < previous)
                    return string.Format(CultureInfo.InvariantCulture,
                        "The shop did not return orders in modification order (order {0} at {1:yyyy-MM-ddTHH:mm:ss}Z after {2:yyyy-MM-ddTHH:mm:ss}Z): it ignores orderby=modified (WooCommerce older than the version README names?).",
                        order.Id, modified, previous);
                previous = modified;
            }
            return null;
        }

        private static DateTime Truncate(DateTime value) =>
            new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
