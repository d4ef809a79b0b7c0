using System;
using System.Collections.Generic;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>
    /// One request for a page of orders, in the keyset form the puller uses: orders modified strictly after
    /// <see cref="ModifiedAfterUtc"/> and, when given, strictly before <see cref="ModifiedBeforeUtc"/> (WooCommerce's
    /// modified_after / modified_before with dates_are_gmt=true), ordered by modification time ascending
    /// (orderby=modified&amp;order=asc, id as tie-breaker), without the ids in <see cref="ExcludeIds"/>, always page 1.
    /// </summary>
    public sealed class OrderPageQuery
    {
        public OrderPageQuery(DateTime modifiedAfterUtc, IList<long> excludeIds, int pageSize, string statuses)
            : this(modifiedAfterUtc, null, excludeIds, pageSize, statuses)
        {
        }

        public OrderPageQuery(DateTime modifiedAfterUtc, DateTime? modifiedBeforeUtc, IList<long> excludeIds, int pageSize, string statuses)
        {
            ModifiedAfterUtc = modifiedAfterUtc;
            ModifiedBeforeUtc = modifiedBeforeUtc;
            ExcludeIds = excludeIds;
            PageSize = pageSize;
            Statuses = statuses;
        }

        public DateTime ModifiedAfterUtc { get; private set; }
        /// <summary>Null on the call's first page (the upper bound comes from its answer), then the bound U.</summary>
        public DateTime? ModifiedBeforeUtc { get; private set; }
        public IList<long> ExcludeIds { get; private set; }
        public int PageSize { get; private set; }
        public string Statuses { get; private set; }
    }

    /// <summary>What the puller needs of one order of a page; <see cref="Json"/> is the order object's own text.</summary>
    public sealed class OrderSummary
    {
        public OrderSummary(long id, string status, DateTime? dateModifiedGmt, string json)
        {
            Id = id;
            Status = status;
            DateModifiedGmt = dateModifiedGmt;
            Json = json;
        }

        public long Id { get; private set; }
        public string Status { get; private set; }
        public DateTime? DateModifiedGmt { get; private set; }
        public string Json { get; private set; }
    }

    /// <summary>The answer to one page request: the orders in the order the shop returned them, or an error.</summary>
    public sealed class OrderPage
    {
        /// <summary>A page without clock information (an error page).</summary>
        public OrderPage(int httpStatus, IList<OrderSummary> orders, int requests, int retries, string error)
            : this(httpStatus, orders, requests, retries, error, null, 0, null)
        {
        }

        public OrderPage(int httpStatus, IList<OrderSummary> orders, int requests, int retries, string error,
            DateTime? shopDateUtc, long elapsedMs, DateTime? localSentUtc)
        {
            HttpStatus = httpStatus;
            Orders = orders;
            Requests = requests;
            Retries = retries;
            Error = error;
            ShopDateUtc = shopDateUtc;
            ElapsedMs = elapsedMs;
            LocalSentUtc = localSentUtc;
        }

        /// <summary>The answer's HTTP <c>Date</c> header (the shop's clock, whole seconds), or null when it was missing
        /// or not an HTTP date.</summary>
        public DateTime? ShopDateUtc { get; private set; }
        /// <summary>Milliseconds from sending the page's first request (retries and waits included) to its answer: the
        /// most time the shop can have spent between reading the list and stamping <see cref="ShopDateUtc"/>.</summary>
        public long ElapsedMs { get; private set; }
        /// <summary>This server's UTC clock when the page's first request was sent (used only without a Date header).</summary>
        public DateTime? LocalSentUtc { get; private set; }

        public int HttpStatus { get; private set; }
        public IList<OrderSummary> Orders { get; private set; }
        /// <summary>HTTP requests this page took, retries included.</summary>
        public int Requests { get; private set; }
        public int Retries { get; private set; }
        /// <summary>Null when the page was read; otherwise a message for a DBA (never a secret).</summary>
        public string Error { get; private set; }
    }

    /// <summary>Fetches one page. The HTTP implementation lives in Http/; tests use an in-memory shop.</summary>
    public interface IOrderPageSource
    {
        OrderPage Fetch(OrderPageQuery query);
    }
}
