using System;
using System.Collections.Generic;

namespace CpOrders.WooClr.Documents.Skus
{
    /// <summary>An override row of the store's SKU map (woo.StoreSkuMap): WooCommerce SKU -> item (and selling unit).</summary>
    public sealed class SkuMapEntry
    {
        public SkuMapEntry(string wooSku, string itemNo, string sellUnit)
        {
            WooSku = wooSku;
            ItemNo = itemNo;
            SellUnit = sellUnit;
        }

        public string WooSku { get; private set; }
        public string ItemNo { get; private set; }
        public string SellUnit { get; private set; }
    }

    /// <summary>A unit suffix of the store (woo.StoreUnitSuffix): a SKU ending in it sells the item in that unit.</summary>
    public sealed class UnitSuffix
    {
        public UnitSuffix(string suffix, string sellUnit)
        {
            Suffix = suffix;
            SellUnit = sellUnit;
        }

        public string Suffix { get; private set; }
        public string SellUnit { get; private set; }
    }

    /// <summary>Where a SKU's item came from.</summary>
    public static class SkuSource
    {
        public const string Map = "map";
        public const string Suffix = "suffix";
        public const string Sku = "sku";
    }

    /// <summary>Problem codes of the SKU rule (each also a line problem code of the order planner where it applies).</summary>
    public static class SkuProblems
    {
        /// <summary>No SKU (blank after trimming).</summary>
        public const string Blank = "CPO-SKU";
        /// <summary>A variation showing its parent's SKU: WooCommerce fills an empty variation SKU from the parent.</summary>
        public const string ParentSku = "CPO-SKU-PARENT";
        /// <summary>Selling unit not '0'..'5'.</summary>
        public const string Unit = "CPO-UNIT";
        /// <summary>Several WooCommerce objects resolve to the same item and selling unit.</summary>
        public const string Duplicate = "CPO-SKU-DUPLICATE";
    }

    /// <summary>The outcome for one SKU: the item and selling unit, or a problem (never a guess).</summary>
    public sealed class SkuResolution
    {
        public string Sku { get; internal set; }
        public string ItemNo { get; internal set; }
        /// <summary>'0' (stocking unit) or '1'..'5' (IM_ITEM.ALT_n_UNIT), as PS_DOC_LIN.SELL_UNIT.</summary>
        public string SellUnit { get; internal set; }
        public string Source { get; internal set; }
        public string ProblemCode { get; internal set; }
        public string Problem { get; internal set; }

        public bool Ok
        {
            get { return ProblemCode == null; }
        }
    }

    /// <summary>
    /// The SKU -> Counterpoint item rule, the same in both directions (orders in, stock out): the SKU is trimmed; a map
    /// row for it (case-insensitive, first row wins) gives the item (its SellUnit, else the suffix's unit); otherwise a
    /// SKU that is itself a known item number is that item in the stocking unit ('0') — an exact item wins over a unit
    /// suffix (item BALL-DOZ is BALL-DOZ, not BALL by the dozen); otherwise the longest configured unit suffix that leaves
    /// a known item number (case-insensitive) gives the item and unit; otherwise the SKU is the item number in the
    /// stocking unit ('0'), which the caller then finds unknown. The selling unit must be '0'..'5'. Without the known item
    /// numbers (null) the exact-item step is skipped and any suffix that leaves a non-empty item number counts.
    ///
    /// The only implementation: the order planner (clr/Documents/Planning/OrderPlanner.cs) and wooclr.MapSkus both call
    /// <see cref="Resolve"/>; tests/CpOrders.WooClr.Tests/Planning/SkuRuleAgreementTests.cs pins that they agree.
    /// </summary>
    public sealed class SkuRule
    {
        private readonly Dictionary<string, SkuMapEntry> _map = new Dictionary<string, SkuMapEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly List<UnitSuffix> _suffixes = new List<UnitSuffix>();
        private readonly ICollection<string> _items;

        public SkuRule(IList<SkuMapEntry> map, IList<UnitSuffix> suffixes)
            : this(map, suffixes, null)
        {
        }

        /// <param name="knownItems">The Counterpoint item numbers that exist (IM_ITEM.ITEM_NO), matched with the collection's
        /// own comparer (pass a case-insensitive dictionary's Keys); null = not known.</param>
        public SkuRule(IList<SkuMapEntry> map, IList<UnitSuffix> suffixes, ICollection<string> knownItems)
        {
            _items = knownItems;
            if (map != null)
            {
                foreach (SkuMapEntry e in map)
                {
                    if (e != null && e.WooSku != null && !_map.ContainsKey(e.WooSku))
                        _map.Add(e.WooSku, e);
                }
            }
            if (suffixes != null)
            {
                foreach (UnitSuffix s in suffixes)
                {
                    if (s != null && s.Suffix != null)
                        _suffixes.Add(s);
                }
            }
        }

