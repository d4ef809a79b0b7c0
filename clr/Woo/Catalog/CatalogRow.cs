using System;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>One row of wooclr.GetProducts / wooclr.GetVariations: an item, or the single final 'end' / 'error' row.</summary>
    public sealed class CatalogRow
    {
        public const string ProductKind = "product";
        public const string VariationKind = "variation";
        public const string EndKind = "end";
        public const string ErrorKind = "error";

        public CatalogRow(string rowKind, CatalogItem item, int pageNo, int httpStatus, string message, int requests, int retries,
            DateTime? completeUpToUtc, bool readAll)
        {
            RowKind = rowKind;
            Item = item;
            PageNo = pageNo;
            HttpStatus = httpStatus;
            Message = message;
            Requests = requests;
            Retries = retries;
            CompleteUpToUtc = completeUpToUtc;
            ReadAll = readAll;
        }

        public string RowKind { get; private set; }
        public CatalogItem Item { get; private set; }
        public int PageNo { get; private set; }
        public int HttpStatus { get; private set; }
        public string Message { get; private set; }
        public int Requests { get; private set; }
        public int Retries { get; private set; }
        /// <summary>On the final row: the inclusive restart point (as wooclr.GetOrders' complete_up_to_utc).</summary>
        public DateTime? CompleteUpToUtc { get; private set; }
        /// <summary>On the final 'end' row: every page was read (not stopped by @MaxPages). With a full read (no
        /// watermark) every item whose last save is before complete_up_to_utc was returned.</summary>
        public bool ReadAll { get; private set; }

        public bool IsFinal
        {
            get { return RowKind == EndKind || RowKind == ErrorKind; }
        }
    }
}
