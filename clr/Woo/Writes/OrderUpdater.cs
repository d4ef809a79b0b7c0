using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Http;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>What wooclr.UpdateOrder reports besides the common outputs.</summary>
    public sealed class UpdateOrderOutcome : WriteOutcome
    {
        /// <summary>True only when a PUT was answered with the wanted state.</summary>
        public bool Applied { get; set; }

        /// <summary>The order's status as last seen: from the PUT's answer, else from the GET; null when never read.</summary>
        public string CurrentStatus { get; set; }

        /// <summary>The order's JSON as last answered (the PUT's answer when applied, else the GET's); null on failure.</summary>
        public string ResponseJson { get; set; }

        /// <summary>Why nothing was written although the call succeeded: "precondition" or "unchanged"; null otherwise.</summary>
        public string SkipReason { get; set; }
    }

    /// <summary>
    /// wooclr.UpdateOrder's logic: GET orders/{id}; stop without writing when the order's status is not in the
    /// precondition list (an order is never moved backwards) or when it already has the wanted status and meta values;
    /// else PUT orders/{id} with only the wanted fields. The GET is always made, so an order already in the wanted state
    /// is not written again (a PUT would bump date_modified and make the next pull fetch the order again).
    /// </summary>
    public sealed class OrderUpdater
    {
        public const string SkippedByPrecondition = "precondition";
        public const string SkippedUnchanged = "unchanged";

        private readonly WooWriteSession _session;

        public OrderUpdater(WooWriteSession session)
        {
            _session = session;
        }

        public UpdateOrderOutcome Run(OrderUpdate update)
        {
            var outcome = new UpdateOrderOutcome();
            string path = "orders/" + update.OrderId.ToString(CultureInfo.InvariantCulture);
            WooHttpResult got = _session.Send(WooRequest.Get(path));
            if (!got.Succeeded)
            {
                outcome.Fail(_session, got);
                return outcome;
            }
            JsonDocument order;
            string problem = ReadOrder(got.Body, update.OrderId, out order);
            if (problem != null)
            {
                outcome.Fail(_session, WooWriteErrors.Response, WooWriteErrors.Response + ": GET " + path + " answered " +
                    got.StatusCode.ToString(CultureInfo.InvariantCulture) + " but " + problem + ". Nothing was written.");
                return outcome;
            }
            string current = order.Root.Property("status").GetString();
            outcome.CurrentStatus = current;
            outcome.ResponseJson = got.Body;

            if (update.OnlyIfStatusIn.Count > 0 && !update.OnlyIfStatusIn.Contains(current))
            {
                outcome.SkipReason = SkippedByPrecondition;
                outcome.Done(_session);
                return outcome;
            }
            if (IsInState(order.Root, update))
            {
                outcome.SkipReason = SkippedUnchanged;
                outcome.Done(_session);
                return outcome;
            }

            WooHttpResult put = _session.Send(WooRequest.Put(path, Body(update)));
            if (!put.Succeeded)
            {
                outcome.ResponseJson = null;
                outcome.Fail(_session, put);
                return outcome;
            }
            JsonDocument updated;
            problem = ReadOrder(put.Body, update.OrderId, out updated);
            if (problem != null)
            {
                outcome.ResponseJson = null;
                outcome.Fail(_session, WooWriteErrors.Response, WooWriteErrors.Response + ": PUT " + path + " answered " +
                    put.StatusCode.ToString(CultureInfo.InvariantCulture) + " but " + problem +
                    ". The update may have been applied; call again (it is idempotent) to see the order's state.");
                return outcome;
            }
            outcome.CurrentStatus = updated.Root.Property("status").GetString();
            outcome.ResponseJson = put.Body;
            if (update.Status != null && outcome.CurrentStatus != update.Status)
            {
                outcome.Fail(_session, WooWriteErrors.NotApplied, WooWriteErrors.NotApplied + ": PUT " + path + " answered " +
                    put.StatusCode.ToString(CultureInfo.InvariantCulture) + " but the order's status is '" + outcome.CurrentStatus +
                    "', not '" + update.Status + "': the shop (a plugin or a status rule) refused the change.");
                return outcome;
            }
            outcome.Applied = true;
            outcome.Done(_session);
            return outcome;
        }

        /// <summary>The PUT body: only the fields to change, e.g. {"status":"completed","meta_data":[{"key":"k","value":"v"}]}.</summary>
        public static string Body(OrderUpdate update)
        {
            var w = new JsonWriter();
            w.StartObject();
            if (update.Status != null) w.Name("status").String(update.Status);
            if (update.Meta.Count > 0)
            {
                w.Name("meta_data").StartArray();
                foreach (MetaEntry m in update.Meta)
                {
                    w.StartObject().Name("key").String(m.Key).Name("value").RawValue(m.ValueJson).EndObject();
                }
                w.EndArray();
            }
            w.EndObject();
            return w.ToString();
        }

        /// <summary>
        /// Whether the order already has the wanted status and, for every wanted meta key, exactly one entry with an
        /// equal value (<see cref="JsonCanonical.MetaValueEquals"/>); a wanted null means "no entry with this key".
        /// </summary>
        public static bool IsInState(JsonElement order, OrderUpdate update)
        {
            if (update.Status != null && !order.Property("status").ValueEquals(update.Status)) return false;
            if (update.Meta.Count == 0) return true;
            JsonElement meta = order.Property("meta_data");
            foreach (MetaEntry wanted in update.Meta)
            {
                int found = 0;
                bool equal = false;
                if (meta.Kind == JsonValueKind.Array)
                {
                    foreach (JsonElement entry in meta.EnumerateArray())
                    {
                        if (entry.Kind != JsonValueKind.Object || !entry.Property("key").ValueEquals(wanted.Key)) continue;
                        found++;
                        equal = JsonCanonical.MetaValueEquals(entry.Property("value"), wanted.ValueJson);
                    }
                }
                bool deleting = wanted.ValueJson == "null";
                if (deleting ? found != 0 : (found != 1 || !equal)) return false;
            }
            return true;
        }

        /// <summary>Null when the body is this order's object with a string status; else what is wrong.</summary>
        internal static string ReadOrder(string body, long orderId, out JsonDocument document)
        {
            JsonCheckResult error;
            if (!JsonDocument.TryParse(body, out document, out error)) return "the body is not valid JSON (" + error.Message + ")";
            JsonElement root = document.Root;
            if (root.Kind != JsonValueKind.Object) return "the body is " + JsonElement.Describe(root.Kind) + ", not an order object";
            JsonElement id = root.Property("id");
            if (id.Kind != JsonValueKind.Number || id.GetNumberText() != orderId.ToString(CultureInfo.InvariantCulture))
                return "the body is not order " + orderId.ToString(CultureInfo.InvariantCulture) + " (its id is " + (id.Exists ? OrderUpdate.Shorten(id.GetRawText()) : "missing") + ")";
            if (root.Property("status").Kind != JsonValueKind.String) return "the order has no status";
            return null;
        }
    }
}
