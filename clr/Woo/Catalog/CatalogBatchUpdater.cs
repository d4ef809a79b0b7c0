using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;
using CpOrders.WooClr.Woo.Writes;

namespace CpOrders.WooClr.Woo.Catalog
{
    /// <summary>One update object of a catalog batch, checked and rewritten with only the fields a sync may send.</summary>
    public sealed class CatalogUpdate
    {
        public long Id { get; internal set; }
        public string Json { get; internal set; }
        public bool? ManageStock { get; internal set; }
        public long? StockQuantity { get; internal set; }
        public string SalePrice { get; internal set; }
    }

    /// <summary>The outcome for one object: one &lt;result/&gt; of @Results.</summary>
    public sealed class CatalogItemResult : BatchResultBase
    {
        public string StockQuantity { get; set; }
        public string StockStatus { get; set; }

        internal override void WriteOwnAttributes(XmlWriter w)
        {
            w.WriteAttributeString("stock_quantity", XmlSafe(StockQuantity));
            w.WriteAttributeString("stock_status", XmlSafe(StockStatus));
        }
    }

    /// <summary>What wooclr.BatchUpdateProducts / BatchUpdateVariations report besides the common outputs; @Results:
    /// &lt;results&gt;&lt;result id="1" applied="1" stock_quantity="7" stock_status="instock" error_code="" error_message=""/&gt;...&lt;/results&gt;</summary>
    public sealed class CatalogBatchOutcome : BatchOutcomeBase<CatalogItemResult>
    {
    }

    /// <summary>
    /// wooclr.BatchUpdateProducts / wooclr.BatchUpdateVariations: one POST products/batch or
    /// products/{parent}/variations/batch {"update":[...]} for up to 100 objects (WooCommerce's check_batch_limit answers
    /// 413 above it), then every item of the 200 answer read: an item with "error" is that object's failure (the batch is
    /// not atomic: the others are applied); an object without an item is unknown (CPO-WOO-BATCH-MISSING); an applied item
    /// whose answer does not show the sent stock_quantity with manage_stock true, or that lost a sent sale_price, is
    /// CPO-WOO-NOT-APPLIED (the shop dropped it silently with 200). Every value is absolute and keyed by id, so the
    /// request is idempotent and retried like a GET (429, 5xx, timeouts, connection failures).
    /// </summary>
    public sealed class CatalogBatchUpdater
    {
        public const int MaxObjects = 100;

        private static string[] StockStatuses() { return new[] { "instock", "outofstock", "onbackorder" }; }
        private static string[] BackorderValues() { return new[] { "no", "notify", "yes" }; }
        private static string[] Statuses() { return new[] { "draft", "pending", "private", "publish" }; }

        private readonly WooWriteSession _session;

        public CatalogBatchUpdater(WooWriteSession session)
        {
            _session = session;
        }

