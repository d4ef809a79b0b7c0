using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CpOrders.WooClr.Documents.Skus;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>One WooCommerce object to map: its id, parent (variations), SKU as read, and the parent's SKU.</summary>
    public sealed class SkuMapInput
    {
        public long Id { get; set; }
        public long? ParentId { get; set; }
        public string Sku { get; set; }
        public string ParentSku { get; set; }
    }

    /// <summary>One row of wooclr.MapSkus: the object, its resolution, or the problem that keeps it unmapped.</summary>
    public sealed class SkuMapRow
    {
        public long Id { get; set; }
        public long? ParentId { get; set; }
        public SkuResolution Resolution { get; set; }
    }

    /// <summary>
    /// Builds the SKU map of a catalog (issue 14 item 2, the pure part): every object resolved with <see cref="SkuRule"/>;
    /// a blank SKU, a variation showing its parent's SKU (WooCommerce's fallback, woocommerce-catalog.md section 1) and
    /// several objects resolving to the same item and selling unit are problems reported with the ids, never guessed.
    /// Whether the item exists in IM_ITEM is the caller's join.
    /// </summary>
    public static class SkuMapBuilder
    {
        public static IList<SkuMapRow> Build(IList<SkuMapInput> inputs, SkuRule rule)
        {
            var rows = new List<SkuMapRow>(inputs.Count);
            var byItem = new Dictionary<string, List<SkuMapRow>>(StringComparer.OrdinalIgnoreCase);
            foreach (SkuMapInput input in inputs)
            {
                var row = new SkuMapRow { Id = input.Id, ParentId = input.ParentId };
                if (input.ParentId.HasValue && SkuRule.IsParentSku(input.Sku, input.ParentSku))
                {
                    row.Resolution = new SkuResolution
                    {
                        Sku = SkuRule.Normalize(input.Sku),
                        ProblemCode = SkuProblems.ParentSku,
                        Problem = "variation " + input.Id.ToString(CultureInfo.InvariantCulture) + " has no SKU of its own: WooCommerce shows its parent's ('" +
                                  SkuRule.Normalize(input.Sku) + "'); give the variation its own SKU.",
                    };
                }
                else
                {
                    row.Resolution = rule.Resolve(input.Sku);
                    if (row.Resolution.ProblemCode == SkuProblems.Blank)
                        row.Resolution.Problem = (input.ParentId.HasValue ? "variation " : "product ") + input.Id.ToString(CultureInfo.InvariantCulture) + " has " + row.Resolution.Problem;
                }
                rows.Add(row);
                if (row.Resolution.Ok)
                {
                    string key = row.Resolution.ItemNo + "\u0001" + row.Resolution.SellUnit;
                    List<SkuMapRow> same;
                    if (!byItem.TryGetValue(key, out same))
                    {
                        same = new List<SkuMapRow>();
                        byItem.Add(key, same);
                    }
                    same.Add(row);
                }
            }
            foreach (KeyValuePair<string, List<SkuMapRow>> kv in byItem)
            {
                if (kv.Value.Count < 2) continue;
                var ids = new StringBuilder();
                for (int i = 0; i < kv.Value.Count && i < 20; i++)
                {
                    if (i > 0) ids.Append(", ");
                    ids.Append(kv.Value[i].Id.ToString(CultureInfo.InvariantCulture));
                }
                if (kv.Value.Count > 20) ids.Append(", ...");
                foreach (SkuMapRow row in kv.Value)
                {
                    SkuResolution r = row.Resolution;
                    r.ProblemCode = SkuProblems.Duplicate;
                    r.Problem = kv.Value.Count.ToString(CultureInfo.InvariantCulture) + " WooCommerce objects (" + ids + ") resolve to item '" + r.ItemNo +
                                "' in selling unit " + r.SellUnit + "; none is mapped until only one does.";
                }
            }
            return rows;
        }

        /// <summary>Reads [{"id":1,"parent_id":null,"sku":"A","parent_sku":null},...] (FOR JSON PATH output); CPO-PARAM
        /// ArgumentException for another shape.</summary>
        public static IList<SkuMapInput> ReadInputs(string json)
        {
            var list = new List<SkuMapInput>();
            JsonElement root = Root(json, "@ItemsJson");
            int n = 0;
            foreach (JsonElement e in root.EnumerateArray())
            {
                n++;
                if (e.Kind != JsonValueKind.Object) throw Param("@ItemsJson item " + n.ToString(CultureInfo.InvariantCulture) + " is not an object");
                long id;
                if (e.Property("id").Kind != JsonValueKind.Number || !long.TryParse(e.Property("id").GetNumberText(), NumberStyles.None, CultureInfo.InvariantCulture, out id))
                    throw Param("@ItemsJson item " + n.ToString(CultureInfo.InvariantCulture) + " has no numeric id");
                long parent;
                JsonElement p = e.Property("parent_id");
                long? parentId = p.Kind == JsonValueKind.Number && long.TryParse(p.GetNumberText(), NumberStyles.None, CultureInfo.InvariantCulture, out parent) && parent > 0
                    ? (long?)parent : null;
                list.Add(new SkuMapInput { Id = id, ParentId = parentId, Sku = Str(e.Property("sku")), ParentSku = Str(e.Property("parent_sku")) });
            }
            return list;
        }

        /// <summary>Reads the store's map [{"WooSku","ItemNo","SellUnit"}] (the planner's skuMap shape); null = none.</summary>
        public static IList<SkuMapEntry> ReadMap(string json)
        {
            var list = new List<SkuMapEntry>();
            if (json == null) return list;
            foreach (JsonElement e in Root(json, "@SkuMapJson").EnumerateArray())
            {
                if (e.Kind != JsonValueKind.Object) throw Param("@SkuMapJson holds objects {\"WooSku\",\"ItemNo\",\"SellUnit\"} only");
                list.Add(new SkuMapEntry(Str(e.Property("WooSku")), Str(e.Property("ItemNo")), Str(e.Property("SellUnit"))));
            }
            return list;
        }

        /// <summary>Reads the store's suffixes [{"Suffix","SellUnit"}] (the planner's unitSuffixes shape); null = none.</summary>
        public static IList<UnitSuffix> ReadSuffixes(string json)
        {
            var list = new List<UnitSuffix>();
            if (json == null) return list;
            foreach (JsonElement e in Root(json, "@UnitSuffixesJson").EnumerateArray())
            {
                if (e.Kind != JsonValueKind.Object) throw Param("@UnitSuffixesJson holds objects {\"Suffix\",\"SellUnit\"} only");
                list.Add(new UnitSuffix(Str(e.Property("Suffix")), Str(e.Property("SellUnit"))));
            }
            return list;
        }

        /// <summary>Reads the Counterpoint item numbers that exist, ["A","B"] or [{"ITEM_NO":"A"},...] (FOR JSON PATH over
        /// IM_ITEM), matched case-insensitively (the Counterpoint collation); null = not known (SkuRule then cannot let an
        /// exact item win over a unit suffix).</summary>
        public static ICollection<string> ReadItemNumbers(string json)
        {
            if (json == null) return null;
            var items = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonElement e in Root(json, "@ItemNosJson").EnumerateArray())
            {
                string itemNo = e.Kind == JsonValueKind.Object ? Str(e.Property("ITEM_NO")) : Str(e);
                if (itemNo == null && e.Kind != JsonValueKind.Null) throw Param("@ItemNosJson holds item numbers (strings or {\"ITEM_NO\"}) only");
                if (itemNo != null)
                {
                    itemNo = itemNo.Trim();
                    if (itemNo.Length > 0 && !items.ContainsKey(itemNo)) items.Add(itemNo, true);
                }
            }
            return items.Keys;
        }

        private static JsonElement Root(string json, string name)
        {
            JsonDocument doc;
            JsonCheckResult error;
            if (!JsonDocument.TryParse(json, out doc, out error)) throw Param(name + " is not valid JSON (" + error.Message + ")");
            if (doc.Root.Kind != JsonValueKind.Array) throw Param(name + " must be a JSON array, not " + JsonElement.Describe(doc.Root.Kind));
            return doc.Root;
        }

        private static string Str(JsonElement e)
        {
            if (e.Kind == JsonValueKind.String) return e.GetString();
            if (e.Kind == JsonValueKind.Number) return e.GetNumberText();
            return null;
        }

        internal static ArgumentException Param(string message)
        {
            return new ArgumentException("CPO-PARAM: " + message + ".");
        }
    }
}
