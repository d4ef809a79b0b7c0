using System;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>One row of wooclr.GetOrders: an order, or the single final 'end' / 'error' row.</summary>
    public sealed class PulledRow : PagedRow
    {
        public const string OrderKind = "order";

        private PulledRow(string rowKind, OrderSummary order, int pageNo, int httpStatus, string message,
            int requests, int retries, DateTime? completeUpToUtc)
            : base(rowKind, pageNo, httpStatus, message, requests, retries, completeUpToUtc)
        {
            Order = order;
        }

        public OrderSummary Order { get; private set; }

        /// <summary>On the final row: the call's upper bound U (every version before it was visible before the call's
        /// first list query), or null when no answer set it. A caller combining several pulls (variations per parent)
        /// uses it to bound what a list read at the start of the call can have missed.</summary>
        public DateTime? UpperBoundUtc { get; internal set; }

        /// <summary>On an 'end' row: the call stopped at @MaxPages, so more rows may be waiting (a full read is not
        /// complete).</summary>
        public bool StoppedAtMaxPages { get; internal set; }

        public static PulledRow ForOrder(OrderSummary order, int pageNo, int httpStatus) =>
            new PulledRow(OrderKind, order, pageNo, httpStatus, null, 0, 0, null);

        public static PulledRow End(int pageNo, int httpStatus, string message, int requests, int retries, DateTime completeUpToUtc) =>
            new PulledRow(EndKind, null, pageNo, httpStatus, message, requests, retries, completeUpToUtc);

        public static PulledRow Failure(int pageNo, int httpStatus, string message, int requests, int retries, DateTime completeUpToUtc) =>
            new PulledRow(ErrorKind, null, pageNo, httpStatus, message, requests, retries, completeUpToUtc);
    }
}