        /// <summary>Reads @UpdatesJson: [{"id":1,"manage_stock":true,"stock_quantity":7}, ...]. Throws CPO-PARAM
        /// (WooWriteParameterException) for anything a sync must not send: another shape, an id that is not positive or
        /// given twice, an unknown field, a wrong type or value, stock_quantity without manage_stock true (WooCommerce
        /// would drop it with 200 OK), an object with nothing to change, more than 100 objects.</summary>
        public static IList<CatalogUpdate> Parse(string json)
        {
            var list = new List<CatalogUpdate>();
            JsonDocument doc;
            JsonCheckResult error;
            if (json == null) throw Bad("it is NULL");
            if (!JsonDocument.TryParse(json, out doc, out error)) throw Bad("it is not valid JSON (" + error.Message + ")");
            if (doc.Root.Kind != JsonValueKind.Array) throw Bad("it is " + JsonElement.Describe(doc.Root.Kind) + ", not an array of update objects");
            var ids = new KeySet<long>();
            int n = 0;
            foreach (JsonElement e in doc.Root.EnumerateArray())
            {
                n++;
                string where = "object " + n.ToString(CultureInfo.InvariantCulture);
                if (n > MaxObjects)
                    throw new WooWriteParameterException("@UpdatesJson holds more than " + MaxObjects.ToString(CultureInfo.InvariantCulture) +
                        " objects; WooCommerce refuses the whole batch above " + MaxObjects.ToString(CultureInfo.InvariantCulture) + " (413). Send them in several calls. Nothing was sent.");
                if (e.Kind != JsonValueKind.Object) throw Bad(where + " is not an object");
                var u = new CatalogUpdate();
                var w = new JsonWriter(96);
                w.StartObject();
                JsonElement idElement = e.Property("id");
                long id;
                if (idElement.Kind != JsonValueKind.Number || !long.TryParse(idElement.GetNumberText(), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
                    throw Bad(where + " needs \"id\", a positive WooCommerce id");
                u.Id = id;
                where = "object " + id.ToString(CultureInfo.InvariantCulture);
                if (!ids.Add(id)) throw Bad(where + " is given twice; give each object once");
                w.Name("id").Number(id);
                int fields = 0;
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    string name = p.Name;
                    JsonElement v = p.Value;
                    switch (name)
                    {
                        case "id":
                            continue;
                        case "manage_stock":
                            if (v.Kind != JsonValueKind.True && v.Kind != JsonValueKind.False) throw Bad(where + ": manage_stock must be true or false");
                            u.ManageStock = v.Kind == JsonValueKind.True;
                            w.Name(name).Boolean(u.ManageStock.Value);
                            break;
                        case "stock_quantity":
                            long q;
                            if (v.Kind != JsonValueKind.Number || !long.TryParse(v.GetNumberText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out q))
                                throw Bad(where + ": stock_quantity must be a whole number (WooCommerce stores stock through intval)");
                            u.StockQuantity = q;
                            w.Name(name).Number(q);
                            break;
                        case "stock_status":
                            w.Name(name).String(OneOf(v, StockStatuses(), where, name));
                            break;
                        case "backorders":
                            w.Name(name).String(OneOf(v, BackorderValues(), where, name));
                            break;
                        case "status":
                            w.Name(name).String(OneOf(v, Statuses(), where, name));
                            break;
                        case "name":
                            if (v.Kind != JsonValueKind.String || v.GetString().Trim().Length == 0 || v.GetString().Length > ProductNameText.MaxLength)
                                throw Bad(where + ": name must be a non-empty string of at most " + ProductNameText.MaxLength.ToString(CultureInfo.InvariantCulture) +
                                          " characters (a sync never blanks a name)");
                            w.Name(name).String(v.GetString());
                            break;
                        case "regular_price":
                        case "sale_price":
                            string price = Price(v, where, name);
                            if (name == "sale_price") u.SalePrice = price;
                            w.Name(name).String(price);
                            break;
                        default:
                            throw Bad(where + ": \"" + OrderUpdate.Shorten(name) + "\" is not a field a sync sends (id, manage_stock, stock_quantity, stock_status, backorders, regular_price, sale_price, status, name)");
                    }
                    fields++;
                }
                if (fields == 0) throw Bad(where + " has nothing to update");
                if (u.StockQuantity.HasValue && u.ManageStock != true)
                    throw Bad(where + ": stock_quantity needs \"manage_stock\": true in the same object (without it WooCommerce drops the quantity and answers 200 OK)");
                w.EndObject();
                u.Json = w.ToString();
                list.Add(u);
            }
            return list;
        }

        private static string OneOf(JsonElement v, string[] allowed, string where, string name)
        {
            if (v.Kind == JsonValueKind.String)
            {
                string s = v.GetString();
                foreach (string a in allowed)
                {
                    if (a == s) return s;
                }
            }
            throw Bad(where + ": " + name + " must be one of " + string.Join(", ", allowed));
        }

        private static string Price(JsonElement v, string where, string name)
        {
            decimal d;
            if (v.Kind == JsonValueKind.String)
            {
                string s = v.GetString();
                if (s.Length == 0 || decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d)) return s;
            }
            throw Bad(where + ": " + name + " must be a string holding a decimal with '.' (\"19.99\") or \"\"");
        }

        private static WooWriteParameterException Bad(string what)
        {
            return new WooWriteParameterException("@UpdatesJson: " + what + ". Expected [{\"id\":123,\"manage_stock\":true,\"stock_quantity\":7},...]. Nothing was sent.");
        }

