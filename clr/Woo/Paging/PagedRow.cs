using System;

namespace CpOrders.WooClr.Woo.Paging
{
    /// <summary>What every row of a paged HTTP table function carries (wooclr.GetOrders' PulledRow, wooclr.GetProducts /
    /// GetVariations' CatalogRow): its kind, the page and answer it came from, and on the single final 'end' / 'error'
    /// row the call's message, counts and restart point.</summary>
    public abstract class PagedRow
    {
        public const string EndKind = "end";
        public const string ErrorKind = "error";

        protected PagedRow(string rowKind, int pageNo, int httpStatus, string message, int requests, int retries, DateTime? completeUpToUtc)
        {
            RowKind = rowKind;
            PageNo = pageNo;
            HttpStatus = httpStatus;
            Message = message;
            Requests = requests;
            Retries = retries;
            CompleteUpToUtc = completeUpToUtc;
        }

        public string RowKind { get; private set; }
        public int PageNo { get; private set; }
        public int HttpStatus { get; private set; }
        public string Message { get; private set; }
        public int Requests { get; private set; }
        public int Retries { get; private set; }
        /// <summary>On the final row: the inclusive restart point. Every object modified before this time has been
        /// returned (objects modified exactly at it may be returned again by the next call, which T-SQL de-duplicates
        /// by id and date_modified_gmt).</summary>
        public DateTime? CompleteUpToUtc { get; private set; }
    }
}
