using System;
using System.Collections.Generic;
using System.Globalization;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>One column the plan carries: its output key (the plan's array name), Counterpoint table, name and type.</summary>
    public sealed class PlanColumn
    {
        public string PlanKey;
        public string Table;
        public string Column;
        /// <summary>SQL type name as in the reference table script: varchar, decimal, money, int, bigint, tinyint, smallint, bit, datetime, uniqueidentifier, text.</summary>
        public string SqlType;
        /// <summary>Characters for varchar (-1 for text), else null.</summary>
        public int? MaxLength;
        public int? Precision;
        public int? Scale;
        public bool IsNullableInReference;
        public bool HasDefaultInReference;
        /// <summary>1-based position in its plan key's rows.</summary>
        public int Ordinal;

        /// <summary>Decimal places the plan writes for a numeric column (money: 4), or -1 for a non-decimal column.</summary>
        public int NumericScale
        {
            get
            {
                if (SqlType == "decimal") return Scale.HasValue ? Scale.Value : 0;
                if (SqlType == "money") return 4;
                return -1;
            }
        }
    }

    /// <summary>The plan's columns (<see cref="PlanColumnCatalogText"/>), read afresh per planner instance.</summary>
    public sealed class PlanColumnCatalog
    {
        private readonly List<PlanColumn> _all = new List<PlanColumn>();
        private readonly Dictionary<string, List<PlanColumn>> _byKey = new Dictionary<string, List<PlanColumn>>(StringComparer.Ordinal);
        private readonly List<string> _keys = new List<string>();

        public PlanColumnCatalog()
        {
            string[] lines = PlanColumnCatalogText.Text.Split('\n');
            foreach (string line in lines)
            {
                if (line.Length == 0) continue;
                string[] f = line.Split('|');
                if (f.Length != 9) throw new InvalidOperationException("plan column catalogue line malformed: " + line);
                var c = new PlanColumn
                {
                    PlanKey = f[0],
                    Table = f[1],
                    Column = f[2],
                    SqlType = f[3],
                    MaxLength = ParseInt(f[4]),
                    Precision = ParseInt(f[5]),
                    Scale = ParseInt(f[6]),
                    IsNullableInReference = f[7] == "1",
                    HasDefaultInReference = f[8] == "1",
                };
                List<PlanColumn> list;
                if (!_byKey.TryGetValue(c.PlanKey, out list))
                {
                    list = new List<PlanColumn>();
                    _byKey.Add(c.PlanKey, list);
                    _keys.Add(c.PlanKey);
                }
                c.Ordinal = list.Count + 1;
                list.Add(c);
                _all.Add(c);
            }
        }

        public List<PlanColumn> All
        {
            get { return _all; }
        }

        /// <summary>Plan keys (output arrays) in output order.</summary>
        public List<string> Keys
        {
            get { return _keys; }
        }

        public List<PlanColumn> For(string planKey)
        {
            List<PlanColumn> list;
            if (!_byKey.TryGetValue(planKey, out list)) throw new InvalidOperationException("no plan key " + planKey);
            return list;
        }

        private static int? ParseInt(string s)
        {
            if (s.Length == 0) return null;
            return int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
    }
}