        /// <summary>The selling-unit rule of both directions (the order planner's line check and the catalog map's CPO-UNIT,
        /// woo.usp_ReadCatalog / woo.usp_PushStock mirror it in T-SQL): a SKU that sells item <paramref name="itemNo"/> in unit
        /// '1'..'5' needs IM_ITEM.ALT_n_UNIT and positive ALT_n_NUMER and ALT_n_DENOM; otherwise an each-quantity would pass
        /// as a case-quantity. Returns the problem text (code <see cref="SkuProblems.Unit"/>), or null when usable; unit '0'
        /// (the stocking unit) is always usable.</summary>
        public static string UnitProblem(string sku, string itemNo, string sellUnit, string unit, decimal? numer, decimal? denom)
        {
            if (sellUnit == "0") return null;
            if (unit != null && numer.HasValue && denom.HasValue && numer.Value > 0 && denom.Value > 0) return null;
            return "SKU '" + sku + "' sells item '" + itemNo + "' in unit " + sellUnit + ", but IM_ITEM.ALT_" + sellUnit + "_UNIT/NUMER/DENOM are not set.";
        }

        /// <summary>The SKU as matched: trimmed on both sides (WooCommerce keeps "ABC " and "ABC" apart); null when blank.</summary>
        public static string Normalize(string sku)
        {
            if (sku == null) return null;
            string t = sku.Trim();
            return t.Length == 0 ? null : t;
        }

        /// <summary>True when a variation's SKU is its parent's: WooCommerce shows the parent's SKU for a variation without
        /// its own (WC_Product_Variation::get_sku), so it is no SKU, never a match.</summary>
        public static bool IsParentSku(string variationSku, string parentSku)
        {
            string v = Normalize(variationSku), p = Normalize(parentSku);
            return v != null && p != null && string.Equals(v, p, StringComparison.Ordinal);
        }

        public SkuResolution Resolve(string rawSku)
        {
            var r = new SkuResolution();
            string sku = Normalize(rawSku);
            r.Sku = sku;
            if (sku == null)
            {
                r.ProblemCode = SkuProblems.Blank;
                r.Problem = "no SKU: give the product a SKU that is a Counterpoint item number (or map it in the store's SKU map).";
                return r;
            }
            string itemNo = sku;
            string unit = null;
            // The longest matching suffix (its unit also serves a map row without a unit), and the longest one that leaves
            // a known item number (the suffix step; the same suffix when the item numbers are not known).
            string anyUnit = null;
            string anyItem = null;
            string suffixUnit = null;
            string suffixItem = null;
            foreach (UnitSuffix s in _suffixes)
            {
                string suffix = s.Suffix;
                if (sku.Length <= suffix.Length || !sku.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
                string stripped = sku.Substring(0, sku.Length - suffix.Length);
                if (anyItem == null || stripped.Length < anyItem.Length)
                {
                    anyItem = stripped;
                    anyUnit = s.SellUnit;
                }
                if ((suffixItem == null || stripped.Length < suffixItem.Length) && (_items == null || _items.Contains(stripped)))
                {
                    suffixItem = stripped;
                    suffixUnit = s.SellUnit;
                }
            }
            SkuMapEntry mapped;
            string source = SkuSource.Sku;
            if (_map.TryGetValue(sku, out mapped))
            {
                itemNo = mapped.ItemNo ?? sku;
                unit = mapped.SellUnit ?? anyUnit;
                source = SkuSource.Map;
            }
            else if (_items != null && _items.Contains(sku))
            {
                itemNo = sku;
                unit = "0";
                source = SkuSource.Sku;
            }
            else if (suffixItem != null)
            {
                itemNo = suffixItem;
                unit = suffixUnit;
                source = SkuSource.Suffix;
            }
            if (unit == null) unit = "0";
            r.ItemNo = itemNo;
            r.Source = source;
            if (unit.Length != 1 || unit[0] < '0' || unit[0] > '5')
            {
                r.ProblemCode = SkuProblems.Unit;
                r.Problem = "SKU '" + sku + "' maps to selling unit '" + unit + "'; SELL_UNIT is '0' (stocking unit) or '1'..'5' (IM_ITEM.ALT_n_UNIT).";
                return r;
            }
            r.SellUnit = unit;
            return r;
        }
    }
}
