using System;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>What the sync wants for one mapped WooCommerce object, and what it compares with.</summary>
    public sealed class StockDeltaInput
    {
        public long Id { get; set; }
        /// <summary>The variable product of a variation; null for a product.</summary>
        public long? ParentId { get; set; }
        /// <summary>WooCommerce's type (simple, variable, variation, grouped, external, ...).</summary>
        public string Type { get; set; }
        /// <summary>manage_stock as WooCommerce last reported it: "true", "false", "parent" (null = unknown).</summary>
        public string WooManageStock { get; set; }
        /// <summary>The quantity compared with: what was last sent, or, in a reconciliation, what WooCommerce reported.
        /// Null = unknown (always send).</summary>
        public decimal? BaselineQty { get; set; }
        public string BaselineStockStatus { get; set; }
        /// <summary>The availability to push; null = leave stock alone.</summary>
        public int? WantedQty { get; set; }
        /// <summary>Store setting: take over stock of objects that do not manage their own (manage_stock false or
        /// "parent"): send manage_stock true with the quantity. Off by default.</summary>
        public bool ManageUnmanaged { get; set; }
        /// <summary>Store setting: on an object that does not manage stock (and is not taken over), set stock_status
        /// instock/outofstock from the availability.</summary>
        public bool StatusWhenUnmanaged { get; set; }
        public string WantedRegularPrice { get; set; }
        public string BaselineRegularPrice { get; set; }
        public string WantedSalePrice { get; set; }
        public string BaselineSalePrice { get; set; }
        public string WantedStatus { get; set; }
        public string BaselineStatus { get; set; }
        /// <summary>Counterpoint's name for the product (null = the store leaves names to WooCommerce); sent through
        /// <see cref="ProductNameText"/>, never to a variation (its name is its parent's plus its attributes).</summary>
        public string WantedName { get; set; }
        /// <summary>The name compared with: what was last sent, or what WooCommerce reported.</summary>
        public string BaselineName { get; set; }
    }

    /// <summary>The decision for one object: whether to send, the update object, and which batch it belongs to.</summary>
    public sealed class StockDeltaDecision
    {
        public bool Send { get; set; }
        /// <summary>"products/batch" or "products/{parent}/variations/batch".</summary>
        public string Endpoint { get; set; }
        /// <summary>0 for products; the parent id for variations (one variations batch per parent).</summary>
        public long BatchKey { get; set; }
        /// <summary>The update object ({"id":..,"manage_stock":true,"stock_quantity":..}), null when nothing is sent.</summary>
        public string UpdateJson { get; set; }
        /// <summary>Why: a short list of what changed, or why nothing is sent.</summary>
        public string Reason { get; set; }
    }

    /// <summary>
    /// The delta decision (issue 14 item 5, the pure part): the smallest update object that brings one WooCommerce
    /// object to what Counterpoint wants, or none. The traps it encodes (woocommerce-catalog.md sections 2, 4, 7):
    /// stock_quantity is only ever sent together with manage_stock true (without it WooCommerce drops the quantity
    /// with 200 OK); nothing equal to the baseline is sent; an object whose stock WooCommerce does not manage
    /// (manage_stock false, or "parent" on a variation whose parent holds the stock) is left alone unless the store takes
    /// it over; stock_status is sent only for unmanaged objects (WooCommerce recomputes it for managed ones) and never for
    /// a variable parent (its status comes from the children); a variation is written through its parent's batch.
    /// Prices, status and name are sent only when wanted (not null) and different (prices compared as numbers, names as
    /// plain text: <see cref="ProductNameText"/>); a field the store leaves to WooCommerce is never in the object.
    /// </summary>
    public static class StockDelta
    {
        public static StockDeltaDecision Decide(StockDeltaInput x)
        {
            if (x.Id <= 0) throw new ArgumentException("CPO-PARAM: @Id must be a positive WooCommerce id.");
            bool variation = x.ParentId.HasValue && x.ParentId.Value > 0;
            var d = new StockDeltaDecision
            {
                Endpoint = variation ? "products/" + x.ParentId.Value.ToString(CultureInfo.InvariantCulture) + "/variations/batch" : "products/batch",
                BatchKey = variation ? x.ParentId.Value : 0,
            };
            var w = new JsonWriter(128);
            w.StartObject().Name("id").Number(x.Id);
            string reasons = null;
            string manage = x.WooManageStock == null ? null : x.WooManageStock.Trim().ToLowerInvariant();

            if (x.WantedQty.HasValue)
            {
                int wanted = Math.Max(0, x.WantedQty.Value);
                if (manage == "true")
                {
                    if (!x.BaselineQty.HasValue || x.BaselineQty.Value != wanted)
                    {
                        w.Name("manage_stock").Boolean(true).Name("stock_quantity").Number(wanted);
                        reasons = Add(reasons, "stock " + Qty(x.BaselineQty) + " -> " + wanted.ToString(CultureInfo.InvariantCulture));
                    }
                }
                else if (x.ManageUnmanaged && IsStockable(x.Type))
                {
                    w.Name("manage_stock").Boolean(true).Name("stock_quantity").Number(wanted);
                    reasons = Add(reasons, "takes over stock (manage_stock was " + (manage ?? "unknown") + "), stock " + wanted.ToString(CultureInfo.InvariantCulture));
                }
                else if (manage == "parent")
                {
                    reasons = Add(reasons, "stock left alone: the parent manages this variation's stock (manage_stock \"parent\")");
                }
                else if (x.StatusWhenUnmanaged && IsStockable(x.Type) && x.Type != "variable")
                {
                    string status = wanted > 0 ? "instock" : "outofstock";
                    // A shop that allows backorders on an unmanaged object keeps selling at 0: leave that to the shop.
                    bool keepBackorder = wanted == 0 && x.BaselineStockStatus == "onbackorder";
                    if (!keepBackorder && !string.Equals(status, x.BaselineStockStatus, StringComparison.Ordinal))
                    {
                        w.Name("stock_status").String(status);
                        reasons = Add(reasons, "stock_status " + (x.BaselineStockStatus ?? "unknown") + " -> " + status);
                    }
                }
                else
                {
                    reasons = Add(reasons, "stock left alone: WooCommerce does not manage this object's stock (manage_stock " + (manage ?? "unknown") + ")");
                }
            }

            bool sent = false;
            if (x.WantedRegularPrice != null && !SamePrice(x.WantedRegularPrice, x.BaselineRegularPrice) && x.Type != "variable" && x.Type != "grouped")
            {
                w.Name("regular_price").String(PriceText(x.WantedRegularPrice, "@WantedRegularPrice"));
                reasons = Add(reasons, "regular_price");
                sent = true;
            }
            if (x.WantedSalePrice != null && !SamePrice(x.WantedSalePrice, x.BaselineSalePrice) && x.Type != "variable" && x.Type != "grouped")
            {
                w.Name("sale_price").String(PriceText(x.WantedSalePrice, "@WantedSalePrice"));
                reasons = Add(reasons, "sale_price");
                sent = true;
            }
            if (x.WantedStatus != null && !string.Equals(x.WantedStatus.Trim(), x.BaselineStatus, StringComparison.Ordinal))
            {
                w.Name("status").String(x.WantedStatus.Trim());
                reasons = Add(reasons, "status " + (x.BaselineStatus ?? "unknown") + " -> " + x.WantedStatus.Trim());
                sent = true;
            }
            if (x.WantedName != null)
            {
                string name = ProductNameText.ToWoo(x.WantedName);
                if (variation || x.Type == "variation")
                {
                    reasons = Add(reasons, "name left alone: a variation's name is its parent's with its attributes");
                }
                else if (name == null)
                {
                    reasons = Add(reasons, "name left alone: Counterpoint's is empty or longer than " + ProductNameText.MaxLength.ToString(CultureInfo.InvariantCulture));
                }
                else if (!ProductNameText.Same(name, x.BaselineName))
                {
                    w.Name("name").String(name);
                    reasons = Add(reasons, "name");
                    sent = true;
                }
            }
            w.EndObject();
            string json = w.ToString();
            // Only the id: nothing to send.
            d.Send = sent || json.IndexOf(',') >= 0;
            d.UpdateJson = d.Send ? json : null;
            d.Reason = reasons ?? "no change";
            return d;
        }

        /// <summary>Types whose stock WooCommerce can manage: grouped and external products never hold stock.</summary>
        private static bool IsStockable(string type)
        {
            return type != "grouped" && type != "external";
        }

        /// <summary>Equal prices: both empty/null, or both numbers with the same value ("19.9" = "19.90").</summary>
        public static bool SamePrice(string a, string b)
        {
            string x = a == null ? string.Empty : a.Trim(), y = b == null ? string.Empty : b.Trim();
            if (x.Length == 0 || y.Length == 0) return x.Length == y.Length;
            decimal dx, dy;
            if (decimal.TryParse(x, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out dx)
                && decimal.TryParse(y, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out dy))
                return dx == dy;
            return string.Equals(x, y, StringComparison.Ordinal);
        }

        private static string PriceText(string price, string name)
        {
            string p = price.Trim();
            decimal d;
            if (p.Length > 0 && !decimal.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
                throw new ArgumentException("CPO-PARAM: " + name + " must be a decimal with '.' (e.g. 19.99) or '' (no price), not '" + p + "'.");
            return p;
        }

        private static string Qty(decimal? q)
        {
            return q.HasValue ? q.Value.ToString("0.####", CultureInfo.InvariantCulture) : "unknown";
        }

        private static string Add(string list, string item)
        {
            return list == null ? item : list + "; " + item;
        }
    }
}
