using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>One order of a batch: its id, the wanted status (or null) and meta entries (string values).</summary>
    public sealed class BatchOrder
    {
        private readonly List<MetaEntry> _meta = new List<MetaEntry>();

        public BatchOrder(long id, string status)
        {
            Id = id;
            Status = status;
        }

        public long Id { get; private set; }

        public string Status { get; private set; }

        public IList<MetaEntry> Meta
        {
            get { return _meta.AsReadOnly(); }
        }

        internal void AddMeta(MetaEntry entry)
        {
            _meta.Add(entry);
        }
    }

    /// <summary>The outcome for one order of a batch: one &lt;result/&gt; element of @Results.</summary>
    public sealed class BatchItemResult : BatchResultBase
    {
        /// <summary>The order's status in WooCommerce's answer; null when unknown.</summary>
        public string Status { get; set; }

        internal override void WriteOwnAttributes(XmlWriter w)
        {
            w.WriteAttributeString("status", XmlSafe(Status));
        }
    }

    /// <summary>What wooclr.BatchUpdateOrders reports besides the common outputs; @Results:
    /// &lt;results&gt;&lt;result id="123" applied="1" status="completed" error_code="" error_message=""/&gt;...&lt;/results&gt;.</summary>
    public sealed class BatchOutcome : BatchOutcomeBase<BatchItemResult>
    {
    }

    /// <summary>
    /// wooclr.BatchUpdateOrders' logic: one POST orders/batch {"update":[...]} for up to 100 orders (WordPress's batch
    /// limit), then every item of the answer read: an item with "error" is that order's failure, an order without an
    /// item is reported as unknown (CPO-WOO-BATCH-MISSING). A batch POST is not retried once sent (the client's rule
    /// for POST); status and meta updates are idempotent, so the caller may resend the orders that did not apply.
    /// No precondition: a batch sends the wanted state as is (use wooclr.UpdateOrder with @OnlyIfStatusIn where an
    /// order may have moved on).
    /// </summary>
    public sealed class BatchOrderUpdater
    {
        /// <summary>WordPress's REST batch limit (WooCommerce's check_batch_limit: 413 above it).</summary>
        public const int MaxOrders = 100;

        private readonly WooWriteSession _session;

        public BatchOrderUpdater(WooWriteSession session)
        {
            _session = session;
        }

        /// <summary>
        /// Reads @Updates: &lt;orders&gt;&lt;order id="123" status="completed"&gt;&lt;meta key="k" value="v"/&gt;&lt;/order&gt;...&lt;/orders&gt;.
        /// Throws CPO-PARAM for anything unusable: not this shape, an id that is not a positive number, an order with
        /// nothing to change, an id or meta key given twice, more than 100 orders.
        /// </summary>
        public static IList<BatchOrder> Parse(XmlReader reader)
        {
            var orders = new List<BatchOrder>();
            var ids = new KeySet<long>();
            BatchOrder current = null;
            bool rootSeen = false;
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    string name = reader.LocalName;
                    if (reader.Depth == 0)
                    {
                        if (name != "orders") throw Bad("the root element is <" + name + ">, not <orders>");
                        if (rootSeen) throw Bad("it holds more than one <orders> element");
                        rootSeen = true;
                    }
                    else if (reader.Depth == 1)
                    {
                        if (name != "order") throw Bad("<orders> holds <order> elements only, not <" + name + ">");
                        current = ReadOrder(reader, orders.Count + 1);
                        if (!ids.Add(current.Id)) throw Bad("order " + current.Id.ToString(CultureInfo.InvariantCulture) + " is given twice; give each order once");
                        orders.Add(current);
                        if (orders.Count > MaxOrders)
                            throw new WooWriteParameterException("@Updates holds more than " + MaxOrders.ToString(CultureInfo.InvariantCulture) +
                                " orders; WordPress accepts at most " + MaxOrders.ToString(CultureInfo.InvariantCulture) + " per batch. Send them in several calls. Nothing was sent.");
                    }
                    else if (reader.Depth == 2)
                    {
                        if (name != "meta") throw Bad("<order> holds <meta key=\"...\" value=\"...\"/> elements only, not <" + name + ">");
                        string key = reader.GetAttribute("key");
                        string value = reader.GetAttribute("value");
                        string where = "order " + current.Id.ToString(CultureInfo.InvariantCulture) + ": <meta>";
                        if (string.IsNullOrEmpty(key)) throw Bad(where + " needs a non-empty key attribute");
                        if (key.Length > OrderUpdate.MaxMetaKeyLength) throw Bad(where + " key is longer than " + OrderUpdate.MaxMetaKeyLength.ToString(CultureInfo.InvariantCulture) + " characters");
                        if (value == null) throw Bad(where + " key '" + OrderUpdate.Shorten(key) + "' needs a value attribute");
                        foreach (MetaEntry m in current.Meta)
                        {
                            if (m.Key == key) throw Bad(where + " key '" + OrderUpdate.Shorten(key) + "' is given twice");
                        }
                        current.AddMeta(new MetaEntry(key, JsonWriter.Quote(value)));
                    }
                    else
                    {
                        throw Bad("<" + name + "> is nested too deeply");
                    }
                }
            }
            catch (XmlException ex)
            {
                throw Bad("it is not well-formed XML (" + ex.Message + ")");
            }
            if (!rootSeen) throw Bad("it is empty");
            foreach (BatchOrder o in orders)
            {
                if (o.Status == null && o.Meta.Count == 0)
                    throw Bad("order " + o.Id.ToString(CultureInfo.InvariantCulture) + " has neither a status attribute nor <meta> elements: nothing to update");
            }
            return orders;
        }

        private static BatchOrder ReadOrder(XmlReader reader, int position)
        {
            string idText = reader.GetAttribute("id");
            long id;
            if (idText == null || !long.TryParse(idText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
                throw Bad("<order> number " + position.ToString(CultureInfo.InvariantCulture) + " needs id=\"...\", a WooCommerce order id (a positive number), not '" + OrderUpdate.Shorten(idText ?? "(missing)") + "'");
            string status = reader.GetAttribute("status");
            if (status != null && status.Trim().Length == 0) status = null;
            if (status != null) status = OrderUpdate.StatusSlug(status, "@Updates order " + id.ToString(CultureInfo.InvariantCulture) + " status");
            return new BatchOrder(id, status);
        }

        private static WooWriteParameterException Bad(string what)
        {
            return new WooWriteParameterException("@Updates: " + what + ". Expected <orders><order id=\"123\" status=\"completed\"><meta key=\"cp_doc_id\" value=\"...\"/></order>...</orders>. Nothing was sent.");
        }

        /// <summary>The POST body: {"update":[{"id":123,"status":"completed","meta_data":[{"key":"k","value":"v"}]},...]}.</summary>
        public static string Body(IList<BatchOrder> orders)
        {
            var w = new JsonWriter(orders.Count * 96 + 16);
            w.StartObject().Name("update").StartArray();
            foreach (BatchOrder o in orders)
            {
                w.StartObject().Name("id").Number(o.Id);
                if (o.Status != null) w.Name("status").String(o.Status);
                if (o.Meta.Count > 0)
                {
                    w.Name("meta_data").StartArray();
                    foreach (MetaEntry m in o.Meta)
                    {
                        w.StartObject().Name("key").String(m.Key).Name("value").RawValue(m.ValueJson).EndObject();
                    }
                    w.EndArray();
                }
                w.EndObject();
            }
            w.EndArray().EndObject();
            return w.ToString();
        }

        public BatchOutcome Run(IList<BatchOrder> orders)
        {
            var outcome = new BatchOutcome();
            if (orders.Count == 0)
            {
                outcome.Done(_session);
                return outcome;
            }
            WooHttpResult posted = _session.Send(WooRequest.Post("orders/batch", Body(orders)));
            if (!posted.Succeeded)
            {
                outcome.Fail(_session, posted);
                string note = posted.StatusCode == 0 && posted.Requests > 0
                    ? " The batch may or may not have been applied; the updates are idempotent: send them again."
                    : string.Empty;
                foreach (BatchOrder o in orders)
                {
                    outcome.Items.Add(new BatchItemResult { Id = o.Id, Applied = false, ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage + note });
                }
                return outcome;
            }

            int failed = Collate(orders, posted.StatusCode, posted.Body, outcome.Items);
            foreach (BatchItemResult r in outcome.Items) r.ErrorMessage = _session.Redact(r.ErrorMessage);
            if (failed == 0)
            {
                outcome.Done(_session);
            }
            else
            {
                outcome.Fail(_session, WooWriteErrors.BatchItems, WooWriteErrors.BatchItems + ": POST orders/batch answered " + posted.StatusCode.ToString(CultureInfo.InvariantCulture) +
                    ", but " + failed.ToString(CultureInfo.InvariantCulture) + " of " + orders.Count.ToString(CultureInfo.InvariantCulture) +
                    " order(s) were not applied: see @Results for each order's error_code and error_message.");
            }
            return outcome;
        }

        /// <summary>
        /// One result per order sent, in the order sent, from WooCommerce's batch answer: applied when its item has no
        /// "error" (and the wanted status), WooCommerce's error code and message when it has one, CPO-WOO-BATCH-MISSING
        /// when the answer has no item for it. Returns the number of orders not applied.
        /// </summary>
        public static int Collate(IList<BatchOrder> orders, int httpStatus, string body, IList<BatchItemResult> into)
        {
            var answered = new Dictionary<long, BatchItemResult>();
            string problem = ReadAnswer(body, answered);
            int failed = 0;
            foreach (BatchOrder o in orders)
            {
                BatchItemResult r;
                if (problem == null && answered.TryGetValue(o.Id, out r))
                {
                    if (r.Applied && o.Status != null && r.Status != o.Status)
                    {
                        r.Applied = false;
                        r.ErrorCode = WooWriteErrors.NotApplied;
                        r.ErrorMessage = "WooCommerce answered the batch, but order " + o.Id.ToString(CultureInfo.InvariantCulture) + " has status '" + r.Status +
                            "', not '" + o.Status + "': the shop (a plugin or a status rule) refused the change.";
                    }
                }
                else
                {
                    r = new BatchItemResult
                    {
                        Id = o.Id,
                        Applied = false,
                        ErrorCode = problem == null ? WooWriteErrors.BatchMissing : WooWriteErrors.Response,
                        ErrorMessage = problem == null
                            ? "WooCommerce's batch answer has no item for order " + o.Id.ToString(CultureInfo.InvariantCulture) + ": its state is unknown. Send it again (the update is idempotent)."
                            : "POST orders/batch answered " + httpStatus.ToString(CultureInfo.InvariantCulture) + " but " + problem + ": the state of every order in it is unknown. Send them again (the updates are idempotent).",
                    };
                }
                if (!r.Applied) failed++;
                into.Add(r);
            }
            return failed;
        }

        /// <summary>Reads every item of the answer's "update" array into <paramref name="answered"/> by id; null, or what is wrong.</summary>
        internal static string ReadAnswer(string body, Dictionary<long, BatchItemResult> answered)
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
                var r = new BatchItemResult { Id = id };
                JsonElement err = item.Property("error");
                if (err.Kind == JsonValueKind.Object)
                {
                    JsonElement code = err.Property("code");
                    JsonElement message = err.Property("message");
                    r.ErrorCode = code.Kind == JsonValueKind.String ? code.GetString() : WooWriteErrors.BatchError;
                    r.ErrorMessage = "WooCommerce refused order " + id.ToString(CultureInfo.InvariantCulture) + ": " +
                        (message.Kind == JsonValueKind.String ? message.GetString() : "(no message)");
                }
                else if (!err.IsNullOrMissing)
                {
                    r.ErrorCode = WooWriteErrors.BatchError;
                    r.ErrorMessage = "WooCommerce reported an error for order " + id.ToString(CultureInfo.InvariantCulture) + " in a form CpOrders does not know: " + OrderUpdate.Shorten(err.GetRawText());
                }
                else
                {
                    JsonElement status = item.Property("status");
                    r.Status = status.Kind == JsonValueKind.String ? status.GetString() : null;
                    r.Applied = true;
                }
                // An id answered twice: an error wins over a success (the safe reading).
                BatchItemResult earlier;
                if (answered.TryGetValue(id, out earlier) && !earlier.Applied) continue;
                answered[id] = r;
            }
            return null;
        }
    }
}
