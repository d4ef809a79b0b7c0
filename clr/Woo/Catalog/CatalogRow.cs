using System;
using CpOrders.WooClr.Woo.Paging;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>One row of wooclr.GetProducts / wooclr.GetVariations: an item, or the single final 'end' / 'error' row.</summary>
    public sealed class CatalogRow : PagedRow
    {
        public const string ProductKind = "product";
        public const string VariationKind = "variation";

        public CatalogRow(string rowKind, CatalogItem item, int pageNo, int httpStatus, string message, int requests, int retries,
            DateTime? completeUpToUtc, bool readAll)
            : base(rowKind, pageNo, httpStatus, message, requests, retries, completeUpToUtc)
        {
            Item = item;
            ReadAll = readAll;
        }

        public CatalogItem Item { get; private set; }
        /// <summary>On the final 'end' row: every page was read (not stopped by @MaxPages). With a full read (no
        /// watermark) every item whose last save is before complete_up_to_utc was returned.</summary>
        public bool ReadAll { get; private set; }

        public bool IsFinal
        {
            get { return RowKind == EndKind || RowKind == ErrorKind; }
        }
    }
}
