using System;
using System.Collections.Generic;
using System.Globalization;
using CpOrders.WooClr.Json;

namespace CpOrders.WooClr.Documents.Planning
{
    /// <summary>
    /// One object of the planner's input (a FOR JSON row): values by name, missing = null. A value of the wrong form is a
    /// CPO-INPUT problem naming the key (never an exception); the getter then answers null.
    /// </summary>
    public sealed class PlanInputRow
    {
        private readonly JsonElement _obj;
        private readonly string _path;
        private readonly List<PlanProblem> _problems;

        public PlanInputRow(JsonElement obj, string path, List<PlanProblem> problems)
        {
            _obj = obj;
            _path = path;
            _problems = problems;
        }

        public bool Exists
        {
            get { return _obj.Kind == JsonValueKind.Object; }
        }

        public JsonElement Element
        {
            get { return _obj; }
        }

        public string Path
        {
            get { return _path; }
        }

        public JsonElement Raw(string name)
        {
            return _obj.Kind == JsonValueKind.Object ? _obj.Property(name) : default(JsonElement);
        }

        /// <summary>A string (or a number's text), trimmed (Counterpoint's char columns come padded); null when missing, null, empty or blank.</summary>
        public string Str(string name)
        {
            JsonElement v = Raw(name);
            switch (v.Kind)
            {
                case JsonValueKind.String:
                    string s = v.GetString().Trim();
                    return s.Length == 0 ? null : s;
                case JsonValueKind.Number:
                    return v.GetRawText();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                default:
                    Wrong(name, "a string");
                    return null;
            }
        }

        /// <summary>A string that must be there.</summary>
        public string Required(string name)
        {
            string s = Str(name);
            if (s == null) _problems.Add(new PlanProblem(PlanCodes.Input, _path + "." + name + " is missing; the gathering procedure must supply it.", null));
            return s;
        }

        /// <summary>An exact decimal from a JSON number or a plain decimal string (at most 4 decimals); null when missing.</summary>
        public decimal? Dec(string name)
        {
            JsonElement v = Raw(name);
            decimal value;
            string error;
            switch (v.Kind)
            {
                case JsonValueKind.Number:
                    if (Money.TryParseNumberText(v.GetRawText(), out value, out error)) return value;
                    break;
                case JsonValueKind.String:
                    string s = v.GetString().Trim();
                    if (s.Length == 0) return null;
                    if (Money.TryParseString(s, out value, out error)) return value;
                    break;
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                default:
                    error = "it is " + JsonElement.Describe(v.Kind);
                    break;
            }
            _problems.Add(new PlanProblem(PlanCodes.Input, _path + "." + name + " is not an exact decimal number (" + error + ").", null));
            return null;
        }

        public long? Long(string name)
        {
            decimal? d = Dec(name);
            if (!d.HasValue) return null;
            if (d.Value != Math.Floor(d.Value) || d.Value > long.MaxValue || d.Value < long.MinValue)
            {
                Wrong(name, "a whole number");
                return null;
            }
            return (long)d.Value;
        }

        /// <summary>An ISO date-time (FOR JSON's form, optional fraction, optional Z); null when missing.</summary>
        public DateTime? Date(string name)
        {
            string s = Str(name);
            if (s == null) return null;
            if (s.EndsWith("Z", StringComparison.Ordinal)) s = s.Substring(0, s.Length - 1);
            DateTime value;
            string[] formats = { "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.F", "yyyy-MM-dd'T'HH:mm:ss.FF", "yyyy-MM-dd'T'HH:mm:ss.FFF",
                "yyyy-MM-dd'T'HH:mm:ss.FFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
                "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFF" };
            if (DateTime.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return value;
            Wrong(name, "an ISO date-time (yyyy-MM-ddTHH:mm:ss[.fff])");
            return null;
        }

        public PlanInputRow Object(string name)
        {
            JsonElement v = Raw(name);
            if (v.Kind != JsonValueKind.Object && v.Kind != JsonValueKind.Undefined && v.Kind != JsonValueKind.Null) Wrong(name, "an object");
            return new PlanInputRow(v.Kind == JsonValueKind.Object ? v : default(JsonElement), _path + "." + name, _problems);
        }

        /// <summary>The objects of an array (a single object is taken as a one-element array: FOR JSON WITHOUT_ARRAY_WRAPPER).</summary>
        public List<PlanInputRow> Array(string name)
        {
            var rows = new List<PlanInputRow>();
            JsonElement v = Raw(name);
            if (v.Kind == JsonValueKind.Object)
            {
                rows.Add(new PlanInputRow(v, _path + "." + name, _problems));
                return rows;
            }
            if (v.Kind == JsonValueKind.Undefined || v.Kind == JsonValueKind.Null) return rows;
            if (v.Kind != JsonValueKind.Array)
            {
                Wrong(name, "an array of objects");
                return rows;
            }
            int i = 0;
            foreach (JsonElement e in v.EnumerateArray())
            {
                string p = _path + "." + name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (e.Kind != JsonValueKind.Object) _problems.Add(new PlanProblem(PlanCodes.Input, p + " is not an object.", null));
                else rows.Add(new PlanInputRow(e, p, _problems));
                i++;
            }
            return rows;
        }

        private void Wrong(string name, string expected)
        {
            _problems.Add(new PlanProblem(PlanCodes.Input, _path + "." + name + " must be " + expected + ".", null));
        }
    }
}