        /// <summary>The POST body {"update":[...]}.</summary>
        public static string Body(IList<CatalogUpdate> updates)
        {
            var sb = new StringBuilder(updates.Count * 64 + 16);
            sb.Append("{\"update\":[");
            for (int i = 0; i < updates.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(updates[i].Json);
            }
            sb.Append("]}");
            return sb.ToString();
        }

        /// <summary>Sends the batch to <paramref name="endpoint"/> ("products/batch" or "products/{id}/variations/batch").</summary>
        // Alike BatchOrderUpdater.Run but kept apart on purpose: this POST is marked idempotent (absolute stock and price
        // values keyed by id) so the client retries it on 429/5xx/timeouts like a GET, and a failed send adds no "may have
        // been applied" note; an order batch is never retried once sent and says its state is unknown.
        public CatalogBatchOutcome Run(string endpoint, IList<CatalogUpdate> updates)
        {
            var outcome = new CatalogBatchOutcome();
            if (updates.Count == 0)
            {
                outcome.Done(_session);
                return outcome;
            }
            WooRequest request = WooRequest.Post(endpoint, Body(updates));
            request.Idempotent = true;      // absolute values keyed by id: safe to repeat
            WooHttpResult posted = _session.Send(request);
            if (!posted.Succeeded)
            {
                outcome.Fail(_session, posted);
                foreach (CatalogUpdate u in updates)
                {
                    outcome.Items.Add(new CatalogItemResult { Id = u.Id, ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage });
                }
                return outcome;
            }
            int failed = Collate(endpoint, updates, posted.StatusCode, posted.Body, outcome.Items);
            foreach (CatalogItemResult r in outcome.Items) r.ErrorMessage = _session.Redact(r.ErrorMessage);
            if (failed == 0)
            {
                outcome.Done(_session);
            }
            else
            {
                outcome.Fail(_session, WooWriteErrors.BatchItems, WooWriteErrors.BatchItems + ": POST " + endpoint + " answered " +
                    posted.StatusCode.ToString(CultureInfo.InvariantCulture) + ", but " + failed.ToString(CultureInfo.InvariantCulture) + " of " +
                    updates.Count.ToString(CultureInfo.InvariantCulture) + " object(s) were not applied: see @Results for each object's error_code and error_message.");
            }
            return outcome;
        }

        /// <summary>One result per object sent, in the order sent; returns how many were not applied.</summary>
        public static int Collate(string endpoint, IList<CatalogUpdate> updates, int httpStatus, string body, IList<CatalogItemResult> into)
        {
            var answered = new Dictionary<long, JsonElement>();
            var errors = new Dictionary<long, CatalogItemResult>();
            string problem = ReadAnswer(body, answered, errors);
            int failed = 0;
            foreach (CatalogUpdate u in updates)
            {
                string id = u.Id.ToString(CultureInfo.InvariantCulture);
                CatalogItemResult r;
                JsonElement item;
                if (problem != null)
                {
                    r = new CatalogItemResult { Id = u.Id, ErrorCode = WooWriteErrors.Response,
                        ErrorMessage = "POST " + endpoint + " answered " + httpStatus.ToString(CultureInfo.InvariantCulture) + " but " + problem +
                                       ": the state of every object in it is unknown. Send them again (the updates are idempotent)." };
                }
                else if (errors.TryGetValue(u.Id, out r))
                {
                }
                else if (answered.TryGetValue(u.Id, out item))
                {
                    r = new CatalogItemResult { Id = u.Id, Applied = true };
                    JsonElement qty = item.Property("stock_quantity");
                    r.StockQuantity = qty.Kind == JsonValueKind.Number ? qty.GetNumberText() : null;
                    JsonElement status = item.Property("stock_status");
                    r.StockStatus = status.Kind == JsonValueKind.String ? status.GetString() : null;
                    if (u.StockQuantity.HasValue)
                    {
                        decimal shown;
                        bool managed = item.Property("manage_stock").Kind == JsonValueKind.True;
                        bool same = r.StockQuantity != null && decimal.TryParse(r.StockQuantity, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                            CultureInfo.InvariantCulture, out shown) && shown == u.StockQuantity.Value;
                        if (!managed || !same)
                        {
                            r.Applied = false;
                            r.ErrorCode = WooWriteErrors.NotApplied;
                            r.ErrorMessage = "WooCommerce answered 200 for object " + id + " but shows manage_stock " + Raw(item.Property("manage_stock")) +
                                             " and stock_quantity " + (r.StockQuantity ?? "null") + ", not true and " + u.StockQuantity.Value.ToString(CultureInfo.InvariantCulture) +
                                             ": the quantity was dropped (store-wide stock management off, or a plugin).";
                        }
                    }
                    if (r.Applied && !string.IsNullOrEmpty(u.SalePrice))
                    {
                        JsonElement sale = item.Property("sale_price");
                        if (sale.Kind == JsonValueKind.String && sale.GetString().Length == 0)
                        {
                            r.Applied = false;
                            r.ErrorCode = WooWriteErrors.NotApplied;
                            r.ErrorMessage = "WooCommerce answered 200 for object " + id + " but cleared sale_price " + u.SalePrice +
                                             ": a sale price at or above the regular price is silently removed.";
                        }
                    }
                }
                else
                {
                    r = new CatalogItemResult { Id = u.Id, ErrorCode = WooWriteErrors.BatchMissing,
                        ErrorMessage = "WooCommerce's batch answer has no item for object " + id + ": its state is unknown. Send it again (the update is idempotent)." };
                }
                if (!r.Applied) failed++;
                into.Add(r);
            }
            return failed;
        }

