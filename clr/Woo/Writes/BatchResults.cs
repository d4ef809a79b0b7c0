using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace CpOrders.WooClr.Woo.Writes
{
    /// <summary>What every object of a batch write reports (one &lt;result/&gt; of @Results): shared by
    /// wooclr.BatchUpdateOrders and wooclr.BatchUpdateProducts / BatchUpdateVariations.</summary>
    public abstract class BatchResultBase
    {
        public long Id { get; set; }
        public bool Applied { get; set; }
        public string ErrorCode { get; set; }
        public string ErrorMessage { get; set; }

        /// <summary>The attributes of this kind of batch, written between applied and error_code.</summary>
        internal abstract void WriteOwnAttributes(XmlWriter w);

        /// <summary>Characters XML cannot hold (most control characters, lone surrogates) become '?'; null becomes "".</summary>
        internal static string XmlSafe(string s)
        {
            if (string.IsNullOrEmpty(s)) return string.Empty;
            StringBuilder sb = null;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool pair = i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], c);
                if (pair)
                {
                    if (sb != null) sb.Append(c).Append(s[i + 1]);
                    i++;
                    continue;
                }
                bool ok = XmlConvert.IsXmlChar(c);
                if (ok && sb == null) continue;
                if (sb == null) sb = new StringBuilder(s, 0, i, s.Length);
                sb.Append(ok ? c : '?');
            }
            return sb == null ? s : sb.ToString();
        }
    }

    /// <summary>A batch write's outcome: the common outputs plus one result per object sent, as @Results.</summary>
    public abstract class BatchOutcomeBase<TResult> : WriteOutcome where TResult : BatchResultBase
    {
        private readonly List<TResult> _items = new List<TResult>();

        /// <summary>One result per object sent, in the order sent.</summary>
        public IList<TResult> Items
        {
            get { return _items; }
        }

        /// <summary>@Results: &lt;results&gt;&lt;result id="123" applied="1" (the batch's own attributes) error_code="" error_message=""/&gt;...&lt;/results&gt;.</summary>
        public string ResultsXml()
        {
            var sb = new StringBuilder();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, ConformanceLevel = ConformanceLevel.Document };
            using (XmlWriter w = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), settings))
            {
                w.WriteStartElement("results");
                foreach (TResult r in _items)
                {
                    w.WriteStartElement("result");
                    w.WriteAttributeString("id", r.Id.ToString(CultureInfo.InvariantCulture));
                    w.WriteAttributeString("applied", r.Applied ? "1" : "0");
                    r.WriteOwnAttributes(w);
                    w.WriteAttributeString("error_code", BatchResultBase.XmlSafe(r.ErrorCode));
                    w.WriteAttributeString("error_message", BatchResultBase.XmlSafe(r.ErrorMessage));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            return sb.ToString();
        }
    }
}
