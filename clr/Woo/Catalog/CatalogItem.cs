using System;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>
    /// What a stock and catalog sync needs of one WooCommerce product or variation, read from the item's JSON as the
    /// REST API v3 sends it (woocommerce-catalog.md sections 1, 2 and 7): manage_stock as text (true, false, or "parent"
    /// on a variation whose parent manages its stock), stock_quantity as a nullable number (older versions sent ""),
    /// prices as the shop's own decimal text ("" = no price).
    /// </summary>
    public sealed class CatalogItem
    {
        public long Id { get; private set; }
        /// <summary>The variable product of a variation; null for a product (WooCommerce sends 0 for a product).</summary>
        public long? ParentId { get; private set; }
        public string Type { get; private set; }
        public string Sku { get; private set; }
        /// <summary>The product's name as WooCommerce stores it (post_title: may hold entities such as &amp;amp;).</summary>
        public string Name { get; private set; }
        public string Status { get; private set; }
        /// <summary>"true", "false", "parent", or null when the shop did not send it.</summary>
        public string ManageStock { get; private set; }
        public decimal? StockQuantity { get; private set; }
        public string StockStatus { get; private set; }
        public string Backorders { get; private set; }
        public string RegularPrice { get; private set; }
        public string SalePrice { get; private set; }
        public DateTime? DateModifiedGmt { get; private set; }

        /// <summary>Reads one item object. <paramref name="parentId"/> fills parent_id when the item does not carry it
        /// (a per-parent variations list); <paramref name="defaultType"/> fills type likewise ("variation").</summary>
        public static CatalogItem Read(string json, long? parentId, string defaultType)
        {
            JsonDocument doc = JsonDocument.Parse(json);
            JsonElement o = doc.Root;
            var item = new CatalogItem();
            long id;
            long.TryParse(NumberOrString(o.Property("id")), NumberStyles.None, CultureInfo.InvariantCulture, out id);
            item.Id = id;
            long parent;
            string parentText = NumberOrString(o.Property("parent_id"));
            if (parentText != null && long.TryParse(parentText, NumberStyles.None, CultureInfo.InvariantCulture, out parent) && parent > 0)
                item.ParentId = parent;
            else
                item.ParentId = parentId;
            item.Type = Text(o.Property("type")) ?? defaultType;
            item.Sku = Text(o.Property("sku"));
            item.Name = Text(o.Property("name"));
            item.Status = Text(o.Property("status"));
            JsonElement manage = o.Property("manage_stock");
            if (manage.Kind == JsonValueKind.True) item.ManageStock = "true";
            else if (manage.Kind == JsonValueKind.False) item.ManageStock = "false";
            else if (manage.Kind == JsonValueKind.String) item.ManageStock = manage.GetString().Trim().ToLowerInvariant();
            string quantity = NumberOrString(o.Property("stock_quantity"));
            decimal q;
            if (quantity != null && decimal.TryParse(quantity.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out q))
                item.StockQuantity = q;
            item.StockStatus = Text(o.Property("stock_status"));
            item.Backorders = Text(o.Property("backorders"));
            item.RegularPrice = NumberOrString(o.Property("regular_price"));
            item.SalePrice = NumberOrString(o.Property("sale_price"));
            DateTime modified;
            string error;
            JsonElement date = o.Property("date_modified_gmt");
            if (date.Kind == JsonValueKind.String && GmtDate.TryParse(date.GetString(), out modified, out error))
                item.DateModifiedGmt = modified;
            return item;
        }

        private static string Text(JsonElement e)
        {
            return e.Kind == JsonValueKind.String ? e.GetString() : null;
        }

        private static string NumberOrString(JsonElement e)
        {
            if (e.Kind == JsonValueKind.Number) return e.GetNumberText();
            if (e.Kind == JsonValueKind.String) return e.GetString();
            return null;
        }
    }
}