        private static string Raw(JsonElement e)
        {
            return e.Exists ? e.GetRawText() : "(missing)";
        }

        private static string ReadAnswer(string body, Dictionary<long, JsonElement> answered, Dictionary<long, CatalogItemResult> errors)
        {
            JsonDocument doc;
            JsonCheckResult error;
            if (!JsonDocument.TryParse(body, out doc, out error)) return "the body is not valid JSON (" + error.Message + ")";
            if (doc.Root.Kind != JsonValueKind.Object) return "the body is " + JsonElement.Describe(doc.Root.Kind) + ", not a batch answer";
            JsonElement update = doc.Root.Property("update");
            if (update.Kind != JsonValueKind.Array) return "the answer has no \"update\" array";
            foreach (JsonElement item in update.EnumerateArray())
            {
                if (item.Kind != JsonValueKind.Object) continue;
                JsonElement idElement = item.Property("id");
                long id;
                string idText = idElement.Kind == JsonValueKind.Number ? idElement.GetNumberText()
                    : idElement.Kind == JsonValueKind.String ? idElement.GetString() : null;
                if (idText == null || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out id)) continue;
                JsonElement err = item.Property("error");
                if (!err.IsNullOrMissing)
                {
                    var r = new CatalogItemResult { Id = id };
                    if (err.Kind == JsonValueKind.Object)
                    {
                        JsonElement code = err.Property("code");
                        JsonElement message = err.Property("message");
                        r.ErrorCode = code.Kind == JsonValueKind.String ? code.GetString() : WooWriteErrors.BatchError;
                        r.ErrorMessage = "WooCommerce refused object " + id.ToString(CultureInfo.InvariantCulture) + ": " +
                                         (message.Kind == JsonValueKind.String ? message.GetString() : "(no message)");
                        JsonElement data = err.Property("data");
                        if (data.Kind == JsonValueKind.Object && data.Property("resource_id").Kind == JsonValueKind.Number)
                            r.ErrorMessage += " (the SKU belongs to " + data.Property("resource_id").GetNumberText() + ")";
                    }
                    else
                    {
                        r.ErrorCode = WooWriteErrors.BatchError;
                        r.ErrorMessage = "WooCommerce reported an error for object " + id.ToString(CultureInfo.InvariantCulture) + " in a form CpOrders does not know: " + OrderUpdate.Shorten(err.GetRawText());
                    }
                    errors[id] = r;       // an error wins over a success for the same id (the safe reading)
                    continue;
                }
                if (!errors.ContainsKey(id)) answered[id] = item;
            }
            return null;
        }
    }
}
