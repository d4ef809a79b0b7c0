using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>One meta entry to set: its key and its value as JSON text (a string, number, object, array or null).</summary>
    public sealed class MetaEntry
    {
        public MetaEntry(string key, string valueJson)
        {
            Key = key;
            ValueJson = valueJson;
        }

        public string Key { get; private set; }

        /// <summary>The value as compact JSON text: <c>"DOC-1"</c>, <c>12</c>, <c>{"a":1}</c>, <c>null</c> (null deletes the key in WooCommerce).</summary>
        public string ValueJson { get; private set; }
    }

    /// <summary>
    /// What wooclr.UpdateOrder was asked to do, validated: the order, the wanted status (or none), the meta entries to
    /// set, and the statuses the order must be in for the write to happen. <see cref="Create"/> throws
    /// <see cref="WooWriteParameterException"/> (CPO-PARAM) for anything unusable, before any request.
    /// </summary>
    public sealed class OrderUpdate
    {
        /// <summary>WordPress's meta_key column is varchar(255).</summary>
        public const int MaxMetaKeyLength = 255;

        private readonly List<MetaEntry> _meta = new List<MetaEntry>();
        private readonly List<string> _onlyIfStatusIn = new List<string>();

        private OrderUpdate()
        {
        }

        public long OrderId { get; private set; }

        /// <summary>The wanted status slug (processing, completed, ...), or null to leave it.</summary>
        public string Status { get; private set; }

        public IList<MetaEntry> Meta
        {
            get { return _meta.AsReadOnly(); }
        }

        /// <summary>Empty: no precondition.</summary>
        public IList<string> OnlyIfStatusIn
        {
            get { return _onlyIfStatusIn.AsReadOnly(); }
        }

        public static OrderUpdate Create(long orderId, string status, string metaJson, string onlyIfStatusIn)
        {
            var u = new OrderUpdate();
            u.OrderId = CheckOrderId(orderId);
            if (status != null) u.Status = StatusSlug(status, "@Status");
            if (metaJson != null) ReadMeta(metaJson, u._meta);
            if (onlyIfStatusIn != null)
            {
                foreach (string part in onlyIfStatusIn.Split(','))
                {
                    if (part.Trim().Length == 0) continue;
                    string slug = StatusSlug(part, "@OnlyIfStatusIn");
                    if (!u._onlyIfStatusIn.Contains(slug)) u._onlyIfStatusIn.Add(slug);
                }
                if (u._onlyIfStatusIn.Count == 0)
                    throw new WooWriteParameterException("@OnlyIfStatusIn names no status; give a comma list such as 'pending,processing,on-hold', or NULL for no precondition.");
            }
            if (u.Status == null && u._meta.Count == 0)
                throw new WooWriteParameterException("order " + u.OrderId.ToString(CultureInfo.InvariantCulture) +
                    ": nothing to update: give @Status, @MetaJson (a non-empty array), or both.");
            return u;
        }

        internal static long CheckOrderId(long orderId)
        {
            if (orderId <= 0)
                throw new WooWriteParameterException("@OrderId must be a WooCommerce order id (a positive number), not " + orderId.ToString(CultureInfo.InvariantCulture) + ".");
            return orderId;
        }

        /// <summary>
        /// A status slug as the REST API takes it: trimmed, lower case, without WordPress's "wc-" post-status prefix
        /// (wc-completed is completed); letters, digits, '-' and '_' only, at most 40 characters.
        /// </summary>
        public static string StatusSlug(string value, string parameter)
        {
            string s = value.Trim().ToLowerInvariant();
            if (s.StartsWith("wc-", StringComparison.Ordinal)) s = s.Substring(3);
            bool ok = s.Length > 0 && s.Length <= 40;
            for (int i = 0; ok && i < s.Length; i++)
            {
                char c = s[i];
                ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            }
            if (!ok)
                throw new WooWriteParameterException(parameter + ": '" + Shorten(value) + "' is not an order status slug (such as processing, on-hold, completed: letters, digits, - and _, at most 40 characters).");
            return s;
        }

        private static void ReadMeta(string metaJson, List<MetaEntry> into)
        {
            JsonDocument doc;
            JsonCheckResult error;
            if (!JsonDocument.TryParse(metaJson, out doc, out error))
                throw new WooWriteParameterException("@MetaJson is not valid JSON: " + error.Message + ". Expected an array such as [{\"key\":\"cp_doc_id\",\"value\":\"100234\"}].");
            JsonElement root = doc.Root;
            if (root.Kind != JsonValueKind.Array)
                throw new WooWriteParameterException("@MetaJson must be a JSON array of {\"key\":...,\"value\":...} objects, not " + JsonElement.Describe(root.Kind) + ".");
            int n = 0;
            foreach (JsonElement item in root.EnumerateArray())
            {
                n++;
                string where = "@MetaJson item " + n.ToString(CultureInfo.InvariantCulture);
                if (item.Kind != JsonValueKind.Object)
                    throw new WooWriteParameterException(where + " is " + JsonElement.Describe(item.Kind) + ", not an object {\"key\":...,\"value\":...}.");
                JsonElement key = item.Property("key");
                if (key.Kind != JsonValueKind.String || key.GetString().Length == 0)
                    throw new WooWriteParameterException(where + " needs \"key\": a non-empty string.");
                string k = key.GetString();
                if (k.Length > MaxMetaKeyLength)
                    throw new WooWriteParameterException(where + ": the key is " + k.Length.ToString(CultureInfo.InvariantCulture) + " characters long; WordPress keeps at most " + MaxMetaKeyLength.ToString(CultureInfo.InvariantCulture) + ".");
                JsonElement value = item.Property("value");
                if (!value.Exists)
                    throw new WooWriteParameterException(where + " (key '" + Shorten(k) + "') needs \"value\" (use null to delete the key).");
                for (int i = 0; i < into.Count; i++)
                {
                    if (into[i].Key == k)
                        throw new WooWriteParameterException(where + ": key '" + Shorten(k) + "' is given twice; give each key once.");
                }
                into.Add(new MetaEntry(k, JsonCanonical.Write(value)));
            }
        }

        internal static string Shorten(string s)
        {
            return s.Length <= 60 ? s : s.Substring(0, 60) + "...";
        }
    }
}
